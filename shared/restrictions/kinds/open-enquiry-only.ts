// OpenEnquiryOnly: communication is answered only where it is relevant to an open enquiry (hampshire-sendiass).
import { z } from "zod";
import { joinWords } from "../wording";
import { REPLY } from "./cues";
import { text } from "./form-parts";
import type { RestrictionKindModule } from "./module";
import { ok, readList } from "./read";

export const schema = z.object({
  kind: z.literal("OpenEnquiryOnly"),
  /** The open enquiries' references, when known: then a contact's matter reference can be checked against them. */
  enquiryRefs: z.array(z.string().trim().min(1).max(40, "An enquiry reference is at most 40 characters")).max(10, "Name at most 10 open enquiries").optional(),
});
type Params = z.infer<typeof schema>;

const refsOf = (p: Params) => (p.enquiryRefs ?? []).map((r) => r.trim()).filter(Boolean);
const same = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();
const refList = (s: string) => s.split(/[,;\n]/).map((m) => m.trim()).filter(Boolean);

/** Whether the machine can tell: only when the open enquiries are named can a contact's matter reference be compared. */
const who = (p: Params) => (refsOf(p).length ? "checked against the contact's matter reference" : "checked by staff, not by the system");

export const openEnquiryOnly: RestrictionKindModule<Params> = {
  kind: "OpenEnquiryOnly",
  schema,
  title: "Only communication about an open enquiry is answered",
  label: "Only communication about an open enquiry answered",
  letterWords: "answering your communication only where it is relevant to an open enquiry",
  checkedBy: (p) => (refsOf(p).length ? "system" : "staff"),
  describe(p) {
    const refs = refsOf(p);
    const about = refs.length ? `${refs.length === 1 ? "the open enquiry" : "the open enquiries"} ${joinWords(refs)}` : "an open enquiry";
    return `Communication is answered only where it concerns ${about} (${who(p)})`;
  },
  // Relevance is a judgement: without references, or without a matter reference on the contact, staff are prompted.
  // With both, a contact about some other matter is one the service has said it will not answer.
  check(p, { proposed, label }) {
    if (proposed.direction !== "In") return {};
    const refs = refsOf(p);
    const ref = proposed.matterRef?.trim();
    if (!refs.length || !ref) return { notes: [`${label}: answer it only if it concerns an open enquiry; otherwise log it and do not reply.`] };
    if (refs.some((r) => same(r, ref))) return {};
    return { breach: `${label}: this contact is about ${ref}, which is not an open enquiry` };
  },
  mailAdvice: (_p, { label }) => `${label}: read it; answer it only where it concerns an open enquiry, and otherwise log it and do not reply`,
  adjustmentCues: () => [REPLY],
  importExample: "OpenEnquiryOnly (or OpenEnquiryOnly: ENQ-101, ENQ-102)",
  readImport(a) {
    const enquiryRefs = readList(a, /,|\n/);
    return ok({ kind: "OpenEnquiryOnly", ...(enquiryRefs.length ? { enquiryRefs } : {}) });
  },
  form: {
    fields: [
      { type: "note", text: "The customer is told that communication is answered only where it is relevant to an open enquiry. Staff judge that, unless the enquiries' references are given below." },
      { type: "text", name: "enquiries", label: "Open enquiry references (optional; separate with commas)", hint: "With references, a contact logged with another matter reference is shown as going against the restriction." },
    ],
    blank: () => ({ enquiries: "" }),
    toParams(v) {
      const enquiryRefs = refList(text(v, "enquiries"));
      return { kind: "OpenEnquiryOnly", ...(enquiryRefs.length ? { enquiryRefs } : {}) };
    },
    problems: () => ({}),
    issueField: () => "enquiries",
  },
};
