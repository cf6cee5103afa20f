// The decision's outcome, chosen from those this person may take at this stage, and who the policy says decides it.
import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import type { DecisionOutcome } from "../../../shared/domain/vocab";
import type { Preset } from "../../../shared/presets/schema";
import { useUi } from "../app/ui";
import { OUTCOME_WORDS } from "./options";

export function OutcomeChoice({ outcomes, outcome, onChange, rule }: { outcomes: DecisionOutcome[]; outcome: DecisionOutcome | ""; onChange(o: DecisionOutcome): void; rule: Preset["decisions"][number] | undefined }) {
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
        <p className={ui.muted}>
          Under this policy {rule.actor.title} decides this{rule.actor.with.length ? `, with ${rule.actor.with.join(" and ")}` : ""}.
        </p>
      ) : null}
    </>
  );
}
