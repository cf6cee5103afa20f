// Appeals, scheduled reviews and the end of monitoring on a case: recorded by anyone (an appeal received), decided only
// by whoever holds the office the preset names (by role until an administrator names its holders), with everyone the
// policy says takes part named, and never by someone who took part in the decision (the workflow refuses that too).
import { Button, Checkbox, Field, Input, Radio, RadioGroup, Textarea } from "@fluentui/react-components";
import { useMemo, useState } from "react";
import type { Preset } from "../../../shared/presets/schema";
import { londonDateKey, endOfLondonDay } from "../../../shared/time/calendar";
import { formatLondonDate } from "../../../shared/time/london";
import type { Effect, WorkflowEvent } from "../../../shared/workflow";
import { customerLettersOwed } from "../../../shared/workflow/follow-ups";
import type { CasePage } from "../../../graph/reports/case-page";
import { useServices } from "../app/services";
import { Note, useUi } from "../app/ui";
import { useActing } from "../app/useOffices";
import { useStep } from "../app/useStep";
import { useParticipants } from "../common/Participants";
import { AdjustmentConflicts, StepForm, StepMessages, SubmitButton, Unfinished } from "../common/StepForm";
import { summariseDrafts, type DraftForm } from "../decide/drafts";
import { reviewOptions } from "../decide/options";
import { RestrictionsBuilder } from "../decide/RestrictionsBuilder";

type Done = (effects: Effect[], what: string) => void;

export default function ReviewsPanel({ page, preset, onDone, onReload }: { page: CasePage; preset: Preset; onDone: Done; onReload(): void }) {
  const ui = useUi();
  const acting = useActing();
  const { file } = page.loaded;
  const o = reviewOptions(preset, file, acting);
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
            {hearer ? ` by ${hearer}` : ""}.
          </p>
          {/* The grounds beside the form that answers them. */}
          <figure className={ui.quote} aria-labelledby="appeal-grounds">
            <figcaption id="appeal-grounds" className={ui.h3}>
              Grounds of appeal
            </figcaption>
            <blockquote className={ui.wrap}>{o.appeal.reasons || "No grounds were recorded with the appeal."}</blockquote>
          </figure>
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
            {file.monitoring?.endsAt ? (
              <>
                Monitoring runs until <strong>{formatLondonDate(new Date(file.monitoring.endsAt))}</strong>
              </>
            ) : (
              "Monitoring starts when the letter is received"
            )}
            {preset.monitoringEnd ? `; ${preset.monitoringEnd.actor.title} judges how it went` : ""}.
          </p>
          {o.canJudgeMonitoring ? <JudgeMonitoring page={page} preset={preset} onDone={onDone} onReload={onReload} /> : null}
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
    void step.run(event);
  };
  return (
    <StepForm id="lodge-heading" heading="Record an appeal" onSubmit={submit}>
      {preset.appeal.windowDays.value ? <p className={ui.muted}>The policy allows {preset.appeal.windowDays.value} days from the decision to appeal{preset.appeal.inWriting ? ", in writing" : ""}.</p> : null}
      <Field label="Date received" required>
        <Input type="date" value={received} onChange={(_, v) => setReceived(v.value)} />
      </Field>
      <Checkbox checked={inWriting} onChange={(_, v) => setInWriting(!!v.checked)} label="The appeal was made in writing" />
      <Field label="Grounds of appeal">
        <Textarea value={grounds} onChange={(_, v) => setGrounds(v.value)} />
      </Field>
      <StepMessages step={step} onReload={onReload} title="The appeal was not recorded." />
      <SubmitButton busy={step.busy} spinner>Record appeal</SubmitButton>
    </StepForm>
  );
}

function useVariation(preset: Preset, page: CasePage) {
  const { now } = useServices();
  const [current] = useState(() => now());
  const [forms, setForms] = useState<DraftForm[]>([]);
  const [conflictsSeen, setConflictsSeen] = useState(false);
  const summary = useMemo(() => summariseDrafts(preset, forms, page.loaded.customer.adjustments, current), [preset, forms, page.loaded.customer.adjustments, current]);
  // Appeals and reviews vary restrictions the same way, so they ask for the same things before saving.
  const problems: string[] = [
    ...(forms.length ? [] : ["Set out the restrictions as varied."]),
    ...summary.problems.map((x) => `Restriction ${x.index + 1}: ${x.problems.join(" ")}`),
    ...(summary.conflicts.length && !conflictsSeen ? ["Confirm you have considered the clash with a reasonable adjustment."] : []),
  ];
  return { forms, setForms, summary, current, problems, conflictsSeen, setConflictsSeen };
}

