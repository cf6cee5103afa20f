// Decisions on a case (decline, monitor, restrict, extend, lift), each guarded by what the preset requires first.
import type { TransitionContext } from "./machine";
import type { DecisionOutcome } from "../domain/vocab";
import type { Preset } from "../presets/schema";
import { dueAfterPeriod } from "./deadlines";
import type { WorkflowEvent } from "./events";
import { buildRestrictions, close, customerLettersOwed, nextReviewDue, noticeFor, owe } from "./follow-ups";
import { allProblems, firstProblem, isRoleRefusal, mayAct, needsReasons, needsSetting, type Check } from "./guards";
import { participantsProblem, participantsProblems, takingPart } from "./offices";
import { monitoringPeriodFor, periodWords, reviewMonthsFor } from "./periods";
import { refused, type Effect, type Transition } from "./result";
import type { CaseFile, ReviewRecord } from "./state";

type Ctx = TransitionContext;
type Decide = Extract<WorkflowEvent, { type: "Decide" }>;

const VERB: Record<DecisionOutcome, string> = {
  Declined: "decline a referral",
  Monitor: "decide to monitor a customer's contact",
  Restrict: "decide to restrict a customer's contact",
  Extend: "decide to extend monitoring or restrictions",
  Lift: "decide to lift monitoring or restrictions",
};

export function decide(file: CaseFile, e: Decide, ctx: Ctx): Transition {
  const { preset, actor } = ctx;
  const rule = preset.decisions.find((d) => d.outcome === e.outcome);
  if (!rule) return refused(`${preset.organisation}'s policy does not provide for the decision "${e.outcome}".`);
  const owed = customerLettersOwed(file);
  const problem = firstProblem(
    mayAct(preset, rule.actor, actor, VERB[e.outcome], ctx.offices),
    file.purged ? "This record has been deleted under the retention rules." : null,
    needsReasons(e.reasons, "this decision"),
    owed.length ? `The ${owed[0].toLowerCase()} letter has not been sent yet: send it, or record why it is not being sent, before the next decision.` : null,
  );
  if (problem) return refused(problem);
  const misplaced = misplacedPeriod(e);
  if (misplaced) return refused(misplaced);
  const t = byOutcome(file, e, ctx);
  // Who else must take part is asked once the decision itself could be taken, so the case's own state is said first.
  const missing = t.ok ? participantsProblem(preset, rule.actor, actor, e.participants, ctx.offices) : null;
  return missing ? refused(missing) : t;
}

const INVITE_FIRST = "This policy requires the customer to be told the reasons and invited to comment before restrictions are extended. Record the invitation first.";
const needsInvitation = (preset: Preset, file: CaseFile) => preset.extensionNeedsComment.value === true && !file.extensionCommentInvitedAt;

/**
 * Everything the workflow still needs before it would take this decision, all at once and in its own words, so the
 * decision form shows these instead of working the policy out again. Who may decide is left to the form's own
 * choice of outcomes; the rest comes from the same checks decide() makes, and finally from decide() itself.
 */
