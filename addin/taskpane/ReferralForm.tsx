// Refer a case: a form built from the customer's policy; every problem with it is listed at once at the top, and the
// workflow says yes or explains in words why not.
import { Button, Checkbox, Field, Input, Spinner, Textarea } from "@fluentui/react-components";
import { ErrorCircle16Filled } from "@fluentui/react-icons";
import { useState, type FormEvent } from "react";
import type { CustomerCard } from "../../graph/lookup/card";
import { localResolutionFirst, referralProblems, type ReferField } from "../../shared/workflow";
import { BehaviourPicker, behaviourFocusId, otherDescriptionId } from "../components/BehaviourPicker";
import { Disclosure } from "../components/Disclosure";
import { ErrorNotice } from "../components/ErrorNotice";
import { ErrorSummary, type FormProblem } from "../components/ErrorSummary";
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
  const [otherBehaviour, setOtherBehaviour] = useState("");
  const [steps, setSteps] = useState<Record<string, string | undefined>>({});
  const [preChecks, setPreChecks] = useState<Record<string, boolean>>({});
  const [vulnerability, setVulnerability] = useState(false);
  const [serviceArea, setServiceArea] = useState(customer.serviceAreas.split(/[;,]/)[0]?.trim() ?? "");
  const [summary, setSummary] = useState("");
  const [evidence, setEvidence] = useState<string[]>([]);
  const [state, setState] = useState<{ busy: boolean; problems: (FormProblem & { field?: ReferField })[]; error?: unknown }>({ busy: false, problems: [] });
  // The policy's pre-decision questions and the evidence start closed, like the behaviours: their headings say how many are ticked.
  const [opened, setOpened] = useState<ReadonlySet<"prechecks" | "evidence">>(() => new Set());
  const flip = (which: "prechecks" | "evidence") =>
    setOpened((o) => {
      const next = new Set(o);
      if (!next.delete(which)) next.add(which);
      return next;
    });
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
  const fieldIds: Record<ReferField, string> = {
    behaviours: behaviourFocusId(preset.behaviours, "upc-refer-behaviour"),
    otherBehaviour: otherDescriptionId("upc-refer-behaviour"),
    localResolution: `upc-refer-lr-${lr.steps[0]?.id ?? "none"}`,
    summary: "upc-refer-summary",
  };
  const messageFor = (field: ReferField) => state.problems.filter((p) => p.field === field).map((p) => p.text).join(" ") || undefined;

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const input = {
      behaviours,
      otherBehaviour,
      localResolution: Object.entries(steps)
        .filter(([, note]) => note !== undefined)
        .map(([step, note]) => ({ step, note: note ?? "" })),
      preChecks: Object.fromEntries(preset.preChecks.items.map((p) => [p.id, !!preChecks[p.id]])),
      vulnerabilityConsidered: vulnerability,
      serviceArea,
      summary,
      evidenceContactIds: evidence,
    };
    // The workflow's own checks of what is written, all at once: only what needs the case's history waits for the service.
    const problems = referralProblems(preset, input).map((p) => ({ field: p.field, fieldId: fieldIds[p.field], text: p.reason }));
    if (problems.length) {
      setState({ busy: false, problems });
      return;
    }
    setState({ busy: true, problems: [] });
    try {
      const outcome = await referCase(services.cases, customer, input, key);
      if (!outcome.ok) {
        const field: ReferField | undefined = lr.steps.length && outcome.refusal === localResolutionFirst(preset) ? "localResolution" : undefined;
        setState({ busy: false, problems: [{ field, fieldId: field ? fieldIds[field] : undefined, text: outcome.refusal }] });
        return;
      }
      onSaved(`The case is referred: ${outcome.customer.name} (${outcome.customer.caseRef}) is now ${outcome.customer.status}.`);
    } catch (error) {
      setState({ busy: false, problems: [], error });
    }
  };
  const lrError = messageFor("localResolution");

  return (
    <form className={styles.form} onSubmit={submit} aria-labelledby="upc-refer-heading" noValidate>
      <ErrorSummary problems={state.problems} heading="h4" />
      <h3 id="upc-refer-heading" className={styles.h3}>
        Refer a case under {preset.organisation}'s policy
      </h3>
      <BehaviourPicker
        behaviours={preset.behaviours}
        value={behaviours}
        onChange={setBehaviours}
        legend="Behaviours this referral is about"
        idPrefix="upc-refer-behaviour"
        error={messageFor("behaviours")}
        otherDescription={otherBehaviour}
        onOtherDescriptionChange={setOtherBehaviour}
        otherError={messageFor("otherBehaviour")}
      />
      {lr.steps.length ? (
        <fieldset className={styles.fieldset} aria-describedby={lrError ? "upc-refer-lr-error" : undefined}>
          <legend className={styles.legend}>{lr.required ? "Local resolution tried (at least one is required)" : "Local resolution tried"}</legend>
          {lrError ? (
            <p id="upc-refer-lr-error" className={styles.bad}>
              <ErrorCircle16Filled aria-hidden="true" /> {lrError}
            </p>
          ) : null}
          {lr.steps.map((s) => (
            <div key={s.id}>
              <Checkbox id={`upc-refer-lr-${s.id}`} label={s.label} checked={steps[s.id] !== undefined} onChange={(_, d) => setSteps((m) => ({ ...m, [s.id]: d.checked ? (m[s.id] ?? "") : undefined }))} />
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
        <Disclosure
          id="upc-refer-prechecks"
          label="Before a decision, the policy asks"
          ticked={preset.preChecks.items.filter((p) => preChecks[p.id]).length}
          total={preset.preChecks.items.length}
          open={opened.has("prechecks")}
          onToggle={() => flip("prechecks")}
        >
          {preset.preChecks.items.map((p) => (
            <Checkbox key={p.id} label={p.label} checked={!!preChecks[p.id]} onChange={(_, d) => setPreChecks((m) => ({ ...m, [p.id]: !!d.checked }))} />
          ))}
        </Disclosure>
      ) : null}
      <Checkbox label="Any vulnerability or health condition has been considered" checked={vulnerability} onChange={(_, d) => setVulnerability(!!d.checked)} />
      <Field label="Service area">
        <Input value={serviceArea} onChange={(_, d) => setServiceArea(d.value)} />
      </Field>
      <Field label="Summary" required hint="What has happened, with the evidence" validationMessage={messageFor("summary")} validationState={messageFor("summary") ? "error" : "none"}>
        <Textarea id="upc-refer-summary" value={summary} onChange={(_, d) => setSummary(d.value)} resize="vertical" />
      </Field>
      {view.evidence.length ? (
        <Disclosure
          id="upc-refer-evidence"
          label="Logged contacts to include as evidence"
          ticked={evidence.length}
          total={view.evidence.length}
          open={opened.has("evidence")}
          onToggle={() => flip("evidence")}
        >
          {view.evidence.map((c) => (
            <Checkbox
              key={c.id}
              label={`${ukDate(c.contactAt)} · ${c.channel === "InPerson" ? "in person" : c.channel.toLowerCase()}: ${c.title}`}
              checked={evidence.includes(c.id)}
              onChange={(_, d) => setEvidence((l) => (d.checked ? [...l, c.id] : l.filter((x) => x !== c.id)))}
            />
          ))}
        </Disclosure>
      ) : null}
      {state.error ? <ErrorNotice title="Not referred." error={state.error} /> : null}
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
