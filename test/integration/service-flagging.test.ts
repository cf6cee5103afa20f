// The flagging service over real HTTP against the emulator: categories and rules, contact logging once per mail,
// breach notices, unflagged mail untouched at no cost, injection attempts, forged and duplicated notifications.
import { openCustomer, takeStep } from "../../graph/caselog";
import { newCaseFile } from "../../shared/workflow";
import { dee } from "../support/actors";
import { listInboxRules, planFlagRules, syncInboxRules } from "../../graph/mail";
import { lookupSender } from "../../graph/lookup/sender";
import { startProduct, type Product } from "../support/product";
import { categoriesOf, CLIENT_STATE, contactOf, mailTo, routesSince, settle, startFlagging, type Started } from "./service-support";

let p: Product;
let s: Started;
const SAM = "sam.officer@upc.test";
const KIM = "kim.officer@upc.test";
const OBRIEN = { name: "Seán O'Brien", address: "o'brien@example.org" };
const WENDY = { name: "Wendy Marsh", address: "wendy.marsh@example.org" };

beforeAll(async () => {
  p = await startProduct({ seed: true });
  s = await startFlagging(p);
  await settle(p, [s]);
});
afterAll(async () => {
  await s?.close();
  await p?.close();
});

async function deliver(input: Parameters<Product["emu"]["mail"]["deliver"]>[0]): Promise<string> {
  const id = input.internetMessageId ?? `<t-${Math.random().toString(36).slice(2)}@mail.example>`;
  await p.emu.mail.deliver({ ...input, internetMessageId: id });
  return id;
}

