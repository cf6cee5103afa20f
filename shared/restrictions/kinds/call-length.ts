// CallLength: a limit on how long a telephone call may last.
import { z } from "zod";
import { plural } from "../wording";
import { EXTRA_TIME } from "./cues";
import { isWhole, text } from "./form-parts";
import type { RestrictionKindModule } from "./module";
import { no, ok } from "./read";

export const schema = z.object({ kind: z.literal("CallLength"), maxMinutes: z.number().int().positive() });
type Params = z.infer<typeof schema>;

export const callLength: RestrictionKindModule<Params> = {
  kind: "CallLength",
  schema,
  title: "Call length",
  label: "A limit on call length",
  letterWords: "limiting the length of telephone calls",
  checkedBy: () => "system",
  describe: (p) => `Calls limited to ${plural(p.maxMinutes, "minute", "minutes")}`,
  // Every call, whoever rang, since the limit protects staff time either way.
  check(p, { proposed, label }) {
    if (proposed.channel !== "Phone") return {};
    if (proposed.minutes === undefined) return { notes: [`${label}: end the call when the time is up.`] };
    if (proposed.minutes <= p.maxMinutes) return {};
    return { breach: `${label}: this call took ${plural(proposed.minutes, "minute", "minutes")}` };
  },
  mailAdvice: () => null,
  adjustmentCues: () => [EXTRA_TIME],
  importExample: "CallLength: 15 minutes",
  readImport(a) {
    const m = /^(\d+)\s*(?:min(?:ute)?s?)?$/i.exec(a);
    return m ? ok({ kind: "CallLength", maxMinutes: Number(m[1]) }) : no("give the most minutes a call may last, e.g. 15 minutes");
  },
  form: {
    fields: [{ type: "number", name: "maxMinutes", label: "Longest a call may last (minutes)", required: true }],
    blank: () => ({ maxMinutes: "15" }),
    toParams: (v) => ({ kind: "CallLength", maxMinutes: Number(text(v, "maxMinutes")) }),
    problems: (v) => (isWhole(v.maxMinutes) ? {} : { maxMinutes: "Give the longest a call may last, in whole minutes." }),
    issueField: () => "name",
  },
};
