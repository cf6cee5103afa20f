// The scheduler's transitions: what follows the end of restrictions (monitoring again where the policy says so, a
// lapse at the review date where the organisation has chosen it), and records purged after retention.
import type { TransitionContext } from "./machine";
import { DEFAULT_SETTINGS, ORGANISATION_CHOICE } from "../settings/organisation";
import { formatLondonDate } from "../time/london";
import { dueAfterPeriod } from "./deadlines";
import type { WorkflowEvent } from "./events";
import { close, noticeFor, owe } from "./follow-ups";
import { firstProblem, needsSetting, SYSTEM_ONLY } from "./guards";
import { periodWords } from "./periods";
import { refused, type Effect, type Transition } from "./result";
import type { Actor, CaseFile, RestrictionTerm, ReviewRecord } from "./state";
import { newCaseFile } from "./state";

type Ctx = TransitionContext;
type Of<T extends WorkflowEvent["type"]> = Extract<WorkflowEvent, { type: T }>;

function systemOrAdmin(actor: Actor): string | null {
  return actor.system || actor.roles.includes("Admin") ? null : SYSTEM_ONLY;
}

/** A no-contact period that has ended and, as decided under its policy, is followed by monitoring again. */
function endedNoContact(file: CaseFile, now: Date): RestrictionTerm | undefined {
  const active = file.restrictions.filter((r) => r.state === "Active");
  const term = active.find((r) => r.kind === "NoContact" && r.then && r.endsAt);
  return term && now.getTime() > new Date(term.endsAt!).getTime() ? term : undefined;
}

export function restrictionExpired(file: CaseFile, e: Of<"RestrictionExpired">, ctx: Ctx): Transition {
  const { preset, actor, now } = ctx;
  const settings = ctx.settings ?? DEFAULT_SETTINGS;
  // Logged before `basis` existed: a lapse at review, which every policy then had.
  const legacy = ctx.replaying === true && e.basis === undefined;
  const noContact = file.status === "Restricted" && !legacy ? endedNoContact(file, now) : undefined;
  if (noContact && !systemOrAdmin(actor)) return monitorAgain(file, noContact, ctx);
  const due = file.reviewDue ? new Date(file.reviewDue) : null;
  // Restrictions decided with end dates end on them: that is the decision itself, not a lapse.
  const active = file.restrictions.filter((r) => r.state === "Active");
  const ended = active.length > 0 && active.every((r) => r.endsAt && now.getTime() > new Date(r.endsAt).getTime());
  const problem = firstProblem(
    systemOrAdmin(actor),
    file.status === "Restricted" && due ? null : "There are no restrictions in force.",
    due && now.getTime() <= due.getTime() ? `The restrictions run until their review on ${formatLondonDate(due)}.` : null,
    // No policy text says restrictions lapse: only the organisation's own choice makes them, else a reviewer decides.
    settings.lapseAtReview || ctx.replaying || ended ? null : `Restrictions do not lapse on their own under ${preset.organisation}'s policy: the review is due and waits for a reviewer.`,
  );
  if (problem) return refused(problem);
  const closed = close(preset, file, now, "Expired");
  return {
    ok: true,
    file: closed,
    effects: [
      { type: "StatusChanged", from: "Restricted", to: "Closed" },
      {
        type: "NotifySpoc",
        message: ended
          ? "The restrictions ended on the dates set when they were decided."
          : `The restrictions lapsed at their review date because they were not renewed (${ORGANISATION_CHOICE.toLowerCase()}).`,
      },
      ...noticeFor(preset, "Lifted"),
    ],
  };
}

/**
 * council-ccm-2014 §6: after a no-contact period "the Customer Case Management Policy will be invoked again to monitor
 * contact for a further period of three months": the case goes to monitoring from now, not to closed.
 */
function monitorAgain(file: CaseFile, term: RestrictionTerm, { preset, now }: Ctx): Transition {
  const period = term.then!.monitorFor;
  const endsAt = dueAfterPeriod(now, period).toISOString();
  const at = now.toISOString();
  const review: ReviewRecord = { kind: "MonitoringEnd", openedAt: at, dueBy: endsAt, outcome: null, by: null, decidedAt: null, reasons: null };
  // The review the no-contact period was waiting for is answered by its end.
  const reviews = file.reviews.map((r) =>
    r.kind === "ScheduledReview" && r.outcome === null ? { ...r, outcome: "Ended" as const, by: "upc-service", decidedAt: at, reasons: "The no-contact period ended; monitoring follows." } : r,
  );
  const notices = noticeFor(preset, "MonitoringStarted");
  const letters = owe(preset, file, notices.length ? ["StaffNotice"] : []);
  const next: CaseFile = {
    ...file,
    status: "Monitoring",
    restrictions: file.restrictions.map((r) => (r.state === "Active" ? { ...r, state: "Expired" as const } : r)),
    reviewDue: null,
    monitoring: { startsAt: at, endsAt, outcome: null, period, reason: null },
    reviews: [...reviews, review],
    lettersOwed: letters.owed,
  };
  const effects: Effect[] = [
    { type: "StatusChanged", from: "Restricted", to: "Monitoring" },
    { type: "OpenReview", kind: "MonitoringEnd", dueBy: endsAt },
    { type: "NotifySpoc", message: `The no-contact period has ended. Under the policy, contact is now monitored for a further ${periodWords(period)}, until ${formatLondonDate(new Date(endsAt))}.` },
    ...letters.effects,
    ...notices,
  ];
  return { ok: true, file: next, effects };
}

export function purge(file: CaseFile, _e: Of<"Purge">, { preset, actor, now }: Ctx): Transition {
  const until = file.retainUntil ? new Date(file.retainUntil) : null;
  const problem = firstProblem(
    systemOrAdmin(actor),
    file.purged ? "This record has already been deleted." : null,
    file.status === "Closed" ? null : "Only closed records can be deleted.",
    needsSetting(preset, preset.retentionYearsAfterEnd.value, "how long records are kept"),
    until ? null : "This record has no retention date.",
    until && now.getTime() <= until.getTime() ? `This record must be kept until ${formatLondonDate(until)}.` : null,
  );
  if (problem) return refused(problem);
  return { ok: true, file: { ...newCaseFile(file.presetId, "Closed"), purged: true, closedAt: file.closedAt }, effects: [] };
}
