// Tried as an attacker would (real HTTP to the emulator and to the case service): people cannot write the controlled
// lists, the service refuses steps a role may not take, and a row edited by hand makes the product purge, lapse or
// flag nothing; it is reported as drift and put back from the log.
import { loadLog, loadRegister } from "../../graph/caselog";
import { readSummaries } from "../../graph/repos/service-state";
import { queryAll, updateFields, type Site } from "../../graph/repos/items";
import { lookupSender } from "../../graph/lookup/sender";
import { groupMemberUpns } from "../../graph/mail";
import { CONTROLLED_LISTS } from "../../graph/schema/permissions";
import { LISTS } from "../../graph/schema/lists";
import { getPreset } from "../../shared/presets/registry";
import { replayLog } from "../../shared/register";
import { owedMails } from "../../service/cases/owe";
import { Outbox } from "../../service/cases/outbox";
import { createLogger } from "../../service/log";
import { LEASE_MS, runScheduler } from "../../service/scheduler/jobs";
import { StaleWatch } from "../../service/leases/stale-watch";
import { userToken } from "../support/tokens";
import { startCaseService, startProduct, type Product } from "../support/product";
import { categoriesOf, settle, startFlagging, type Started } from "./service-support";
import type { RunningService } from "../../service/server";

const DAY = 86_400_000;
let p: Product;
let app: Site;
let api: RunningService;
beforeAll(async () => {
  p = await startProduct({ seed: true });
  app = { graph: p.app, siteId: "root" };
  api = await startCaseService(p);
}, 60_000);
afterAll(async () => {
  await api?.close();
  await p?.close();
});

const idOf = async (address: string) => (await lookupSender(p.admin, { from: address })).matches[0].customerId;

