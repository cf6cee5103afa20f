// The scheduler's jobs against the demo register: each job run twice (and by two instances at once) does its work once,
// and what it owes goes through the outbox (one row per notice, keyed by its review and date) and is sent once.
import { createCustomer, getCustomer } from "../../graph/repos/customers";
import { addIdentity } from "../../graph/repos/identities";
import { logContact } from "../../graph/repos/contacts";
import { activeRestrictions } from "../../graph/repos/restrictions";
import { createItem, queryAll, updateFields, type Site } from "../../graph/repos/items";
import { readSummaries, reviewKindsOf } from "../../graph/repos/service-state";
import { lookupSender } from "../../graph/lookup/sender";
import { groupMemberUpns } from "../../graph/mail";
import { createLogger } from "../../service/log";
import { LEASE_MS, runScheduler, type SchedulerDeps } from "../../service/scheduler/jobs";
import { StaleWatch } from "../../service/leases/stale-watch";
import { claimRow, oweOnce, rowsToSend } from "../../graph/caselog/outbox-rows";
import { loadLog } from "../../graph/caselog";
import { owedMails } from "../../service/cases/owe";
import { Outbox } from "../../service/cases/outbox";
import { DEFAULT_SETTINGS, type OrganisationSettings } from "../../shared/settings/organisation";
import { startProduct, type Product } from "../support/product";
import { mailTo } from "./service-support";

const DAY = 86_400_000;
let p: Product;
let site: Site;
const logs: string[] = [];

// Each instance keeps its view of the lease between runs, on a monotonic clock the tests move on by hand.
const watches = new Map<string, StaleWatch>();
const elapsed: Record<string, number> = {};

function deps(instanceId: string, settings: OrganisationSettings = DEFAULT_SETTINGS): SchedulerDeps {
  return {
    settings,
    site,
    graph: p.app,
    log: createLogger((l) => logs.push(l)),
    instanceId,
    leaseWatch: watches.get(instanceId) ?? watches.set(instanceId, new StaleWatch(LEASE_MS, () => elapsed[instanceId] ?? 0)).get(instanceId)!,
    reminderDays: 14,
    appealWarnDays: 5,
    monitoringEndDecisionDays: 14,
    escalationRecipients: () => groupMemberUpns(p.app, "UPC Managers"),
    owe: owedMails({ escalationRecipients: () => groupMemberUpns(p.app, "UPC Managers") }),
    sendOwed: () => new Outbox({ site, graph: p.app, log: createLogger(() => undefined), instanceId, from: () => "complaints@upc.test" }).sweep(),
  };
}

beforeAll(async () => {
  p = await startProduct({ seed: true });
  site = { graph: p.app, siteId: "root" };
});
afterAll(() => p?.close());

async function customerOf(address: string) {
  return getCustomer(p.admin, (await lookupSender(p.admin, { from: address })).matches[0].customerId);
}

// Restrictions lapsing at review is no policy's rule: here the organisation has chosen it (a setting, off by default).
const LAPSE = { ...DEFAULT_SETTINGS, lapseAtReview: true };

it("reminds, escalates and expires once, though the jobs run twice and two instances run them at once", async () => {
  const obrien = await customerOf("o'brien@example.org");
  expect(obrien.status).toBe("Restricted");
  // The demo's restriction reviews fall 2 to 22 days ahead: run the jobs as if 25 days had passed, so every one has
  // lapsed, the demo's ended monitoring periods are overdue and later ones fall within the fortnight's reminders.
  const now = new Date(Date.now() + 25 * DAY);
  const restricted = (await queryAll(site, "customers", { filter: "fields/Status eq 'Restricted'" })).length;
  const [a, b] = await Promise.all([runScheduler(deps("a", LAPSE), now), runScheduler(deps("b", LAPSE), now)]);
  const first = a.ran ? a : b;
  // Whichever instance lost the lease either skipped or found nothing left to do.
  const other = a.ran ? b : a;
  expect(other.reminders + other.escalations + other.expired).toBe(0);
  expect(first.reminders).toBeGreaterThan(0);
  expect(first.escalations).toBeGreaterThan(0);
  expect(first.expired).toBe(restricted);
  const again = await runScheduler(deps("a", LAPSE), now);
  expect(again).toMatchObject({ ran: true, reminders: 0, escalations: 0, expired: 0, monitoringReviewsOpened: 0 });

  // Each overdue review was escalated to the managers once.
  expect(mailTo(p, "mo.manager@upc.test", "Overdue:")).toBe(first.escalations);
  expect(mailTo(p, "mo.manager@upc.test", "Due by")).toBe(first.reminders);
  // O'Brien's restrictions lapsed at review (the workflow's RestrictionExpired step), and his SPOC was told once.
  const after = await getCustomer(p.admin, obrien.id!);
  expect(after.status).toBe("Closed");
  expect(await activeRestrictions(p.admin, obrien.id!)).toEqual([]);
  expect(mailTo(p, "kim.officer@upc.test", "Restrictions lapsed: UPC-0001")).toBe(1);
  // Every notice is one outbox row, sent: a third run (any instance) sends nothing either.
  const rows = await queryAll(site, "outbox", { filter: "fields/State eq 'Done'" });
  expect(rows.filter((r) => /\/(remind|escalate|warn):/.test(String((r.fields as Record<string, unknown>).Title))).length).toBe(first.reminders + first.escalations + first.appealWarnings);
  const third = await runScheduler(deps("a", LAPSE), now);
  expect(third).toMatchObject({ reminders: 0, escalations: 0, expired: 0 });
  expect(mailTo(p, "mo.manager@upc.test", "Overdue:")).toBe(first.escalations);
});

