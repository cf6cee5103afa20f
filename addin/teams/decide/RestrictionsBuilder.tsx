// Building restrictions from forms, one per kind the preset allows, each with an optional end date; officers are chosen
// from the directory. A problem is shown once the person has left the field or tried to save, never before.
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useEffect, useRef, useState } from "react";
import { ALLOWED_CHANNELS, CONTACT_CHANNELS, type RestrictionKind } from "../../../shared/domain/vocab";
import { DAY_NAMES } from "../../../shared/restrictions/wording";
import { useUi } from "../app/ui";
import { PeoplePicker } from "../common/PeoplePicker";
import { DAYS, KIND_TITLES, blankForm, checkDraft, type DraftField, type DraftForm, type KindForm } from "./drafts";

const useStyles = makeStyles({
  // A fieldset is at least as wide as its contents unless told otherwise; at 320 px it must shrink with the tab.
  card: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM, minWidth: 0, maxWidth: "100%", boxSizing: "border-box" },
  wrap: { flexWrap: "wrap" },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  problems: { color: tokens.colorPaletteRedForeground1, margin: 0 },
});

const CHANNEL_LABELS: Record<string, string> = { Email: "E-mail", Phone: "Phone", Letter: "Letter", InPerson: "In person", Web: "Website", Social: "Social media", Other: "Other" };

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

/** A field's problem, once it may be shown: after the field was left or a save was tried. */
type ProblemOf = (field: DraftField) => { validationState: "error" | "none"; validationMessage: string | undefined };

