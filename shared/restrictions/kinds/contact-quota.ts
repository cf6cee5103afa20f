// ContactQuota: at most so many contacts from the customer a week or a month, optionally in one set form.
import { z } from "zod";
import { CONTACT_CHANNELS, type ContactChannel } from "../../domain/vocab";
import { countQuotaContacts, quotaPeriod } from "../quota";
import { CHANNEL_WORDS, plural } from "../wording";
import { cuesExcept } from "./cues";
import { CONTACT_CHANNEL_OPTIONS, isWhole, text } from "./form-parts";
import type { RestrictionKindModule } from "./module";
import { no, ok, readChannel } from "./read";

export const schema = z.object({
  kind: z.literal("ContactQuota"),
  max: z.number().int().positive(),
  per: z.enum(["Week", "Month"]),
  /** The set form contacts must take; null when any channel counts. */
  channel: z.enum(CONTACT_CHANNELS).nullable(),
});
type Params = z.infer<typeof schema>;

export const contactQuota: RestrictionKindModule<Params> = {
  kind: "ContactQuota",
  schema,
  title: "Contact quota",
  label: "A limit on the number of contacts",
  letterWords: "limiting the number of contacts you make each week or month, in a set form and time slot",
  checkedBy: () => "system",
  describe(p) {
    const per = p.per === "Week" ? "a week" : "a month";
    const form = p.channel ? `, ${CHANNEL_WORDS[p.channel].by}` : "";
    return `At most ${plural(p.max, "contact", "contacts")} ${per}${form}`;
  },
  check(p, { proposed, history, row, label }) {
    if (proposed.direction !== "In") return {};
    if (p.channel && proposed.channel !== p.channel) return { breach: `${label}: this contact is ${CHANNEL_WORDS[proposed.channel].by}` };
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
  mailAdvice(p, { label, passOn }) {
    if (p.channel && p.channel !== "Email") return `${label}: e-mail is not the agreed form; do not deal with it by e-mail${passOn}`;
    return `${label}: this e-mail counts towards the limit; check the count before dealing with it`;
  },
  adjustmentCues: (p) => (p.channel ? cuesExcept([p.channel]) : []),
  importExample: "ContactQuota: 2 per week by letter",
  readImport(a) {
    const m = /^(\d+)\s*(?:contacts?\s*)?(?:per|a|an|each)\s+(week|month)(?:\s+by\s+(.+))?$/i.exec(a);
    if (!m) return no("give it as a number per week or per month, optionally with the form, e.g. 2 per week by letter");
    const channel = m[3] ? readChannel(m[3]) : null;
    if (m[3] && !channel) return no(`"${m[3]}" is not a channel (${CONTACT_CHANNELS.join(", ")})`);
    return ok({ kind: "ContactQuota", max: Number(m[1]), per: m[2].toLowerCase() === "week" ? "Week" : "Month", channel: channel ?? null });
  },
  form: {
    fields: [
      {
        type: "row",
        fields: [
          { type: "number", name: "max", label: "Contacts allowed", required: true },
          { type: "select", name: "per", label: "Per", options: [{ value: "Week", label: "Week" }, { value: "Month", label: "Month" }] },
          { type: "select", name: "channel", label: "In this form", options: [{ value: "", label: "Any form" }, ...CONTACT_CHANNEL_OPTIONS] },
        ],
      },
    ],
    blank: () => ({ max: "2", per: "Week", channel: "" }),
    toParams: (v) => ({ kind: "ContactQuota", max: Number(text(v, "max")), per: text(v, "per"), channel: (text(v, "channel") || null) as ContactChannel | null }),
    problems: (v) => (isWhole(v.max) ? {} : { max: "Give the number of contacts allowed as a whole number, such as 2." }),
    issueField: () => "name",
  },
};
