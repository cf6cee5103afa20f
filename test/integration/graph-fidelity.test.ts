// The product against the emulator that answers as Graph does (see test/emulator/*-fidelity.test.ts for the emulator's
// side and its sources): duplicates known by Graph's 400, queries past 5,000 rows, immutable ids, four requests per
// mailbox, delta links that age out, and a small tenant's SharePoint budget.
import { appendEvent } from "../../graph/caselog/append";
import { openCustomer } from "../../graph/caselog";
import { DataError } from "../../graph/client/errors";
import { createGraph } from "../../graph/client/factory";
import { devAppTokens } from "../../graph/auth/dev-token";
import { loadCustomerCard } from "../../graph/lookup/card";
import { flagCategoryRequest, readInboxDelta, inboxDeltaStart, ensureCategories } from "../../graph/mail";
import { sendOnce } from "../../graph/mail/send-once";
import { readDelta } from "../../graph/repos/delta";
import { queryPage } from "../../graph/repos/items";
import { contactsSince, logContact, recentContacts } from "../../graph/repos/contacts";
import { ensureMailboxRow, tryLease } from "../../graph/repos/service-state";
import { loadCalendar, loadQueue } from "../../graph/reports/queue";
import { loadCasePage } from "../../graph/reports/case-page";
import { emulatorDelivery } from "../../scripts/demo/deliver";
import { seedDemo } from "../../scripts/demo/seed";
import type { Contact } from "../../shared/domain/records";
import { newCaseFile } from "../../shared/workflow";
import { startProduct, type Product } from "../support/product";

const DAY = 86_400_000;
const SAM = "sam.officer@upc.test";
const ADMIN = { upn: "admin@upc.test", roles: ["Admin", "Staff"] as ("Admin" | "Staff")[] };

function contact(customerId: string, messageId: string): Contact {
  return { title: "A mail", customerId, contactAt: new Date().toISOString(), channel: "Email", direction: "In", staffUpn: SAM, serviceArea: "", matterRef: "", behaviours: [], minutes: null, messageId, recipients: [SAM], source: "TaskPane", breach: "", screening: "NotScreened", note: "" };
}

async function imported(p: Product, name: string, email: string, status: "Observed" | "Referred" | "Monitoring" = "Observed", caseRef = "") {
  const r = await openCustomer(
    { graph: p.app, siteId: "root" },
    {
      event: { type: "Imported", customer: { name, caseRef, kind: "Individual", policyId: "cumbria-fire-2023", serviceAreas: "Prevention", spocUpn: null, spocName: null, spocDeputyUpn: null, allowedChannels: [], staffGuidance: "", adjustments: "" }, identities: [{ kind: "Email", value: email }], file: newCaseFile("cumbria-fire-2023", status), source: "a test" },
      actor: ADMIN,
      idempotencyKey: `fidelity:${email}`,
    },
  );
  if (!r.ok) throw new Error(r.reason);
  return r.customerId;
}

describe("duplicates, as Graph answers them (400 invalidRequest)", () => {
  let p: Product;
  beforeAll(async () => {
    p = await startProduct();
  });
  afterAll(() => p.close());

  it("recognises the pane's second log of a mail, a taken case reference, a racing log step, the mailbox row and the lease", async () => {
    const id = await imported(p, "Dup Customer", "dup@example.org", "Observed", "UPC-7000");
    const staff = p.siteAs(SAM);
    expect((await logContact(staff, contact(id, "<dup-1@example.org>"))).created).toBe(true);
    p.emu.resetStats();
    const again = await logContact(staff, contact(id, "<dup-1@example.org>"));
    expect(again.created).toBe(false);
    // The emulator answered the second create as SharePoint does; the product took it for "already logged".
    expect(p.emu.stats().byRoute["POST /sites/{site}/lists/{list}/items"]).toBe(1);

    const taken = await openCustomer(p.siteAs("admin@upc.test"), {
      event: { type: "Imported", customer: { name: "Other", caseRef: "UPC-7000", kind: "Individual", policyId: "cumbria-fire-2023", serviceAreas: "", spocUpn: null, spocName: null, spocDeputyUpn: null, allowedChannels: [], staffGuidance: "", adjustments: "" }, identities: [], file: newCaseFile("cumbria-fire-2023", "Observed"), source: "a test" },
      actor: ADMIN,
      idempotencyKey: "fidelity:taken",
    }).catch((e: unknown) => e);
    expect(taken).toBeInstanceOf(DataError);
    expect((taken as DataError).kind).toBe("Duplicate");

    const site = { graph: p.app, siteId: "root" };
    const step = { seq: 2, event: { type: "DetailsChanged" as const, changes: { staffGuidance: "x" }, reason: "r" }, actor: ADMIN, at: new Date().toISOString(), idempotencyKey: "fidelity:race-a", presetVersion: "1", owed: [] };
    expect((await appendEvent(site, id, step)).ok).toBe(true);
    const lost = await appendEvent(site, id, { ...step, idempotencyKey: "fidelity:race-b" });
    expect(lost).toEqual({ ok: false, reason: "race" });

    const [a, b] = await Promise.all([ensureMailboxRow(site, "kim.officer@upc.test"), ensureMailboxRow(site, "kim.officer@upc.test")]);
    expect(a.id).toBe(b.id);
    const leases = await Promise.all([tryLease(site, "fidelity", "one", () => false), tryLease(site, "fidelity", "two", () => false)]);
    expect(leases.filter(Boolean)).toHaveLength(1);
  });
});

