// The one renderer for every restriction kind's form: it draws the fields its module describes, and nothing per kind.
import { Button, Checkbox, Field, Input, Label, Radio, RadioGroup, Select, Text, Textarea, makeStyles, tokens } from "@fluentui/react-components";
import { useId } from "react";
import type { FormFieldSpec, FormSlot, FormValues } from "../../../shared/restrictions/kinds";
import { DAY_NAMES } from "../../../shared/restrictions/wording";
import { useUi } from "../app/ui";
import { PeoplePicker, type PickedPerson } from "../common/PeoplePicker";
import { DAYS, type DraftField } from "./drafts";

const useStyles = makeStyles({
  wrap: { flexWrap: "wrap" },
  checks: { display: "flex", flexWrap: "wrap" },
  hint: { margin: 0, color: tokens.colorNeutralForeground3 },
  problem: { margin: 0, color: tokens.colorPaletteRedForeground1 },
});

/** A field's problem, once it may be shown: after the field was left or a save was tried. */
export type ProblemOf = (field: DraftField) => { validationState: "error" | "none"; validationMessage: string | undefined };

interface Props {
  fields: readonly FormFieldSpec[];
  values: FormValues;
  set(patch: FormValues): void;
  touch(field: DraftField): void;
  problemOf: ProblemOf;
}

export function KindFields(props: Props) {
  return (
    <>
      {props.fields.map((f, i) => (
        <FieldView key={"name" in f ? f.name : `${f.type}-${i}`} field={f} values={props.values} set={props.set} touch={props.touch} problemOf={props.problemOf} />
      ))}
    </>
  );
}

const str = (v: unknown) => (typeof v === "string" ? v : "");

