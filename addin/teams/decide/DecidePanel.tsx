// Recording a decision: only for whoever holds the office the preset names (by role until an administrator names its
// holders; the case service refuses anyone else), with everyone the policy says decides jointly or is consulted named. The preset's pre-checks,
// the customer's vulnerability and reasonable adjustments, and any warning exception are answered first; reasons
// are required; restrictions are set out in typed forms, and a clash with a recorded adjustment is flagged before saving.
import { Field, Input, Textarea } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { DecisionOutcome } from "../../../shared/domain/vocab";
import type { Preset } from "../../../shared/presets/schema";
import { formatLondonDate } from "../../../shared/time/london";
import type { Effect } from "../../../shared/workflow";
import { dueAfterPeriod } from "../../../shared/workflow/deadlines";
import { periodWords } from "../../../shared/workflow/periods";
import { customerLettersOwed } from "../../../shared/workflow/follow-ups";
import type { CasePage } from "../../../graph/reports/case-page";
import { useServices } from "../app/services";
import { useActing } from "../app/useOffices";
import { useParticipants } from "../common/Participants";
import { Note, useUi } from "../app/ui";
import { letterWords, useStep } from "../app/useStep";
import { StepMessages, SubmitButton, Unfinished } from "../common/StepForm";
import { decisionEvent, decisionNeeds, missingFromDecision, type Answer } from "./decision";
import { summariseDrafts, type DraftForm } from "./drafts";
import { CommentInvited, InviteComment } from "./ExtensionConsultation";
import { OUTCOME_WORDS, decidableOutcomes } from "./options";
import { OutcomeChoice } from "./OutcomeChoice";
import { PreChecks } from "./PreChecks";
import { RestrictionsPart } from "./RestrictionsPart";
import { VulnerabilityCheck } from "./VulnerabilityCheck";
import { WarningException } from "./WarningException";

