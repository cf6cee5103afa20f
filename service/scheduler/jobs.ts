// The scheduler: reminders and escalations for reviews, MonitoringEnd reviews when monitoring ends, appeal deadline
// warnings, restrictions lapsing at their review date, and retention. Every job is idempotent (what was sent is
// stamped on the row, ETag-guarded) and one instance runs them at a time (a lease), so two instances are safe.
import type { Customer } from "../../shared/domain/records";
import { getPreset } from "../../shared/presets/registry";
import { dueAfterDays, transition, type Actor } from "../../shared/workflow";
import type { Graph } from "../../graph/client/factory";
import { DataError } from "../../graph/client/errors";
import { loadCaseFile, purgeCustomer, runSteps } from "../../graph/casefile";
import { createReview } from "../../graph/repos/reviews";
import { persistently, type Site } from "../../graph/repos/items";
import { sendMail, type OutgoingMail } from "../../graph/mail";
import {
  customersWithStatus,
  openReviewsDueBy,
  pastRetention,
  releaseLease,
  restrictedPastReview,
  reviewKindsOf,
  stampReview,
  tryLease,
  writeSummary,
} from "../../graph/repos/service-state";
import { errorFields, type Logger } from "../log";
import { appealWarning, lapsedNotice, reviewEscalation, reviewReminder } from "../notices";

/** The scheduler acts as the system: the workflow lets it expire and purge, and nothing else. */
export const SCHEDULER_ACTOR: Actor = { upn: "upc-service", roles: [], system: true };

const DAY = 86_400_000;
const LEASE_MS = 10 * 60_000;

export interface SchedulerDeps {
  site: Site;
  graph: Graph;
  log: Logger;
  /** This instance's name, for the lease. */
  instanceId: string;
  reminderDays: number;
  appealWarnDays: number;
  monitoringEndDecisionDays: number;
  /** The mailbox reminders and notices are sent from. */
  noticeFrom: string;
  escalationRecipients(): Promise<string[]>;
}

export interface SchedulerReport {
  /** False when another instance held the lease (it is doing the work). */
  ran: boolean;
  monitoringReviewsOpened: number;
  reminders: number;
  appealWarnings: number;
  escalations: number;
  expired: number;
  /** Restrictions past their review date that were not expired, by the policy's reason (in words). */
  held: Record<string, number>;
  /** What retention removed, per list (counts only). */
  purged: Record<string, number>;
  errors: number;
}

function emptyReport(ran: boolean): SchedulerReport {
  return { ran, monitoringReviewsOpened: 0, reminders: 0, appealWarnings: 0, escalations: 0, expired: 0, held: {}, purged: {}, errors: 0 };
}

const unique = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x).map((x) => x.toLowerCase()))];

async function send(deps: SchedulerDeps, mail: OutgoingMail): Promise<void> {
  await persistently(() => sendMail(deps.graph, deps.noticeFrom, mail));
}

/** Runs every job once. Safe to call as often as wanted, from any number of instances. */
export async function runScheduler(deps: SchedulerDeps, now = new Date()): Promise<SchedulerReport> {
  if (!(await tryLease(deps.site, "scheduler", deps.instanceId, LEASE_MS))) {
    deps.log.info("scheduler.skipped", { reason: "another instance holds the lease" });
    return emptyReport(false);
  }
  const report = emptyReport(true);
  const job = async (name: string, fn: () => Promise<void>) => {
    try {
      await fn();
    } catch (e) {
      report.errors++;
      deps.log.error("scheduler.job-failed", { job: name, ...errorFields(e) });
    }
  };
  try {
    await job("monitoring-ends", () => openMonitoringEndReviews(deps, now, report));
    await job("reviews", () => remindAndEscalate(deps, now, report));
    await job("expiry", () => expireRestrictions(deps, now, report));
    await job("retention", () => applyRetention(deps, now, report));
  } finally {
    await releaseLease(deps.site, "scheduler", deps.instanceId).catch(() => undefined);
  }
  deps.log.info("scheduler.ran", {
    monitoringReviews: report.monitoringReviewsOpened,
    reminders: report.reminders,
    appealWarnings: report.appealWarnings,
    escalations: report.escalations,
    expired: report.expired,
    held: Object.values(report.held).reduce((a, b) => a + b, 0),
    purgedCustomers: report.purged.customers ?? 0,
    errors: report.errors,
  });
  return report;
}

/** A Monitoring customer whose period has ended gets a MonitoringEnd review, once. */
export async function openMonitoringEndReviews(deps: SchedulerDeps, now: Date, report: SchedulerReport): Promise<void> {
  const ended = (await customersWithStatus(deps.site, "Monitoring")).filter((c) => c.monitoringEnds && Date.parse(c.monitoringEnds) <= now.getTime());
  for (const c of ended) {
    const reviews = await reviewKindsOf(deps.site, c.id!);
    const already = reviews.some((r) => r.kind === "MonitoringEnd" && (r.state === "Open" || (r.openedAt && r.openedAt >= c.monitoringEnds!)));
    if (already) continue;
    await createReview(deps.site, {
      title: `End of monitoring: ${c.caseRef}`,
      customerId: c.id!,
      kind: "MonitoringEnd",
      openedAt: now.toISOString(),
      dueBy: dueAfterDays(now, deps.monitoringEndDecisionDays).toISOString(),
      reviewer: null,
      outcome: null,
    });
    report.monitoringReviewsOpened++;
  }
}

