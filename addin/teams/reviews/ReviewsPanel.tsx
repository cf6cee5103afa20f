// Appeals, scheduled reviews and the end of monitoring on a case: recorded by anyone (an appeal received), decided only
// by the role the preset names and never by someone who took part in the decision (the workflow refuses that too).
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Spinner, Textarea } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Preset } from "../../../shared/presets/schema";
import { londonDateKey, endOfLondonDay } from "../../../shared/time/calendar";
import { formatLondonDate } from "../../../shared/time/london";
import type { Effect, WorkflowEvent } from "../../../shared/workflow";
import { customerLettersOwed } from "../../../shared/workflow/follow-ups";
import type { CasePage } from "../../../graph/reports/case-page";
import { ErrorNotice } from "../../components/ErrorNotice";
import { useServices } from "../app/services";
import { Note, Refusal, useUi } from "../app/ui";
import { useStep, type StepState } from "../app/useStep";
import { summariseDrafts, type DraftForm } from "../decide/drafts";
import { reviewOptions } from "../decide/options";
import { RestrictionsBuilder } from "../decide/RestrictionsBuilder";

type Done = (effects: Effect[], what: string) => void;

function StepMessages({ step, onReload, title }: { step: StepState; onReload(): void; title: string }) {
  const conflict = (step.error as { kind?: string } | undefined)?.kind === "Conflict";
  return (
    <>
      {step.refusal ? <Refusal reason={step.refusal} /> : null}
      {step.error ? <ErrorNotice title={title} error={step.error} onRetry={conflict ? onReload : step.retry} retryLabel={conflict ? "Reload" : "Retry"} /> : null}
    </>
  );
}

export default function ReviewsPanel({ page, preset, onDone, onReload }: { page: CasePage; preset: Preset; onDone: Done; onReload(): void }) {
  const ui = useUi();
  const { me } = useServices();
  const { file } = page.loaded;
  const o = reviewOptions(preset, file, me);
  const hearer = preset.appeal.actor?.title;
  return (
    <div className={ui.stack}>
      {o.appeal ? (
        <section aria-labelledby="appeal-heading" className={ui.stack}>
          <h3 id="appeal-heading" className={ui.h3}>
            Appeal
          </h3>
          <p>
            Received {o.appeal.receivedAt ? formatLondonDate(new Date(o.appeal.receivedAt)) : formatLondonDate(new Date(o.appeal.openedAt))}; to be decided by{" "}
            <strong>{formatLondonDate(new Date(o.appeal.dueBy))}</strong>
            {hearer ? ` by ${hearer}` : ""}.{o.appeal.reasons ? ` Grounds: ${o.appeal.reasons}` : ""}
          </p>
          {o.appealConflict ? (
            <Note intent="warning" title="You cannot hear this appeal.">
              {o.appealConflict}
            </Note>
          ) : null}
          {o.canHearAppeal ? <DecideAppeal page={page} preset={preset} onDone={onDone} onReload={onReload} /> : !o.appealConflict ? <p className={ui.muted}>Only {hearer ?? "the person the policy names"} decides the appeal.</p> : null}
        </section>
      ) : null}
      {o.canLodgeAppeal ? <LodgeAppeal page={page} preset={preset} onDone={onDone} onReload={onReload} /> : null}
      {o.scheduledReview ? (
        <section aria-labelledby="review-heading" className={ui.stack}>
          <h3 id="review-heading" className={ui.h3}>
            Scheduled review
          </h3>
          <p>
            Due by <strong>{formatLondonDate(new Date(o.scheduledReview.dueBy))}</strong>
            {preset.reviewer ? `, by ${preset.reviewer.actor.title}` : ""}.
          </p>
          {o.reviewConflict ? (
            <Note intent="warning" title="You cannot carry out this review.">
              {o.reviewConflict}
            </Note>
          ) : null}
          {o.canReview ? <DecideReview page={page} preset={preset} onDone={onDone} onReload={onReload} canInvite={o.canInviteComment} /> : null}
        </section>
      ) : null}
      {o.monitoringOpen ? (
        <section aria-labelledby="monitoring-heading" className={ui.stack}>
          <h3 id="monitoring-heading" className={ui.h3}>
            End of monitoring
          </h3>
          <p>
            Monitoring runs until <strong>{file.monitoring ? formatLondonDate(new Date(file.monitoring.endsAt)) : ""}</strong>
            {preset.monitoringEnd ? `; ${preset.monitoringEnd.actor.title} judges how it went` : ""}.
          </p>
          {o.canJudgeMonitoring ? <JudgeMonitoring page={page} onDone={onDone} onReload={onReload} /> : null}
        </section>
      ) : null}
    </div>
  );
}

