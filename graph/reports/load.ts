// Reading what a report counts: five queries in one $batch, each filtered first on an indexed column.
import type { DecisionOutcome, RestrictionKind, ReviewKind, ReviewOutcome } from "../../shared/domain/vocab";
import type { BatchRequest } from "../client/factory";
import { eq, odataDate } from "../client/odata";
import { date, list, lookupId, str, strOrNull, type Fields } from "../repos/fields";
import { allRows, queryUrl, type ListItem, type Site } from "../repos/items";

export { allRows };
import { aggregateReport, type Period, type Report, type ReportInput } from "./aggregate";

export function reportQueries(site: Site, period: Period, now: Date): BatchRequest[] {
  const range = (col: string) => `fields/${col} ge ${odataDate(period.start)} and fields/${col} lt ${odataDate(period.end)}`;
  return [
    // DecidedAt is indexed (for this report); Stage narrows to decisions.
    { id: "decisions", method: "GET", url: queryUrl(site, "cases", { filter: range("DecidedAt"), select: ["Stage", "Outcome", "DecidedAt", "ServiceArea", "Behaviours"], top: 999 }) },
    { id: "restrictions", method: "GET", url: queryUrl(site, "restrictions", { filter: eq("State", "Active"), select: ["Kind", "StartsAt", "EndsAt", "CustomerLookupId"], top: 999 }) },
    { id: "customers", method: "GET", url: queryUrl(site, "customers", { filter: eq("Status", "Restricted"), select: ["ServiceAreas"], top: 999 }) },
    { id: "open", method: "GET", url: queryUrl(site, "reviews", { filter: `${eq("State", "Open")} and fields/DueBy lt ${odataDate(now)}`, select: ["Kind", "DueBy"], top: 999 }) },
    { id: "decided", method: "GET", url: queryUrl(site, "reviews", { filter: range("DecidedAt"), select: ["Kind", "Outcome", "DecidedAt", "DueBy"], top: 999 }) },
  ];
}

/** The raw rows for a period, as the aggregation takes them. */
export async function loadReportInput(site: Site, period: Period, now = new Date()): Promise<ReportInput> {
  const res = await site.graph.batch(reportQueries(site, period, now));
  const [decisions, restrictions, customers, open, decided] = await Promise.all(res.map((r) => allRows(site, r)));
  const f = (i: ListItem) => i.fields as Fields;
  return {
    period,
    now: now.toISOString(),
    decisions: decisions
      .filter((i) => str(f(i), "Stage") === "Decided")
      .map((i) => ({ outcome: (strOrNull(f(i), "Outcome") as DecisionOutcome | null), decidedAt: date(f(i), "DecidedAt"), serviceArea: str(f(i), "ServiceArea"), behaviours: list(f(i), "Behaviours") })),
    restrictions: restrictions.map((i) => ({ kind: str(f(i), "Kind") as RestrictionKind, startsAt: date(f(i), "StartsAt") ?? new Date(0).toISOString(), endsAt: date(f(i), "EndsAt"), customerId: lookupId(f(i), "Customer") })),
    customers: customers.map((i) => ({ id: String(i.id), serviceAreas: str(f(i), "ServiceAreas") })),
    openReviews: open.map((i) => ({ kind: (str(f(i), "Kind") || "ScheduledReview") as ReviewKind, dueBy: date(f(i), "DueBy") ?? new Date(0).toISOString() })),
    decidedReviews: decided.map((i) => ({ kind: (str(f(i), "Kind") || "ScheduledReview") as ReviewKind, outcome: strOrNull(f(i), "Outcome") as ReviewOutcome | null, decidedAt: date(f(i), "DecidedAt"), dueBy: date(f(i), "DueBy") ?? new Date(0).toISOString() })),
  };
}

/** A report for a period: one $batch (plus further pages for large registers). */
export async function loadReport(site: Site, period: Period, now = new Date()): Promise<Report> {
  return aggregateReport(await loadReportInput(site, period, now));
}