describe("queries past SharePoint's list view threshold", () => {
  let p: Product;
  let busy: string;
  const now = Date.now();
  beforeAll(async () => {
    p = await startProduct();
    busy = await imported(p, "Busy Customer", "busy@example.org", "Referred");
    const quiet = await imported(p, "Quiet Customer", "quiet@example.org", "Monitoring");
    // 6,000 contacts of one customer over 60 days, among 6,000 of 500 others; 6,000 customers Observed.
    p.emu.sharepoint.bulkInsert(
      "UpcContacts",
      Array.from({ length: 12_000 }, (_, i) => ({
        Title: `c${i}`,
        CustomerLookupId: i < 6000 ? busy : String(Number(quiet) + 1 + (i % 500)),
        ContactAt: new Date(now - ((i % 6000) * 60 * DAY) / 6000 - 1000).toISOString(),
        Channel: "Email",
        Direction: "In",
        StaffUpn: SAM,
        MessageId: `<lvt-${i}@example.org>`,
        Source: "Flagger",
        Screening: "NotScreened",
      })),
    );
    // 6,000 more customers under monitoring: more than one query may read by status.
    p.emu.sharepoint.bulkInsert("UpcCustomers", Array.from({ length: 6000 }, (_, i) => ({ Title: `Bulk ${i}`, CaseRef: `UPC-${String(10_000 + i)}`, Kind: "Individual", Status: "Monitoring", PolicyId: "cumbria-fire-2023" })));
    p.emu.sharepoint.bulkInsert("UpcCases", [{ Title: "Busy referral", Key: "fidelity-referral", CustomerLookupId: busy, Stage: "Referred", ReferredAt: new Date(now - 3 * DAY).toISOString(), ReferredBy: SAM }]);
    p.emu.sharepoint.bulkInsert("UpcReviews", [{ Title: "Quiet ends", Key: "fidelity-review", CustomerLookupId: quiet, Kind: "MonitoringEnd", State: "Open", DueBy: new Date(now + 3 * DAY).toISOString(), OpenedAt: new Date(now - 30 * DAY).toISOString() }]);
  }, 60_000);
  afterAll(() => p.close());

  it("reads a customer's card, week, latest five and case page although they hold 6,000 contacts", async () => {
    const staff = p.siteAs(SAM);
    const week = await contactsSince(staff, busy, new Date(now - 7 * DAY));
    expect(week).toHaveLength(700);
    expect(week.every((c, i) => i === 0 || c.contactAt >= week[i - 1].contactAt)).toBe(true);
    const latest = await recentContacts(staff, busy, 5);
    expect(latest).toHaveLength(5);
    expect(latest[0].title).toBe("c0");
    const card = await loadCustomerCard(staff, busy, new Date(now));
    expect(card.recentContacts.map((c) => c.title)).toEqual(["c0", "c1", "c2", "c3", "c4"]);
    expect(card.periodContacts.length).toBeGreaterThan(0);
    const page = await loadCasePage(p.siteAs("dee.decider@upc.test"), busy, { withSensitive: false });
    expect(page.contacts).toHaveLength(6000);
    expect(new Set(page.contacts.map((c) => c.messageId)).size).toBe(6000);
  }, 60_000);

  it("reads the queue and the calendar with 6,000 more customers in the register, and opens the next customer", async () => {
    const queue = await loadQueue(p.siteAs("dee.decider@upc.test"));
    expect(queue.map((q) => q.customerName)).toContain("Busy Customer");
    // 6,000 customers under monitoring is more than one query may read: those the calendar names are read by id.
    const calendar = await loadCalendar(p.siteAs("dee.decider@upc.test"));
    expect(calendar.find((c) => c.customerName === "Quiet Customer")).toBeDefined();
    expect(calendar.every((c) => c.customerName !== "(customer record not found)")).toBe(true);
    // A register that grew before case references had a counter: the counter starts above every number in use, found
    // without ordering the whole register (which SharePoint refuses past 5,000 customers).
    const [counter] = await queryPage(p.admin, "serviceState", { filter: "fields/Title eq 'counter:caseRef'", top: 1 });
    await p.admin.graph.delete(`/sites/root/lists/UpcServiceState/items/${counter.id}`);
    const next = await imported(p, "After The Bulk", "after@example.org");
    const card = await loadCustomerCard(p.siteAs(SAM), next);
    expect(card.customer.caseRef).toBe("UPC-16000");
  }, 60_000);
});

