// Writing an import plan through the register's log (the one path every writer takes): a new customer is one Imported
// step carrying everything its row holds; a customer already on record gets one step adding what it lacks.
import { detailsOf, type StepEvent } from "../../shared/register";
import { fingerprint } from "../../shared/text/fingerprint";
import { newCaseFile, type Actor, type CaseFile } from "../../shared/workflow";
import type { RestrictionTerm, ReviewRecord } from "../../shared/workflow/state";
import { openCustomer, takeStep } from "../caselog";
import { DataError } from "../client/errors";
import type { Site } from "../repos/items";
import type { ImportPlan, RowPlan } from "./plan";
import type { RegisterRow } from "./rows";

export interface WriteSummary {
  customers: number;
  identities: number;
  restrictions: number;
  reviews: number;
}

/** The number of writes a row stands for, so the progress bar moves by the work done. */
export function writesOf(p: RowPlan): number {
  return (p.existing ? 0 : 1) + p.identities.length + p.restrictions.length + p.reviews.length;
}

const SOURCE = "an import of an existing register";

function terms(r: RegisterRow, params: RowPlan["restrictions"]): RestrictionTerm[] {
  return params.map((p) => ({ kind: p.kind, params: p, startsAt: r.restrictionsFrom, endsAt: r.restrictionsUntil, state: "Active" }));
}

function reviews(list: RowPlan["reviews"], now: Date): ReviewRecord[] {
  return list.map((rv) => ({ kind: rv.kind, openedAt: now.toISOString(), dueBy: rv.dueBy, outcome: null, by: null, decidedAt: null, reasons: null }));
}

/** The case file a row stands for: its status, restrictions and reviews, and the dates the sheet gives. */
export function fileFor(r: RegisterRow, now: Date): CaseFile {
  const c = r.customer;
  const scheduled = r.reviews.filter((x) => x.kind === "ScheduledReview").map((x) => x.dueBy).sort()[0] ?? null;
  const monitoringEnd = c.monitoringEnds ?? r.reviews.find((x) => x.kind === "MonitoringEnd")?.dueBy ?? null;
  return {
    ...newCaseFile(c.policyId, c.status),
    restrictions: terms(r, r.restrictions),
    reviews: reviews(r.reviews, now),
    reviewDue: c.status === "Restricted" ? (c.reviewDue ?? scheduled ?? r.restrictionsUntil) : null,
    monitoring: c.status === "Monitoring" && monitoringEnd ? { startsAt: now.toISOString(), endsAt: monitoringEnd, outcome: null } : null,
    closedAt: c.status === "Closed" ? now.toISOString() : null,
    retainUntil: c.retainUntil ?? null,
  };
}


/** A key per row and content: running the same import again finds its own steps instead of adding them twice. */
function keyFor(prefix: string, content: unknown): string {
  const text = JSON.stringify(content);
  return `${prefix}:${fingerprint(text)}:${text.length}`;
}

/** The one step a row plan writes: a new customer's Imported step, or the ImportAmended step for one on record. */
export function stepFor(p: RowPlan, now: Date): { event: StepEvent; idempotencyKey: string } {
  const r = p.source;
  const identities = p.identities.map((i) => ({ kind: i.kind, value: i.value }));
  if (!p.existing) {
    return {
      event: { type: "Imported", customer: detailsOf(r.customer), identities, file: fileFor(r, now), source: SOURCE },
      idempotencyKey: keyFor(`import:row`, [r.customer, r.identities, r.restrictions, r.reviews]),
    };
  }
  return {
    event: { type: "ImportAmended", identities, restrictions: terms(r, p.restrictions), reviews: reviews(p.reviews, now), source: SOURCE },
    idempotencyKey: keyFor(`import:${p.existing.id}`, [identities, p.restrictions, p.reviews]),
  };
}

export async function writePlan(site: Site, plan: ImportPlan, options: { actor: Actor; now?: Date; onProgress?: (done: number, total: number, step: string) => void }): Promise<WriteSummary> {
  const now = options.now ?? new Date();
  const summary: WriteSummary = { customers: 0, identities: 0, restrictions: 0, reviews: 0 };
  const total = plan.rows.reduce((n, p) => n + writesOf(p), 0);
  let done = 0;

  for (const p of plan.rows) {
    if (writesOf(p) === 0) continue;
    const r = p.source;
    const step = stepFor(p, now);
    const outcome = p.existing
      ? await takeStep(site, p.existing.id!, { ...step, actor: options.actor, now })
      : await openCustomer(site, { ...step, actor: options.actor, now });
    if (!outcome.ok) throw new DataError(outcome.status === 403 ? "Forbidden" : "Invalid", `Row ${r.row}: ${outcome.reason}`, outcome.status);
    if (!p.existing) summary.customers++;
    summary.identities += p.identities.length;
    summary.restrictions += p.restrictions.length;
    summary.reviews += p.reviews.length;
    // One step a row, but the progress bar still moves by each thing the row added.
    const ref = outcome.record.customer.caseRef;
    const parts = [...(p.existing ? [] : [ref]), ...p.identities.map((i) => i.value), ...p.restrictions.map((x) => x.kind), ...p.reviews.map((x) => `review due ${x.dueBy.slice(0, 10)}`)];
    for (const part of parts) options.onProgress?.(++done, total, `Row ${r.row}: ${part}`);
  }
  return summary;
}