it("warns the appeal's owner once as the decision deadline nears", async () => {
  const soon = new Date(Date.now() + 6 * DAY); // the demo appeal is due in 10 days
  const first = await runScheduler(deps("a"), soon);
  const second = await runScheduler(deps("b"), soon);
  expect(first.appealWarnings).toBe(1);
  expect(second.appealWarnings).toBe(0);
  expect(mailTo(p, "rory.reviewer@upc.test", "Appeal decision due")).toBe(1);
});

it("opens one MonitoringEnd review when a monitoring period ends", async () => {
  const c = await createCustomer(p.admin, { kind: "Individual", name: "Period Ended", status: "Monitoring", policyId: "council-ccm-2014", serviceAreas: "Housing", allowedChannels: [], staffGuidance: "", adjustments: "", monitoringEnds: new Date(Date.now() - DAY).toISOString() });
  const first = await runScheduler(deps("a"));
  const second = await runScheduler(deps("b"));
  expect(first.monitoringReviewsOpened).toBe(1);
  expect(second.monitoringReviewsOpened).toBe(0);
  const reviews = await reviewKindsOf(site, c.id!);
  expect(reviews.filter((r) => r.kind === "MonitoringEnd" && r.state === "Open")).toHaveLength(1);
});

it("deletes records past retention where the policy sets a period, once, writing a summary in counts only", async () => {
  const past = new Date(Date.now() - DAY).toISOString();
  // Southampton keeps records 6 years after the restrictions end; Cumbria's policy is silent (null): keep, and say so.
  const gone = await createCustomer(p.admin, { kind: "Individual", name: "Longago Person", status: "Closed", policyId: "southampton-2018", serviceAreas: "Council Tax", allowedChannels: [], staffGuidance: "", adjustments: "", retainUntil: past });
  await updateFields(p.admin, "customers", gone.id!, { ClosedAt: new Date(Date.now() - 7 * 365 * DAY).toISOString() });
  await addIdentity(p.admin, gone, "Email", "longago@example.org");
  for (let i = 0; i < 3; i++) {
    await logContact(p.admin, { title: `old ${i}`, customerId: gone.id!, contactAt: new Date(Date.now() - 8 * 365 * DAY).toISOString(), channel: "Email", direction: "In", staffUpn: "sam.officer@upc.test", serviceArea: "", matterRef: "", behaviours: [], messageId: `<old-${i}@mail.example>`, recipients: [], source: "Import", breach: "", screening: "NotScreened", note: "" });
  }
  await createItem(p.admin, "sensitive", { CustomerLookupId: Number(gone.id), Notes: "old note", RecordedBy: "dee.decider@upc.test", RecordedAt: past });
  const kept = await createCustomer(p.admin, { kind: "Individual", name: "Silent Policy", status: "Closed", policyId: "cumbria-fire-2023", serviceAreas: "Prevention", allowedChannels: [], staffGuidance: "", adjustments: "", retainUntil: past });

  const first = await runScheduler(deps("a"));
  const second = await runScheduler(deps("b"));
  expect(first.purged).toMatchObject({ customers: 1, contacts: 3, identities: 1, sensitive: 1 });
  expect(second.purged).toEqual({});
  await expect(getCustomer(p.admin, gone.id!)).rejects.toMatchObject({ kind: "NotFound" });
  expect((await getCustomer(p.admin, kept.id!)).status).toBe("Closed");
  const summaries = await readSummaries(site, "retention");
  expect(summaries).toHaveLength(1);
  expect(summaries[0].counts).toMatchObject({ customers: 1, contacts: 3 });
  expect(JSON.stringify(summaries)).not.toMatch(/Longago|longago@|old note/);
  expect(logs.some((l) => l.includes("scheduler.held") && l.includes("does not say how long records are kept"))).toBe(true);
  expect(logs.join("\n")).not.toMatch(/Longago|longago@|O'Brien|o'brien/);
});