function LodgeAppeal({ page, preset, onDone, onReload }: { page: CasePage; preset: Preset; onDone: Done; onReload(): void }) {
  const ui = useUi();
  const { now } = useServices();
  const [received, setReceived] = useState(() => londonDateKey(now()));
  const [inWriting, setInWriting] = useState(preset.appeal.inWriting);
  const [grounds, setGrounds] = useState("");
  const [open, setOpen] = useState(false);
  const step = useStep(page.loaded.customer.id!, (e) => onDone(e, "Appeal recorded."));
  if (!open) {
    return (
      <div>
        <Button onClick={() => setOpen(true)}>Record an appeal received…</Button>
      </div>
    );
  }
  const submit = () => {
    // A date only: the appeal counts as received at the moment it is recorded on that day, or at the end of an earlier day.
    const today = londonDateKey(now());
    const at = received === today ? now() : endOfLondonDay(received);
    const event: WorkflowEvent = { type: "AppealLodged", receivedAt: at.toISOString(), inWriting, grounds: grounds.trim() };
    void step.run([event]);
  };
  return (
    <form
      noValidate
      aria-labelledby="lodge-heading"
      className={ui.stack}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h3 id="lodge-heading" className={ui.h3}>
        Record an appeal
      </h3>
      {preset.appeal.windowDays.value ? <p className={ui.muted}>The policy allows {preset.appeal.windowDays.value} days from the decision to appeal{preset.appeal.inWriting ? ", in writing" : ""}.</p> : null}
      <Field label="Date received" required>
        <Input type="date" value={received} onChange={(_, v) => setReceived(v.value)} />
      </Field>
      <Checkbox checked={inWriting} onChange={(_, v) => setInWriting(!!v.checked)} label="The appeal was made in writing" />
      <Field label="Grounds of appeal">
        <Textarea value={grounds} onChange={(_, v) => setGrounds(v.value)} />
      </Field>
      <StepMessages step={step} onReload={onReload} title="The appeal was not recorded." />
      <div>
        <Button type="submit" appearance="primary" disabled={step.busy}>
          Record appeal
        </Button>
        {step.busy ? <Spinner size="tiny" label="Saving…" /> : null}
      </div>
    </form>
  );
}

function useVariation(preset: Preset, page: CasePage) {
  const { now } = useServices();
  const [current] = useState(() => now());
  const [forms, setForms] = useState<DraftForm[]>([]);
  const summary = useMemo(() => summariseDrafts(preset, forms, page.loaded.customer.adjustments, current), [preset, forms, page.loaded.customer.adjustments, current]);
  return { forms, setForms, summary, current };
}

