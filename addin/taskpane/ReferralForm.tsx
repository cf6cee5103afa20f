// Refer a case: a form built from the customer's policy; the workflow says yes or explains in words why not.
import { Button, Checkbox, Field, Input, Spinner, Textarea } from "@fluentui/react-components";
import { useState, type FormEvent } from "react";
import type { CustomerCard } from "../../graph/lookup/card";
import { errorWords } from "../components/ErrorNotice";
import { ukDate } from "../components/format";
import { newIdempotencyKey } from "../../graph/case-service/client";
import { presetFor, referCase } from "../pane-data/referral";
import type { PaneServices } from "../pane-data/services";
import type { CardView } from "../pane-data/view";
import { useFormStyles } from "./LogContactForm";

export default function ReferralForm({ services, card, view, onSaved, onCancel }: { services: PaneServices; card: CustomerCard; view: CardView; onSaved: (text: string) => void; onCancel: () => void }) {
  const styles = useFormStyles();
  const customer = card.customer;
  const preset = presetFor(customer);
  const [behaviours, setBehaviours] = useState<string[]>([]);
  const [steps, setSteps] = useState<Record<string, string | undefined>>({});
  const [preChecks, setPreChecks] = useState<Record<string, boolean>>({});
  const [vulnerability, setVulnerability] = useState(false);
  const [serviceArea, setServiceArea] = useState(customer.serviceAreas.split(/[;,]/)[0]?.trim() ?? "");
  const [summary, setSummary] = useState("");
  const [evidence, setEvidence] = useState<string[]>([]);
  const [state, setState] = useState<{ busy: boolean; refusal?: string; error?: unknown }>({ busy: false });
  // One key per referral being written: trying again after a failure cannot refer twice.
  const [key] = useState(newIdempotencyKey);

  if (!preset) {
    return (
      <p className={styles.bad} role="alert">
        This customer's policy ("{customer.policyId}") is not one this version knows, so a referral cannot be built. Ask an administrator.
      </p>
    );
  }
  const lr = preset.localResolution;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setState({ busy: true });
    try {
      const outcome = await referCase(
        services.cases,
        customer,
        {
          behaviours,
          localResolution: Object.entries(steps)
            .filter(([, note]) => note !== undefined)
            .map(([step, note]) => ({ step, note: note ?? "" })),
          preChecks: Object.fromEntries(preset.preChecks.items.map((p) => [p.id, !!preChecks[p.id]])),
          vulnerabilityConsidered: vulnerability,
          serviceArea,
          summary,
          evidenceContactIds: evidence,
        },
        key,
      );
      if (!outcome.ok) {
        setState({ busy: false, refusal: outcome.refusal });
        return;
      }
      onSaved(`The case is referred: ${outcome.customer.name} (${outcome.customer.caseRef}) is now ${outcome.customer.status}.`);
    } catch (error) {
      setState({ busy: false, error });
    }
  };

  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby="upc-refer-heading" noValidate>
      <h3 id="upc-refer-heading" className={styles.h3}>
        Refer a case under {preset.organisation}'s policy
      </h3>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Behaviours this referral is about</legend>
        {preset.behaviours.items.map((b) => (
          <Checkbox key={b.id} label={b.label} checked={behaviours.includes(b.id)} onChange={(_, d) => setBehaviours((l) => (d.checked ? [...l, b.id] : l.filter((x) => x !== b.id)))} />
        ))}
      </fieldset>
      {lr.steps.length ? (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>{lr.required ? "Local resolution tried (at least one is required)" : "Local resolution tried"}</legend>
          {lr.steps.map((s) => (
            <div key={s.id}>
              <Checkbox label={s.label} checked={steps[s.id] !== undefined} onChange={(_, d) => setSteps((m) => ({ ...m, [s.id]: d.checked ? (m[s.id] ?? "") : undefined }))} />
              {steps[s.id] !== undefined ? (
                <Field label={`What happened: ${s.label}`}>
                  <Input value={steps[s.id]} onChange={(_, d) => setSteps((m) => ({ ...m, [s.id]: d.value }))} />
                </Field>
              ) : null}
            </div>
          ))}
        </fieldset>
      ) : null}
      {preset.preChecks.items.length ? (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>Before a decision, the policy asks</legend>
          {preset.preChecks.items.map((p) => (
            <Checkbox key={p.id} label={p.label} checked={!!preChecks[p.id]} onChange={(_, d) => setPreChecks((m) => ({ ...m, [p.id]: !!d.checked }))} />
          ))}
        </fieldset>
      ) : null}
      <Checkbox label="Any vulnerability or health condition has been considered" checked={vulnerability} onChange={(_, d) => setVulnerability(!!d.checked)} />
      <Field label="Service area">
        <Input value={serviceArea} onChange={(_, d) => setServiceArea(d.value)} />
      </Field>
      <Field label="Summary" required hint="What has happened, with the evidence">
        <Textarea value={summary} onChange={(_, d) => setSummary(d.value)} resize="vertical" />
      </Field>
      {view.evidence.length ? (
        <fieldset className={styles.fieldset}>
          <legend className={styles.legend}>Logged contacts to include as evidence</legend>
          {view.evidence.map((c) => (
            <Checkbox
              key={c.id}
              label={`${ukDate(c.contactAt)} · ${c.channel === "InPerson" ? "in person" : c.channel.toLowerCase()}: ${c.title}`}
              checked={evidence.includes(c.id)}
              onChange={(_, d) => setEvidence((l) => (d.checked ? [...l, c.id] : l.filter((x) => x !== c.id)))}
            />
          ))}
        </fieldset>
      ) : null}
      {state.refusal ? (
        <p className={styles.bad} role="alert">
          Not referred: {state.refusal}
        </p>
      ) : null}
      {state.error ? (
        <p className={styles.bad} role="alert">
          Not referred: {errorWords(state.error)}
        </p>
      ) : null}
      <div className={styles.row}>
        <Button appearance="primary" type="submit" disabled={state.busy}>
          Refer case
        </Button>
        <Button type="button" onClick={onCancel} disabled={state.busy}>
          Cancel
        </Button>
        {state.busy ? <Spinner size="tiny" label="Referring…" /> : null}
      </div>
    </form>
  );
}