/**
 * Reviews due within `reminderDays` remind their owner once; appeals warn their owner once when the decision
 * deadline is `appealWarnDays` away; overdue ones are escalated once to the owner and the managers. Each is claimed
 * by stamping the row (If-Match) before the mail goes, and un-stamped if the mail fails, so it is tried again.
 */
export async function remindAndEscalate(deps: SchedulerDeps, now: Date, report: SchedulerReport): Promise<void> {
  const due = await openReviewsDueBy(deps.site, new Date(now.getTime() + deps.reminderDays * DAY));
  for (const r of due) {
    const dueAt = Date.parse(r.dueBy);
    const overdue = dueAt < now.getTime();
    const field = overdue ? "EscalatedAt" : "RemindedAt";
    if (overdue ? r.escalatedAt : r.remindedAt) continue;
    if (!overdue && r.kind === "Appeal" && dueAt - now.getTime() > deps.appealWarnDays * DAY) continue;
    const to = overdue ? unique([r.reviewer, ...(await deps.escalationRecipients())]) : r.reviewer ? [r.reviewer] : unique(await deps.escalationRecipients());
    if (to.length === 0) {
      deps.log.warn("scheduler.no-recipient", { review: r.id });
      continue;
    }
    if (!(await stampReview(deps.site, r.id, field, now.toISOString(), r.etag))) continue;
    const notice = { to, title: r.title, kind: r.kind, dueBy: r.dueBy };
    try {
      await send(deps, overdue ? reviewEscalation({ ...notice, owner: r.reviewer }) : r.kind === "Appeal" ? appealWarning(notice) : reviewReminder(notice));
      if (overdue) report.escalations++;
      else if (r.kind === "Appeal") report.appealWarnings++;
      else report.reminders++;
    } catch (e) {
      report.errors++;
      deps.log.error("scheduler.mail-failed", { review: r.id, ...errorFields(e) });
      await stampReview(deps.site, r.id, field, null).catch(() => undefined);
    }
  }
}

/**
 * Restrictions past their review date lapse where the policy says so, through the workflow's RestrictionExpired step
 * (its guard and words, not ours); the SPOC is told. Where the policy says they do not lapse, or is silent, nothing is
 * changed and the reason is reported.
 */
export async function expireRestrictions(deps: SchedulerDeps, now: Date, report: SchedulerReport): Promise<void> {
  const past = await restrictedPastReview(deps.site, now);
  for (const c of past) {
    let result: Awaited<ReturnType<typeof runSteps>>;
    try {
      result = await runSteps(deps.site, c.id!, SCHEDULER_ACTOR, [{ type: "RestrictionExpired" }], { now });
    } catch (e) {
      // Someone changed the record while we worked (e.g. a review was decided): it is looked at again next run.
      if (e instanceof DataError && e.kind === "Conflict") continue;
      throw e;
    }
    if (!result.ok) {
      report.held[result.reason] = (report.held[result.reason] ?? 0) + 1;
      continue;
    }
    report.expired++;
    const staff = result.effects.flatMap((e) => (e.type === "NotifyStaff" ? e.recipients : []));
    for (const effect of result.effects) {
      if (effect.type !== "NotifySpoc") continue;
      const customer: Customer = result.loaded.customer;
      const to = unique([customer.spocUpn, customer.spocDeputyUpn]);
      const recipients = to.length ? to : unique(await deps.escalationRecipients());
      if (!recipients.length) continue;
      try {
        await send(deps, lapsedNotice({ to: recipients, customerName: customer.name, caseRef: customer.caseRef, message: effect.message, staffNotice: staff }));
      } catch (e) {
        report.errors++;
        deps.log.error("scheduler.mail-failed", { customer: c.id, ...errorFields(e) });
      }
    }
  }
  for (const [reason, count] of Object.entries(report.held)) deps.log.info("expiry.held", { count, reason });
}

/**
 * Records past RetainUntil are deleted where the workflow's Purge step allows it (a closed record, a retention period
 * set by the policy, the date passed). A summary of what was removed, in counts only, is written to UpcServiceState.
 */
export async function applyRetention(deps: SchedulerDeps, now: Date, report: SchedulerReport): Promise<void> {
  const past = await pastRetention(deps.site, now);
  const totals: Record<string, number> = {};
  const held: Record<string, number> = {};
  for (const c of past) {
    const loaded = await loadCaseFile(deps.site, c.id!);
    const preset = getPreset(loaded.customer.policyId);
    const t = preset ? transition(loaded.file, { type: "Purge" }, { preset, actor: SCHEDULER_ACTOR, now }) : { ok: false as const, reason: "The customer's policy is not set up here." };
    if (!t.ok) {
      held[t.reason] = (held[t.reason] ?? 0) + 1;
      continue;
    }
    const counts = await purgeCustomer(deps.site, c.id!);
    for (const [list, n] of Object.entries(counts)) totals[list] = (totals[list] ?? 0) + n;
  }
  report.purged = totals;
  for (const [reason, count] of Object.entries(held)) deps.log.info("retention.held", { count, reason });
  if (totals.customers) {
    await writeSummary(deps.site, "retention", { ...totals, ranAt: now.toISOString() }, now);
    deps.log.info("retention.removed", totals);
  }
}