function RestrictionCard({ index, draft, now, onChange, onRemove, idPrefix, tried }: { index: number; draft: DraftForm; now: Date; onChange(d: DraftForm): void; onRemove(): void; idPrefix: string; tried: boolean }) {
  const styles = useStyles();
  const ui = useUi();
  const [touched, setTouched] = useState<ReadonlySet<DraftField>>(new Set());
  const checked = checkDraft(draft, now);
  const title = `Restriction ${index + 1}: ${KIND_TITLES[draft.form.kind]}`;
  const setForm = (patch: Partial<KindForm>) => onChange({ ...draft, form: { ...draft.form, ...patch } as KindForm });
  const touch = (field: DraftField) => setTouched((t) => (t.has(field) ? t : new Set([...t, field])));
  const problemOf: ProblemOf = (field) => {
    const message = !checked.ok && (tried || touched.has(field)) ? checked.fields[field] : undefined;
    return { validationState: message ? "error" : "none", validationMessage: message };
  };
  return (
    <fieldset className={styles.card} aria-describedby={`${idPrefix}-r${draft.key}-status`}>
      <legend className={styles.legend}>{title}</legend>
      <div className={ui.stack}>
        <KindFields form={draft.form} set={setForm} touch={touch} problemOf={problemOf} />
        <Field label={draft.form.kind === "NoContact" ? "Ends on (required)" : "Ends on (optional: otherwise at the review)"} {...problemOf("endsOn")}>
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
          ) : problemOf("slots").validationMessage ? (
            // Call slots have several fields and one problem: it is shown here, once a slot's time has been left.
            <p className={styles.problems}>{problemOf("slots").validationMessage}</p>
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

function KindFields({ form, set, touch, problemOf }: { form: KindForm; set(patch: Partial<KindForm>): void; touch(field: DraftField): void; problemOf: ProblemOf }) {
  const ui = useUi();
  const styles = useStyles();
  switch (form.kind) {
    case "SingleChannel":
      return (
        <Field label="The one channel they may use">
          <Select value={form.channel} onChange={(_, v) => set({ channel: v.value as typeof form.channel })}>
            {ALLOWED_CHANNELS.map((c) => (
              <option key={c} value={c}>
                {CHANNEL_LABELS[c]}
              </option>
            ))}
          </Select>
        </Field>
      );
    case "NamedOfficer":
      return (
        <>
          <Field label="Contact goes to">
            <RadioGroup layout="horizontal" className={styles.wrap} value={form.target} onChange={(_, v) => set({ target: v.value as "Person" | "Inbox" })}>
              <Radio value="Person" label="A named officer" />
              <Radio value="Inbox" label="A generic inbox" />
            </RadioGroup>
          </Field>
          {form.target === "Person" ? (
            <PeoplePicker
              label="Named officer"
              required
              hint="Type part of their name, then choose them from the list. Their work e-mail and phone go in the letter."
              value={form.officer}
              onChange={(officer) => set({ officer })}
              onBlur={() => touch("officer")}
              error={problemOf("officer").validationMessage}
            />
          ) : (
            <div className={ui.row}>
              <Field label="Inbox name" required {...problemOf("name")}>
                <Input value={form.name} onChange={(_, v) => set({ name: v.value })} onBlur={() => touch("name")} />
              </Field>
              <Field label="Inbox address" required {...problemOf("address")}>
                <Input type="email" value={form.address} onChange={(_, v) => set({ address: v.value })} onBlur={() => touch("address")} />
              </Field>
            </div>
          )}
          <PeoplePicker label="Deputy (optional)" hint="Who deals with the customer when the officer is away." value={form.deputy} onChange={(deputy) => set({ deputy })} />
        </>
      );
    case "CallSlots":
      return (
        <div className={ui.stack}>
          {form.slots.map((s, i) => (
            <div key={i} className={ui.row} role="group" aria-label={`Call slot ${i + 1}`}>
              <Field label={`Slot ${i + 1}: day`}>
                <Select value={s.day} onChange={(_, v) => set({ slots: form.slots.map((x, n) => (n === i ? { ...x, day: v.value as typeof s.day } : x)) })}>
                  {DAYS.map((d) => (
                    <option key={d} value={d}>
                      {DAY_NAMES[d]}
                    </option>
                  ))}
                </Select>
              </Field>
              <Field label={`Slot ${i + 1}: from`}>
                <Input type="time" value={s.from} onChange={(_, v) => set({ slots: form.slots.map((x, n) => (n === i ? { ...x, from: v.value } : x)) })} onBlur={() => touch("slots")} />
              </Field>
              <Field label={`Slot ${i + 1}: to`}>
                <Input type="time" value={s.to} onChange={(_, v) => set({ slots: form.slots.map((x, n) => (n === i ? { ...x, to: v.value } : x)) })} onBlur={() => touch("slots")} />
              </Field>
              {form.slots.length > 1 ? (
                <Button onClick={() => set({ slots: form.slots.filter((_, n) => n !== i) })} aria-label={`Remove call slot ${i + 1}`}>
                  Remove slot
                </Button>
              ) : null}
            </div>
          ))}
          <div>
            <Button onClick={() => set({ slots: [...form.slots, { day: "Thu", from: "10:00", to: "12:00" }] })}>Add call slot</Button>
          </div>
        </div>
      );
    case "CallLength":
      return (
        <Field label="Longest a call may last (minutes)" required {...problemOf("maxMinutes")}>
          <Input type="number" min={1} value={form.maxMinutes} onChange={(_, v) => set({ maxMinutes: v.value })} onBlur={() => touch("maxMinutes")} />
        </Field>
      );
    case "ContactQuota":
      return (
        <div className={ui.row}>
          <Field label="Contacts allowed" required {...problemOf("max")}>
            <Input type="number" min={1} value={form.max} onChange={(_, v) => set({ max: v.value })} onBlur={() => touch("max")} />
          </Field>
          <Field label="Per">
            <Select value={form.per} onChange={(_, v) => set({ per: v.value as "Week" | "Month" })}>
              <option value="Week">Week</option>
              <option value="Month">Month</option>
            </Select>
          </Field>
          <Field label="In this form">
            <Select value={form.channel} onChange={(_, v) => set({ channel: v.value as typeof form.channel })}>
              <option value="">Any form</option>
              {CONTACT_CHANNELS.map((c) => (
                <option key={c} value={c}>
                  {CHANNEL_LABELS[c]}
                </option>
              ))}
            </Select>
          </Field>
        </div>
      );
    case "NoSameMatter":
      return (
        <Field label="Matter references already dealt with (separate with commas)" required {...problemOf("matters")}>
          <Input value={form.matters} onChange={(_, v) => set({ matters: v.value })} onBlur={() => touch("matters")} />
        </Field>
      );
    case "PremisesAccess":
      return (
        <>
          <Field label="Premises" required {...problemOf("premises")}>
            <Input value={form.premises} onChange={(_, v) => set({ premises: v.value })} onBlur={() => touch("premises")} />
          </Field>
          <Checkbox checked={form.byAppointment} onChange={(_, v) => set({ byAppointment: !!v.checked })} label="Visits by appointment are still allowed" />
        </>
      );
    case "BlockElectronic":
      return <Checkbox checked={form.includePhone} onChange={(_, v) => set({ includePhone: !!v.checked })} label="Block phone calls as well" />;
    case "Witness":
      return (
        <>
          <p>Any personal contact takes place with a second officer present as a witness.</p>
          <PeoplePicker label="Witness (optional: otherwise any second officer)" value={form.witness} onChange={(witness) => set({ witness })} />
        </>
      );
    case "NewIssuesOnly":
      return <p>Only contact raising a new issue is dealt with; repeats of settled matters are acknowledged and filed.</p>;
    case "SeriousOnly":
      return <p>Only significant and serious queries are dealt with.</p>;
    case "FiledWithoutReply":
      return <p>Correspondence is read and screened for new issues and safeguarding concerns, then filed without a reply.</p>;
    case "NoContact":
      return <p>The customer is asked not to contact us until the end date. Emergencies and statutory requests are still routed.</p>;
  }
}
