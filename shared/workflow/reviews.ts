// The end of a monitoring period and scheduled reviews of restrictions, by someone independent of the decision.
import type { TransitionContext } from "./machine";
import { closeOpenReviews } from "./decide";
import type { WorkflowEvent } from "./events";
import { buildRestrictions, close, customerLettersOwed, nextReviewDue, noticeFor, owe } from "./follow-ups";
import { firstProblem, mayAct, needsReasons, needsSetting } from "./guards";
import { independenceProblem } from "./independence";
import { participantsProblem, takingPart } from "./offices";
import { reviewMonthsFor } from "./periods";
import { refused, type Effect, type Transition } from "./result";
import type { CaseFile, ReviewRecord } from "./state";

type Ctx = TransitionContext;
type Of<T extends WorkflowEvent["type"]> = Extract<WorkflowEvent, { type: T }>;

export function monitoringEnded(file: CaseFile, e: Of<"MonitoringEnded">, ctx: Ctx): Transition {
  const { preset, actor, now } = ctx;
  const judge = preset.monitoringEnd?.actor ?? preset.decisions.find((d) => d.outcome === "Monitor")?.actor ?? null;
  const owed = customerLettersOwed(file);
  const problem = firstProblem(
    file.status === "Monitoring" && file.monitoring && file.monitoring.outcome === null ? null : "This customer's contact is not being monitored.",
    needsSetting(preset, judge, "who judges the end of a monitoring period"),
    judge ? mayAct(preset, judge, actor, "judge the end of a monitoring period", ctx.offices) : null,
    judge ? participantsProblem(preset, judge, actor, e.participants, ctx.offices) : null,
    needsReasons(e.reasons, "this judgement"),
    owed.includes("Monitoring") ? "The monitoring letter has not been sent yet: monitoring runs from the letter." : null,
    file.monitoring && !file.monitoring.startsAt ? "Monitoring has not started: it starts when the customer receives the monitoring letter." : null,
    file.monitoring?.startsAt && now.getTime() < new Date(file.monitoring.startsAt).getTime() ? "Monitoring has not started." : null,
  );
  if (problem) return refused(problem);
  const monitoring = file.monitoring!;
  // A logged judgement replays even where the period is now counted in calendar months from the letter, not in days.
  if (now.getTime() <= new Date(monitoring.endsAt!).getTime() && !e.acceptable && !ctx.replaying) {
    return refused(`The monitoring period runs until ${new Date(monitoring.endsAt!).toISOString().slice(0, 10)}; contact can be judged unacceptable only when it ends.`);
  }
  const reviews = closeOpenReviews(file.reviews, ctx, e.acceptable ? "Ended" : "Upheld", e.reasons, takingPart(actor, e.participants));
  if (e.acceptable) {
    const notices = noticeFor(preset, "MonitoringEnded");
    const closed = close(preset, { ...file, monitoring: { ...monitoring, outcome: "Acceptable" }, reviews }, now, "Lifted");
    const letters = owe(preset, closed, ["ThankYou", ...(notices.length ? (["StaffNotice"] as const) : [])]);
    const effects: Effect[] = [{ type: "StatusChanged", from: "Monitoring", to: "Closed" }, ...letters.effects, ...notices];
    return { ok: true, file: { ...closed, lettersOwed: letters.owed }, effects };
  }
  return {
    ok: true,
    file: { ...file, monitoring: { ...monitoring, outcome: "Unacceptable" }, reviews },
    effects: [{ type: "Note", message: "Contact during monitoring was unacceptable: a sanction can now be decided." }],
  };
}

/**
 * The scheduler opens a judgement of a monitoring period that has ended with nobody asked to judge it (a record
 * imported from an older register may have none). Only the system does this, and only once per period.
 */
export function openMonitoringEndReview(file: CaseFile, e: Of<"OpenMonitoringEndReview">, { actor, now }: Ctx): Transition {
  const m = file.monitoring;
  const due = new Date(e.dueBy);
  const problem = firstProblem(
    actor.system ? null : "Only the scheduler opens the judgement of a monitoring period.",
    file.status === "Monitoring" && m && m.outcome === null ? null : "This customer's contact is not being monitored.",
    m?.endsAt && now.getTime() >= new Date(m.endsAt).getTime() ? null : "The monitoring period has not ended yet.",
    file.reviews.some((r) => r.kind === "MonitoringEnd" && r.outcome === null) ? "The end of this monitoring period is already waiting for a judgement." : null,
    Number.isNaN(due.getTime()) || due.getTime() <= now.getTime() ? "Give a future date by which the judgement is due." : null,
  );
  if (problem) return refused(problem);
  const review: ReviewRecord = { kind: "MonitoringEnd", openedAt: now.toISOString(), dueBy: due.toISOString(), outcome: null, by: null, decidedAt: null, reasons: null };
  return { ok: true, file: { ...file, reviews: [...file.reviews, review] }, effects: [{ type: "OpenReview", kind: "MonitoringEnd", dueBy: review.dueBy }] };
}

