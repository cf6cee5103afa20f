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
import { runScheduler, type SchedulerDeps } from "../../service/scheduler/jobs";
import { owedMails } from "../../service/cases/owe";
import { Outbox } from "../../service/cases/outbox";
import { startProduct, type Product } from "../support/product";
import { mailTo } from "./service-support";

const DAY = 86_400_000;
let p: Product;
let site: Site;
const logs: string[] = [];

function deps(instanceId: string): SchedulerDeps {
  return {
    site,
    graph: p.app,
    log: createLogger((l) => logs.push(l)),
    instanceId,
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

it("reminds, escalates and expires once, though the jobs run twice and two instances run them at once", async () => {
  const obrien = await customerOf("o'brien@example.org");
  expect(obrien.status).toBe("Restricted");
  // The demo's restriction reviews fall 2 to 22 days ahead: run the jobs as if 25 days had passed, so every one has
  // lapsed, the demo's ended monitoring periods are overdue and later ones fall within the fortnight's reminders.
  const now = new Date(Date.now() + 25 * DAY);
  const restricted = (await queryAll(site, "customers", { filter: "fields/Status eq 'Restricted'" })).length;
  const [a, b] = await Promise.all([runScheduler(deps("a"), now), runScheduler(deps("b"), now)]);
  const first = a.ran ? a : b;
  // Whichever instance lost the lease either skipped or found nothing left to do.
  const other = a.ran ? b : a;
  expect(other.reminders + other.escalations + other.expired).toBe(0);
  expect(first.reminders).toBeGreaterThan(0);
  expect(first.escalations).toBeGreaterThan(0);
  expect(first.expired).toBe(restricted);
  const again = await runScheduler(deps("a"), now);
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
  const third = await runScheduler(deps("a"), now);
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