async function call(upn: string | null, method: string, path: string, body?: unknown) {
  const res = await fetch(`${api.url}${path}`, {
    method,
    headers: { ...(upn ? { Authorization: `Bearer ${userToken(upn)}` } : {}), "Content-Type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as { reason?: string; caseFile?: { status: string }; seq?: number } };
}

describe("people's rights on the site", () => {
  const people = ["sam.officer@upc.test", "mo.manager@upc.test", "dee.decider@upc.test", "rory.reviewer@upc.test"];

  it("refuses every direct create, edit and delete on a controlled list, whoever the person (403)", async () => {
    const id = await idOf("o'brien@example.org");
    for (const list of CONTROLLED_LISTS) {
      const [row] = await queryAll(p.admin, list, { top: 1 });
      for (const upn of people) {
        const graph = p.graphAs(upn);
        const path = `/sites/root/lists/${LISTS[list]}/items`;
        await expect(graph.post(path, { fields: { Title: "forged", CustomerLookupId: Number(id) } }), `${upn} creating in ${list}`).rejects.toMatchObject({ kind: "Forbidden" });
        if (!row) continue;
        await expect(graph.patch(`${path}/${row.id}/fields`, { Title: "forged" }), `${upn} editing ${list}`).rejects.toMatchObject({ kind: "Forbidden" });
        await expect(graph.delete(`${path}/${row.id}`), `${upn} deleting from ${list}`).rejects.toMatchObject({ kind: "Forbidden" });
      }
    }
  });

  it("lets staff add a contact, but not edit or delete one", async () => {
    const id = await idOf("o'brien@example.org");
    const sam = p.graphAs("sam.officer@upc.test");
    const path = "/sites/root/lists/UpcContacts/items";
    const made = await sam.post<{ id: string }>(path, { fields: { Title: "Phone call", CustomerLookupId: Number(id), ContactAt: new Date().toISOString(), Channel: "Phone", Direction: "In", StaffUpn: "sam.officer@upc.test", Source: "TaskPane", MessageId: "urn:upc:contact:attack-1" } });
    expect(made.id).toBeTruthy();
    await expect(sam.patch(`${path}/${made.id}/fields`, { Breach: "" }), "editing a contact").rejects.toMatchObject({ kind: "Forbidden" });
    await expect(sam.delete(`${path}/${made.id}`), "deleting a contact").rejects.toMatchObject({ kind: "Forbidden" });
  });
});

describe("the case service refuses what a role may not do, in words", () => {
  it("turns away a caller with no token, or a token for nobody in the directory (401)", async () => {
    const id = await idOf("dana.whitlock@example.net");
    expect((await call(null, "GET", `/api/customers/${id}`)).status).toBe(401);
    expect(await call("nobody@elsewhere.test", "GET", `/api/customers/${id}`)).toMatchObject({ status: 401, body: { reason: expect.stringMatching(/not in this organisation's directory/) } });
  });

  it("answers 403 with the policy's words when staff or a reviewer try to decide, and stores nothing", async () => {
    const id = await idOf("dana.whitlock@example.net");
    const before = (await loadLog(app, id)).events.length;
    const decide = { event: { type: "Decide", outcome: "Restrict", reasons: "I think so.", restrictions: [{ params: { kind: "SingleChannel", channel: "Letter" } }] }, idempotencyKey: "attack-decide-1" };
    for (const upn of ["sam.officer@upc.test", "rory.reviewer@upc.test"]) {
      const r = await call(upn, "POST", `/api/customers/${id}/steps`, { ...decide, idempotencyKey: `attack-${upn.split("@")[0]}` });
      expect(r, upn).toMatchObject({ status: 403, body: { reason: expect.stringMatching(/^Only .+ may decide to restrict a customer's contact under Cumbria/) } });
    }
    const letter = await call("sam.officer@upc.test", "POST", `/api/customers/${id}/steps`, { event: { type: "LetterSent", kind: "Restriction", elements: [] }, idempotencyKey: "attack-letter-1" });
    expect(letter).toMatchObject({ status: 403, body: { reason: expect.stringMatching(/may send a letter/) } });
    const purge = await call("dee.decider@upc.test", "POST", `/api/customers/${id}/steps`, { event: { type: "Purge" }, idempotencyKey: "attack-purge-1" });
    expect(purge).toMatchObject({ status: 403, body: { reason: "Only the scheduler or an administrator can do this." } });
    const imported = await call("dee.decider@upc.test", "POST", `/api/customers/${id}/steps`, { event: { type: "BreachRecorded", messageId: "<x@y>", receivedAt: new Date().toISOString(), subject: "x", mailboxes: [], breaches: [{ kind: "x", message: "x" }] }, idempotencyKey: "attack-breach-1" });
    expect(imported.status).toBe(403);
    expect((await loadLog(app, id)).events.length).toBe(before);
  });

  it("answers 422 in words for a step that breaks the policy, and refuses a malformed one without storing it", async () => {
    const id = await idOf("o'brien@example.org");
    // Remi is a reviewer, and a decider: but Dee's decision is not his, so the policy's own rule is what stops him here.
    const late = await call("remi.reviewer@upc.test", "POST", `/api/customers/${id}/steps`, { event: { type: "AppealLodged", receivedAt: new Date().toISOString(), inWriting: true, grounds: "Again." }, idempotencyKey: "attack-appeal-again" });
    expect(late).toMatchObject({ status: 422, body: { reason: "An appeal is already open for this decision." } });
    const observed = await idOf("ellen.ng@example.com");
    const early = await call("dee.decider@upc.test", "POST", `/api/customers/${observed}/steps`, { event: { type: "Decide", outcome: "Restrict", reasons: "Too many e-mails.", restrictions: [{ params: { kind: "SeriousOnly" } }] }, idempotencyKey: "attack-early-1" });
    expect(early).toMatchObject({ status: 422, body: { reason: expect.stringMatching(/decided on a referral/) } });
    const bad = await call("dee.decider@upc.test", "POST", `/api/customers/${id}/steps`, { event: { type: "Decide", outcome: "Banish", reasons: "x" }, idempotencyKey: "attack-bad-1" });
    expect(bad).toMatchObject({ status: 422, body: { reason: expect.stringMatching(/not complete or not in the right form/) } });
    const noKey = await call("dee.decider@upc.test", "POST", `/api/customers/${id}/steps`, { event: { type: "InviteExtensionComment" } });
    expect(noKey).toMatchObject({ status: 400, body: { reason: expect.stringMatching(/idempotencyKey/) } });
  });

  it("stores a step sent twice once and answers both the same", async () => {
    const id = await idOf("aisha.rahman@example.com");
    const withdraw = { event: { type: "WithdrawReferral", reason: "Resolved on the phone." }, idempotencyKey: "withdraw-aisha-0001" };
    const [a, b] = await Promise.all([call("mo.manager@upc.test", "POST", `/api/customers/${id}/steps`, withdraw), call("mo.manager@upc.test", "POST", `/api/customers/${id}/steps`, withdraw)]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect(a.body.seq).toBe(b.body.seq);
    expect((await loadLog(app, id)).events.filter((e) => e.event.type === "WithdrawReferral")).toHaveLength(1);
  });

  it("lets one of two people acting on a case at the same moment through, and tells the other to reload (409)", async () => {
    const id = await idOf("rita.mensah@example.com");
    const before = (await loadLog(app, id)).events.length;
    const step = (upn: string, event: unknown, key: string) => call(upn, "POST", `/api/customers/${id}/steps`, { event, idempotencyKey: key });
    // A little latency on every request, so the three really are at the same moment.
    p.emu.setChaos(0, 40);
    const answers = await Promise.all([
      step("mo.manager@upc.test", { type: "WithdrawReferral", reason: "Resolved by the area manager." }, "race-withdraw-0001"),
      step("dee.decider@upc.test", { type: "Decide", outcome: "Declined", reasons: "Not unreasonable yet.", preChecks: {}, vulnerabilityConsidered: true }, "race-decline-0001"),
      step("dan.decider@upc.test", { type: "Decide", outcome: "Declined", reasons: "Not unreasonable yet; advice given.", preChecks: {}, vulnerabilityConsidered: true }, "race-decline-0002"),
    ]).finally(() => p.emu.setChaos(0, 0));
    const statuses = answers.map((a) => a.status).sort();
    // Exactly one step landed; the others were told someone moved first (or, judged again, that the referral is gone).
    expect(statuses.filter((x) => x === 200)).toHaveLength(1);
    expect(statuses.every((x) => x === 200 || x === 409 || x === 422)).toBe(true);
    expect(answers.some((a) => a.status === 409 && /Reload to see their change/.test(a.body.reason ?? ""))).toBe(true);
    expect((await loadLog(app, id)).events.length).toBe(before + 1);
  });
});

describe("a row edited by hand", () => {
  it("purges nothing: the scheduler goes by the log, and the row is put back and reported", async () => {
    const id = await idOf("hal.pemberton@example.org");
    const past = new Date(Date.now() - 400 * DAY).toISOString();
    // An administrator (the only people who can write the lists now) sets the row as if retention had come.
    await updateFields(p.admin, "customers", id, { Status: "Closed", RetainUntil: past, ClosedAt: past, ReviewDue: null });
    const report = await runScheduler(schedulerDeps("attack"), new Date());
    expect(report.purged).toEqual({});
    expect((await loadRegister(app, id)).customer).not.toBeNull();
    expect(report.held).toEqual(expect.objectContaining({ "Only closed records can be deleted.": expect.any(Number) }));
    // The watch puts the row back from the log, and says what it found.
    const w = await startFlagging(p, { mailboxes: ["sam.officer@upc.test"] });
    try {
      await settle(p, [w]);
      const row = (await loadRegister(app, id)).customer!.fields;
      expect(row.Status).toBe("Restricted");
      expect(row.RetainUntil ?? null).toBeNull();
      expect(w.runtime.cases.watch.stats.drift).toBeGreaterThan(0);
      expect(w.logs.some((l) => l.includes("drift.repaired") && l.includes(`customer=${id}`) && l.includes("Status"))).toBe(true);
      expect((await readSummaries(app, "drift")).some((s) => s.counts.customer === id)).toBe(true);
    } finally {
      await w.close();
    }
  });

  it("lapses nothing: a review date moved into the past does not end restrictions", async () => {
    const id = await idOf("frank.doyle@example.org");
    const past = new Date(Date.now() - 2 * DAY).toISOString();
    await updateFields(p.admin, "customers", id, { ReviewDue: past });
    for (const r of (await loadRegister(app, id)).rows.restrictions) await updateFields(p.admin, "restrictions", r.id, { ReviewDue: past });
    const report = await runScheduler(schedulerDeps("attack-2"), new Date());
    expect(report.expired).toBe(0);
    const { record } = replayLog((await loadLog(app, id)).events, getPreset);
    expect(record.file.status).toBe("Restricted");
    expect(record.file.restrictions.every((r) => r.state === "Active")).toBe(true);
  });

  it("changes no flag: a restricted customer edited to Observed is still flagged, and one edited to Restricted is not", async () => {
    const restricted = await idOf("colin.p@example.org");
    const observed = await idOf("ellen.ng@example.com");
    const s: Started = await startFlagging(p, { mailboxes: ["sam.officer@upc.test"] });
    try {
      await settle(p, [s]);
      await updateFields(p.admin, "customers", restricted, { Status: "Observed" });
      await updateFields(p.admin, "customers", observed, { Status: "Restricted" });
      for (const i of (await loadRegister(app, observed)).rows.identities) await updateFields(p.admin, "identities", i.id, { CustomerStatus: "Restricted" });
      await new Promise((r) => setTimeout(r, 600));
      await settle(p, [s]);
      const deliver = (m: Parameters<Product["emu"]["mail"]["deliver"]>[0]) => p.emu.mail.deliver({ ...m, internetMessageId: `<attack-${Math.random().toString(36).slice(2)}@mail.example>` });
      await deliver({ to: ["sam.officer@upc.test"], from: { name: "Colin", address: "colin.p@example.org" }, subject: "attack: still restricted" });
      await deliver({ to: ["sam.officer@upc.test"], from: { name: "Ellen", address: "ellen.ng@example.com" }, subject: "attack: never restricted" });
      await settle(p, [s]);
      expect(categoriesOf(p, "sam.officer@upc.test", "attack: still restricted")).toEqual([["UPC Restricted"]]);
      expect(categoriesOf(p, "sam.officer@upc.test", "attack: never restricted")).toEqual([[]]);
      expect((await loadRegister(app, restricted)).customer!.fields.Status).toBe("Restricted");
      expect((await loadRegister(app, observed)).customer!.fields.Status).toBe("Observed");
    } finally {
      await s.close();
    }
  });
});

function schedulerDeps(instanceId: string) {
  const managers = () => groupMemberUpns(p.app, "UPC Managers");
  return {
    site: app,
    graph: p.app,
    log: createLogger(() => undefined),
    instanceId,
    leaseWatch: new StaleWatch(LEASE_MS),
    reminderDays: 14,
    appealWarnDays: 5,
    monitoringEndDecisionDays: 14,
    escalationRecipients: managers,
    owe: owedMails({ escalationRecipients: managers }),
    sendOwed: () => new Outbox({ site: app, graph: p.app, log: createLogger(() => undefined), instanceId, from: () => "complaints@upc.test" }).sweep(),
  };
}

