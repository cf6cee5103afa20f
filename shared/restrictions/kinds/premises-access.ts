// PremisesAccess: no access to named premises, or only by appointment.
import { z } from "zod";
import { cuesFor } from "./cues";
import { flag, text } from "./form-parts";
import type { RestrictionKindModule } from "./module";
import { no, ok } from "./read";

export const schema = z.object({
  kind: z.literal("PremisesAccess"),
  premises: z.string().min(1),
  /** True when visits by appointment are still allowed ("no access without an appointment"). */
  byAppointment: z.boolean().optional(),
});
type Params = z.infer<typeof schema>;

export const premisesAccess: RestrictionKindModule<Params> = {
  kind: "PremisesAccess",
  schema,
  title: "Premises access",
  label: "Limited access to premises",
  letterWords: "restricting access to our premises",
  checkedBy: () => "system",
  describe: (p) => `No access to ${p.premises.trim()}${p.byAppointment ? " without an appointment" : ""}`,
  // The customer coming to us; an officer's home visit is not access to our premises. Where visits by
  // appointment are allowed, the booking must be positively recorded, since these restrictions protect staff.
  check(p, { proposed, label }) {
    if (proposed.channel !== "InPerson" || proposed.direction !== "In") return {};
    if (p.byAppointment) return proposed.appointment === true ? {} : { breach: `${label}: no appointment is recorded for this visit` };
    return { breach: `${label}: this customer may not visit in person` };
  },
  mailAdvice: (p, { label }) => (p.byAppointment ? `${label}: if they ask to visit, offer an appointment` : `${label}: do not invite them to call in`),
  adjustmentCues: () => cuesFor(["InPerson"]),
  importExample: "PremisesAccess: Civic Centre by appointment",
  readImport(a) {
    const m = /^(.*?)(\s+by appointment)?$/i.exec(a)!;
    return m[1].trim() ? ok({ kind: "PremisesAccess", premises: m[1].trim(), ...(m[2] ? { byAppointment: true } : {}) }) : no("name the premises, e.g. Civic Centre (add 'by appointment' if visits by appointment are allowed)");
  },
  form: {
    fields: [
      { type: "text", name: "premises", label: "Premises", required: true },
      { type: "checkbox", name: "byAppointment", label: "Visits by appointment are still allowed" },
    ],
    blank: () => ({ premises: "", byAppointment: true }),
    toParams: (v) => ({ kind: "PremisesAccess", premises: text(v, "premises").trim(), byAppointment: flag(v, "byAppointment") }),
    problems: (v) => (text(v, "premises").trim() ? {} : { premises: "Name the premises they may not enter, such as “Fire HQ, Carleton Avenue”." }),
    issueField: () => "name",
  },
};