function VariedRestrictions({ preset, v, idPrefix }: { preset: Preset; v: ReturnType<typeof useVariation>; idPrefix: string }) {
  return (
    <>
      <RestrictionsBuilder kinds={preset.restrictions.kinds} forms={v.forms} onChange={v.setForms} now={v.current} idPrefix={idPrefix} />
      <AdjustmentConflicts conflicts={v.summary.conflicts} seen={v.conflictsSeen} onSeen={v.setConflictsSeen} />
    </>
  );
}

function DecideAppeal({ page, preset, onDone, onReload }: { page: CasePage; preset: Preset; onDone: Done; onReload(): void }) {
  const [outcome, setOutcome] = useState<"Upheld" | "Varied" | "Removed" | "">("");
  const [reasons, setReasons] = useState("");
  const [tried, setTried] = useState(false);
  const v = useVariation(preset, page);
  const step = useStep(page.loaded.customer.id!, (e) => onDone(e, "Appeal decided."));
  const taking = useParticipants(preset, preset.appeal.actor, tried);
  // What is still missing, worked out afresh on every change once the person has tried to save.
  const p: string[] = [];
  if (!outcome) p.push("Choose the outcome of the appeal.");
  if (reasons.trim().length < 3) p.push("Give the reasons for the appeal decision.");
  if (outcome === "Varied") p.push(...v.problems);
  p.push(...taking.missing);
  const submit = () => {
    setTried(true);
    if (p.length || !outcome) return;
    void step.run({ type: "AppealDecided", outcome, reasons: reasons.trim(), ...(outcome === "Varied" ? { restrictions: v.summary.drafts } : {}), ...(taking.participants?.length ? { participants: taking.participants } : {}) });
  };
  return (
    <StepForm id="hear-heading" heading="Decide the appeal" level="h4" onSubmit={submit}>
      <Field label="Outcome of the appeal" required>
        <RadioGroup value={outcome} onChange={(_, x) => setOutcome(x.value as typeof outcome)}>
          <Radio value="Upheld" label="Uphold: the restrictions stay as they are" />
          <Radio value="Varied" label="Vary: replace the restrictions with those set out below" />
          <Radio value="Removed" label="Remove: lift the restrictions and close the case" />
        </RadioGroup>
      </Field>
      {outcome === "Varied" ? <VariedRestrictions preset={preset} v={v} idPrefix="appeal" /> : null}
      {taking.pickers}
      <Field label="Reasons for the appeal decision" required>
        <Textarea value={reasons} onChange={(_, x) => setReasons(x.value)} rows={3} />
      </Field>
      <Unfinished shown={tried} problems={p} />
      <StepMessages step={step} onReload={onReload} title="The appeal decision was not saved." />
      <SubmitButton busy={step.busy} spinner>Record appeal decision</SubmitButton>
    </StepForm>
  );
}