function DecideAppeal({ page, preset, onDone, onReload }: { page: CasePage; preset: Preset; onDone: Done; onReload(): void }) {
  const ui = useUi();
  const [outcome, setOutcome] = useState<"Upheld" | "Varied" | "Removed" | "">("");
  const [reasons, setReasons] = useState("");
  const [tried, setTried] = useState(false);
  const [conflictsSeen, setConflictsSeen] = useState(false);
  const v = useVariation(preset, page);
  const step = useStep(page.loaded.customer.id!, (e) => onDone(e, "Appeal decided."));
  // What is still missing, worked out afresh on every change once the person has tried to save.
  const p: string[] = [];
  if (!outcome) p.push("Choose the outcome of the appeal.");
  if (reasons.trim().length < 3) p.push("Give the reasons for the appeal decision.");
  if (outcome === "Varied") {
    if (!v.forms.length) p.push("Set out the restrictions as varied.");
    for (const x of v.summary.problems) p.push(`Restriction ${x.index + 1}: ${x.problems.join(" ")}`);
    if (v.summary.conflicts.length && !conflictsSeen) p.push("Confirm you have considered the clash with a reasonable adjustment.");
  }
  const submit = () => {
    setTried(true);
    if (p.length || !outcome) return;
    void step.run([{ type: "AppealDecided", outcome, reasons: reasons.trim(), ...(outcome === "Varied" ? { restrictions: v.summary.drafts } : {}) }]);
  };
  return (
    <form
      noValidate
      aria-labelledby="hear-heading"
      className={ui.stack}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h4 id="hear-heading" className={ui.h3}>
        Decide the appeal
      </h4>
      <Field label="Outcome of the appeal" required>
        <RadioGroup value={outcome} onChange={(_, x) => setOutcome(x.value as typeof outcome)}>
          <Radio value="Upheld" label="Uphold: the restrictions stay as they are" />
          <Radio value="Varied" label="Vary: replace the restrictions with those set out below" />
          <Radio value="Removed" label="Remove: lift the restrictions and close the case" />
        </RadioGroup>
      </Field>
      {outcome === "Varied" ? (
        <>
          <RestrictionsBuilder kinds={preset.restrictions.kinds} forms={v.forms} onChange={v.setForms} now={v.current} idPrefix="appeal" />
          <Conflicts conflicts={v.summary.conflicts} seen={conflictsSeen} onSeen={setConflictsSeen} />
        </>
      ) : null}
      <Field label="Reasons for the appeal decision" required>
        <Textarea value={reasons} onChange={(_, x) => setReasons(x.value)} rows={3} />
      </Field>
      {tried && p.length ? <Refusal title="Not yet complete:" reason={p.join(" ")} /> : null}
      <StepMessages step={step} onReload={onReload} title="The appeal decision was not saved." />
      <div>
        <Button type="submit" appearance="primary" disabled={step.busy}>
          Record appeal decision
        </Button>
        {step.busy ? <Spinner size="tiny" label="Saving…" /> : null}
      </div>
    </form>
  );
}

function Conflicts({ conflicts, seen, onSeen }: { conflicts: string[]; seen: boolean; onSeen(v: boolean): void }) {
  if (!conflicts.length) return null;
  return (
    <div role="alert">
      <Note intent="warning" title="Check against the recorded reasonable adjustments">
        <ul>
          {conflicts.map((c) => (
            <li key={c}>{c}</li>
          ))}
        </ul>
      </Note>
      <Checkbox checked={seen} onChange={(_, x) => onSeen(!!x.checked)} label="I have considered the clash with the reasonable adjustment and the restriction is still needed" />
    </div>
  );
}

