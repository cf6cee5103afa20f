// CallSlots: the customer may ring (or contact us in the forms named) only on set days and times, London wall-clock time.
import { z } from "zod";
import { callSlotSchema, type CallSlot } from "../../domain/restriction-parts";
import { CONTACT_CHANNELS, type ContactChannel } from "../../domain/vocab";
import { describeMoment, describeSlots, withinSlots } from "../call-slots";
import { CHANNEL_WORDS, joinWords } from "../wording";
import { TIMING } from "./cues";
import { CONTACT_CHANNEL_OPTIONS, strings } from "./form-parts";
import type { FormSlot, RestrictionKindModule } from "./module";
import { DAY_ALIASES, hhmm, no, ok, readChannels, readList } from "./read";

export const schema = z.object({
  kind: z.literal("CallSlots"),
  slots: z.array(callSlotSchema).min(1, "Give at least one call slot"),
  /**
   * The forms the slots apply to (council-ccm-2014 §6: contacts "in a specified form … and during a particular time
   * slot"); absent on rows written before, which meant telephone calls.
   */
  channels: z.array(z.enum(CONTACT_CHANNELS)).min(1, "Tick at least one form of contact").optional(),
});
type Params = z.infer<typeof schema>;

/** The forms the slots apply to: calls alone on rows written before the choice existed. */
export const slotChannels = (p: Params): ContactChannel[] => (p.channels?.length ? [...p.channels] : ["Phone"]);

/** "Calls" for calls alone (the words rows have always had); otherwise "Contact by e-mail or by letter". */
function what(p: Params): string {
  const channels = slotChannels(p);
  if (channels.length === 1 && channels[0] === "Phone") return "Calls";
  return `Contact ${joinWords(channels.map((c) => CHANNEL_WORDS[c].by), "or")}`;
}

export const callSlots: RestrictionKindModule<Params> = {
  kind: "CallSlots",
  schema,
  title: "Time slots (days and times)",
  label: "Contact only in set time slots",
  letterWords: "limiting telephone calls, or other contact, to set days and times",
  checkedBy: () => "system",
  describe: (p) => `${what(p)} only ${describeSlots(p.slots)}`,
  // The slots limit when the customer may contact us. Our own contact is not limited: an officer may need to ring or
  // write outside them (to meet a deadline, or because the officer is not in on that day), so they get a note.
  check(p, { proposed, label }) {
    if (!slotChannels(p).includes(proposed.channel) || withinSlots(p.slots, proposed.at)) return {};
    if (proposed.direction === "Out") {
      const ours = proposed.channel === "Phone" ? "calls from us" : "contact from us";
      return { notes: [`${label}: ${ours} ${proposed.channel === "Phone" ? "are" : "is"} not limited, but keep to these times where you can so the arrangement holds.`] };
    }
    return { breach: `${what(p)} only on ${describeSlots(p.slots)}: it is ${describeMoment(proposed.at)}` };
  },
  // Calls alone: listed with the other restrictions, not as advice on this mail.
  mailAdvice(p, { label }) {
    if (!slotChannels(p).includes("Email")) return null;
    return `${label}: check when it was sent; one sent outside these times goes against the arrangement, so log it as such`;
  },
  adjustmentCues: () => [TIMING],
  importExample: "CallSlots: Tue 10:00-12:00, Thu 14:00-16:00",
  readImport(a) {
    const split = /^(.*?)\s+for\s+(.+)$/i.exec(a);
    const read = split ? readChannels(split[2]) : { value: [] };
    if (read.bad !== undefined) return no(`"${read.bad}" is not a channel (${CONTACT_CHANNELS.join(", ")})`);
    const slots = readList(split ? split[1] : a, /,|\n/).map((s) => {
      const m = /^([a-z]+)\s+(\S+)\s*(?:-|–|to)\s*(\S+)$/i.exec(s);
      const day = m ? DAY_ALIASES[m[1].toLowerCase()] : undefined;
      return m && day ? { day, from: hhmm(m[2]), to: hhmm(m[3]) } : null;
    });
    if (!slots.length || slots.some((s) => !s || !s.from || !s.to)) return no("give each slot as a day and times, e.g. Tue 10:00-12:00, Thu 14:00-16:00");
    return ok({ kind: "CallSlots", slots, ...(read.value.length ? { channels: read.value } : {}) });
  },
  form: {
    fields: [
      { type: "checkboxes", name: "channels", label: "Applies to", hint: "The forms of contact the customer may use only in these slots.", options: CONTACT_CHANNEL_OPTIONS },
      { type: "slots", name: "slots", noun: "Time slot", added: { day: "Thu", from: "10:00", to: "12:00" } },
    ],
    blank: (): { slots: FormSlot[]; channels: string[] } => ({ channels: ["Phone"], slots: [{ day: "Tue", from: "10:00", to: "12:00" }] }),
    // Forms filled in before the choice existed limited calls.
    toParams: (v) => ({ kind: "CallSlots", slots: v.slots as CallSlot[], channels: Array.isArray(v.channels) ? strings(v, "channels") : ["Phone"] }),
    problems: (v) => (Array.isArray(v.channels) && !strings(v, "channels").length ? { channels: "Tick at least one form of contact the slots apply to." } : {}),
    issueField: () => "slots",
    issueWords(path) {
      if (path[0] === "channels") return "Tick at least one form of contact the slots apply to.";
      const slot = path[0] === "slots" && path[1] !== undefined ? `Time slot ${Number(path[1]) + 1}: ` : "";
      return `${slot}give the day and the times it starts and ends, as HH:MM on the 24-hour clock.`;
    },
  },
};
