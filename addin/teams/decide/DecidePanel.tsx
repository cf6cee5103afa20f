// Recording a decision: only for the role the preset names (the store refuses anyone else). The preset's pre-checks,
// the customer's vulnerability and reasonable adjustments, and any warning exception are answered first; reasons
// are required; restrictions are set out in typed forms, and a clash with a recorded adjustment is flagged before saving.
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Textarea } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { DecisionOutcome } from "../../../shared/domain/vocab";
import type { Preset } from "../../../shared/presets/schema";
import { formatLondonDate } from "../../../shared/time/london";
import type { Effect, WorkflowEvent } from "../../../shared/workflow";
import { dueAfterDays } from "../../../shared/workflow/deadlines";
import { customerLettersOwed } from "../../../shared/workflow/follow-ups";
import type { CasePage } from "../../../graph/reports/case-page";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useServices } from "../app/services";
import { Note, Refusal, useUi } from "../app/ui";
import { letterWords, useStep } from "../app/useStep";
import { summariseDrafts, type DraftForm } from "./drafts";
import { OUTCOME_WORDS, decidableOutcomes } from "./options";
import { RestrictionsBuilder } from "./RestrictionsBuilder";
import { AdjustmentConflicts, StepMessages, SubmitButton, Unfinished } from "../common/StepForm";

type Answer = "yes" | "no" | "";

