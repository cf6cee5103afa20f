// BlockElectronic: e-mail, web and social media (and, if chosen, phone) are blocked both ways.
import { z } from "zod";
import type { ContactChannel } from "../../domain/vocab";
import { CHANNEL_WORDS } from "../wording";
import { cuesFor } from "./cues";
import { flag } from "./form-parts";
import type { RestrictionKindModule } from "./module";
import { no, ok } from "./read";

export const schema = z.object({ kind: z.literal("BlockElectronic"), includePhone: z.boolean() });
type Params = z.infer<typeof schema>;

const ELECTRONIC: readonly ContactChannel[] = ["Email", "Web", "Social"];

export const blockElectronic: RestrictionKindModule<Params> = {
  kind: "BlockElectronic",
  schema,
  title: "Block electronic contact",
  label: "Electronic contact blocked",
  letterWords: "blocking e-mail and other electronic contact",
  checkedBy: () => "system",
  describe: (p) => (p.includePhone ? "Phone and electronic contact blocked" : "Electronic contact blocked"),
  // Both directions: blocking their e-mail means our replies go by letter too.
  check(p, { proposed, label }) {
    const blocked = p.includePhone ? [...ELECTRONIC, "Phone"] : ELECTRONIC;
    if (!blocked.includes(proposed.channel)) return {};
    const by = CHANNEL_WORDS[proposed.channel].by;
    return { breach: proposed.direction === "Out" ? `${label}: this customer may not be answered ${by}` : `${label}: contact ${by} from this customer is blocked` };
  },
  mailAdvice: (_p, { label, passOn }) => `${label}: do not reply by e-mail; read it for emergencies and statutory requests, which are still dealt with${passOn}`,
  adjustmentCues: (p) => cuesFor(p.includePhone ? ["Email", "Web", "Phone"] : ["Email", "Web"]),
  importExample: "BlockElectronic (or BlockElectronic: including phone)",
  readImport(a) {
    if (!a) return ok({ kind: "BlockElectronic", includePhone: false });
    return /^(including|incl\.?|and|with)\s+(phone|telephone|calls)$/i.test(a) ? ok({ kind: "BlockElectronic", includePhone: true }) : no('write "including phone" or nothing after it');
  },
  form: {
    fields: [{ type: "checkbox", name: "includePhone", label: "Block phone calls as well" }],
    blank: () => ({ includePhone: false }),
    toParams: (v) => ({ kind: "BlockElectronic", includePhone: flag(v, "includePhone") }),
    problems: () => ({}),
    issueField: () => "name",
  },
};
