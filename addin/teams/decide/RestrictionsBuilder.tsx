// Building restrictions from forms, one per kind the preset allows, each with an optional end date; officers are chosen
// from the directory. A problem is shown once the person has left the field or tried to save, never before.
import { Button, Field, Input, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import type { RestrictionKind } from "../../../shared/domain/vocab";
import { kindModule, type FormValues } from "../../../shared/restrictions/kinds";
import { useUi } from "../app/ui";
import { KIND_TITLES, blankForm, checkDraft, type DraftField, type DraftForm } from "./drafts";
import { KindFields, type ProblemOf } from "./KindFields";

const useStyles = makeStyles({
  // A fieldset is at least as wide as its contents unless told otherwise; at 320 px it must shrink with the tab.
  card: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM, minWidth: 0, maxWidth: "100%", boxSizing: "border-box" },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  problems: { color: tokens.colorPaletteRedForeground1, margin: 0 },
});

let nextKey = 1;

/** True once the form the builder sits in has been submitted, so every problem is shown from then on. */
function useSubmitted(ref: React.RefObject<HTMLElement | null>): boolean {
  const [submitted, setSubmitted] = useState(false);
  useEffect(() => {
    // The decision form owns the Save button; listening to it keeps the builder usable in any form without new props.
    const form = ref.current?.closest("form");
    if (!form) return;
    const onSubmit = () => setSubmitted(true);
    form.addEventListener("submit", onSubmit);
    return () => form.removeEventListener("submit", onSubmit);
  }, [ref]);
  return submitted;
}

export function RestrictionsBuilder({ kinds, forms, onChange, now, idPrefix, showProblems = false }: { kinds: RestrictionKind[]; forms: DraftForm[]; onChange(forms: DraftForm[]): void; now: Date; idPrefix: string; showProblems?: boolean }) {
  const ui = useUi();
  const root = useRef<HTMLDivElement>(null);
  const submitted = useSubmitted(root);
  const [adding, setAdding] = useState<RestrictionKind>(kinds[0]);
  const update = (i: number, d: DraftForm) => onChange(forms.map((f, n) => (n === i ? d : f)));
  return (
    <div ref={root}>
      {forms.map((d, i) => (
        <RestrictionCard key={d.key} index={i} draft={d} now={now} idPrefix={idPrefix} tried={showProblems || submitted} onChange={(x) => update(i, x)} onRemove={() => onChange(forms.filter((_, n) => n !== i))} />
      ))}
      {kinds.length ? (
        <div className={ui.row}>
          <Field label="Kind of restriction">
            <Select value={adding} onChange={(_, v) => setAdding(v.value as RestrictionKind)}>
              {kinds.map((k) => (
                <option key={k} value={k}>
                  {KIND_TITLES[k]}
                </option>
              ))}
            </Select>
          </Field>
          <Button onClick={() => onChange([...forms, { key: nextKey++, form: blankForm(adding), endsOn: "" }])}>Add restriction</Button>
        </div>
      ) : (
        <p>This policy provides for no restrictions.</p>
      )}
    </div>
  );
}

function RestrictionCard({ index, draft, now, onChange, onRemove, idPrefix, tried }: { index: number; draft: DraftForm; now: Date; onChange(d: DraftForm): void; onRemove(): void; idPrefix: string; tried: boolean }) {
  const styles = useStyles();
  const ui = useUi();
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(new Set());
  const checked = checkDraft(draft, now);
  const title = `Restriction ${index + 1}: ${KIND_TITLES[draft.form.kind]}`;
  const kind = kindModule(draft.form.kind);
  const spec = kind.form;
  const setForm = (patch: FormValues) => onChange({ ...draft, form: { ...draft.form, ...patch, kind: draft.form.kind } });
  const touch = (field: DraftField) => setTouched((t) => (t.has(field) ? t : new Set([...t, field])));
  const problemOf: ProblemOf = (field) => {
    const message = !checked.ok && (tried || touched.has(field)) ? checked.fields[field] : undefined;
    return { validationState: message ? "error" : "none", validationMessage: message };
  };
  const slotsProblem = spec.fields.flatMap((f) => (f.type === "slots" ? [problemOf(f.name).validationMessage] : [])).find(Boolean);
  return (
    <fieldset className={styles.card} aria-describedby={`${idPrefix}-r${draft.key}-status`}>
      <legend className={styles.legend}>{title}</legend>
      <div className={ui.stack}>
        <KindFields fields={spec.fields} values={draft.form} set={setForm} touch={touch} problemOf={problemOf} />
        <Field label={kind.endRequired ? "Ends on (required)" : "Ends on (optional: otherwise at the review)"} {...problemOf("endsOn")}>
          <Input type="date" value={draft.endsOn} onChange={(_, v) => onChange({ ...draft, endsOn: v.value })} onBlur={() => touch("endsOn")} />
        </Field>
        <div id={`${idPrefix}-r${draft.key}-status`} aria-live="polite">
          {checked.ok ? (
            <p className={ui.muted}>In plain words: {checked.words}</p>
          ) : tried ? (
            <ul className={styles.problems}>
              {checked.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          ) : slotsProblem ? (
            // Slots have several fields and one problem: it is shown here, once a slot's time has been left.
            <p className={styles.problems}>{slotsProblem}</p>
          ) : null}
        </div>
        <div>
          <Button onClick={onRemove} aria-label={`Remove restriction ${index + 1}`}>
            Remove
          </Button>
        </div>
      </div>
    </fieldset>
  );
}