export default function DecidePanel({ page, preset, onDone, onReload }: { page: CasePage; preset: Preset; onDone(effects: Effect[], what: string): void; onReload(): void }) {
  const ui = useUi();
  const { me, now } = useServices();
  const { file, customer } = page.loaded;
  const outcomes = decidableOutcomes(preset, file, me.roles);
  // Nothing chosen for the decider, even when one outcome is open: "Lift" preselected beside an appeal invited a slip.
  const [outcome, setOutcome] = useState<DecisionOutcome | "">("");
  const [answers, setAnswers] = useState<Record<string, Answer>>({});
  const [vulnerability, setVulnerability] = useState(false);
  const [exception, setException] = useState("");
  const [exceptionReason, setExceptionReason] = useState("");
  const [reasons, setReasons] = useState("");
  const [jointly, setJointly] = useState("");
  const [forms, setForms] = useState<DraftForm[]>([]);
  const [conflictsSeen, setConflictsSeen] = useState(false);
  const [tried, setTried] = useState(false);
  const step = useStep(customer.id!, (effects) => onDone(effects, `Decision recorded: ${outcome ? OUTCOME_WORDS[outcome].label.toLowerCase() : ""}.`));
  const invite = useStep(customer.id!, (effects) => onDone(effects, "The invitation to comment is recorded."));

  const owed = customerLettersOwed(file);
  const applying = outcome === "Monitor" || outcome === "Restrict";
  const buildsRestrictions = outcome === "Restrict" || (outcome === "Extend" && file.status === "Restricted");
  const warningNeeded = applying && preset.warning.required && file.warnings.length === 0 && !file.warningException;
  const rule = preset.decisions.find((d) => d.outcome === outcome);
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

  // What is still missing, worked out afresh on every change once the person has tried to save.
  const missing: string[] = [];
  if (!outcome) missing.push("Choose a decision.");
  if (applying) {
    const unanswered = preset.preChecks.items.filter((c) => !answers[c.id]);
    if (unanswered.length) missing.push(`Answer each check the policy requires: ${unanswered.map((c) => c.label).join("; ")}.`);
    if (preset.vulnerabilityMustBeConsidered.value && !vulnerability) missing.push("Confirm that the customer's vulnerability, health and support needs, including reasonable adjustments, have been considered.");
    if (warningNeeded && !exception) missing.push("No warning has been recorded: choose the exception the policy allows, or record the warning first.");
    if (warningNeeded && exception && exceptionReason.trim().length < 3) missing.push("Give the reason no warning was given.");
  }
  const needsInvite = outcome === "Extend" && file.status === "Restricted" && preset.extensionNeedsComment.value === true && !file.extensionCommentInvitedAt;
  if (needsInvite) missing.push("Invite the customer to comment on the proposed extension, and record it, first.");
  if (reasons.trim().length < 3) missing.push("Give the reasons for this decision: they are recorded and may be seen by the customer, a reviewer or the Ombudsman.");
  if (buildsRestrictions) {
    if (outcome === "Restrict" && !forms.length) missing.push("Add at least one restriction and set it out.");
    for (const p of summary.problems) missing.push(`Restriction ${p.index + 1}: ${p.problems.join(" ")}`);
    if (summary.conflicts.length && !conflictsSeen) missing.push("A restriction may clash with a recorded reasonable adjustment: confirm you have considered it.");
  }

  const submit = async () => {
    setTried(true);
    if (missing.length || !outcome) return;
    const event: WorkflowEvent = {
      type: "Decide",
      outcome,
      reasons: reasons.trim(),
      ...(applying
        ? {
            preChecks: Object.fromEntries(preset.preChecks.items.map((c) => [c.id, answers[c.id] === "yes"])),
            vulnerabilityConsidered: vulnerability,
            ...(warningNeeded ? { warningException: { id: exception, reason: exceptionReason.trim() } } : {}),
          }
        : {}),
      ...(buildsRestrictions && summary.drafts.length ? { restrictions: summary.drafts } : {}),
      ...(jointly.trim() ? { jointly: jointly.split(/[,;\s]+/).map((s) => s.trim()).filter(Boolean) } : {}),
    };
    await step.run(event);
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
        <Field label="Decision" required>
          <RadioGroup value={outcome} onChange={(_, v) => setOutcome(v.value as DecisionOutcome)}>
            {outcomes.map((o) => (
              <Radio key={o} value={o} label={`${OUTCOME_WORDS[o].label} — ${OUTCOME_WORDS[o].hint}`} />
            ))}
          </RadioGroup>
        </Field>
        {rule ? (
          <p className={ui.muted}>
            Under this policy {rule.actor.title} decides this{rule.actor.with.length ? `, with ${rule.actor.with.join(" and ")}` : ""}.
          </p>
        ) : null}

        {applying ? (
          <>
            {preset.preChecks.items.length ? (
              <fieldset>
                <legend className={ui.h3}>Before applying the policy</legend>
                <div className={ui.stack}>
                  {preset.preChecks.items.map((c) => (
                    <Field key={c.id} label={c.label} required hint={file.preChecks[c.id] !== undefined ? `The referral recorded: ${file.preChecks[c.id] ? "yes" : "no"}.` : undefined}>
                      <RadioGroup layout="horizontal" value={answers[c.id] ?? ""} onChange={(_, v) => setAnswers((a) => ({ ...a, [c.id]: v.value as Answer }))}>
                        <Radio value="yes" label="Yes" />
                        <Radio value="no" label="No" />
                      </RadioGroup>
                    </Field>
                  ))}
                </div>
              </fieldset>
            ) : null}
            <div>
              <p>
                <strong>Reasonable adjustments recorded:</strong> {customer.adjustments || "none recorded."}
              </p>
              {page.sensitive?.length ? <p className={ui.muted}>Health and vulnerability notes are shown below under “Health and vulnerability notes”.</p> : null}
              <Checkbox
                checked={vulnerability}
                onChange={(_, v) => setVulnerability(!!v.checked)}
                label="I have considered the customer's vulnerability, health and support needs, including reasonable adjustments"
              />
            </div>
            {warningNeeded ? (
              <fieldset>
                <legend className={ui.h3}>No warning has been recorded</legend>
                <p>The policy requires a warning before it is applied, unless one of these applies.</p>
                <Field label="Why no warning was given" required>
                  <RadioGroup value={exception} onChange={(_, v) => setException(v.value)}>
                    {preset.warning.exceptions.map((x) => (
                      <Radio key={x.id} value={x.id} label={x.label} />
                    ))}
                  </RadioGroup>
                </Field>
                <Field label="The reason, with the evidence" required>
                  <Textarea value={exceptionReason} onChange={(_, v) => setExceptionReason(v.value)} />
                </Field>
              </fieldset>
            ) : null}
          </>
        ) : null}

        {outcome === "Monitor" && preset.monitoringDays.value ? (
          <p>
            Monitoring lasts {preset.monitoringDays.value} days under this policy: until <strong>{formatLondonDate(dueAfterDays(current, preset.monitoringDays.value))}</strong>.
          </p>
        ) : null}

        {needsInvite ? (
          <Note intent="warning" title="The customer must be invited to comment first.">
            This policy requires the customer to be told the reasons for the extension and invited to comment before it is decided.{" "}
            <Button size="small" onClick={() => void invite.run({ type: "InviteExtensionComment" })} disabled={invite.busy}>
              Record that the customer was invited to comment
            </Button>
            {invite.refusal ? <Refusal reason={invite.refusal} /> : null}
            {invite.error ? <ErrorNotice title="The invitation was not recorded." error={invite.error} onRetry={invite.retry} /> : null}
          </Note>
        ) : null}
        {outcome === "Extend" && file.extensionCommentInvitedAt ? <p>The customer was invited to comment on {formatLondonDate(new Date(file.extensionCommentInvitedAt))}.</p> : null}

        {buildsRestrictions ? (
          <fieldset>
            <legend className={ui.h3}>Restrictions</legend>
            {outcome === "Extend" ? <p className={ui.muted}>Leave empty to extend the restrictions in force as they are; add restrictions to replace them.</p> : null}
            <RestrictionsBuilder kinds={preset.restrictions.kinds} forms={forms} onChange={setForms} now={current} idPrefix="decide" />
            <p role="status">
              {summary.reviewDue
                ? `Review due: ${formatLondonDate(new Date(summary.reviewDue))}${preset.reviewIntervalMonths.value ? ` (${preset.reviewIntervalMonths.value} months, as the policy says)` : " (the last end date: the policy sets no review interval)"}.`
                : forms.length && !summary.problems.length && preset.reviewIntervalMonths.value === null
                  ? "This policy sets no review interval: give each restriction an end date."
                  : ""}
            </p>
            <AdjustmentConflicts conflicts={summary.conflicts} seen={conflictsSeen} onSeen={setConflictsSeen} />
          </fieldset>
        ) : null}

        {rule?.actor.with.length ? (
          <Field label="Others who decided with you (work e-mail addresses)" hint={`The policy names ${rule.actor.with.join(" and ")}. They will not be able to review or hear an appeal on this decision.`}>
            <Input value={jointly} onChange={(_, v) => setJointly(v.value)} />
          </Field>
        ) : null}

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
