// The policy's checks before it is applied, each answered yes or no, beside what the referral recorded.
import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import type { Preset } from "../../../shared/presets/schema";
import type { CaseFile } from "../../../shared/workflow";
import { useUi } from "../app/ui";
import type { Answer } from "./decision";

export function PreChecks({ preset, file, answers, onAnswer }: { preset: Preset; file: CaseFile; answers: Record<string, Answer>; onAnswer(id: string, a: Answer): void }) {
  const ui = useUi();
  if (!preset.preChecks.items.length) return null;
  return (
    <fieldset>
      <legend className={ui.h3}>Before applying the policy</legend>
      <div className={ui.stack}>
        {preset.preChecks.items.map((c) => (
          <Field key={c.id} label={c.label} required hint={file.preChecks[c.id] !== undefined ? `The referral recorded: ${file.preChecks[c.id] ? "yes" : "no"}.` : undefined}>
            <RadioGroup layout="horizontal" value={answers[c.id] ?? ""} onChange={(_, v) => onAnswer(c.id, v.value as Answer)}>
              <Radio value="yes" label="Yes" />
              <Radio value="no" label="No" />
            </RadioGroup>
          </Field>
        ))}
      </div>
    </fieldset>
  );
}
