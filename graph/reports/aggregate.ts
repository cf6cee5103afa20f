// Report aggregation, pure: periods in UK time, counts per service area and reason, CSV, and a board's summary.
// Counts only: nothing here carries a name, an address or a note about a person.
import { OTHER_BEHAVIOUR } from "../../shared/presets/other-behaviour";
import type { DecisionOutcome, RestrictionKind, ReviewKind, ReviewOutcome } from "../../shared/domain/vocab";
import { PRESETS } from "../../shared/presets/registry";
import { kindModule } from "../../shared/restrictions/kinds";
import { londonMidnight, londonParts, MONTH_NAMES } from "../../shared/time/london";
import { londonDateKey } from "../../shared/time/calendar";

export type PeriodKind = "Quarter" | "Month" | "Year";

export interface Period {
  kind: PeriodKind;
  /** First instant (London midnight). */
  start: string;
  /** First instant after the period. */
  end: string;
  /** "July to September 2026" */
  label: string;
}

/** The calendar quarter, month or year (UK time) containing an instant, or `offset` periods before/after it. */
export function periodOf(kind: PeriodKind, at: Date, offset = 0): Period {
  const p = londonParts(at);
  if (kind === "Year") {
    const y = p.year + offset;
    return { kind, start: londonMidnight(y, 1, 1).toISOString(), end: londonMidnight(y + 1, 1, 1).toISOString(), label: String(y) };
  }
  const size = kind === "Quarter" ? 3 : 1;
  const first = kind === "Quarter" ? Math.floor((p.month - 1) / 3) * 3 : p.month - 1;
  const index = p.year * 12 + first + offset * size;
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  const start = londonMidnight(y, m, 1);
  const end = londonMidnight(y, m + size, 1);
  const label = kind === "Quarter" ? `${MONTH_NAMES[m - 1]} to ${MONTH_NAMES[m + 1]} ${y}` : `${MONTH_NAMES[m - 1]} ${y}`;
  return { kind, start: start.toISOString(), end: end.toISOString(), label };
}

export function inPeriod(iso: string | null | undefined, period: Period): boolean {
  if (!iso) return false;
  const t = Date.parse(iso);
  return t >= Date.parse(period.start) && t < Date.parse(period.end);
}

/** The rows a report is computed from (already narrowed by indexed queries; narrowed again here, so the sums hold). */
export interface ReportInput {
  period: Period;
  now: string;
  /** Decided cases (UpcCases with Stage Decided). */
  decisions: { outcome: DecisionOutcome | null; decidedAt: string | null; serviceArea: string; behaviours: string[] }[];
  /** Restrictions with State Active. */
  restrictions: { kind: RestrictionKind; startsAt: string; endsAt: string | null; customerId: string }[];
  /** Customers with their service areas (for restrictions in force per area). */
  customers: { id: string; serviceAreas: string }[];
  /** Open reviews, monitoring ends and appeals. */
  openReviews: { kind: ReviewKind; dueBy: string }[];
  /** Reviews decided in the period (appeals among them). */
  decidedReviews: { kind: ReviewKind; outcome: ReviewOutcome | null; decidedAt: string | null; dueBy: string }[];
}

export interface Count {
  key: string;
  label: string;
  count: number;
}

export interface Report {
  period: Period;
  generatedAt: string;
  /** Decisions to monitor or restrict: the policy applied. */
  invocations: number;
  invocationsByServiceArea: Count[];
  invocationsByReason: Count[];
  decisionsByOutcome: Count[];
  restrictionsInForce: number;
  restrictionsByKind: Count[];
  restrictedCustomersByServiceArea: Count[];
  reviewsOverdue: number;
  reviewsOverdueByKind: Count[];
  appealsDecided: number;
  appealOutcomes: Count[];
  appealsDecidedLate: number;
}

/** Decisions that apply the policy to someone; declining a referral, extending or lifting are counted apart. */
export const INVOCATION_OUTCOMES: readonly DecisionOutcome[] = ["Monitor", "Restrict"];

