// Report aggregation: periods in UK time, counts per service area and reason, CSV and the board's summary.
import { aggregateReport, boardSummary, csvCell, periodOf, reportCsv, type ReportInput } from "../../graph/reports/aggregate";

const NOW = "2026-11-22T12:00:00Z";
const q = periodOf("Quarter", new Date(NOW));

function input(over: Partial<ReportInput> = {}): ReportInput {
  return {
    period: q,
    now: NOW,
    decisions: [
      { outcome: "Restrict", decidedAt: "2026-10-01T09:00:00Z", serviceArea: "Fire Safety", behaviours: ["high-volume", "refuses-decision"] },
      { outcome: "Monitor", decidedAt: "2026-11-02T09:00:00Z", serviceArea: "Planning", behaviours: ["offensive"] },
      { outcome: "Restrict", decidedAt: "2026-11-20T09:00:00Z", serviceArea: "Fire Safety", behaviours: ["high-volume"] },
      { outcome: "Declined", decidedAt: "2026-11-03T09:00:00Z", serviceArea: "Housing", behaviours: ["offensive"] },
      { outcome: "Lift", decidedAt: "2026-11-04T09:00:00Z", serviceArea: "", behaviours: [] },
      // Before the quarter (BST midnight boundary: 30 Sep 23:30 UTC is 1 Oct 00:30 in London, inside).
      { outcome: "Restrict", decidedAt: "2026-09-30T22:59:00Z", serviceArea: "Fire Safety", behaviours: ["high-volume"] },
      { outcome: "Restrict", decidedAt: "2026-09-30T23:30:00Z", serviceArea: "Estates", behaviours: [] },
    ],
    restrictions: [
      { kind: "SingleChannel", startsAt: "2026-10-01T09:00:00Z", endsAt: null, customerId: "1" },
      { kind: "CallSlots", startsAt: "2026-10-01T09:00:00Z", endsAt: null, customerId: "1" },
      { kind: "NoContact", startsAt: "2026-10-01T09:00:00Z", endsAt: "2026-11-01T00:00:00Z", customerId: "2" },
      { kind: "ContactQuota", startsAt: "2026-12-01T00:00:00Z", endsAt: null, customerId: "3" },
      { kind: "SingleChannel", startsAt: "2026-11-20T09:00:00Z", endsAt: "2027-01-01T00:00:00Z", customerId: "4" },
    ],
    customers: [
      { id: "1", serviceAreas: "Fire Safety" },
      { id: "4", serviceAreas: "Licensing" },
    ],
    openReviews: [
      { kind: "ScheduledReview", dueBy: "2026-11-01T00:00:00Z" },
      { kind: "Appeal", dueBy: "2026-11-21T23:59:59Z" },
      { kind: "MonitoringEnd", dueBy: "2026-12-01T00:00:00Z" },
    ],
    decidedReviews: [
      { kind: "Appeal", outcome: "Upheld", decidedAt: "2026-11-10T09:00:00Z", dueBy: "2026-11-20T00:00:00Z" },
      { kind: "Appeal", outcome: "Varied", decidedAt: "2026-11-15T09:00:00Z", dueBy: "2026-11-14T00:00:00Z" },
      { kind: "ScheduledReview", outcome: "Upheld", decidedAt: "2026-11-15T09:00:00Z", dueBy: "2026-11-14T00:00:00Z" },
      { kind: "Appeal", outcome: "Removed", decidedAt: "2026-06-15T09:00:00Z", dueBy: "2026-06-14T00:00:00Z" },
    ],
    ...over,
  };
}

describe("periodOf", () => {
  it("gives UK calendar quarters, months and years, starting at London midnight", () => {
    expect(q).toMatchObject({ kind: "Quarter", label: "October to December 2026", start: "2026-09-30T23:00:00.000Z", end: "2027-01-01T00:00:00.000Z" });
    expect(periodOf("Quarter", new Date(NOW), -1)).toMatchObject({ label: "July to September 2026", start: "2026-06-30T23:00:00.000Z", end: "2026-09-30T23:00:00.000Z" });
    expect(periodOf("Quarter", new Date("2026-02-01T00:00:00Z"), -1).label).toBe("October to December 2025");
    expect(periodOf("Month", new Date(NOW))).toMatchObject({ label: "November 2026", start: "2026-11-01T00:00:00.000Z", end: "2026-12-01T00:00:00.000Z" });
    expect(periodOf("Month", new Date("2026-01-15T00:00:00Z"), -1).label).toBe("December 2025");
    expect(periodOf("Year", new Date(NOW))).toMatchObject({ label: "2026", start: "2026-01-01T00:00:00.000Z", end: "2027-01-01T00:00:00.000Z" });
  });
});

