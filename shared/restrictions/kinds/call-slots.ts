// CallSlots: the customer may ring only on set days and times (London wall-clock time).
import { z } from "zod";
import { callSlotSchema, type CallSlot } from "../../domain/restriction-parts";
import { describeMoment, describeSlots, withinSlots } from "../call-slots";
import { TIMING } from "./cues";
import type { FormSlot, RestrictionKindModule } from "./module";
import { DAY_ALIASES, hhmm, no, ok, readList } from "./read";

export const schema = z.object({ kind: z.literal("CallSlots"), slots: z.array(callSlotSchema).min(1, "Give at least one call slot") });
type Params = z.infer<typeof schema>;

export const callSlots: RestrictionKindModule<Params> = {
  kind: "CallSlots",
  schema,
  title: "Call slots (days and times)",
  label: "Calls only in set slots",
  letterWords: "limiting telephone calls to set days and times",
  checkedBy: () => "system",
  describe: (p) => `Calls only ${describeSlots(p.slots)}`,
  // The slots limit when the customer may ring us. Our own call-backs are not limited: an officer may need to
  // ring outside them (to meet a deadline, or because the officer is not in on that day), so they get a note.
  check(p, { proposed, label }) {
    if (proposed.channel !== "Phone" || withinSlots(p.slots, proposed.at)) return {};
    if (proposed.direction === "Out") return { notes: [`${label}: calls from us are not limited, but keep to these times where you can so the arrangement holds.`] };
    return { breach: `Calls only on ${describeSlots(p.slots)}: it is ${describeMoment(proposed.at)}` };
  },
  // About calls only: listed with the other restrictions, not as advice on this mail.
  mailAdvice: () => null,
  adjustmentCues: () => [TIMING],
  importExample: "CallSlots: Tue 10:00-12:00, Thu 14:00-16:00",
  readImport(a) {
    const slots = readList(a, /,|\n/).map((s) => {
      const m = /^([a-z]+)\s+(\S+)\s*(?:-|–|to)\s*(\S+)$/i.exec(s);
      const day = m ? DAY_ALIASES[m[1].toLowerCase()] : undefined;
      return m && day ? { day, from: hhmm(m[2]), to: hhmm(m[3]) } : null;
    });
    if (!slots.length || slots.some((s) => !s || !s.from || !s.to)) return no("give each slot as a day and times, e.g. Tue 10:00-12:00, Thu 14:00-16:00");
    return ok({ kind: "CallSlots", slots });
  },
  form: {
    fields: [{ type: "slots", name: "slots", noun: "Call slot", added: { day: "Thu", from: "10:00", to: "12:00" } }],
    blank: (): { slots: FormSlot[] } => ({ slots: [{ day: "Tue", from: "10:00", to: "12:00" }] }),
    toParams: (v) => ({ kind: "CallSlots", slots: v.slots as CallSlot[] }),
    problems: () => ({}),
    issueField: () => "slots",
    issueWords(path) {
      const slot = path[0] === "slots" && path[1] !== undefined ? `Call slot ${Number(path[1]) + 1}: ` : "";
      return `${slot}give the day and the times it starts and ends, as HH:MM on the 24-hour clock.`;
    },
  },
};