function DecideReview({ page, preset, onDone, onReload, canInvite }: { page: CasePage; preset: Preset; onDone: Done; onReload(): void; canInvite: boolean }) {
  const { file } = page.loaded;
  const [outcome, setOutcome] = useState<"Upheld" | "Varied" | "Removed" | "Extended" | "">("");
  const [reasons, setReasons] = useState("");
  const [tried, setTried] = useState(false);
  const v = useVariation(preset, page);
  const step = useStep(page.loaded.customer.id!, (e) => onDone(e, "Review recorded."));
  const invite = useStep(page.loaded.customer.id!, (e) => onDone(e, "The invitation to comment is recorded."));
  const taking = useParticipants(preset, preset.reviewer?.actor, tried);
  const owed = customerLettersOwed(file);
  const needsInvite = preset.extensionNeedsComment.value === true && !file.extensionCommentInvitedAt;
  if (owed.length) return <Note intent="warning">A letter from the last step is still owed: send it, or record why not, before the review.</Note>;
  // What is still missing, worked out afresh on every change once the person has tried to save.
  const p: string[] = [];
  if (!outcome) p.push("Choose the outcome of the review.");
  if (reasons.trim().length < 3) p.push("Give the reasons for the review's outcome.");
  if (outcome === "Varied") p.push(...v.problems);
  p.push(...taking.missing);
  const submit = () => {
    setTried(true);
    if (p.length || !outcome) return;
    void step.run({ type: "ReviewDecided", outcome, reasons: reasons.trim(), ...(outcome === "Varied" ? { restrictions: v.summary.drafts } : {}), ...(taking.participants?.length ? { participants: taking.participants } : {}) });
  };
  return (
    <StepForm id="decide-review-heading" heading="Record the review" level="h4" onSubmit={submit}>
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
            <Button size="small" onClick={() => void invite.run({ type: "InviteExtensionComment" })} disabled={invite.busy}>
              Record that the customer was invited to comment
            </Button>
          ) : (
            "The person who decides extensions records the invitation."
          )}
        </Note>
      ) : null}
      {file.extensionCommentInvitedAt ? <p>The customer was invited to comment on {formatLondonDate(new Date(file.extensionCommentInvitedAt))}.</p> : null}
      <StepMessages step={invite} onReload={onReload} title="The invitation was not recorded." />
      {outcome === "Varied" ? <VariedRestrictions preset={preset} v={v} idPrefix="review" /> : null}
      {taking.pickers}
      <Field label="Reasons for the review's outcome" required>
        <Textarea value={reasons} onChange={(_, x) => setReasons(x.value)} rows={3} />
      </Field>
      <Unfinished shown={tried} problems={p} />
      <StepMessages step={step} onReload={onReload} title="The review was not saved." />
      <SubmitButton busy={step.busy}>Record review</SubmitButton>
    </StepForm>
  );
}

function JudgeMonitoring({ page, preset, onDone, onReload }: { page: CasePage; preset: Preset; onDone: Done; onReload(): void }) {
  const [judgement, setJudgement] = useState<"acceptable" | "unacceptable" | "">("");
  const [reasons, setReasons] = useState("");
  const [tried, setTried] = useState(false);
  const taking = useParticipants(preset, preset.monitoringEnd?.actor ?? preset.decisions.find((d) => d.outcome === "Monitor")?.actor, tried);
  const step = useStep(page.loaded.customer.id!, (e) => onDone(e, judgement === "acceptable" ? "Monitoring ended: contact was acceptable." : "Monitoring ended: contact was unacceptable. A sanction can now be decided."));
  // What is still missing, worked out afresh on every change once the person has tried to save.
  const p: string[] = [];
  if (!judgement) p.push("Choose how the monitoring period went.");
  if (reasons.trim().length < 3) p.push("Give the reasons for this judgement.");
  p.push(...taking.missing);
  const submit = () => {
    setTried(true);
    if (p.length) return;
    void step.run({ type: "MonitoringEnded", acceptable: judgement === "acceptable", reasons: reasons.trim(), ...(taking.participants?.length ? { participants: taking.participants } : {}) });
  };
  return (
    <StepForm id="judge-heading" heading="Judge the monitoring period" level="h4" onSubmit={submit}>
      <Field label="How did the customer's contact go?" required>
        <RadioGroup value={judgement} onChange={(_, x) => setJudgement(x.value as typeof judgement)}>
          <Radio value="acceptable" label="Acceptable: end monitoring and send the thank-you letter" />
          <Radio value="unacceptable" label="Unacceptable: a sanction is to be decided" />
        </RadioGroup>
      </Field>
      {taking.pickers}
      <Field label="Reasons for the judgement" required>
        <Textarea value={reasons} onChange={(_, x) => setReasons(x.value)} rows={3} />
      </Field>
      <Unfinished shown={tried} problems={p} />
      <StepMessages step={step} onReload={onReload} title="The judgement was not saved." />
      <SubmitButton busy={step.busy}>Record judgement</SubmitButton>
    </StepForm>
  );
}