const OUTCOME_WORDS: Record<DecisionOutcome, string> = {
  Declined: "Referral declined",
  Monitor: "Contact monitored",
  Restrict: "Contact restricted",
  Extend: "Extended",
  Lift: "Lifted",
};

const REVIEW_KIND_WORDS: Record<ReviewKind, string> = { ScheduledReview: "Scheduled reviews", MonitoringEnd: "Ends of monitoring", Appeal: "Appeals" };
const APPEAL_WORDS: Record<ReviewOutcome, string> = { Upheld: "Upheld", Varied: "Varied", Removed: "Removed", Extended: "Extended", Ended: "Ended" };

export function restrictionKindLabel(kind: RestrictionKind): string {
  return kindModule(kind)?.label ?? kind;
}

/** The one bucket reports count every "Other (describe)" behaviour under. */
export const OTHER_BUCKET = "Other (not in the policy's list)";
let behaviourLabels: Map<string, string> | undefined;
/** A behaviour id in the words of the first policy that defines it. */
export function behaviourLabel(id: string): string {
  behaviourLabels ??= new Map(PRESETS.flatMap((p) => p.behaviours.items.map((b) => [b.id, b.label] as [string, string])).reverse());
  // Every behaviour outside a policy's list is counted together, whatever words each officer used.
  if (id === OTHER_BEHAVIOUR) return OTHER_BUCKET;
  return behaviourLabels.get(id) ?? id;
}

function tally(keys: string[], label: (k: string) => string = (k) => k): Count[] {
  const m = new Map<string, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return [...m.entries()].map(([key, count]) => ({ key, label: label(key), count })).sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
}

const area = (s: string) => s.trim() || "Not recorded";

export function aggregateReport(input: ReportInput): Report {
  const { period } = input;
  const now = Date.parse(input.now);
  const decided = input.decisions.filter((d) => d.outcome && inPeriod(d.decidedAt, period));
  const invoked = decided.filter((d) => INVOCATION_OUTCOMES.includes(d.outcome!));
  const inForce = input.restrictions.filter((r) => Date.parse(r.startsAt) <= now && (!r.endsAt || Date.parse(r.endsAt) > now));
  const areaOf = new Map(input.customers.map((c) => [c.id, c.serviceAreas]));
  const restrictedCustomers = [...new Set(inForce.map((r) => r.customerId))];
  const overdue = input.openReviews.filter((r) => Date.parse(r.dueBy) < now);
  const appeals = input.decidedReviews.filter((r) => r.kind === "Appeal" && r.outcome && inPeriod(r.decidedAt, period));
  return {
    period,
    generatedAt: input.now,
    invocations: invoked.length,
    invocationsByServiceArea: tally(invoked.map((d) => area(d.serviceArea))),
    invocationsByReason: tally(invoked.flatMap((d) => (d.behaviours.length ? [...new Set(d.behaviours)] : ["(none recorded)"])), behaviourLabel),
    decisionsByOutcome: tally(decided.map((d) => d.outcome!), (k) => OUTCOME_WORDS[k as DecisionOutcome] ?? k),
    restrictionsInForce: inForce.length,
    restrictionsByKind: tally(inForce.map((r) => r.kind), (k) => restrictionKindLabel(k as RestrictionKind)),
    restrictedCustomersByServiceArea: tally(restrictedCustomers.map((id) => area(areaOf.get(id) ?? ""))),
    reviewsOverdue: overdue.length,
    reviewsOverdueByKind: tally(overdue.map((r) => r.kind), (k) => REVIEW_KIND_WORDS[k as ReviewKind] ?? k),
    appealsDecided: appeals.length,
    appealOutcomes: tally(appeals.map((r) => r.outcome!), (k) => APPEAL_WORDS[k as ReviewOutcome] ?? k),
    appealsDecidedLate: appeals.filter((r) => r.decidedAt && Date.parse(r.decidedAt) > Date.parse(r.dueBy)).length,
  };
}