export function decisionRequirements(file: CaseFile, e: Decide, ctx: Ctx): string[] {
  const { preset, actor, now } = ctx;
  const rule = preset.decisions.find((d) => d.outcome === e.outcome);
  if (!rule) return [`${preset.organisation}'s policy does not provide for the decision "${e.outcome}".`];
  const owed = customerLettersOwed(file);
  const found: Check[] = [
    needsReasons(e.reasons, "this decision"),
    owed.length ? `The ${owed[0].toLowerCase()} letter has not been sent yet: send it, or record why it is not being sent, before the next decision.` : null,
    misplacedPeriod(e),
  ];
  if (e.outcome === "Monitor" || e.outcome === "Restrict") found.push(...beforeApplying(file, e, preset).problems);
  if (e.outcome === "Monitor") {
    found.push(needsSetting(preset, preset.monitoringPeriod.value, "how long monitoring lasts"));
    const chosen = preset.monitoringPeriod.value ? monitoringPeriodFor(preset, e.period, now) : null;
    if (chosen && "problem" in chosen) found.push(chosen.problem);
  }
  const builds = e.outcome === "Restrict" || (e.outcome === "Extend" && file.status === "Restricted");
  if (builds) {
    if (e.outcome === "Restrict" && !e.restrictions?.length) found.push("Choose at least one restriction and set it out.");
    for (const draft of e.restrictions ?? []) {
      const built = buildRestrictions(preset, [draft], now, ctx);
      if (!built.ok) found.push(built.reason);
    }
    const adjusted = reviewMonthsFor(preset, e.reviewPeriod);
    if ("problem" in adjusted) found.push(adjusted.problem);
  }
  if (e.outcome === "Extend" && file.status === "Restricted" && needsInvitation(preset, file)) found.push(INVITE_FIRST);
  found.push(...participantsProblems(preset, rule.actor, actor, e.participants, ctx.offices));
  const list = found.filter((p, i): p is string => !!p && found.indexOf(p) === i);
  if (list.length) return list;
  // Who may decide is the form's own question (it offers only the outcomes the person may take), not a missing answer.
  const t = decide(file, e, ctx);
  return t.ok || isRoleRefusal(t.reason) ? [] : [t.reason];
}

function byOutcome(file: CaseFile, e: Decide, ctx: Ctx): Transition {
  switch (e.outcome) {
    case "Declined":
      return declined(file, e, ctx);
    case "Monitor":
      return monitor(file, e, ctx);
    case "Restrict":
      return restrict(file, e, ctx);
    case "Extend":
      return extend(file, e, ctx);
    case "Lift":
      return lift(file, e, ctx);
  }
}

function record(file: CaseFile, e: Decide, { actor, now }: Ctx): CaseFile {
  const participants = takingPart(actor, e.participants, e.jointly);
  return { ...file, decisions: [...file.decisions, { outcome: e.outcome, at: now.toISOString(), by: actor.upn, participants, reasons: e.reasons.trim() }] };
}

/** Before the policy is applied: pre-checks all satisfied, vulnerability considered, and a warning or a permitted exception. */
function beforeApplying(file: CaseFile, e: Decide, preset: Preset): { problem: Check; problems: string[]; file: CaseFile } {
  const preChecks = { ...file.preChecks, ...(e.preChecks ?? {}) };
  const unanswered = preset.preChecks.items.filter((c) => preChecks[c.id] === undefined);
  const unmet = preset.preChecks.items.filter((c) => preChecks[c.id] === false);
  const vulnerabilityConsidered = e.vulnerabilityConsidered ?? file.vulnerabilityConsidered;
  const exception = e.warningException ?? file.warningException;
  const knownException = exception ? preset.warning.exceptions.find((x) => x.id === exception.id) : undefined;
  const warned = file.warnings.length > 0;
  const problems = allProblems(
    unanswered.length ? `Before deciding, answer each check the policy requires: ${unanswered.map((c) => c.label).join("; ")}.` : null,
    unmet.length ? `The policy cannot be applied while this is not satisfied: ${unmet.map((c) => c.label).join("; ")}.` : null,
    preset.vulnerabilityMustBeConsidered.value && !vulnerabilityConsidered
      ? "Record that the customer's vulnerability, health and support needs (including reasonable adjustments) have been considered."
      : null,
    preset.warning.required && !warned && !knownException
      ? `A warning must be recorded before the policy is applied${preset.warning.exceptions.length ? `, unless ${preset.warning.exceptions.map((x) => x.label.toLowerCase()).join(" or ")}: record the warning, or choose that exception and give the reason` : ""}.`
      : null,
    exception && !knownException && preset.warning.required && !warned ? `"${exception.id}" is not an exception this policy allows.` : null,
    exception && knownException && !warned && !exception.reason.trim() ? "Give the reason no warning was given." : null,
  );
  return { problem: problems[0] ?? null, problems, file: { ...file, preChecks, vulnerabilityConsidered, warningException: exception ?? null } };
}