export default function DecidePanel({ page, preset, onDone, onReload }: { page: CasePage; preset: Preset; onDone(effects: Effect[], what: string): void; onReload(): void }) {
  const ui = useUi();
  const { now } = useServices();
  const { file, customer } = page.loaded;
  const acting = useActing();
  const outcomes = decidableOutcomes(preset, file, acting);
  // Nothing chosen for the decider, even when one outcome is open: "Lift" preselected beside an appeal invited a slip.
  const [outcome, setOutcome] = useState<DecisionOutcome | "">("");
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [vulnerability, setVulnerability] = useState(false);
  const [exception, setException] = useState("");
  const [exceptionReason, setExceptionReason] = useState("");
  const [reasons, setReasons] = useState("");
  const [forms, setForms] = useState<DraftForm[]>([]);
  const [conflictsSeen, setConflictsSeen] = useState(false);
  const [shorterMonths, setShorterMonths] = useState("");
  const [shorterReason, setShorterReason] = useState("");
  const [reviewMonths, setReviewMonths] = useState("");
  const [reviewReason, setReviewReason] = useState("");
  const [tried, setTried] = useState(false);
  const step = useStep(customer.id!, (effects) => onDone(effects, `Decision recorded: ${outcome ? OUTCOME_WORDS[outcome].label.toLowerCase() : ""}.`));

  const owed = customerLettersOwed(file);
  const { applying, buildsRestrictions, warningNeeded, needsInvite, mayShorten, mayAdjustReview } = decisionNeeds(preset, file, outcome);
  const rule = preset.decisions.find((d) => d.outcome === outcome);
  const taking = useParticipants(preset, rule?.actor, tried);
  const [current] = useState(() => now());
  const summary = useMemo(() => summariseDrafts(preset, forms, customer.adjustments, current), [preset, forms, customer.adjustments, current]);

  if (!outcomes.length) return null;
  if (owed.length) {
    return (
      <Note intent="warning" title="A letter is owed first.">
        The {letterWords(owed[0])} has not been sent yet: send it, or record why it is not being sent, before the next decision.
      </Note>
    );
  }

  const given = { outcome, answers, vulnerability, exception, exceptionReason, reasons, participants: taking.participants, formsCount: forms.length, conflictsSeen, shorterMonths, shorterReason, reviewMonths, reviewReason };
  const missing = [...missingFromDecision(preset, file, given, summary, { upn: acting.upn, roles: [...acting.roles] }, current), ...taking.missing];
  const submit = async () => {
    setTried(true);
    if (missing.length || !given.outcome) return;
    await step.run(decisionEvent(preset, file, { ...given, outcome: given.outcome }, summary));
  };

  return (
    <form
      noValidate
      aria-labelledby="decide-heading"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <h3 id="decide-heading" className={ui.h3}>
        Record a decision
      </h3>
      <div className={ui.stack}>
        <OutcomeChoice outcomes={outcomes} outcome={outcome} onChange={setOutcome} rule={rule} preset={preset} />

        {applying ? (
          <>
            <PreChecks preset={preset} file={file} answers={answers} onAnswer={(id, a) => setAnswers((all) => ({ ...all, [id]: a }))} />
            <VulnerabilityCheck page={page} checked={vulnerability} onChange={setVulnerability} />
            {warningNeeded ? <WarningException preset={preset} exception={exception} onException={setException} reason={exceptionReason} onReason={setExceptionReason} /> : null}
          </>
        ) : null}

        {outcome === "Monitor" && preset.monitoringPeriod.value ? (
          <p>
            Monitoring lasts {periodWords(preset.monitoringPeriod.value)}
            {preset.monitoringPeriod.orLess?.value ? " or less" : ""} under this policy
            {preset.monitoringPeriod.startsFrom?.value === "letterReceived" ? (
              <>: it starts when the customer receives the monitoring letter.</>
            ) : (
              <>
                : until <strong>{formatLondonDate(dueAfterPeriod(current, preset.monitoringPeriod.value))}</strong>.
              </>
            )}
          </p>
        ) : null}

        {mayShorten ? (
          <div className={ui.stack}>
            <Field label="A shorter period (months)" hint={`Leave blank for the policy's ${periodWords(preset.monitoringPeriod.value!)}. The policy allows less “if deemed appropriate”.`}>
              <Input type="number" min={1} value={shorterMonths} onChange={(_, v) => setShorterMonths(v.value)} />
            </Field>
            {shorterMonths.trim() ? (
              <Field label="Why a shorter period" required hint="Recorded with the decision and said in the monitoring letter.">
                <Textarea value={shorterReason} onChange={(_, v) => setShorterReason(v.value)} rows={2} />
              </Field>
            ) : null}
          </div>
        ) : null}

        {mayAdjustReview ? (
          <div className={ui.stack}>
            <Field label="Review this customer's restrictions after (months)" hint={`Leave blank for the policy's ${preset.reviewIntervalMonths.value ?? "usual"} months. The policy allows it to be adjusted for the customer's circumstances.`}>
              <Input type="number" min={1} value={reviewMonths} onChange={(_, v) => setReviewMonths(v.value)} />
            </Field>
            {reviewMonths.trim() ? (
              <Field label="Why this review period" required hint="Recorded with the decision.">
                <Textarea value={reviewReason} onChange={(_, v) => setReviewReason(v.value)} rows={2} />
              </Field>
            ) : null}
          </div>
        ) : null}

        {needsInvite ? <InviteComment customerId={customer.id!} onDone={onDone} /> : null}
        {outcome === "Extend" ? <CommentInvited file={file} /> : null}

        {buildsRestrictions ? (
          <RestrictionsPart
            preset={preset}
            extending={outcome === "Extend"}
            forms={forms}
            onForms={setForms}
            summary={summary}
            now={current}
            conflictsSeen={conflictsSeen}
            onConflictsSeen={setConflictsSeen}
          />
        ) : null}

        {taking.pickers}

        <Field label="Reasons for the decision" required hint="Recorded, and may be seen by the customer, a reviewer or the Ombudsman.">
          <Textarea value={reasons} onChange={(_, v) => setReasons(v.value)} rows={4} />
        </Field>

        <Unfinished shown={tried} problems={missing} />
        <StepMessages step={step} onReload={onReload} title="The decision was not saved." />
        <SubmitButton busy={step.busy} spinner>
          Record decision
        </SubmitButton>
      </div>
    </form>
  );
}
