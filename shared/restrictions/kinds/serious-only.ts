// SeriousOnly: only significant and serious queries are dealt with.
import { z } from "zod";
import type { RestrictionKindModule } from "./module";
import { readNothing } from "./read";

export const schema = z.object({ kind: z.literal("SeriousOnly") });
type Params = z.infer<typeof schema>;

export const seriousOnly: RestrictionKindModule<Params> = {
  kind: "SeriousOnly",
  schema,
  title: "Significant and serious queries only",
  label: "Only serious queries dealt with",
  letterWords: "dealing only with significant and serious queries",
  checkedBy: () => "system",
  describe: () => "Only significant and serious queries are dealt with",
  // Whether something is serious is a judgement, so an unjudged contact gets a prompt rather than a refusal.
  check(_p, { proposed, label }) {
    if (proposed.serious === false) return { breach: `${label}: this query is not significant and serious` };
    if (proposed.serious === undefined) return { notes: [`${label}: check whether it is significant and serious before dealing with it.`] };
    return {};
  },
  // "Deal with", not "reply": another restriction may say how (or whether) a reply goes.
  mailAdvice: (_p, { label }) => `${label}: read it and deal with it only if it raises something significant and serious`,
  adjustmentCues: () => [],
  importExample: "SeriousOnly",
  readImport: readNothing("SeriousOnly"),
  form: {
    fields: [{ type: "note", text: "Only significant and serious queries are dealt with." }],
    blank: () => ({}),
    toParams: () => ({ kind: "SeriousOnly" }),
    problems: () => ({}),
    issueField: () => "name",
  },
};