describe("mail ids, mailbox concurrency and delta", () => {
  let p: Product;
  beforeAll(async () => {
    p = await startProduct({ throttle: { licences: 5000, timeScale: 60, mailboxServiceMs: 25 } });
  });
  afterAll(() => p.close());

  // learn.microsoft.com/graph/outlook-immutable-id: the id the service read stays good after the owner files the mail.
  it("colours a message its owner moved after the service read it", async () => {
    p.emu.mail.deliverNow({ to: [SAM], from: { address: "mover@example.org" }, subject: "Moved before colouring", internetMessageId: "<moved@example.org>" });
    const round = await readInboxDelta(p.app, inboxDeltaStart(SAM, new Date(Date.now() - 3_600_000)));
    const msg = round.messages.find((m) => m.subject === "Moved before colouring")!;
    expect(msg.id).toMatch(/^AAkALg/);
    const moved = await p.graphAs(SAM).post<{ id: string }>(`/me/messages/${msg.id}/move`, { destinationId: "archive" });
    expect(moved.id).not.toBe(msg.id);
    const [res] = await p.app.batch([flagCategoryRequest("1", SAM, msg.id, msg.categories, ["UPC Restricted"], "UPC Restricted")!]);
    expect(res.status).toBe(200);
    expect(p.emu.mail.messages(SAM).find((m) => m.subject === "Moved before colouring")?.categories).toEqual(["UPC Restricted"]);
  });

  // learn.microsoft.com/graph/throttling-limits#outlook-service-limits: four at a time per app and mailbox.
  it("never has more than four requests in flight to one mailbox, however many it is asked for at once", async () => {
    p.emu.resetStats();
    const app = createGraph({ baseUrl: p.emu.url, tokens: devAppTokens() });
    await Promise.all([
      ...Array.from({ length: 10 }, (_, i) => sendOnce(app, "complaints@upc.test", { to: [SAM], subject: `Notice ${i}`, text: "x" }, `<fidelity-notice-${i}@upc.test>`, { firstTry: true })),
      ...Array.from({ length: 6 }, () => ensureCategories(app, "complaints@upc.test", [{ displayName: "UPC Restricted", color: "preset0" }])),
    ]);
    expect(p.emu.stats().throttle?.throttled.mailboxConcurrency).toBe(0);
    expect(p.emu.mail.messages(SAM).filter((m) => String(m.subject).startsWith("Notice "))).toHaveLength(10);
  });

  // learn.microsoft.com/graph/delta-query-overview (410 SyncStateNotFound) and listitem-delta.md (410
  // resyncChangesApplyDifferences): a delta link that aged out starts again and nothing is missed.
  it("starts a list delta again when its link has aged out, and says it restarted", async () => {
    const site = { graph: p.app, siteId: "root" };
    const spec = [{ list: "identities" as const, fields: ["Title"] }];
    const first = await readDelta(site, spec, {});
    p.emu.sharepoint.setDeltaTokenMaxAge(0);
    try {
      await new Promise((r) => setTimeout(r, 5));
      const again = await readDelta(site, spec, first.links);
      expect(again.restarted).toEqual(["identities"]);
      expect(again.changes.length).toBe(first.changes.length);
    } finally {
      p.emu.sharepoint.setDeltaTokenMaxAge(30 * DAY);
    }
  });
});

describe("a small tenant's SharePoint budget", () => {
  // learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online:
  // 1,250 resource units a minute for an app in a tenant of up to 1,000 licences; throttled requests carry Retry-After.
  it("seeds the whole demo register within it, waiting out every 429 it is given and losing nothing", async () => {
    const p = await startProduct({ throttle: { licences: 800, timeScale: 10 } });
    try {
      const summary = await seedDemo(p.app, emulatorDelivery(p.emu));
      const stats = p.emu.stats().throttle!;
      expect(stats.throttled.app).toBeGreaterThan(0);
      const card = await loadCustomerCard(p.siteAs(SAM), "1");
      expect(card.customer.caseRef).toBe("UPC-0001");
      expect(summary.contacts).toBeGreaterThan(100);
      const stored = await p.admin.graph.getAll(`/sites/root/lists/UpcContacts/items?$top=999`);
      expect(stored).toHaveLength(summary.contacts);
    } finally {
      await p.close();
    }
  }, 120_000);
});