function declined(file: CaseFile, e: Decide, ctx: Ctx): Transition {
  if (file.status !== "Referred") return refused("Only an open referral can be declined.");
  const to = file.statusBeforeReferral ?? "Observed";
  const next = { ...record(file, e, ctx), status: to, statusBeforeReferral: null };
  return { ok: true, file: next, effects: [{ type: "StatusChanged", from: "Referred", to }] };
}

function monitor(file: CaseFile, e: Decide, ctx: Ctx): Transition {
  const { preset, now } = ctx;
  if (file.status !== "Referred" && file.status !== "Restricted") {
    return refused(`Monitoring is decided on a referral (or when a no-contact period ends); this customer is ${file.status.toLowerCase()}.`);
  }
  const checked = beforeApplying(file, e, preset);
  const problem = firstProblem(checked.problem, needsSetting(preset, preset.monitoringPeriod.value, "how long monitoring lasts"));
  if (problem) return refused(problem);
  const chosen = monitoringPeriodFor(preset, e.period, now);
  if ("problem" in chosen) return refused(chosen.problem as string);
  const letters = owe(preset, checked.file, ["Monitoring"]);
  // Where the policy runs monitoring from the customer's receipt of the letter, its dates are fixed when the letter
  // is recorded as sent (see letters.ts); until then the period is known but not its start.
  const fromLetter = preset.monitoringPeriod.startsFrom?.value === "letterReceived" && letters.owed.includes("Monitoring");
  const endsAt = fromLetter ? null : dueAfterPeriod(now, chosen.period).toISOString();
  const notices = noticeFor(preset, "MonitoringStarted");
  const reviews = endsAt
    ? [...checked.file.reviews, { kind: "MonitoringEnd", openedAt: now.toISOString(), dueBy: endsAt, outcome: null, by: null, decidedAt: null, reasons: null } satisfies ReviewRecord]
    : checked.file.reviews;
  const recorded = record(checked.file, e, ctx);
  const next: CaseFile = {
    ...withExtras(recorded, e.period ? { period: { period: chosen.period, reason: chosen.reason } } : {}),
    status: "Monitoring",
    statusBeforeReferral: null,
    monitoring: { startsAt: endsAt ? now.toISOString() : null, endsAt, outcome: null, period: chosen.period, reason: chosen.reason },
    restrictions: checked.file.restrictions.map((r) => (r.state === "Active" ? { ...r, state: "Lifted" } : r)),
    reviewDue: null,
    reviews,
    lettersOwed: owe(preset, { ...checked.file, lettersOwed: letters.owed }, notices.length ? ["StaffNotice"] : []).owed,
  };
  const start: Effect = endsAt
    ? { type: "OpenReview", kind: "MonitoringEnd", dueBy: endsAt }
    : { type: "Note", message: `Monitoring for ${periodWords(chosen.period)} starts when the customer receives the monitoring letter.` };
  return {
    ok: true,
    file: next,
    effects: [{ type: "StatusChanged", from: file.status, to: "Monitoring" }, start, ...letters.effects, ...notices],
  };
}

/** A period given with a decision it does not belong to (kept apart from the guards above, which say who may act). */
function misplacedPeriod(e: Decide): Check {
  if (e.period && e.outcome !== "Monitor") return "A monitoring period is given only with a decision to monitor.";
  if (e.reviewPeriod && e.outcome !== "Restrict" && e.outcome !== "Extend") return "A review period is set only with a restriction or its extension.";
  return null;
}

