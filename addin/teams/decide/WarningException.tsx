// When the policy wants a warning first and none is recorded: the exception the policy allows, with its reason.
import { Field, Radio, RadioGroup, Textarea } from "@fluentui/react-components";
import type { Preset } from "../../../shared/presets/schema";
import { useUi } from "../app/ui";

interface Props {
  preset: Preset;
  exception: string;
  onException(id: string): void;
  reason: string;
  onReason(text: string): void;
}

export function WarningException({ preset, exception, onException, reason, onReason }: Props) {
  const ui = useUi();
  return (
    <fieldset>
      <legend className={ui.h3}>No warning has been recorded</legend>
      <p>The policy requires a warning before it is applied, unless one of these applies.</p>
      <Field label="Why no warning was given" required>
        <RadioGroup value={exception} onChange={(_, v) => onException(v.value)}>
          {preset.warning.exceptions.map((x) => (
            <Radio key={x.id} value={x.id} label={x.label} />
          ))}
        </RadioGroup>
      </Field>
      <Field label="The reason, with the evidence" required>
        <Textarea value={reason} onChange={(_, v) => onReason(v.value)} />
      </Field>
    </fieldset>
  );
}
