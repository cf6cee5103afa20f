// NoContact: no contact either way for a set period (emergencies and statutory requests are routed before this).
import { z } from "zod";
import { describeUntil } from "../wording";
import { ADVOCATE, cuesFor } from "./cues";
import type { RestrictionKindModule } from "./module";
import { readNothing } from "./read";

export const schema = z.object({ kind: z.literal("NoContact") });
type Params = z.infer<typeof schema>;

export const noContact: RestrictionKindModule<Params> = {
  kind: "NoContact",
  schema,
  title: "No contact for a period",
  label: "No contact for a set period",
  letterWords: "asking you not to contact us for a period of time",
  checkedBy: () => "system",
  // The dates live on the restriction row, not in its params.
  describe(_p, row) {
    if (!row) return "No contact for a set period";
    return row.endsAt ? `No contact until ${describeUntil(row.endsAt)}` : "No contact until further notice";
  },
  check: (_p, { proposed, label }) => ({
    breach: proposed.direction === "Out" ? `${label}: do not contact this customer during this period` : `${label}: the customer may not contact us during this period`,
  }),
  mailAdvice: (_p, { label }) => `${label}: do not reply; read it for safeguarding concerns, emergencies and statutory requests, which are still dealt with`,
  adjustmentCues: () => [...cuesFor(["Email", "Phone", "Letter", "InPerson", "Web"]), ADVOCATE],
  importExample: "NoContact",
  readImport: readNothing("NoContact"),
  form: {
    fields: [{ type: "note", text: "The customer is asked not to contact us until the end date. Emergencies and statutory requests are still routed." }],
    blank: () => ({}),
    toParams: () => ({ kind: "NoContact" }),
    problems: () => ({}),
    issueField: () => "name",
  },
  endRequired: "A no-contact restriction is for a period: give the date it ends.",
};