describe("leases and claims do not go by the holder's clock", () => {
  // Issue: an instance whose clock ran 11 minutes fast took the scheduler's lease from one still using it, and
  // monitoring-end reviews were opened twice. The lease row's eTag, watched on each instance's own clock, decides.
  it("an instance 11 minutes fast waits for one still running, and the two open one review between them", async () => {
    const c = await createCustomer(p.admin, { kind: "Individual", name: "Skewed Clocks", status: "Monitoring", policyId: "council-ccm-2014", serviceAreas: "Housing", allowedChannels: [], staffGuidance: "", adjustments: "", monitoringEnds: new Date(Date.now() - DAY).toISOString() });
    let release!: () => void;
    const blocked = new Promise<void>((r) => (release = r));
    let entered!: () => void;
    const inside = new Promise<void>((r) => (entered = r));
    // A holds the lease, busy with its last job.
    const a = runScheduler({ ...deps("a"), sendOwed: async () => (entered(), blocked) });
    await inside;
    vi.useFakeTimers({ toFake: ["Date"] });
    vi.setSystemTime(Date.now() + 11 * 60_000);
    let b;
    try {
      b = await runScheduler(deps("b"), new Date());
    } finally {
      vi.useRealTimers();
    }
    release();
    const ranA = await a;
    expect(b.ran).toBe(false);
    expect(ranA).toMatchObject({ ran: true, monitoringReviewsOpened: 1 });
    // Once A has let go, B (still 11 minutes ahead) runs at once and finds the review already open.
    const b2 = await runScheduler(deps("b"), new Date(Date.now() + 11 * 60_000));
    expect(b2).toMatchObject({ ran: true, monitoringReviewsOpened: 0 });
    const log = await loadLog(site, c.id!);
    expect(log.events.filter((e) => e.event.type === "OpenMonitoringEndReview")).toHaveLength(1);
    expect((await reviewKindsOf(site, c.id!)).filter((r) => r.kind === "MonitoringEnd" && r.state === "Open")).toHaveLength(1);
  });

  it("a lease whose holder stopped without letting go is taken once its row has sat unchanged for the lease's length", async () => {
    // "dead" takes the lease and stops in the middle of its run (its last job never returns).
    void runScheduler({ ...deps("dead"), sendOwed: () => new Promise<void>(() => undefined) });
    await new Promise((r) => setTimeout(r, 1500));
    elapsed.c = 0;
    expect((await runScheduler(deps("c"))).ran).toBe(false);
    elapsed.c = LEASE_MS - 1;
    expect((await runScheduler(deps("c"))).ran).toBe(false);
    elapsed.c = LEASE_MS;
    expect((await runScheduler(deps("c"))).ran).toBe(true);
  });

  it("a notice claimed by a sender that stopped is sent once, after the claim's length on the taker's clock, whatever ClaimedUntil says", async () => {
    const customer = (await queryAll(site, "customers", { top: 1 }))[0];
    await oweOnce(site, "lease-test/claimed", String(customer.id), "remind", { to: ["mo.manager@upc.test"], subject: "Claimed notice test", text: "One notice." });
    const row = (await rowsToSend(site, 200)).rows.find((r) => r.key === "lease-test/claimed")!;
    // The sender that stopped had a clock 11 minutes slow: its ClaimedUntil is already past for everyone else.
    expect(await claimRow(site, row, "stopped", new Date(Date.now() - 11 * 60_000))).not.toBeNull();
    let clock = 0;
    const outbox = new Outbox({ site, graph: p.app, log: createLogger(() => undefined), instanceId: "taker", from: () => "complaints@upc.test", claimMs: 60_000, elapsed: () => clock });
    await outbox.sweep();
    expect(mailTo(p, "mo.manager@upc.test", "Claimed notice test")).toBe(0);
    clock = 60_000;
    await outbox.sweep();
    await outbox.sweep();
    expect(mailTo(p, "mo.manager@upc.test", "Claimed notice test")).toBe(1);
  });
});

// No policy text says restrictions lapse at review (cumbria 001 2.2: "a review will be carried out after a period of 6
// months"): with the organisation setting off, the review falls due and waits for a reviewer; nothing is closed.
it("lapses nothing at a review date when the organisation has not chosen it: the restrictions stay and the review waits", async () => {
  const c = await createCustomer(p.admin, { kind: "Individual", name: "Review Waits", status: "Restricted", policyId: "cumbria-fire-2023", serviceAreas: "Prevention", allowedChannels: [], staffGuidance: "", adjustments: "", reviewDue: new Date(Date.now() - DAY).toISOString() });
  await addIdentity(p.admin, c, "Email", "review.waits@example.org");
  const report = await runScheduler(deps("a"));
  expect(report.expired).toBe(0);
  expect(Object.keys(report.held).some((reason) => /do not lapse on their own .* waits for a reviewer/.test(reason))).toBe(true);
  expect((await getCustomer(p.admin, c.id!)).status).toBe("Restricted");
});
