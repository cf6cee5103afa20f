// NoSameMatter: no further complaints or requests about matters already dealt with.
import { z } from "zod";
import { describeMatters } from "../wording";
import { text } from "./form-parts";
import type { RestrictionKindModule } from "./module";
import { no, ok, readList } from "./read";

export const schema = z.object({ kind: z.literal("NoSameMatter"), matterRefs: z.array(z.string().min(1)).min(1) });
type Params = z.infer<typeof schema>;

const normaliseMatter = (ref: string) => ref.trim().toLowerCase();
const matterList = (s: string) => s.split(/[,;\n]/).map((m) => m.trim()).filter(Boolean);

export const noSameMatter: RestrictionKindModule<Params> = {
  kind: "NoSameMatter",
  schema,
  title: "No further contact about the same matter",
  label: "No further contact on closed matters",
  letterWords: "not replying to further contact about matters already dealt with",
  checkedBy: () => "system",
  describe: (p) => `No further complaints about ${describeMatters(p.matterRefs)}`,
  // Both directions: the customer raising it again is the breach; our writing about it would reopen it.
  check(p, { proposed, label }) {
    const ref = proposed.matterRef?.trim();
    if (!ref) return { notes: [`${label}: check this contact is not about ${describeMatters(p.matterRefs)}.`] };
    const hit = p.matterRefs.find((m) => normaliseMatter(m) === normaliseMatter(ref));
    return hit ? { breach: `${label}: this contact is about ${hit.trim()}` } : {};
  },
  mailAdvice: (p, { label }) => `${label}: if it is about ${describeMatters(p.matterRefs)}, do not reopen it; log it and take no further action on that matter`,
  adjustmentCues: () => [],
  importExample: "NoSameMatter: HOU-1001, HOU-1002",
  readImport(a) {
    const matterRefs = readList(a, /,|\n/);
    return matterRefs.length ? ok({ kind: "NoSameMatter", matterRefs }) : no("list the matter references, e.g. HOU-1001, HOU-1002");
  },
  form: {
    fields: [{ type: "text", name: "matters", label: "Matter references already dealt with (separate with commas)", required: true }],
    blank: () => ({ matters: "" }),
    toParams: (v) => ({ kind: "NoSameMatter", matterRefs: matterList(text(v, "matters")) }),
    problems: (v) => (matterList(text(v, "matters")).length ? {} : { matters: "Give at least one matter reference already dealt with, such as EST-2291." }),
    issueField: () => "name",
  },
};
