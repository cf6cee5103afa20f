// Described: a restriction in the decider's own words, for policies whose list of restrictions is open; staff check it.
import { z } from "zod";
import { text } from "./form-parts";
import type { RestrictionKindModule } from "./module";
import { no, ok } from "./read";

/** Short enough that the words and their label fit UpcRestrictions.Title (255 characters). */
export const DESCRIBED_MAX = 200;

/** Shown wherever the restriction is, so nobody takes the system's silence for a check. */
export const STAFF_CHECKED = "checked by staff, not by the system";

export const schema = z.object({
  kind: z.literal("Described"),
  text: z.string().trim().min(1, "Describe the restriction in a sentence the customer and staff will understand").max(DESCRIBED_MAX, `Keep the description to ${DESCRIBED_MAX} characters`),
});
type Params = z.infer<typeof schema>;

export const described: RestrictionKindModule<Params> = {
  kind: "Described",
  schema,
  title: "Another restriction, described in words",
  label: "Another restriction, described in words",
  letterWords: "other arrangements suited to the circumstances",
  checkedBy: () => "staff",
  describe: (p) => `${p.text.trim()} (${STAFF_CHECKED})`,
  // The system cannot read free text: it never refuses a contact for it, only reminds staff to check it.
  check: (_p, { label }) => ({ notes: [`${label}: check this contact against it yourself.`] }),
  mailAdvice: (_p, { label }) => `${label}: read this e-mail with it in mind`,
  // Free text names no channel or time the system can match against an adjustment; the decider reads both.
  adjustmentCues: () => [],
  importExample: "Described: Meetings only at the Civic Centre reception",
  readImport(a) {
    const t = a.trim();
    if (!t) return no("give the restriction in words after the colon");
    return t.length > DESCRIBED_MAX ? no(`keep the description to ${DESCRIBED_MAX} characters`) : ok({ kind: "Described", text: t });
  },
  form: {
    fields: [
      { type: "note", text: `For a restriction the list does not cover. It is ${STAFF_CHECKED}: staff see these words and decide.` },
      { type: "text", name: "text", label: "The restriction, in words", required: true, multiline: true, maxLength: DESCRIBED_MAX, hint: "Write it as the customer and staff should read it." },
    ],
    blank: () => ({ text: "" }),
    toParams: (v) => ({ kind: "Described", text: text(v, "text").trim() }),
    problems(v) {
      const t = text(v, "text").trim();
      if (!t) return { text: "Describe the restriction in a sentence the customer and staff will understand." };
      return t.length > DESCRIBED_MAX ? { text: `Keep the description to ${DESCRIBED_MAX} characters: it has ${t.length}.` } : {};
    },
    issueField: () => "text",
  },
};
