// Witness: personal contact takes place only with a second officer present.
import { z } from "zod";
import { officerSchema } from "../../domain/restriction-parts";
import { cuesFor } from "./cues";
import { people, phoneOf } from "./form-parts";
import type { RestrictionKindModule } from "./module";
import { readNothing } from "./read";

/** The witness, when one officer is named; otherwise any second officer. */
export const schema = z.object({ kind: z.literal("Witness"), officer: officerSchema.optional() });
type Params = z.infer<typeof schema>;

export const witness: RestrictionKindModule<Params> = {
  kind: "Witness",
  schema,
  title: "Witness present",
  label: "Personal contact only with a witness",
  letterWords: "holding personal contact only with a witness present",
  checkedBy: () => "system",
  describe: (p) => (p.officer ? `Personal contact only with ${p.officer.name.trim()} present as a witness` : "Personal contact only with a witness present"),
  // "Personal contact" is face to face; a witness is positively recorded or the meeting does not go ahead.
  check(_p, { proposed, label }) {
    if (proposed.channel !== "InPerson" || proposed.witnessPresent === true) return {};
    return { breach: `${label}: no witness is recorded for this meeting` };
  },
  mailAdvice: (_p, { label }) => `${label}: if you reply, do not offer a meeting without a colleague present`,
  adjustmentCues: () => cuesFor(["InPerson"]),
  importExample: "Witness",
  readImport: readNothing("Witness"),
  form: {
    fields: [
      { type: "note", text: "Any personal contact takes place with a second officer present as a witness." },
      { type: "person", name: "witness", label: "Witness (optional: otherwise any second officer)" },
    ],
    blank: () => ({ witness: [] }),
    toParams(v) {
      const [w] = people(v, "witness");
      return { kind: "Witness", ...(w ? { officer: { upn: w.mail, name: w.name.trim(), ...phoneOf(w) } } : {}) };
    },
    problems: () => ({}),
    issueField: () => "name",
  },
};
