// NewIssuesOnly: only contact raising a new issue is dealt with.
import { z } from "zod";
import type { RestrictionKindModule } from "./module";
import { readNothing } from "./read";

export const schema = z.object({ kind: z.literal("NewIssuesOnly") });
type Params = z.infer<typeof schema>;

export const newIssuesOnly: RestrictionKindModule<Params> = {
  kind: "NewIssuesOnly",
  schema,
  title: "New issues only",
  label: "Only new issues dealt with",
  letterWords: "dealing only with new issues",
  checkedBy: () => "system",
  describe: () => "Only new issues are dealt with",
  // Whether something is new is a judgement, so an unjudged contact gets a prompt rather than a refusal.
  check(_p, { proposed, label }) {
    if (proposed.newIssue === false) return { breach: `${label}: this contact raises no new issue` };
    if (proposed.newIssue === undefined) return { notes: [`${label}: check whether it raises a new issue before dealing with it.`] };
    return {};
  },
  mailAdvice: (_p, { label }) => `${label}: read it and deal only with anything new`,
  adjustmentCues: () => [],
  importExample: "NewIssuesOnly",
  readImport: readNothing("NewIssuesOnly"),
  form: {
    fields: [{ type: "note", text: "Only contact raising a new issue is dealt with; repeats of settled matters are acknowledged and filed." }],
    blank: () => ({}),
    toParams: () => ({ kind: "NewIssuesOnly" }),
    problems: () => ({}),
    issueField: () => "name",
  },
};
