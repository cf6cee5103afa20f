// Writing an import plan through the repositories (the same code the product uses), one row at a time.
import { describeRestriction } from "../../shared/restrictions";
import type { Customer } from "../../shared/domain/records";
import { createCustomer } from "../repos/customers";
import { addIdentity } from "../repos/identities";
import type { Site } from "../repos/items";
import { createRestriction } from "../repos/restrictions";
import { createReview } from "../repos/reviews";
import { restrictionFor, type ImportPlan, type RowPlan } from "./plan";

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

export async function writePlan(site: Site, plan: ImportPlan, options: { now?: Date; onProgress?: (done: number, total: number, step: string) => void } = {}): Promise<WriteSummary> {
  const now = options.now ?? new Date();
  const summary: WriteSummary = { customers: 0, identities: 0, restrictions: 0, reviews: 0 };
  const total = plan.rows.reduce((n, p) => n + writesOf(p), 0);
  let done = 0;
  const step = (what: string) => options.onProgress?.(++done, total, what);

  for (const p of plan.rows) {
    if (writesOf(p) === 0) continue;
    const r = p.source;
    let customer: Customer = p.existing!;
    if (!p.existing) {
      customer = await createCustomer(site, r.customer);
      summary.customers++;
      step(`Row ${r.row}: ${customer.caseRef}`);
    }
    for (const i of p.identities) {
      await addIdentity(site, customer, i.kind, i.value);
      summary.identities++;
      step(`Row ${r.row}: ${i.value}`);
    }
    for (const params of p.restrictions) {
      const restriction = restrictionFor(r, params, customer.id!);
      await createRestriction(site, { ...restriction, title: describeRestriction(restriction) });
      summary.restrictions++;
      step(`Row ${r.row}: ${params.kind}`);
    }
    for (const review of p.reviews) {
      await createReview(site, {
        title: `${review.kind === "ScheduledReview" ? "Scheduled review" : "End of monitoring"}: ${customer.caseRef}`,
        customerId: customer.id!,
        caseId: null,
        kind: review.kind,
        openedAt: now.toISOString(),
        dueBy: review.dueBy,
        reviewer: null,
        outcome: null,
      });
      summary.reviews++;
      step(`Row ${r.row}: review due ${review.dueBy.slice(0, 10)}`);
    }
  }
  return summary;
}
