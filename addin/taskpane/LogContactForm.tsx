// Log a call, visit or letter: says at the top, as the officer fills it in, whether it breaches a restriction, and which.
import { Button, Checkbox, Field, Input, makeStyles, mergeClasses, Radio, RadioGroup, Select, Spinner, Textarea, tokens } from "@fluentui/react-components";
import { CheckmarkCircle20Filled, ShieldError20Filled } from "@fluentui/react-icons";
import { useMemo, useState, type FormEvent } from "react";
import type { ContactChannel, Direction, ScreeningOutcome } from "../../shared/domain/vocab";
import { getPreset } from "../../shared/presets/registry";
import type { CustomerCard } from "../../graph/lookup/card";
import { behaviourChoiceProblems } from "../../shared/workflow";
import { BehaviourPicker, behaviourFocusId, otherDescriptionId } from "../components/BehaviourPicker";
import { errorWords } from "../components/ErrorNotice";
import { ErrorSummary, type FormProblem } from "../components/ErrorSummary";
import { localInputValue } from "../components/format";
import { checkOther, logOther, type OtherContactInput } from "../pane-data/actions";
import type { PaneServices } from "../pane-data/services";
import type { CardView } from "../pane-data/view";
import { ScreeningField } from "./ScreeningField";

export const useFormStyles = makeStyles({
  form: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalM,
    padding: tokens.spacingHorizontalM,
    border: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke1}`,
    borderRadius: tokens.borderRadiusMedium,
  },
  h3: { margin: 0, fontSize: tokens.fontSizeBase300, fontWeight: tokens.fontWeightSemibold },
  row: { display: "flex", flexWrap: "wrap", alignItems: "center", gap: tokens.spacingHorizontalS },
  ok: { margin: 0, color: tokens.colorPaletteGreenForeground1, overflowWrap: "anywhere" },
  bad: { margin: 0, color: tokens.colorPaletteRedForeground1, overflowWrap: "anywhere" },
  p: { margin: 0, overflowWrap: "anywhere" },
  fieldset: { border: "none", margin: 0, padding: 0, display: "flex", flexDirection: "column", gap: tokens.spacingVerticalXXS },
  legend: { padding: 0, fontWeight: tokens.fontWeightSemibold, marginBottom: tokens.spacingVerticalXXS },
  // The verdict's icon and its first word say it as well as the colour does (WCAG 1.4.1).
  verdict: {
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalXXS,
    padding: tokens.spacingHorizontalS,
    borderRadius: tokens.borderRadiusMedium,
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorNeutralStroke1}`,
    backgroundColor: tokens.colorNeutralBackground2,
  },
  verdictBreach: { borderLeftColor: tokens.colorPaletteRedBorder2, backgroundColor: tokens.colorPaletteRedBackground1 },
  verdictClear: { borderLeftColor: tokens.colorPaletteGreenBorder2 },
  verdictLine: { margin: 0, display: "flex", gap: tokens.spacingHorizontalXS, alignItems: "flex-start", overflowWrap: "anywhere" },
  verdictIcon: { flexShrink: 0 },
});

const LOG_IDS = { when: "upc-log-when", minutes: "upc-log-minutes", screening: "upc-log-screening" } as const;
const BEHAVIOUR_PREFIX = "upc-log-behaviour";
const LOG_FIELDS = ["when", "minutes", "behaviours", "otherBehaviour", "screening"] as const;
type LogField = (typeof LOG_FIELDS)[number];

const CHANNELS: { value: ContactChannel; label: string }[] = [
  { value: "Phone", label: "Phone call" },
  { value: "InPerson", label: "Visit (in person)" },
  { value: "Letter", label: "Letter" },
  { value: "Email", label: "E-mail (not this one)" },
  { value: "Web", label: "Web form" },
  { value: "Social", label: "Social media" },
  { value: "Other", label: "Other" },
];