async function post(path: string, body: unknown): Promise<number> {
  const res = await fetch(`${s.url}${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  await res.text();
  return res.status;
}

it("answers Graph's validation handshake with the token as text/plain", async () => {
  const token = "Validation: Testing client application reachability for subscription Request-Id: 1 2&3";
  const res = await fetch(`${s.url}/notifications?validationToken=${encodeURIComponent(token)}`, { method: "POST" });
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  expect(await res.text()).toBe(token);
});

it("keeps the flag categories and rules in every watched mailbox, and one subscription each", async () => {
  const watched = s.service.watched();
  expect(watched.length).toBeGreaterThanOrEqual(10);
  expect(watched.every((w) => w.subscriptionId)).toBe(true);
  const cats = await p.app.get<{ value: { displayName: string; color: string }[] }>(`/users/${SAM}/outlook/masterCategories`);
  const ours = cats.value.filter((c) => c.displayName.startsWith("UPC "));
  expect(ours.map((c) => c.displayName).sort()).toEqual(["UPC Monitoring", "UPC Restricted"]);
  expect(new Set(ours.map((c) => c.color)).size).toBe(2);
  const rules = await listInboxRules(p.app, SAM);
  const addresses = rules.flatMap((r) => r.conditions?.fromAddresses?.map((a) => a.emailAddress.address) ?? []);
  const domains = rules.flatMap((r) => r.conditions?.senderContains ?? []);
  expect(addresses).toContain("o'brien@example.org");
  expect(addresses).toContain("wendy.marsh@example.org");
  expect(addresses).not.toContain("priya.n@example.com"); // Warned: not flagged
  expect(domains).toEqual(["@vexford.example"]);
  const subs = p.emu.mail.subscriptions();
  for (const w of watched) expect(subs.filter((x) => x.id === w.subscriptionId)).toHaveLength(1);
});

it("categorises and logs a restricted customer's mail (the apostrophe address) once, and tells the SPOC once", async () => {
  const noticesBefore = mailTo(p, KIM, "Restriction breached: UPC-0001");
  const id = await deliver({ to: [SAM], from: OBRIEN, subject: "About my complaint, again" });
  await settle(p, [s]);
  expect(categoriesOf(p, SAM, "About my complaint, again")).toEqual([["UPC Restricted"]]);
  const c = await contactOf(p, id);
  expect(c).toMatchObject({ source: "Flagger", channel: "Email", direction: "In", recipients: [SAM], messageId: id });
  // O'Brien may deal only with Kim Officer: mail to Sam breaches that, in plain words.
  expect(c!.breach).toMatch(/Kim Officer/);
  expect(mailTo(p, KIM, "Restriction breached: UPC-0001")).toBe(noticesBefore + 1);

  // Graph sends the same notification again: nothing more is logged or sent.
  const sub = s.service.watched().find((w) => w.upn === SAM)!.subscriptionId;
  const dup = { value: [{ subscriptionId: sub, clientState: CLIENT_STATE, changeType: "created", resource: "Users/x/Messages/y" }] };
  expect(await post("/notifications", dup)).toBe(202);
  expect(await post("/notifications", dup)).toBe(202);
  await settle(p, [s]);
  expect(mailTo(p, KIM, "Restriction breached: UPC-0001")).toBe(noticesBefore + 1);
  expect((await contactOf(p, id))!.id).toBe(c!.id);
});

it("flags a whole restricted domain and a monitored customer, each with its own category", async () => {
  const v = await deliver({ to: ["complaints@upc.test"], from: { name: "Someone new", address: "accounts@vexford.example" }, subject: "Licence query from Vexford" });
  const w = await deliver({ to: [SAM], from: WENDY, subject: "Wendy writes" });
  await settle(p, [s]);
  expect(categoriesOf(p, "complaints@upc.test", "Licence query from Vexford")).toEqual([["UPC Restricted"]]);
  expect(categoriesOf(p, SAM, "Wendy writes")).toEqual([["UPC Monitoring"]]);
  expect((await contactOf(p, v))?.source).toBe("Flagger");
  const wc = await contactOf(p, w);
  expect(wc?.breach).toBe(""); // monitoring: logged, no restrictions to breach
});

it("logs the same mail to five officers as one contact with five recipients", async () => {
  const five = [SAM, KIM, "mo.manager@upc.test", "dee.decider@upc.test", "complaints@upc.test"];
  const id = await deliver({ to: five, from: WENDY, subject: "To everyone" });
  await settle(p, [s]);
  const c = await contactOf(p, id);
  expect(c!.recipients.sort()).toEqual([...five].sort());
  for (const upn of five) expect(categoriesOf(p, upn, "To everyone")).toEqual([["UPC Monitoring"]]);
});

it("leaves an unflagged sender's mail untouched, and spends no request on it beyond the shared delta read", async () => {
  await settle(p, [s]);
  p.emu.resetStats();
  const before = { ...s.service.stats };
  const id = await deliver({ to: [SAM, KIM], from: { name: "Alice Turner", address: "alice.turner@example.com" }, subject: "Bin collection" });
  await settle(p, [s]);
  const routes = routesSince(p);
  expect(categoriesOf(p, SAM, "Bin collection")).toEqual([[]]);
  expect(await contactOf(p, id)).toBeNull();
  // Only reading new mail (one delta per mailbox per round), the register poll and saving the reading position.
  const allowed = ["GET /users/{user}/mailFolders/{folder}/messages/delta", "POST /$batch", "GET /sites/{site}/lists/{list}/items/delta", "PATCH /sites/{site}/lists/{list}/items/{item}/fields"];
  expect(Object.keys(routes).filter((r) => !allowed.includes(r))).toEqual([]);
  expect(s.service.stats.flagged).toBe(before.flagged);
  expect(s.service.stats.logged).toBe(before.logged);
});

it("is not fooled by addresses crafted to inject into an OData filter, and keeps working", async () => {
  const errors = s.service.stats.errors;
  // The last one contains "@vexford.example": Exchange's senderContains colours it, and the service takes it off.
  const crafted = ["x' or fields/Title ne 'a@evil.example", "o'brien@example.org' or '1' eq '1@evil.example", "a@b.example') or (1 eq 1", "x@vexford.example.evil.test"];
  for (const address of crafted) await deliver({ to: [SAM], from: { name: "Crafted", address }, subject: `crafted ${address}` });
  // A flagged sender whose message id carries quotes is still logged once, merged when it reaches a second mailbox.
  const quoted = "<it's' or fields/MessageId ne 'x@mail.example>";
  await deliver({ to: [SAM], from: OBRIEN, subject: "quoted id", internetMessageId: quoted });
  await settle(p, [s]);
  await deliver({ to: [KIM], from: OBRIEN, subject: "quoted id", internetMessageId: quoted });
  await settle(p, [s]);
  for (const address of crafted) expect(categoriesOf(p, SAM, `crafted ${address}`)).toEqual([[]]);
  const c = await contactOf(p, quoted);
  expect(c?.recipients.sort()).toEqual([KIM, SAM]);
  expect(s.service.stats.errors).toBe(errors);
});

it("ignores forged notifications: wrong clientState, unknown subscription, not a notification at all", async () => {
  await settle(p, [s]);
  const sub = s.service.watched()[0].subscriptionId;
  const rounds = s.service.stats.rounds;
  const rejected = s.service.stats.rejected;
  p.emu.resetStats();
  expect(await post("/notifications", { value: [{ subscriptionId: sub, clientState: "wrong", changeType: "created" }] })).toBe(202);
  expect(await post("/notifications", { value: [{ subscriptionId: sub, changeType: "created" }] })).toBe(202);
  expect(await post("/notifications", { value: [{ subscriptionId: "not-ours", clientState: CLIENT_STATE, changeType: "created" }] })).toBe(202);
  expect(await post("/lifecycle", { value: [{ subscriptionId: sub, clientState: CLIENT_STATE.slice(1), lifecycleEvent: "subscriptionRemoved" }] })).toBe(202);
  expect(await post("/notifications", { hello: "world" })).toBe(400);
  await settle(p, [s]);
  expect(s.service.stats.rounds).toBe(rounds);
  expect(s.service.stats.rejected).toBe(rejected + 4);
  expect(p.emu.mail.subscriptions().some((x) => x.id === sub)).toBe(true);
  const writes = Object.keys(routesSince(p)).filter((r) => !r.startsWith("GET") && r !== "POST /$batch");
  expect(writes).toEqual([]);
});

it("rebuilds the rules within a minute when the register changes, so Exchange colours new mail by itself", async () => {
  const found = await lookupSender(p.admin, { from: WENDY.address });
  // A decider adds her new address: a step in her log, which the service projects and the flagging service follows.
  const added = await takeStep({ graph: p.app, siteId: "root" }, found.matches[0].customerId, { event: { type: "IdentityAdded", identity: { kind: "Email", value: "wendy.m.new@example.org" }, evidence: "She wrote from it, signing with her case reference." }, actor: dee, idempotencyKey: "wendy-new-address" });
  expect(added.ok).toBe(true);
  const started = Date.now();
  for (;;) {
    const rules = await listInboxRules(p.app, KIM);
    if (rules.some((r) => r.conditions?.fromAddresses?.some((a) => a.emailAddress.address === "wendy.m.new@example.org"))) break;
    expect(Date.now() - started).toBeLessThan(60_000);
    await new Promise((r) => setTimeout(r, 100));
  }
  // With notifications held back, only the rule can have coloured this one.
  p.emu.mail.pauseNotifications();
  await deliver({ to: [KIM], from: { name: "Wendy", address: "wendy.m.new@example.org" }, subject: "from my new address" });
  expect(categoriesOf(p, KIM, "from my new address")).toEqual([["UPC Monitoring"]]);
  p.emu.mail.resumeNotifications();
  await settle(p, [s]);
});

it("splits thousands of identities across rules within the 256 KB quota, leaving the owner's own rule alone", async () => {
  const upn = "rory.reviewer@upc.test";
  await p.app.post(`/users/${upn}/mailFolders/inbox/messageRules`, { displayName: "My own rule", sequence: 1, isEnabled: true, conditions: { subjectContains: ["newsletter"] }, actions: { markAsRead: true } });
  const emails = Array.from({ length: 4000 }, (_, i) => `person.${i}@bulk-${i % 50}.example`);
  const plan = planFlagRules([{ label: "Restricted", category: "UPC Restricted", emails, domains: [] }], 256 * 1024 - 16 * 1024 - 200);
  expect(plan.rules.length).toBeGreaterThan(2);
  expect(plan.omitted).toBeGreaterThan(0); // 4,000 do not fit in one mailbox; the service still categorises the rest
  const res = await syncInboxRules(p.app, upn, plan.rules, await listInboxRules(p.app, upn));
  expect(res.refused).toBe(0);
  const after = await listInboxRules(p.app, upn);
  expect(after.some((r) => r.displayName === "My own rule")).toBe(true);
  const listed = after.flatMap((r) => r.conditions?.fromAddresses ?? []).length;
  expect(listed).toBe(4000 - plan.omitted);
  // Put the mailbox back as the service wants it.
  await s.service.syncRules();
});

it("never writes a customer's address or the clientState to its log", async () => {
  const all = s.logs.join("\n");
  expect(all).not.toContain(CLIENT_STATE);
  expect(all).not.toMatch(/o'brien|wendy|vexford|@example/i);
  expect(all).toContain("service.started");
});

it("does not flag a customer whose status is no longer Monitoring or Restricted", async () => {
  const site = { graph: p.app, siteId: "root" };
  const file = { ...newCaseFile("cumbria-fire-2023", "Restricted"), decisions: [{ outcome: "Restrict" as const, at: new Date(Date.now() - 86_400_000).toISOString(), by: dee.upn, participants: [dee.upn], reasons: "Daily calls." }], restrictions: [{ kind: "SingleChannel" as const, params: { kind: "SingleChannel" as const, channel: "Letter" as const }, startsAt: new Date().toISOString(), endsAt: null, state: "Active" as const }], reviewDue: new Date(Date.now() + 90 * 86_400_000).toISOString() };
  const opened = await openCustomer(site, { event: { type: "Imported", customer: { name: "Briefly Watched", caseRef: "", kind: "Individual", policyId: "cumbria-fire-2023", serviceAreas: "Prevention", spocUpn: null, spocName: null, spocDeputyUpn: null, allowedChannels: [], staffGuidance: "", adjustments: "" }, identities: [{ kind: "Email", value: "briefly@example.net" }], file, source: "this test" }, actor: { upn: "admin@upc.test", roles: ["Admin"] }, idempotencyKey: "briefly-watched" });
  if (!opened.ok) throw new Error(opened.reason);
  // An independent senior manager lifts the restrictions: the customer is closed, in the log.
  const lifted = await takeStep(site, opened.customerId, { event: { type: "Decide", outcome: "Lift", reasons: "No contact for three months." }, actor: { upn: "rory.reviewer@upc.test", roles: ["Reviewer", "Staff"] }, idempotencyKey: "briefly-lifted" });
  expect(lifted).toMatchObject({ ok: true, record: { file: { status: "Closed" } } });
  await s.service.refreshRegister(); // what the register poll does every few seconds
  await settle(p, [s]);
  const id = await deliver({ to: [SAM], from: { name: "B", address: "briefly@example.net" }, subject: "after closing" });
  await settle(p, [s]);
  expect(await contactOf(p, id)).toBeNull();
  expect(categoriesOf(p, SAM, "after closing")).toEqual([[]]);
});
