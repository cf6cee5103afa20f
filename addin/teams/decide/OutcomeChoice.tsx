// The decision's outcome, chosen from those this person may take at this stage, and who the policy says decides it.
import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import type { DecisionOutcome } from "../../../shared/domain/vocab";
import type { Preset } from "../../../shared/presets/schema";
import { officeTitle } from "../../../shared/workflow/offices";
import { useUi } from "../app/ui";
import { OUTCOME_WORDS } from "./options";

/** "the Head of Service … decides this, jointly with A and B, consulting C": the policy's words, never a product role. */
export function whoDecidesInWords(preset: Preset, actor: Preset["decisions"][number]["actor"]): string {
  const jointly = actor.jointly.map((o) => officeTitle(preset, o));
  const consulted = actor.consulted.map((o) => officeTitle(preset, o));
  return [
    `Under this policy ${actor.title} decides this`,
    jointly.length ? `, jointly with ${jointly.join(" and ")}` : actor.with.length ? `, with ${actor.with.join(" and ")}` : "",
    consulted.length ? `, having consulted ${consulted.join(" and ")}` : "",
    ".",
  ].join("");
}

export function OutcomeChoice({ outcomes, outcome, onChange, rule, preset }: { outcomes: DecisionOutcome[]; outcome: DecisionOutcome | ""; onChange(o: DecisionOutcome): void; rule: Preset["decisions"][number] | undefined; preset: Preset }) {
  const ui = useUi();
  return (
    <>
      <Field label="Decision" required>
        <RadioGroup value={outcome} onChange={(_, v) => onChange(v.value as DecisionOutcome)}>
          {outcomes.map((o) => (
            <Radio key={o} value={o} label={`${OUTCOME_WORDS[o].label} — ${OUTCOME_WORDS[o].hint}`} />
          ))}
        </RadioGroup>
      </Field>
      {rule ? (
        <p className={ui.muted}>{whoDecidesInWords(preset, rule.actor)}</p>
      ) : null}
    </>
  );
}