function DecideReview({ page, preset, onDone, onReload, canInvite }: { page: CasePage; preset: Preset; onDone: Done; onReload(): void; canInvite: boolean }) {
  const ui = useUi();
  const { file } = page.loaded;
  const [outcome, setOutcome] = useState<"Upheld" | "Varied" | "Removed" | "Extended" | "">("");
  const [reasons, setReasons] = useState("");
  const [tried, setTried] = useState(false);
  const [conflictsSeen, setConflictsSeen] = useState(false);
  const v = useVariation(preset, page);
  const step = useStep(page.loaded.customer.id!, (e) => onDone(e, "Review recorded."));
  const invite = useStep(page.loaded.customer.id!, (e) => onDone(e, "The invitation to comment is recorded."));
  const owed = customerLettersOwed(file);
  const needsInvite = preset.extensionNeedsComment.value === true && !file.extensionCommentInvitedAt;
  if (owed.length) return <Note intent="warning">A letter from the last step is still owed: send it, or record why not, before the review.</Note>;
  // What is still missing, worked out afresh on every change once the person has tried to save.
  const p: string[] = [];
  if (!outcome) p.push("Choose the outcome of the review.");
  if (reasons.trim().length < 3) p.push("Give the reasons for the review's outcome.");
  if (outcome === "Varied") {
    if (!v.forms.length) p.push("Set out the restrictions as varied.");
    for (const x of v.summary.problems) p.push(`Restriction ${x.index + 1}: ${x.problems.join(" ")}`);
    if (v.summary.conflicts.length && !conflictsSeen) p.push("Confirm you have considered the clash with a reasonable adjustment.");
  }
  const submit = () => {
    setTried(true);
    if (p.length || !outcome) return;
    void step.run([{ type: "ReviewDecided", outcome, reasons: reasons.trim(), ...(outcome === "Varied" ? { restrictions: v.summary.drafts } : {}) }]);
  };
  return (
    <form
      noValidate
      aria-labelledby="decide-review-heading"
      className={ui.stack}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h4 id="decide-review-heading" className={ui.h3}>
        Record the review
      </h4>
      <Field label="Outcome of the review" required>
        <RadioGroup value={outcome} onChange={(_, x) => setOutcome(x.value as typeof outcome)}>
          <Radio value="Upheld" label="Uphold: keep the restrictions until the next review" />
          <Radio value="Varied" label="Vary: replace the restrictions with those set out below" />
          <Radio value="Removed" label="Remove: lift the restrictions and close the case" />
          <Radio value="Extended" label="Extend the restrictions" />
        </RadioGroup>
      </Field>
      {outcome === "Extended" && needsInvite ? (
        <Note intent="warning" title="The customer must be invited to comment first.">
          This policy requires the customer to be told the reasons and invited to comment before restrictions are extended.{" "}
          {canInvite ? (
            <Button size="small" onClick={() => void invite.run([{ type: "InviteExtensionComment" }])} disabled={invite.busy}>
              Record that the customer was invited to comment
            </Button>
          ) : (
            "The person who decides extensions records the invitation."
          )}
        </Note>
      ) : null}
      {file.extensionCommentInvitedAt ? <p>The customer was invited to comment on {formatLondonDate(new Date(file.extensionCommentInvitedAt))}.</p> : null}
      <StepMessages step={invite} onReload={onReload} title="The invitation was not recorded." />
      {outcome === "Varied" ? (
        <>
          <RestrictionsBuilder kinds={preset.restrictions.kinds} forms={v.forms} onChange={v.setForms} now={v.current} idPrefix="review" />
          <Conflicts conflicts={v.summary.conflicts} seen={conflictsSeen} onSeen={setConflictsSeen} />
        </>
      ) : null}
      <Field label="Reasons for the review's outcome" required>
        <Textarea value={reasons} onChange={(_, x) => setReasons(x.value)} rows={3} />
      </Field>
      {tried && p.length ? <Refusal title="Not yet complete:" reason={p.join(" ")} /> : null}
      <StepMessages step={step} onReload={onReload} title="The review was not saved." />
      <div>
        <Button type="submit" appearance="primary" disabled={step.busy}>
          Record review
        </Button>
      </div>
    </form>
  );
}

function JudgeMonitoring({ page, onDone, onReload }: { page: CasePage; onDone: Done; onReload(): void }) {
  const ui = useUi();
  const [judgement, setJudgement] = useState<"acceptable" | "unacceptable" | "">("");
  const [reasons, setReasons] = useState("");
  const [tried, setTried] = useState(false);
  const step = useStep(page.loaded.customer.id!, (e) => onDone(e, judgement === "acceptable" ? "Monitoring ended: contact was acceptable." : "Monitoring ended: contact was unacceptable. A sanction can now be decided."));
  // What is still missing, worked out afresh on every change once the person has tried to save.
  const p: string[] = [];
  if (!judgement) p.push("Choose how the monitoring period went.");
  if (reasons.trim().length < 3) p.push("Give the reasons for this judgement.");
  const submit = () => {
    setTried(true);
    if (p.length) return;
    void step.run([{ type: "MonitoringEnded", acceptable: judgement === "acceptable", reasons: reasons.trim() }]);
  };
  return (
    <form
      noValidate
      aria-labelledby="judge-heading"
      className={ui.stack}
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <h4 id="judge-heading" className={ui.h3}>
        Judge the monitoring period
      </h4>
      <Field label="How did the customer's contact go?" required>
        <RadioGroup value={judgement} onChange={(_, x) => setJudgement(x.value as typeof judgement)}>
          <Radio value="acceptable" label="Acceptable: end monitoring and send the thank-you letter" />
          <Radio value="unacceptable" label="Unacceptable: a sanction is to be decided" />
        </RadioGroup>
      </Field>
      <Field label="Reasons for the judgement" required>
        <Textarea value={reasons} onChange={(_, x) => setReasons(x.value)} rows={3} />
      </Field>
      {tried && p.length ? <Refusal title="Not yet complete:" reason={p.join(" ")} /> : null}
      <StepMessages step={step} onReload={onReload} title="The judgement was not saved." />
      <div>
        <Button type="submit" appearance="primary" disabled={step.busy}>
          Record judgement
        </Button>
      </div>
    </form>
  );
}
