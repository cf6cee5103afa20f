// The scheduler: a judgement opened when monitoring ends, reminders and escalations for reviews, appeal deadline
// warnings, restrictions lapsing at review, and retention. The lists only say where to look: every job reads the
// customer's log and acts through the workflow, so no hand edit of a row can lapse, purge or open anything. What a
// job owes is an outbox row with a key of its own, so two instances (or two runs) send each notice once.
import { finishPurges } from "../../graph/caselog/purge";
import { loadLog, takeStep, type Owe } from "../../graph/caselog";
import { oweOnce } from "../../graph/caselog/outbox-rows";
import type { Graph } from "../../graph/client/factory";
import { persistently, type Site } from "../../graph/repos/items";
import { customersWithStatus, openReviewsDueBy, pastRetention, releaseLease, renewLease, restrictedPastReview, tryLease, writeSummary } from "../../graph/repos/service-state";
import { getPreset } from "../../shared/presets/registry";
import type { OrganisationSettings } from "../../shared/settings/organisation";
import type { PresetLookup } from "../../shared/register";
import { replayLog } from "../../shared/register";
import { dueAfterDays, type Actor, type WorkflowEvent } from "../../shared/workflow";
import type { StaleWatch } from "../leases/stale-watch";
import { errorFields, type Logger } from "../log";
import { appealWarning, reviewEscalation, reviewReminder } from "../notices";

/** The scheduler acts as the system: the workflow lets it expire, purge and open a judgement, and nothing else. */
export const SCHEDULER_ACTOR: Actor = { upn: "upc-service", roles: [], system: true };

const DAY = 86_400_000;
/** How long a lease row must stay unchanged, as this instance sees it, before its holder is taken to have stopped. */
export const LEASE_MS = 10 * 60_000;

export interface SchedulerDeps {
  site: Site;
  graph: Graph;
  log: Logger;
  /** This instance's name, for the lease. */
  instanceId: string;
  /** This instance's view of the lease row over time (kept between runs): judges a silent holder by eTag, not clocks. */
  leaseWatch: StaleWatch;
  reminderDays: number;
  appealWarnDays: number;
  monitoringEndDecisionDays: number;
  escalationRecipients(): Promise<string[]>;
  /** Composes the notices a step owes (the case service's). */
  owe: Owe;
  /** Sends what is owed (the outbox), once the jobs have run. */
  sendOwed(): Promise<void>;
  /** The organisation's own choices where no policy speaks (e.g. restrictions lapsing at review); all off unless given. */
  settings?: OrganisationSettings;
  /** The presets as the organisation runs them (its values where a text is silent); the built-ins by default. */
  presets?: PresetLookup;
}

export interface SchedulerReport {
  /** False when another instance held the lease (it is doing the work). */
  ran: boolean;
  monitoringReviewsOpened: number;
  reminders: number;
  appealWarnings: number;
  escalations: number;
  expired: number;
  /** Steps the workflow refused (a restriction past its review that does not lapse under its policy…), by reason. */
  held: Record<string, number>;
  /** What retention removed, per list (counts only). */
  purged: Record<string, number>;
  errors: number;
}

function emptyReport(ran: boolean): SchedulerReport {
  return { ran, monitoringReviewsOpened: 0, reminders: 0, appealWarnings: 0, escalations: 0, expired: 0, held: {}, purged: {}, errors: 0 };
}

const unique = (xs: (string | null | undefined)[]) => [...new Set(xs.filter((x): x is string => !!x).map((x) => x.toLowerCase()))];

