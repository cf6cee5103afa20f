// FiledWithoutReply: incoming post is read and screened, never answered.
import { z } from "zod";
import { REPLY } from "./cues";
import type { RestrictionKindModule } from "./module";
import { readNothing } from "./read";

export const schema = z.object({ kind: z.literal("FiledWithoutReply") });
type Params = z.infer<typeof schema>;

export const filedWithoutReply: RestrictionKindModule<Params> = {
  kind: "FiledWithoutReply",
  schema,
  title: "Filed without reply",
  label: "Mail filed without reply",
  letterWords: "reading and filing your correspondence without replying",
  checkedBy: () => "system",
  describe: () => "Mail is filed without reply (read and screened)",
  check(_p, { proposed }) {
    if (proposed.direction === "Out") return { breach: "Mail is filed without reply: this customer is not to be answered" };
    return { notes: ["Filed without reply: read it for new issues and safeguarding concerns, record the screening, and do not reply."] };
  },
  mailAdvice: () => "Filed without reply: read it for new issues and safeguarding concerns; do not reply",
  adjustmentCues: () => [REPLY],
  importExample: "FiledWithoutReply",
  readImport: readNothing("FiledWithoutReply"),
  form: {
    fields: [{ type: "note", text: "Correspondence is read and screened for new issues and safeguarding concerns, then filed without a reply." }],
    blank: () => ({}),
    toParams: () => ({ kind: "FiledWithoutReply" }),
    problems: () => ({}),
    issueField: () => "name",
  },
};