export default function LogContactForm({ services, card, view, me, onSaved, onCancel }: { services: PaneServices; card: CustomerCard; view: CardView; me: string; onSaved: (text: string) => void; onCancel: () => void }) {
  const styles = useFormStyles();
  const preset = getPreset(card.customer.policyId);
  const [channel, setChannel] = useState<ContactChannel>("Phone");
  const [direction, setDirection] = useState<Direction>("In");
  const [when, setWhen] = useState(() => localInputValue(new Date()));
  const [minutes, setMinutes] = useState("");
  const [matterRef, setMatterRef] = useState("");
  const [behaviours, setBehaviours] = useState<string[]>([]);
  const [otherBehaviour, setOtherBehaviour] = useState("");
  const [note, setNote] = useState("");
  const [screening, setScreening] = useState<ScreeningOutcome | "">("");
  const [witness, setWitness] = useState(false);
  const [appointment, setAppointment] = useState(false);
  const [state, setState] = useState<{ busy: boolean; error?: unknown; invalid?: Partial<Record<LogField, string>>; problems: FormProblem[] }>({ busy: false, problems: [] });

  const timed = channel === "Phone" || channel === "InPerson";
  const kinds = new Set(card.restrictions.map((r) => r.params.kind));
  const input: OtherContactInput | null = useMemo(() => {
    const at = new Date(when);
    if (!Number.isFinite(at.getTime())) return null;
    const m = minutes.trim() === "" ? null : Number(minutes);
    return {
      channel,
      direction,
      at,
      minutes: timed && m !== null && Number.isFinite(m) && m >= 0 ? m : null,
      matterRef,
      behaviours,
      otherBehaviour,
      note,
      screening: (screening || "NotScreened") as ScreeningOutcome,
      witnessPresent: channel === "InPerson" ? witness : undefined,
      appointment: channel === "InPerson" ? appointment : undefined,
    };
  }, [channel, direction, when, minutes, matterRef, behaviours, otherBehaviour, note, screening, witness, appointment, timed]);
  const check = useMemo(() => (input ? checkOther(card, input, me) : null), [card, input, me]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const invalid: Partial<Record<LogField, string>> = {};
    if (!input) invalid.when = "Give the date and time of the contact.";
    if (timed && minutes.trim() !== "" && !(Number(minutes) >= 0)) invalid.minutes = "Minutes must be a number, 0 or more.";
    // The same rule the referral's workflow applies: the policy's behaviours, or "Other" described where it allows it.
    for (const p of preset ? behaviourChoiceProblems(preset, { behaviours, otherBehaviour }) : []) invalid[p.field] = [invalid[p.field], p.reason].filter(Boolean).join(" ");
    if (view.filedWithoutReply && direction === "In" && !screening) invalid.screening = "Choose the screening outcome.";
    const fieldIds: Record<LogField, string> = {
      ...LOG_IDS,
      behaviours: preset ? behaviourFocusId(preset.behaviours, BEHAVIOUR_PREFIX) : BEHAVIOUR_PREFIX,
      otherBehaviour: otherDescriptionId(BEHAVIOUR_PREFIX),
    };
    // In the order the form shows its fields.
    const problems = LOG_FIELDS.flatMap((k) => (invalid[k] ? [{ fieldId: fieldIds[k], text: invalid[k] }] : []));
    if (problems.length || !input) {
      setState({ busy: false, invalid, problems });
      return;
    }
    setState({ busy: true, problems: [] });
    try {
      const { contact } = await logOther(services.site, card, input, me);
      onSaved(contact.breach ? `The contact is logged, with the breach recorded: ${contact.breach}.` : "The contact is logged.");
    } catch (error) {
      setState({ busy: false, error, problems: [] });
    }
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby="upc-log-heading" noValidate>
      <ErrorSummary problems={state.problems} heading="h4" />
      <h3 id="upc-log-heading" className={styles.h3}>
        Log a call, visit or letter
      </h3>
      {/* At the top, before the fields that change it: the officer sees the verdict move as they fill them in. */}
      <div role="status" aria-live="polite" className={mergeClasses(styles.verdict, check ? (check.allowed ? styles.verdictClear : styles.verdictBreach) : undefined)} data-breach-verdict={check ? (check.allowed ? "clear" : "breach") : "unknown"}>
        {check ? (
          check.allowed ? (
            <p className={styles.verdictLine}>
              <CheckmarkCircle20Filled className={styles.verdictIcon} aria-hidden="true" />
              <span>
                <strong>No breach.</strong> This contact breaches no restriction.
              </span>
            </p>
          ) : (
            <p className={styles.verdictLine}>
              <ShieldError20Filled className={styles.verdictIcon} aria-hidden="true" />
              <span>
                <strong>Breach.</strong> This contact breaches: {check.breaches.map((b) => b.message).join("; ")}. It will be logged with the breach recorded.
              </span>
            </p>
          )
        ) : (
          <p className={styles.verdictLine}>Give the date and time to see whether this contact breaches a restriction.</p>
        )}
        {check?.notes.map((n) => (
          <p key={n} className={styles.p}>
            {n}
          </p>
        ))}
      </div>
      <Field label="How">
        <Select value={channel} onChange={(_, d) => setChannel(d.value as ContactChannel)}>
          {CHANNELS.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </Select>
      </Field>
      <Field label="Who made contact">
        <RadioGroup value={direction} onChange={(_, d) => setDirection(d.value as Direction)} layout="horizontal">
          <Radio value="In" label="The customer" />
          <Radio value="Out" label="We did" />
        </RadioGroup>
      </Field>
      <Field label="When" required validationMessage={state.invalid?.when} validationState={state.invalid?.when ? "error" : "none"}>
        <Input id={LOG_IDS.when} type="datetime-local" value={when} onChange={(_, d) => setWhen(d.value)} />
      </Field>
      {timed ? (
        <Field label="Minutes" validationMessage={state.invalid?.minutes} validationState={state.invalid?.minutes ? "error" : "none"}>
          <Input id={LOG_IDS.minutes} type="number" min={0} inputMode="numeric" value={minutes} onChange={(_, d) => setMinutes(d.value)} />
        </Field>
      ) : null}
      <Field label="Matter (reference)" hint="The matter it concerns, e.g. EST-2291">
        <Input value={matterRef} onChange={(_, d) => setMatterRef(d.value)} />
      </Field>
      {channel === "InPerson" && kinds.has("Witness") ? <Checkbox checked={witness} onChange={(_, d) => setWitness(!!d.checked)} label="A colleague was present as a witness" /> : null}
      {channel === "InPerson" && kinds.has("PremisesAccess") ? <Checkbox checked={appointment} onChange={(_, d) => setAppointment(!!d.checked)} label="The visit was by appointment" /> : null}
      {preset ? (
        <BehaviourPicker
          behaviours={preset.behaviours}
          value={behaviours}
          onChange={setBehaviours}
          legend={`Behaviours (${preset.organisation}'s policy)`}
          idPrefix={BEHAVIOUR_PREFIX}
          error={state.invalid?.behaviours}
          otherDescription={otherBehaviour}
          onOtherDescriptionChange={setOtherBehaviour}
          otherError={state.invalid?.otherBehaviour}
        />
      ) : null}
      {view.filedWithoutReply && direction === "In" ? (
        <ScreeningField id={LOG_IDS.screening} value={screening} onChange={setScreening} invalid={state.invalid?.screening} />
      ) : null}
      <Field label="Note">
        <Textarea value={note} onChange={(_, d) => setNote(d.value)} resize="vertical" />
      </Field>
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={state.busy}>
          Save contact
        </Button>
        <Button type="button" onClick={onCancel} disabled={state.busy}>
          Cancel
        </Button>
        {state.busy ? <Spinner size="tiny" label="Saving…" /> : null}
      </div>
      {state.error ? (
        <p className={styles.bad} role="alert">
          Not saved: {errorWords(state.error)}
        </p>
      ) : null}
    </form>
  );
}