/** Adds what a decision set beyond its reasons (a period, a review period) to the decision just recorded. */
function withExtras(file: CaseFile, extras: Pick<CaseFile["decisions"][number], "period" | "reviewPeriod">): CaseFile {
  if (!extras.period && !extras.reviewPeriod) return file;
  const last = file.decisions.at(-1);
  return last ? { ...file, decisions: [...file.decisions.slice(0, -1), { ...last, ...extras }] } : file;
}

function restrict(file: CaseFile, e: Decide, ctx: Ctx): Transition {
  const { preset, now } = ctx;
  const afterMonitoring = file.status === "Monitoring" && file.monitoring?.outcome === "Unacceptable";
  const onlyAfterMonitoring = preset.restrictOnlyAfterMonitoring?.value === true;
  if (!(file.status === "Referred" && !onlyAfterMonitoring) && !afterMonitoring) {
    if (file.status === "Referred") return refused(`Under ${preset.organisation}'s policy, sanctions follow a period of monitoring judged unacceptable: decide to monitor first.`);
    if (file.status === "Monitoring") return refused("Monitoring has not ended as unacceptable: a sanction can only follow that judgement.");
    return refused(`A restriction is decided on a referral; this customer is ${file.status.toLowerCase()}.`);
  }
  const checked = beforeApplying(file, e, preset);
  if (checked.problem) return refused(checked.problem);
  const built = buildRestrictions(preset, e.restrictions, now, ctx);
  if (!built.ok) return refused(built.reason);
  const adjusted = reviewMonthsFor(preset, e.reviewPeriod);
  if ("problem" in adjusted) return refused(adjusted.problem as string);
  const reviewDue = nextReviewDue(preset, now, built.terms, adjusted.months);
  if (!reviewDue) {
    return refused(`${preset.organisation}'s policy does not say when restrictions are reviewed. Give each restriction an end date, or an administrator must set the review interval.`);
  }
  const notices = [
    ...noticeFor(preset, afterMonitoring ? "SanctionApplied" : "Restricted"),
    ...(built.terms.some((t) => t.kind === "NoContact") ? noticeFor(preset, "NoContact") : []),
  ];
  const letters = owe(preset, checked.file, ["Restriction", ...(notices.length ? (["StaffNotice"] as const) : [])]);
  const review: ReviewRecord = { kind: "ScheduledReview", openedAt: now.toISOString(), dueBy: reviewDue, outcome: null, by: null, decidedAt: null, reasons: null };
  const next: CaseFile = {
    ...withExtras(record(checked.file, e, ctx), adjusted.months ? { reviewPeriod: { months: adjusted.months, reason: adjusted.reason as string } } : {}),
    status: "Restricted",
    statusBeforeReferral: null,
    restrictions: [...checked.file.restrictions, ...built.terms],
    reviewDue,
    reviews: [...checked.file.reviews, review],
    lettersOwed: letters.owed,
  };
  return {
    ok: true,
    file: next,
    effects: [{ type: "StatusChanged", from: file.status, to: "Restricted" }, { type: "OpenReview", kind: "ScheduledReview", dueBy: reviewDue }, ...letters.effects, ...notices],
  };
}

