// CallLength: a time limit on telephone calls and/or personal (face-to-face) contacts.
import { z } from "zod";
import { plural } from "../wording";
import { EXTRA_TIME } from "./cues";
import { isWhole, strings, text } from "./form-parts";
import type { RestrictionKindModule } from "./module";
import { no, ok } from "./read";

/** The forms a time limit can apply to: cumbria-fire-2023 §2.2 "telephone conversations and personal contacts". */
const TIMED = ["Phone", "InPerson"] as const;
type Timed = (typeof TIMED)[number];

export const schema = z.object({
  kind: z.literal("CallLength"),
  maxMinutes: z.number().int().positive(),
  /** What the limit applies to; absent on rows written before personal contacts could be limited, which meant calls. */
  applies: z.array(z.enum(TIMED)).min(1, "Tick calls, personal contact or both").optional(),
});
type Params = z.infer<typeof schema>;

/** The forms limited: calls alone on rows written before the choice existed. */
export const timedChannels = (p: Params): Timed[] => (p.applies?.length ? [...p.applies] : ["Phone"]);

const NOUN: Record<Timed, { many: string; one: string }> = {
  Phone: { many: "Calls", one: "call" },
  InPerson: { many: "Personal contact", one: "meeting" },
};

export const callLength: RestrictionKindModule<Params> = {
  kind: "CallLength",
  schema,
  title: "Time limit on calls or personal contact",
  label: "A time limit on calls or personal contact",
  letterWords: "placing time limits on telephone calls and personal contact",
  checkedBy: () => "system",
  describe(p) {
    const limited = timedChannels(p);
    const what = limited.length === 2 ? "Calls and personal contact" : NOUN[limited[0]].many;
    return `${what} limited to ${plural(p.maxMinutes, "minute", "minutes")}`;
  },
  // Every limited contact, whoever started it, since the limit protects staff time either way.
  check(p, { proposed, label }) {
    const channel = proposed.channel;
    if (!(timedChannels(p) as string[]).includes(channel)) return {};
    const noun = NOUN[channel as Timed].one;
    if (proposed.minutes === undefined) return { notes: [`${label}: end the ${noun} when the time is up.`] };
    if (proposed.minutes <= p.maxMinutes) return {};
    return { breach: `${label}: this ${noun} took ${plural(proposed.minutes, "minute", "minutes")}` };
  },
  mailAdvice: () => null,
  adjustmentCues: () => [EXTRA_TIME],
  importExample: "CallLength: 15 minutes",
  readImport(a) {
    const m = /^(\d+)\s*(?:min(?:ute)?s?)?(?:\s+for\s+(.+))?$/i.exec(a);
    if (!m) return no("give the most minutes a call may last, e.g. 15 minutes (or 15 minutes for calls and visits)");
    if (!m[2]) return ok({ kind: "CallLength", maxMinutes: Number(m[1]) });
    const words = m[2].toLowerCase();
    const applies: Timed[] = [];
    if (/\b(calls?|phone|telephone)\b/.test(words)) applies.push("Phone");
    if (/\b(visits?|meetings?|personal contacts?|in person|face to face)\b/.test(words)) applies.push("InPerson");
    return applies.length ? ok({ kind: "CallLength", maxMinutes: Number(m[1]), applies }) : no(`"${m[2]}" is neither calls nor visits`);
  },
  form: {
    fields: [
      { type: "number", name: "maxMinutes", label: "Longest a call or meeting may last (minutes)", required: true },
      { type: "checkboxes", name: "applies", label: "Applies to", options: [{ value: "Phone", label: "Telephone calls" }, { value: "InPerson", label: "Personal contact (meetings and visits)" }] },
    ],
    blank: () => ({ maxMinutes: "15", applies: ["Phone"] }),
    // Forms filled in before the choice existed limited calls.
    toParams: (v) => ({ kind: "CallLength", maxMinutes: Number(text(v, "maxMinutes")), applies: Array.isArray(v.applies) ? strings(v, "applies") : ["Phone"] }),
    problems(v) {
      const out: Partial<Record<string, string>> = {};
      if (!isWhole(v.maxMinutes)) out.maxMinutes = "Give the longest a call may last, in whole minutes.";
      if (Array.isArray(v.applies) && !strings(v, "applies").length) out.applies = "Tick calls, personal contact or both.";
      return out;
    },
    issueField: () => "name",
  },
};
