// The screening outcome a "filed without reply" contact must record: new issue, safeguarding concern or no action.
import { Field, Radio, RadioGroup } from "@fluentui/react-components";
import type { ScreeningOutcome } from "../../shared/domain/vocab";

export const SCREENING_WORDS: Record<Exclude<ScreeningOutcome, "NotScreened">, string> = {
  NewIssue: "It raises a new issue",
  Safeguarding: "It raises a safeguarding concern",
  NoAction: "Nothing new: no action",
};

/** `id` goes on the first choice, so an error summary's link can focus the question. */
export function ScreeningField({ value, onChange, invalid, id }: { value: ScreeningOutcome | ""; onChange: (v: ScreeningOutcome) => void; invalid?: string; id?: string }) {
  return (
    <Field label="Screening outcome (filed without reply)" required validationMessage={invalid} validationState={invalid ? "error" : "none"}>
      <RadioGroup value={value} onChange={(_, d) => onChange(d.value as ScreeningOutcome)}>
        {Object.entries(SCREENING_WORDS).map(([v, label], i) => (
          // Fluent lets an explicit id={undefined} override the id it makes for the input, so the key is left out instead.
          <Radio key={v} {...(i === 0 && id ? { id } : {})} value={v} label={label} />
        ))}
      </RadioGroup>
    </Field>
  );
}