function extend(file: CaseFile, e: Decide, ctx: Ctx): Transition {
  const { preset, now } = ctx;
  if (file.status === "Monitoring") {
    if (file.monitoring?.outcome !== "Unacceptable") return refused("Monitoring can be extended once the period has ended and contact was judged unacceptable.");
    const problem = firstProblem(
      needsSetting(preset, preset.monitoringPeriod.value, "how long monitoring lasts"),
      e.reviewPeriod ? "A review period is set for restrictions, not for monitoring." : null,
    );
    if (problem) return refused(problem);
    const period = preset.monitoringPeriod.value!;
    const endsAt = dueAfterPeriod(now, period).toISOString();
    const notices = noticeFor(preset, "SanctionApplied");
    const letters = owe(preset, file, ["Extension", ...(notices.length ? (["StaffNotice"] as const) : [])]);
    const review: ReviewRecord = { kind: "MonitoringEnd", openedAt: now.toISOString(), dueBy: endsAt, outcome: null, by: null, decidedAt: null, reasons: null };
    const next: CaseFile = { ...record(file, e, ctx), monitoring: { startsAt: now.toISOString(), endsAt, outcome: null, period, reason: null }, reviews: [...file.reviews, review], lettersOwed: letters.owed };
    return { ok: true, file: next, effects: [{ type: "OpenReview", kind: "MonitoringEnd", dueBy: endsAt }, ...letters.effects, ...notices] };
  }
  if (file.status !== "Restricted") return refused(`Only monitoring or restrictions in force can be extended; this customer is ${file.status.toLowerCase()}.`);
  if (needsInvitation(preset, file)) return refused(INVITE_FIRST);
  let restrictions = file.restrictions;
  let terms = file.restrictions.filter((r) => r.state === "Active");
  if (e.restrictions?.length) {
    const built = buildRestrictions(preset, e.restrictions, now, ctx);
    if (!built.ok) return refused(built.reason);
    restrictions = [...file.restrictions.map((r) => (r.state === "Active" ? { ...r, state: "Lifted" as const } : r)), ...built.terms];
    terms = built.terms;
  }
  const adjusted = reviewMonthsFor(preset, e.reviewPeriod);
  if ("problem" in adjusted) return refused(adjusted.problem as string);
  const reviewDue = nextReviewDue(preset, now, terms, adjusted.months);
  if (!reviewDue) return refused(`${preset.organisation}'s policy does not say when restrictions are reviewed. Give each restriction an end date, or an administrator must set the review interval.`);
  const letters = owe(preset, file, ["Extension"]);
  const review: ReviewRecord = { kind: "ScheduledReview", openedAt: now.toISOString(), dueBy: reviewDue, outcome: null, by: null, decidedAt: null, reasons: null };
  const reviews = closeOpenReviews(file.reviews, ctx, "Extended", e.reasons);
  const extras = adjusted.months ? { reviewPeriod: { months: adjusted.months, reason: adjusted.reason as string } } : {};
  const next: CaseFile = { ...withExtras(record(file, e, ctx), extras), restrictions, reviewDue, reviews: [...reviews, review], lettersOwed: letters.owed, extensionCommentInvitedAt: null };
  return { ok: true, file: next, effects: [{ type: "OpenReview", kind: "ScheduledReview", dueBy: reviewDue }, ...letters.effects] };
}

function lift(file: CaseFile, e: Decide, ctx: Ctx): Transition {
  const { preset, now } = ctx;
  if (file.status !== "Restricted" && file.status !== "Monitoring") return refused(`There is nothing in force to lift; this customer is ${file.status.toLowerCase()}.`);
  const notices = noticeFor(preset, file.status === "Monitoring" ? "MonitoringEnded" : "Lifted");
  const closed = close(preset, record(file, e, ctx), now, "Lifted");
  const letters = owe(preset, closed, [file.status === "Monitoring" ? "ThankYou" : "Lifted", ...(notices.length ? (["StaffNotice"] as const) : [])]);
  const effects: Effect[] = [{ type: "StatusChanged", from: file.status, to: "Closed" }, ...letters.effects, ...notices];
  return { ok: true, file: { ...closed, reviews: closeOpenReviews(file.reviews, ctx, "Ended", e.reasons), lettersOwed: letters.owed }, effects };
}

/** Scheduled reviews and monitoring ends still open are answered by a decision that supersedes them. */
export function closeOpenReviews(reviews: ReviewRecord[], { actor, now }: Ctx, outcome: ReviewRecord["outcome"], reasons: string, participants?: string[]): ReviewRecord[] {
  return reviews.map((r) =>
    r.outcome === null && r.kind !== "Appeal" ? { ...r, outcome, by: actor.upn, decidedAt: now.toISOString(), reasons: reasons.trim(), ...(participants ? { participants } : {}) } : r,
  );
}