/** Runs every job once. Safe to call as often as wanted, from any number of instances. */
export async function runScheduler(deps: SchedulerDeps, now = new Date()): Promise<SchedulerReport> {
  if (!(await tryLease(deps.site, "scheduler", deps.instanceId, (etag) => deps.leaseWatch.isStale("scheduler", etag)))) {
    deps.log.info("scheduler.skipped", { reason: "another instance holds the lease" });
    return emptyReport(false);
  }
  const report = emptyReport(true);
  let first = true;
  let held = true;
  const job = async (name: string, fn: () => Promise<void>) => {
    try {
      // Each job after the first shows the lease is still in use; one taken over meanwhile stops the run.
      if (!first && held) held = await renewLease(deps.site, "scheduler", deps.instanceId);
      first = false;
      if (!held) return;
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
    await job("outbox", () => deps.sendOwed());
  } finally {
    await releaseLease(deps.site, "scheduler", deps.instanceId).catch(() => undefined);
  }
  for (const [reason, count] of Object.entries(report.held)) deps.log.info("scheduler.held", { count, reason });
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

/** One system step, keyed so that however many instances take it, it is stored once. Refusals are counted, in words. */
async function systemStep(deps: SchedulerDeps, customerId: string, event: WorkflowEvent, key: string, now: Date, report: SchedulerReport) {
  const r = await takeStep(deps.site, customerId, { event, actor: SCHEDULER_ACTOR, idempotencyKey: key, now, owe: deps.owe, settings: deps.settings, presets: deps.presets });
  if (!r.ok) {
    if (r.status !== 404) report.held[r.reason] = (report.held[r.reason] ?? 0) + 1;
    return null;
  }
  return r;
}

/** A monitoring period that has ended with nobody asked to judge it gets a judgement, due in a fortnight. */
export async function openMonitoringEndReviews(deps: SchedulerDeps, now: Date, report: SchedulerReport): Promise<void> {
  const ended = (await customersWithStatus(deps.site, "Monitoring")).filter((c) => c.monitoringEnds && Date.parse(c.monitoringEnds) <= now.getTime());
  for (const c of ended) {
    const log = await persistently(() => loadLog(deps.site, c.id!));
    const { record } = replayLog(log.events, deps.presets ?? getPreset);
    const m = record.file.monitoring;
    // Nothing to do unless the log agrees (an edited row is no reason to act), so nothing is counted as held either.
    if (log.events.length && (record.file.status !== "Monitoring" || !m || m.outcome !== null || !m.endsAt || Date.parse(m.endsAt) > now.getTime() || record.file.reviews.some((r) => r.kind === "MonitoringEnd" && r.outcome === null))) continue;
    const dueBy = dueAfterDays(now, deps.monitoringEndDecisionDays).toISOString();
    const r = await systemStep(deps, c.id!, { type: "OpenMonitoringEndReview", dueBy }, `monitoring-end:${c.id}:${m?.endsAt ?? c.monitoringEnds}`, now, report);
    if (r && !r.repeated) report.monitoringReviewsOpened++;
  }
}

/**
 * Reviews due within `reminderDays` remind their owner once; appeals warn their owner once when the decision
 * deadline is `appealWarnDays` away; overdue ones are escalated once to the owner and the managers. What is due is
 * read from the log, and each notice is an outbox row keyed by the review and its date, so it is owed once.
 */
export async function remindAndEscalate(deps: SchedulerDeps, now: Date, report: SchedulerReport): Promise<void> {
  const candidates = await openReviewsDueBy(deps.site, new Date(now.getTime() + deps.reminderDays * DAY));
  const customers = [...new Set(candidates.map((r) => r.customerId).filter(Boolean))];
  for (const customerId of customers) {
    const log = await persistently(() => loadLog(deps.site, customerId));
    const replay = replayLog(log.events, deps.presets ?? getPreset);
    if (replay.problem || !log.events.length) continue;
    const { customer, file } = replay.record;
    for (const [i, r] of file.reviews.entries()) {
      if (r.outcome !== null) continue;
      const dueAt = Date.parse(r.dueBy);
      if (dueAt > now.getTime() + deps.reminderDays * DAY) continue;
      const overdue = dueAt < now.getTime();
      if (!overdue && r.kind === "Appeal" && dueAt - now.getTime() > deps.appealWarnDays * DAY) continue;
      const what = overdue ? "escalate" : r.kind === "Appeal" ? "warn" : "remind";
      const title = `${r.kind === "Appeal" ? "Appeal" : r.kind === "MonitoringEnd" ? "End of monitoring" : "Scheduled review"}: ${customer.caseRef}`;
      const owner = r.assignedTo ?? null;
      const to = overdue ? unique([owner, ...(await deps.escalationRecipients())]) : owner ? [owner] : unique(await deps.escalationRecipients());
      if (!to.length) {
        deps.log.warn("scheduler.no-recipient", { customer: customerId });
        continue;
      }
      const notice = { to, title, kind: r.kind, dueBy: r.dueBy };
      const mail = overdue ? reviewEscalation({ ...notice, owner }) : r.kind === "Appeal" ? appealWarning(notice) : reviewReminder(notice);
      const key = `${customerId}/${what}:${i}:${r.dueBy.slice(0, 10)}`;
      if (!(await persistently(() => oweOnce(deps.site, key, customerId, what, mail)))) continue;
      if (what === "escalate") report.escalations++;
      else if (what === "warn") report.appealWarnings++;
      else report.reminders++;
    }
  }
}

/**
 * Restrictions past their end or review date: where the policy says what follows (council-ccm-2014: monitoring again
 * after no contact) that is done; otherwise they lapse only where the organisation has chosen it (a setting, off by
 * default), and the review waits for a reviewer. The SPOC is told (outbox).
 */
export async function expireRestrictions(deps: SchedulerDeps, now: Date, report: SchedulerReport): Promise<void> {
  for (const c of await restrictedPastReview(deps.site, now)) {
    const r = await systemStep(deps, c.id!, { type: "RestrictionExpired" }, `expire:${c.id}:${c.reviewDue ?? ""}`, now, report);
    if (r && !r.repeated) report.expired++;
  }
}

/**
 * Records past retention are deleted where the log's Purge step is allowed (closed, the policy's period set, the date
 * passed). A summary in counts only is written to UpcServiceState. A purge cut short is finished first.
 */
export async function applyRetention(deps: SchedulerDeps, now: Date, report: SchedulerReport): Promise<void> {
  const totals: Record<string, number> = {};
  const add = (counts: Record<string, number> | null | undefined) => {
    for (const [list, n] of Object.entries(counts ?? {})) totals[list] = (totals[list] ?? 0) + n;
  };
  add(await finishPurges(deps.site));
  for (const c of await pastRetention(deps.site, now)) {
    const r = await systemStep(deps, c.id!, { type: "Purge" }, `purge:${c.id}`, now, report);
    if (r && !r.repeated) add(r.projection?.purged);
  }
  report.purged = totals;
  if (totals.customers) {
    await writeSummary(deps.site, "retention", { ...totals, ranAt: now.toISOString() }, now);
    deps.log.info("retention.removed", totals);
  }
}