describe("aggregateReport", () => {
  const r = aggregateReport(input());
  it("counts decisions to monitor or restrict in the period as invocations, per service area and reason", () => {
    expect(r.invocations).toBe(4);
    expect(r.invocationsByServiceArea.map((c) => [c.label, c.count])).toEqual([["Fire Safety", 2], ["Estates", 1], ["Planning", 1]]);
    expect(r.invocationsByReason.find((c) => c.key === "high-volume")).toMatchObject({ count: 2, label: "Sending a high volume of letters, emails and/or phone calls (sometimes to multiple recipients)" });
    expect(r.invocationsByReason.find((c) => c.key === "(none recorded)")?.count).toBe(1);
    expect(r.decisionsByOutcome.map((c) => [c.key, c.count])).toEqual([["Restrict", 3], ["Monitor", 1], ["Lift", 1], ["Declined", 1]]);
  });
  it("counts restrictions in force now (started, not ended), by kind and by the customers' service areas", () => {
    expect(r.restrictionsInForce).toBe(3);
    expect(r.restrictionsByKind.map((c) => [c.key, c.count])).toEqual([["SingleChannel", 2], ["CallSlots", 1]]);
    expect(r.restrictedCustomersByServiceArea.map((c) => [c.label, c.count])).toEqual([["Fire Safety", 1], ["Licensing", 1]]);
  });
  it("counts open reviews past their due time as overdue", () => {
    expect(r.reviewsOverdue).toBe(2);
    expect(r.reviewsOverdueByKind.map((c) => c.key).sort()).toEqual(["Appeal", "ScheduledReview"]);
  });
  it("counts appeals decided in the period by outcome, and those decided late", () => {
    expect(r.appealsDecided).toBe(2);
    expect(r.appealOutcomes.map((c) => [c.key, c.count])).toEqual([["Upheld", 1], ["Varied", 1]]);
    expect(r.appealsDecidedLate).toBe(1);
  });
  it("sums agree: per-area counts add up to the invocations", () => {
    expect(r.invocationsByServiceArea.reduce((s, c) => s + c.count, 0)).toBe(r.invocations);
    expect(r.restrictionsByKind.reduce((s, c) => s + c.count, 0)).toBe(r.restrictionsInForce);
  });
  it("an empty register reports zeros in words", () => {
    const e = aggregateReport(input({ decisions: [], restrictions: [], customers: [], openReviews: [], decidedReviews: [] }));
    expect([e.invocations, e.restrictionsInForce, e.reviewsOverdue, e.appealsDecided]).toEqual([0, 0, 0, 0]);
    expect(boardSummary(e)[0]).toBe("Between October and December 2026, the policy on unreasonably persistent contact was applied no times.");
    expect(boardSummary(e)).toContain("No reviews are overdue.");
  });
});

describe("CSV and the board summary", () => {
  const r = aggregateReport(input());
  it("writes one row per count with totals, quoted where needed and safe to open in a spreadsheet", () => {
    const csv = reportCsv(r);
    const lines = csv.trim().split("\r\n");
    expect(lines[0]).toBe("Section,Item,Count,Period,From,To");
    // Issue: a quarter starting in summer time (1 October, 00:00 BST = 30 September 23:00 UTC) began a day early.
    expect(lines).toContain('"Times the policy was applied, by service area",Fire Safety,2,October to December 2026,2026-10-01,2026-12-31');
    expect(lines).toContain('"Times the policy was applied, by service area",Total,4,October to December 2026,2026-10-01,2026-12-31');
    expect(lines).toContain("Appeal outcomes,Total,2,October to December 2026,2026-10-01,2026-12-31");
    expect(csv).not.toMatch(/Invocation/);
    expect(csvCell('say "hi", then')).toBe('"say ""hi"", then"');
    expect(csvCell("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvCell(-3)).toBe("-3");
  });
  it("the board summary is plain sentences of counts: no names, no addresses", () => {
    const text = boardSummary(r).join("\n");
    expect(text).toContain("was applied 4 times: Fire Safety (2), Estates (1) and Planning (1) by service area.");
    expect(text).toContain("Today 3 restrictions are in force");
    expect(text).toContain("2 reviews are overdue");
    expect(text).toContain("2 appeals were decided by someone independent of the original decision: Upheld (1) and Varied (1). 1 was decided after the deadline.");
    expect(text).not.toMatch(/@|UPC-\d/);
  });
});