/** One CSV cell: quoted when needed, and a leading = + - @ neutralised so a spreadsheet never runs it as a formula. */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function reportCsv(r: Report): string {
  const rows: (string | number)[][] = [["Section", "Item", "Count", "Period", "From", "To"]];
  // UK dates: a quarter that starts in summer time starts at 23:00 UTC the day before, which a cut UTC stamp would show.
  const from = londonDateKey(new Date(r.period.start));
  const to = londonDateKey(new Date(Date.parse(r.period.end) - 1));
  const section = (name: string, counts: Count[], total?: number) => {
    for (const c of counts) rows.push([name, c.label, c.count, r.period.label, from, to]);
    if (total !== undefined) rows.push([name, "Total", total, r.period.label, from, to]);
  };
  section("Times the policy was applied, by service area", r.invocationsByServiceArea, r.invocations);
  section("Behaviours cited when the policy was applied", r.invocationsByReason);
  section("Decisions by outcome", r.decisionsByOutcome);
  section("Restrictions in force by kind (now)", r.restrictionsByKind, r.restrictionsInForce);
  section("Customers with restrictions in force by service area (now)", r.restrictedCustomersByServiceArea);
  section("Reviews overdue (now)", r.reviewsOverdueByKind, r.reviewsOverdue);
  section("Appeal outcomes", r.appealOutcomes, r.appealsDecided);
  return `${rows.map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}

const n = (count: number, one: string, many: string) => `${count === 0 ? "no" : count} ${count === 1 ? one : many}`;
const sentenceList = (counts: Count[]) => {
  const parts = counts.map((c) => `${c.label} (${c.count})`);
  return parts.length <= 1 ? parts.join("") : `${parts.slice(0, -1).join(", ")} and ${parts.at(-1)}`;
};

/** A quarterly summary a board can read: plain sentences, counts only, no personal data. */
export function boardSummary(r: Report): string[] {
  const paras: string[] = [];
  paras.push(
    `Between ${r.period.label.replace(" to ", " and ")}, the policy on unreasonably persistent contact was applied ${r.invocations === 1 ? "once" : `${r.invocations === 0 ? "no" : r.invocations} times`}` +
      (r.invocations ? `: ${sentenceList(r.invocationsByServiceArea)} by service area.` : "."),
  );
  if (r.invocations) paras.push(`The behaviours behind those decisions were: ${sentenceList(r.invocationsByReason)}. A decision can cite more than one.`);
  const declined = r.decisionsByOutcome.find((c) => c.key === "Declined")?.count ?? 0;
  if (declined) paras.push(`${n(declined, "referral was", "referrals were")} looked at and declined: the policy was not needed.`.replace(/^./, (c) => c.toUpperCase()));
  paras.push(
    r.restrictionsInForce
      ? `Today ${n(r.restrictionsInForce, "restriction is", "restrictions are")} in force: ${sentenceList(r.restrictionsByKind)}.`
      : "Today no restrictions are in force.",
  );
  paras.push(
    r.reviewsOverdue
      ? `${n(r.reviewsOverdue, "review is", "reviews are")} overdue (${sentenceList(r.reviewsOverdueByKind)}). Each waits for someone to decide it, so these need attention.`.replace(/^./, (c) => c.toUpperCase())
      : "No reviews are overdue.",
  );
  paras.push(
    r.appealsDecided
      ? `${n(r.appealsDecided, "appeal was", "appeals were")} decided by someone independent of the original decision: ${sentenceList(r.appealOutcomes)}. ${r.appealsDecidedLate ? `${n(r.appealsDecidedLate, "was", "were")} decided after the deadline.` : "All were decided within the deadline."}`.replace(/^./, (c) => c.toUpperCase())
      : "No appeals were decided in the period.",
  );
  paras.push("These figures are counts only. No customer is named, and no personal details are included.");
  return paras;
}
