// Building restrictions from typed forms, one per kind the preset allows, each with an optional end date.
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Select, makeStyles, tokens } from "@fluentui/react-components";
import { useState } from "react";
import { ALLOWED_CHANNELS, CONTACT_CHANNELS, type RestrictionKind } from "../../../shared/domain/vocab";
import { DAY_NAMES } from "../../../shared/restrictions/wording";
import { useUi } from "../app/ui";
import { DAYS, KIND_TITLES, blankForm, checkDraft, type DraftForm, type KindForm } from "./drafts";

const useStyles = makeStyles({
  card: { border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`, borderRadius: tokens.borderRadiusMedium, padding: tokens.spacingHorizontalM, marginBottom: tokens.spacingVerticalM },
  legend: { fontWeight: tokens.fontWeightSemibold, padding: `0 ${tokens.spacingHorizontalXS}` },
  problems: { color: tokens.colorPaletteRedForeground1, margin: 0 },
});

const CHANNEL_LABELS: Record<string, string> = { Email: "E-mail", Phone: "Phone", Letter: "Letter", InPerson: "In person", Web: "Website", Social: "Social media", Other: "Other" };

let nextKey = 1;

export function RestrictionsBuilder({ kinds, forms, onChange, now, idPrefix }: { kinds: RestrictionKind[]; forms: DraftForm[]; onChange(forms: DraftForm[]): void; now: Date; idPrefix: string }) {
  const ui = useUi();
  const [adding, setAdding] = useState<RestrictionKind>(kinds[0]);
  const update = (i: number, d: DraftForm) => onChange(forms.map((f, n) => (n === i ? d : f)));
  return (
    <div>
      {forms.map((d, i) => (
        <RestrictionCard key={d.key} index={i} draft={d} now={now} idPrefix={idPrefix} onChange={(x) => update(i, x)} onRemove={() => onChange(forms.filter((_, n) => n !== i))} />
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

function RestrictionCard({ index, draft, now, onChange, onRemove, idPrefix }: { index: number; draft: DraftForm; now: Date; onChange(d: DraftForm): void; onRemove(): void; idPrefix: string }) {
  const styles = useStyles();
  const ui = useUi();
  const checked = checkDraft(draft, now);
  const title = `Restriction ${index + 1}: ${KIND_TITLES[draft.form.kind]}`;
  const setForm = (patch: Partial<KindForm>) => onChange({ ...draft, form: { ...draft.form, ...patch } as KindForm });
  return (
    <fieldset className={styles.card} aria-describedby={`${idPrefix}-r${draft.key}-status`}>
      <legend className={styles.legend}>{title}</legend>
      <div className={ui.stack}>
        <KindFields form={draft.form} set={setForm} />
        <Field label={draft.form.kind === "NoContact" ? "Ends on (required)" : "Ends on (optional: otherwise at the review)"}>
          <Input type="date" value={draft.endsOn} onChange={(_, v) => onChange({ ...draft, endsOn: v.value })} />
        </Field>
        <div id={`${idPrefix}-r${draft.key}-status`} aria-live="polite">
          {checked.ok ? (
            <p className={ui.muted}>In plain words: {checked.words}</p>
          ) : (
            <ul className={styles.problems}>
              {checked.problems.map((p) => (
                <li key={p}>{p}</li>
              ))}
            </ul>
          )}
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

function KindFields({ form, set }: { form: KindForm; set(patch: Partial<KindForm>): void }) {
  const ui = useUi();
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
            <RadioGroup layout="horizontal" value={form.target} onChange={(_, v) => set({ target: v.value as "Person" | "Inbox" })}>
              <Radio value="Person" label="A named officer" />
              <Radio value="Inbox" label="A generic inbox" />
            </RadioGroup>
          </Field>
          <div className={ui.row}>
            <Field label={form.target === "Person" ? "Officer's name" : "Inbox name"} required>
              <Input value={form.name} onChange={(_, v) => set({ name: v.value })} />
            </Field>
            <Field label={form.target === "Person" ? "Officer's work e-mail" : "Inbox address"} required>
              <Input type="email" value={form.address} onChange={(_, v) => set({ address: v.value })} />
            </Field>
            <Field label="Deputy's work e-mail (optional)">
              <Input type="email" value={form.deputy} onChange={(_, v) => set({ deputy: v.value })} />
            </Field>
          </div>
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
                <Input type="time" value={s.from} onChange={(_, v) => set({ slots: form.slots.map((x, n) => (n === i ? { ...x, from: v.value } : x)) })} />
              </Field>
              <Field label={`Slot ${i + 1}: to`}>
                <Input type="time" value={s.to} onChange={(_, v) => set({ slots: form.slots.map((x, n) => (n === i ? { ...x, to: v.value } : x)) })} />
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
        <Field label="Longest a call may last (minutes)" required>
          <Input type="number" min={1} value={form.maxMinutes} onChange={(_, v) => set({ maxMinutes: v.value })} />
        </Field>
      );
    case "ContactQuota":
      return (
        <div className={ui.row}>
          <Field label="Contacts allowed" required>
            <Input type="number" min={1} value={form.max} onChange={(_, v) => set({ max: v.value })} />
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
        <Field label="Matter references already dealt with (separate with commas)" required>
          <Input value={form.matters} onChange={(_, v) => set({ matters: v.value })} />
        </Field>
      );
    case "PremisesAccess":
      return (
        <>
          <Field label="Premises" required>
            <Input value={form.premises} onChange={(_, v) => set({ premises: v.value })} />
          </Field>
          <Checkbox checked={form.byAppointment} onChange={(_, v) => set({ byAppointment: !!v.checked })} label="Visits by appointment are still allowed" />
        </>
      );
    case "BlockElectronic":
      return <Checkbox checked={form.includePhone} onChange={(_, v) => set({ includePhone: !!v.checked })} label="Block phone calls as well" />;
    case "Witness":
      return <p>Any personal contact takes place with a second officer present as a witness.</p>;
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
