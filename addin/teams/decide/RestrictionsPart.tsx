// The restrictions a decision sets out: the typed forms, the review date they lead to, and any clash with an adjustment.
import type { Preset } from "../../../shared/presets/schema";
import { formatLondonDate } from "../../../shared/time/london";
import { useUi } from "../app/ui";
import { AdjustmentConflicts } from "../common/StepForm";
import type { DraftForm, DraftsSummary } from "./drafts";
import { RestrictionsBuilder } from "./RestrictionsBuilder";

interface Props {
  preset: Preset;
  extending: boolean;
  forms: DraftForm[];
  onForms(forms: DraftForm[]): void;
  summary: DraftsSummary;
  now: Date;
  conflictsSeen: boolean;
  onConflictsSeen(v: boolean): void;
}

export function RestrictionsPart({ preset, extending, forms, onForms, summary, now, conflictsSeen, onConflictsSeen }: Props) {
  const ui = useUi();
  return (
    <fieldset>
      <legend className={ui.h3}>Restrictions</legend>
      {extending ? <p className={ui.muted}>Leave empty to extend the restrictions in force as they are; add restrictions to replace them.</p> : null}
      <RestrictionsBuilder kinds={preset.restrictions.kinds} forms={forms} onChange={onForms} now={now} idPrefix="decide" />
      <p role="status">
        {summary.reviewDue
          ? `Review due: ${formatLondonDate(new Date(summary.reviewDue))}${preset.reviewIntervalMonths.value ? ` (${preset.reviewIntervalMonths.value} months, as the policy says)` : " (the last end date: the policy sets no review interval)"}.`
          : forms.length && !summary.problems.length && preset.reviewIntervalMonths.value === null
            ? "This policy sets no review interval: give each restriction an end date."
            : ""}
      </p>
      <AdjustmentConflicts conflicts={summary.conflicts} seen={conflictsSeen} onSeen={onConflictsSeen} />
    </fieldset>
  );
}
