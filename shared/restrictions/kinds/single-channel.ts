// SingleChannel: the customer may use one channel only, and our replies keep to it.
import { z } from "zod";
import { ALLOWED_CHANNELS, type AllowedChannel } from "../../domain/vocab";
import { CHANNEL_WORDS } from "../wording";
import { cuesExcept } from "./cues";
import { ALLOWED_CHANNEL_OPTIONS, text } from "./form-parts";
import type { RestrictionKindModule } from "./module";
import { no, ok, readAllowedChannel } from "./read";

export const schema = z.object({ kind: z.literal("SingleChannel"), channel: z.enum(ALLOWED_CHANNELS) });
type Params = z.infer<typeof schema>;

export const singleChannel: RestrictionKindModule<Params> = {
  kind: "SingleChannel",
  schema,
  title: "One channel only",
  label: "One channel only",
  letterWords: "limiting your contact to one way of getting in touch",
  checkedBy: () => "system",
  describe: (p) => CHANNEL_WORDS[p.channel].only,
  // Both directions: a one-channel rule is only kept if our replies keep to it too.
  check(p, { proposed, label }) {
    if (proposed.channel === p.channel) return {};
    const by = CHANNEL_WORDS[proposed.channel].by;
    return { breach: proposed.direction === "Out" ? `${label}: this customer may not be answered ${by}` : `${label}: this customer may not contact us ${by}` };
  },
  mailAdvice(p, { label, isSpoc, passOn }) {
    if (p.channel === "Email") return `${label}: reply by e-mail, not by any other means`;
    return isSpoc ? `${label}: do not reply by e-mail; if a reply is needed, send it ${CHANNEL_WORDS[p.channel].by}` : `${label}: do not reply by e-mail${passOn}`;
  },
  adjustmentCues: (p) => cuesExcept([p.channel]),
  importExample: "SingleChannel: Letter",
  readImport(a) {
    const channel = readAllowedChannel(a);
    return channel ? ok({ kind: "SingleChannel", channel }) : no(`name the one channel allowed (${ALLOWED_CHANNELS.join(", ")})`);
  },
  form: {
    fields: [{ type: "select", name: "channel", label: "The one channel they may use", options: ALLOWED_CHANNEL_OPTIONS }],
    blank: () => ({ channel: "Letter" }),
    toParams: (v) => ({ kind: "SingleChannel", channel: text(v, "channel") as AllowedChannel }),
    problems: () => ({}),
    issueField: () => "name",
  },
};
