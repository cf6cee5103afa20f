// ContactQuota: at most so many contacts from the customer a week or a month, counting only the forms it names.
import { z } from "zod";
import { CONTACT_CHANNELS, type ContactChannel } from "../../domain/vocab";
import { countQuotaContacts, quotaChannels, quotaPeriod } from "../quota";
import { CHANNEL_WORDS, joinWords, plural } from "../wording";
import { cuesFor } from "./cues";
import { CONTACT_CHANNEL_OPTIONS, isWhole, strings, text } from "./form-parts";
import type { RestrictionKindModule } from "./module";
import { no, ok, readChannels } from "./read";

export const schema = z.object({
  kind: z.literal("ContactQuota"),
  max: z.number().int().positive(),
  per: z.enum(["Week", "Month"]),
  /** The forms that count towards the limit; empty (or absent, on rows written before it) when every form counts. */
  channels: z.array(z.enum(CONTACT_CHANNELS)).optional(),
  /** Rows written before `channels`: the one form that counted, or null for any. Read, never written. */
  channel: z.enum(CONTACT_CHANNELS).nullable().optional(),
});
type Params = z.infer<typeof schema>;

/** "by phone", "by phone or by letter"; empty when every form counts. */
const formWords = (channels: readonly ContactChannel[]) => joinWords(channels.map((c) => CHANNEL_WORDS[c].by), "or");

export const contactQuota: RestrictionKindModule<Params> = {
  kind: "ContactQuota",
  schema,
  title: "Contact quota",
  label: "A limit on the number of contacts",
  letterWords: "limiting the number of contacts you make each week or month, in a set form and time slot",
  checkedBy: () => "system",
  describe(p) {
    const per = p.per === "Week" ? "a week" : "a month";
    const channels = quotaChannels(p);
    return `At most ${plural(p.max, "contact", "contacts")} ${per}${channels.length ? `, ${formWords(channels)}` : ""}`;
  },
  // cumbria-fire-2023 §2.2 "Restricting the number of telephone calls that will be taken": a quota on calls counts calls
  // and says nothing about letters or e-mails, so a contact in a form the quota does not name neither counts nor breaches.
  check(p, { proposed, history, row }) {
    if (proposed.direction !== "In") return {};
    const channels = quotaChannels(p);
    if (channels.length && !channels.includes(proposed.channel)) return {};
    const period = p.per === "Week" ? "week" : "month";
    const { start } = quotaPeriod(p.per, proposed.at);
    // Only contacts strictly before this one count, so one already logged at this instant is not counted twice.
    const n = countQuotaContacts(row, p, history, start, proposed.at) + 1;
    if (n > p.max) {
      return {
        breach: `${period === "week" ? "Weekly" : "Monthly"} limit reached: only ${p.max} ${p.max === 1 ? "contact is" : "contacts are"} allowed a ${period}, and this is contact ${n} this ${period}`,
      };
    }
    if (n === p.max) return { notes: [`This is the last of the ${p.max} contacts allowed this ${period}.`] };
    return {};
  },
  // A quota that does not count e-mail says nothing about this mail: it is listed with the other restrictions instead.
  mailAdvice(p, { label }) {
    const channels = quotaChannels(p);
    if (channels.length && !channels.includes("Email")) return null;
    return `${label}: this e-mail counts towards the limit; check the count before dealing with it`;
  },
  // Rationing a form may undo an adjustment that relies on that form; a quota on every form is about frequency alone.
  adjustmentCues: (p) => cuesFor(quotaChannels(p)),
  importExample: "ContactQuota: 2 per week by letter",
  readImport(a) {
    const m = /^(\d+)\s*(?:contacts?\s*)?(?:per|a|an|each)\s+(week|month)(?:\s+by\s+(.+))?$/i.exec(a);
    if (!m) return no("give it as a number per week or per month, optionally with the form, e.g. 2 per week by letter");
    const read = m[3] ? readChannels(m[3]) : { value: [] };
    if (read.bad !== undefined) return no(`"${read.bad}" is not a channel (${CONTACT_CHANNELS.join(", ")})`);
    return ok({ kind: "ContactQuota", max: Number(m[1]), per: m[2].toLowerCase() === "week" ? "Week" : "Month", channels: read.value });
  },
  form: {
    fields: [
      {
        type: "row",
        fields: [
          { type: "number", name: "max", label: "Contacts allowed", required: true },
          { type: "select", name: "per", label: "Per", options: [{ value: "Week", label: "Week" }, { value: "Month", label: "Month" }] },
        ],
      },
      { type: "checkboxes", name: "channels", label: "Forms that count", hint: "Tick none to count every form. Contacts in a form not ticked are not counted and not refused by this limit.", options: CONTACT_CHANNEL_OPTIONS },
    ],
    blank: () => ({ max: "2", per: "Week", channels: [] }),
    toParams(v) {
      // Forms filled in before the list of forms had one "channel" choice ("" for any form).
      const channels = Array.isArray(v.channels) ? strings(v, "channels") : text(v, "channel") ? [text(v, "channel")] : [];
      return { kind: "ContactQuota", max: Number(text(v, "max")), per: text(v, "per"), channels };
    },
    problems: (v) => (isWhole(v.max) ? {} : { max: "Give the number of contacts allowed as a whole number, such as 2." }),
    issueField: () => "name",
  },
};