export function reviewDecided(file: CaseFile, e: Of<"ReviewDecided">, ctx: Ctx): Transition {
  const { preset, actor, now } = ctx;
  const reviewer = preset.reviewer?.actor ?? null;
  const problem = firstProblem(
    file.status === "Restricted" ? null : "Only restrictions in force are reviewed.",
    needsSetting(preset, reviewer, "who reviews restrictions"),
    reviewer ? mayAct(preset, reviewer, actor, "review restrictions", ctx.offices) : null,
    reviewer ? participantsProblem(preset, reviewer, actor, e.participants, ctx.offices) : null,
    preset.reviewer?.independent ? independenceProblem(file, actor, "review") : null,
    needsReasons(e.reasons, "the review's outcome"),
    customerLettersOwed(file).length ? "A letter from the last step has not been sent yet: send it, or record why not, first." : null,
    e.outcome === "Extended" && preset.extensionNeedsComment.value === true && !file.extensionCommentInvitedAt
      ? "This policy requires the customer to be told the reasons and invited to comment before restrictions are extended. Record the invitation first."
      : null,
  );
  if (problem) return refused(problem);
  if (e.reviewPeriod && e.outcome !== "Extended" && e.outcome !== "Varied") return refused("A review period is set only when restrictions are extended or varied.");
  const adjusted = reviewMonthsFor(preset, e.reviewPeriod);
  if ("problem" in adjusted) return refused(adjusted.problem as string);
  const reviews = file.reviews.map((r) =>
    r.kind === "ScheduledReview" && r.outcome === null ? { ...r, outcome: e.outcome, by: actor.upn, decidedAt: now.toISOString(), reasons: e.reasons.trim(), participants: takingPart(actor, e.participants) } : r,
  );
  const letterKind = e.outcome === "Extended" ? "Extension" : "ReviewOutcome";
  if (e.outcome === "Removed") {
    const closed = close(preset, { ...file, reviews }, now, "Lifted");
    const letters = owe(preset, closed, ["ReviewOutcome", "Lifted"]);
    return { ok: true, file: { ...closed, lettersOwed: letters.owed }, effects: [{ type: "StatusChanged", from: "Restricted", to: "Closed" }, ...letters.effects, ...noticeFor(preset, "Lifted")] };
  }
  let restrictions = file.restrictions;
  let terms = file.restrictions.filter((r) => r.state === "Active");
  if (e.outcome === "Varied" || e.restrictions?.length) {
    const built = buildRestrictions(preset, e.restrictions, now, ctx);
    if (!built.ok) return refused(built.reason);
    restrictions = [...file.restrictions.map((r) => (r.state === "Active" ? { ...r, state: "Lifted" as const } : r)), ...built.terms];
    terms = built.terms;
  }
  const reviewDue = nextReviewDue(preset, now, terms, adjusted.months);
  if (!reviewDue) return refused(needsSetting(preset, null, "when restrictions are next reviewed") as string);
  const next: ReviewRecord = { kind: "ScheduledReview", openedAt: now.toISOString(), dueBy: reviewDue, outcome: null, by: null, decidedAt: null, reasons: null };
  const letters = owe(preset, file, [letterKind]);
  // Extending or varying at review is a fresh decision: it can be appealed, and its reviewer cannot hear that appeal.
  const decisions =
    e.outcome === "Extended" || e.outcome === "Varied"
      ? [
          ...file.decisions,
          {
            outcome: e.outcome === "Extended" ? ("Extend" as const) : ("Restrict" as const),
            at: now.toISOString(),
            by: actor.upn,
            participants: takingPart(actor, e.participants),
            reasons: e.reasons.trim(),
            ...(adjusted.months ? { reviewPeriod: { months: adjusted.months, reason: adjusted.reason as string } } : {}),
          },
        ]
      : file.decisions;
  return {
    ok: true,
    file: { ...file, decisions, restrictions, reviewDue, reviews: [...reviews, next], lettersOwed: letters.owed, extensionCommentInvitedAt: e.outcome === "Extended" ? null : file.extensionCommentInvitedAt },
    effects: [{ type: "OpenReview", kind: "ScheduledReview", dueBy: reviewDue }, ...letters.effects],
  };
}