function FieldView({ field: f, values, set, touch, problemOf }: Omit<Props, "fields"> & { field: FormFieldSpec }) {
  const ui = useUi();
  const styles = useStyles();
  if (f.when && values[f.when.field] !== f.when.is) return null;
  switch (f.type) {
    case "note":
      return <p>{f.text}</p>;
    case "row":
      return (
        <div className={ui.row}>
          <KindFields fields={f.fields} values={values} set={set} touch={touch} problemOf={problemOf} />
        </div>
      );
    case "select":
      return (
        <Field label={f.label}>
          <Select value={str(values[f.name])} onChange={(_, v) => set({ [f.name]: v.value })}>
            {f.options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </Select>
        </Field>
      );
    case "radio":
      return (
        <Field label={f.label}>
          <RadioGroup layout="horizontal" className={styles.wrap} value={str(values[f.name])} onChange={(_, v) => set({ [f.name]: v.value })}>
            {f.options.map((o) => (
              <Radio key={o.value} value={o.value} label={o.label} />
            ))}
          </RadioGroup>
        </Field>
      );
    case "checkboxes":
      return <Checkboxes field={f} values={values} set={set} touch={touch} problem={problemOf(f.name).validationMessage} />;
    case "checkbox":
      return <Checkbox checked={values[f.name] === true} onChange={(_, v) => set({ [f.name]: !!v.checked })} label={f.label} />;
    case "text":
      return (
        <Field label={f.label} required={f.required} hint={f.maxLength ? `${f.hint ? `${f.hint} ` : ""}At most ${f.maxLength} characters.` : f.hint} {...problemOf(f.name)}>
          {f.multiline ? (
            <Textarea value={str(values[f.name])} maxLength={f.maxLength} onChange={(_, v) => set({ [f.name]: v.value })} onBlur={() => touch(f.name)} />
          ) : (
            <Input type={f.email ? "email" : "text"} value={str(values[f.name])} maxLength={f.maxLength} onChange={(_, v) => set({ [f.name]: v.value })} onBlur={() => touch(f.name)} />
          )}
        </Field>
      );
    case "number":
      return (
        <Field label={f.label} required={f.required} {...problemOf(f.name)}>
          <Input type="number" min={1} value={str(values[f.name])} onChange={(_, v) => set({ [f.name]: v.value })} onBlur={() => touch(f.name)} />
        </Field>
      );
    case "person":
      return (
        <PeoplePicker
          label={f.label}
          required={f.required}
          hint={f.hint}
          value={(values[f.name] ?? []) as PickedPerson[]}
          onChange={(people) => set({ [f.name]: people })}
          onBlur={() => touch(f.name)}
          error={problemOf(f.name).validationMessage}
        />
      );
    case "slots":
      return <Slots name={f.name} noun={f.noun} added={f.added} slots={(values[f.name] ?? []) as FormSlot[]} set={set} touch={touch} />;
  }
}

/**
 * Several boxes under one label. Not a Fluent Field: a Field gives its one control id to every box inside it, which
 * leaves the boxes without names of their own.
 */
function Checkboxes({ field: f, values, set, touch, problem }: { field: Extract<FormFieldSpec, { type: "checkboxes" }>; values: FormValues; set(patch: FormValues): void; touch(field: DraftField): void; problem: string | undefined }) {
  const styles = useStyles();
  const id = useId();
  const ticked = Array.isArray(values[f.name]) ? (values[f.name] as string[]) : [];
  return (
    <div role="group" aria-labelledby={`${id}-label`} aria-describedby={[f.hint ? `${id}-hint` : "", problem ? `${id}-problem` : ""].filter(Boolean).join(" ") || undefined}>
      <Label id={`${id}-label`}>{f.label}</Label>
      {f.hint ? (
        <Text as="p" id={`${id}-hint`} size={200} className={styles.hint}>
          {f.hint}
        </Text>
      ) : null}
      <div className={styles.checks}>
        {f.options.map((o) => (
          <Checkbox
            key={o.value}
            label={o.label}
            checked={ticked.includes(o.value)}
            onChange={(_, v) => set({ [f.name]: v.checked ? [...ticked.filter((x) => x !== o.value), o.value] : ticked.filter((x) => x !== o.value) })}
            onBlur={() => touch(f.name)}
          />
        ))}
      </div>
      {problem ? (
        <Text as="p" id={`${id}-problem`} className={styles.problem}>
          {problem}
        </Text>
      ) : null}
    </div>
  );
}

/** Day-and-times slots, as many as wanted; their one problem is shown in the card's status, not per field. */
function Slots({ name, noun, added, slots, set, touch }: { name: string; noun: string; added: FormSlot; slots: FormSlot[]; set(patch: FormValues): void; touch(field: DraftField): void }) {
  const ui = useUi();
  const put = (i: number, patch: Partial<FormSlot>) => set({ [name]: slots.map((x, n) => (n === i ? { ...x, ...patch } : x)) });
  const lower = noun.toLowerCase();
  return (
    <div className={ui.stack}>
      {slots.map((s, i) => (
        <div key={i} className={ui.row} role="group" aria-label={`${noun} ${i + 1}`}>
          <Field label={`Slot ${i + 1}: day`}>
            <Select value={s.day} onChange={(_, v) => put(i, { day: v.value })}>
              {DAYS.map((d) => (
                <option key={d} value={d}>
                  {DAY_NAMES[d]}
                </option>
              ))}
            </Select>
          </Field>
          <Field label={`Slot ${i + 1}: from`}>
            <Input type="time" value={s.from} onChange={(_, v) => put(i, { from: v.value })} onBlur={() => touch(name)} />
          </Field>
          <Field label={`Slot ${i + 1}: to`}>
            <Input type="time" value={s.to} onChange={(_, v) => put(i, { to: v.value })} onBlur={() => touch(name)} />
          </Field>
          {slots.length > 1 ? (
            <Button onClick={() => set({ [name]: slots.filter((_, n) => n !== i) })} aria-label={`Remove ${lower} ${i + 1}`}>
              Remove slot
            </Button>
          ) : null}
        </div>
      ))}
      <div>
        <Button onClick={() => set({ [name]: [...slots, added] })}>Add {lower}</Button>
      </div>
    </div>
  );
}
