// The Teams tab's read models against the emulator (real HTTP): the queue and calendar in one request, the case page
// (health notes only for deciders), change history from item versions, reports equal to the lists, subject access
// with versions, and letters created as drafts in the writer's own mailbox.
import { eq, odataDate } from "../../graph/client/odata";
import { createItem, queryAll, updateFields } from "../../graph/repos/items";
import { takeStep } from "../../graph/caselog";
import { exportSubjectAccess, findByCaseRef, historyItems, loadCalendar, loadCasePage, loadChangeHistory, loadQueue, loadReport, periodOf } from "../../graph/reports";
import { DEMO_CUSTOMERS } from "../../scripts/demo/people";
import { bundleEntries } from "../../shared/access/bundle";
import { getPreset } from "../../shared/presets/registry";
import { dee, rory } from "../support/actors";
import { startProduct, type Product } from "../support/product";

let p: Product;
beforeAll(async () => {
  p = await startProduct({ seed: true });
}, 60_000);
afterAll(() => p.close());

const idOf = async (name: string) => String((await queryAll(p.admin, "customers", { filter: eq("Title", name) }))[0].id);

it("reads the referral queue with its customers in one request, oldest first", async () => {
  p.emu.resetStats();
  const queue = await loadQueue(p.siteAs("mo.manager@upc.test"));
  expect(p.emu.stats().requests).toBe(1);
  const referred = DEMO_CUSTOMERS.filter((c) => c.status === "Referred").map((c) => c.name);
  expect(queue.map((q) => q.customerName).sort()).toEqual([...referred].sort());
  expect(queue.map((q) => q.referredAt)).toEqual([...queue.map((q) => q.referredAt)].sort());
  const dana = queue.find((q) => q.customerName === "Dana Whitlock")!;
  expect(dana).toMatchObject({ caseRef: "UPC-0002", policyId: "cumbria-fire-2023", serviceArea: "Fire Safety", evidenceCount: 0 });
  expect(dana.behaviours[0].label).toBe(getPreset("cumbria-fire-2023")!.behaviours.items[0].label);
});

it("reads what is due and overdue with its customers in one request", async () => {
  p.emu.resetStats();
  const due = await loadCalendar(p.siteAs("rory.reviewer@upc.test"));
  expect(p.emu.stats().requests).toBe(1);
  expect(due.some((d) => d.overdue)).toBe(true);
  expect(due.find((d) => d.kind === "Appeal")).toMatchObject({ customerName: "Seán O'Brien", overdue: false });
  expect(due.every((d) => d.customerName && d.caseRef)).toBe(true);
});

it("asks for health notes only for deciders: staff are never sent to UpcSensitive (where they would get 403)", async () => {
  const id = await idOf("Seán O'Brien");
  p.emu.resetStats();
  const staff = await loadCasePage(p.siteAs("sam.officer@upc.test"), id, { withSensitive: false });
  expect(staff.sensitive).toBeNull();
  expect(p.emu.stats().requests).toBe(2);
  expect(JSON.stringify(p.emu.stats())).not.toMatch(/UpcSensitive/);
  const decider = await loadCasePage(p.siteAs(dee.upn), id, { withSensitive: true });
  expect(decider.sensitive?.[0].notes).toMatch(/Health note/);
  expect(decider.contacts.length).toBeGreaterThan(50);
  expect(decider.identities.map((i) => i.value).sort()).toEqual(["+447700900123", "o'brien@example.org", "sean.obrien@mail.example"]);
  // And the store agrees: staff asking anyway are refused.
  await expect(loadCasePage(p.siteAs("sam.officer@upc.test"), id, { withSensitive: true })).rejects.toMatchObject({ kind: "Forbidden" });
});

it("tells the case's history from its log: who changed what, and when; the lists' versions show what was written", async () => {
  const id = await idOf("Priya Natarajan");
  const site = { graph: p.app, siteId: "root" };
  const change = (actor: typeof dee, text: string, key: string) => takeStep(site, id, { event: { type: "DetailsChanged", changes: { staffGuidance: text }, reason: "Calls keep reaching the duty officer." }, actor, idempotencyKey: key });
  expect((await change(dee, "Pass calls to Kim.", "guidance-1")).ok).toBe(true);
  expect((await change({ upn: "mo.manager@upc.test", roles: ["Manager", "Staff"] }, "Pass calls to Kim or Mo.", "guidance-2")).ok).toBe(true);
  const page = await loadCasePage(p.siteAs("sam.officer@upc.test"), id, { withSensitive: false });
  const guidance = page.loaded.history.filter((h) => h.changes.some((c) => c.field === "Guidance for staff"));
  expect(guidance.map((h) => [h.by, h.changes.find((c) => c.field === "Guidance for staff")])).toEqual([
    ["mo.manager@upc.test", { field: "Guidance for staff", from: "Pass calls to Kim.", to: "Pass calls to Kim or Mo." }],
    ["dee.decider@upc.test", { field: "Guidance for staff", from: "", to: "Pass calls to Kim." }],
  ]);
  expect(page.loaded.history.at(-1)?.what).toMatch(/^Brought onto the register/);
  // The lists' versions: the case service wrote each change, and an administrator's own edit shows as theirs.
  await updateFields(p.admin, "customers", id, { Adjustments: "Large print." });
  const history = await loadChangeHistory(p.admin, historyItems(page));
  expect(history.find((h) => h.changes.some((c) => c.field === "Adjustments"))?.by).toBe("admin@upc.test");
  expect(history.filter((h) => h.changes.some((c) => c.field === "StaffGuidance")).map((h) => h.by)).toEqual(["SharePoint App", "SharePoint App"]);
  expect(history.every((h) => h.changes.every((c) => !["Modified", "_UIVersionString", "EditorLookupId"].includes(c.field)))).toBe(true);
});

it("counts exactly what the lists hold, in one request", async () => {
  const now = new Date();
  const period = periodOf("Quarter", now);
  p.emu.resetStats();
  const r = await loadReport(p.siteAs("mo.manager@upc.test"), period, now);
  expect(p.emu.stats().requests).toBe(1);
  const cases = await queryAll<Record<string, unknown>>(p.admin, "cases", {});
  const decided = cases.filter((c) => c.fields.Stage === "Decided" && c.fields.DecidedAt && Date.parse(String(c.fields.DecidedAt)) >= Date.parse(period.start) && Date.parse(String(c.fields.DecidedAt)) < Date.parse(period.end));
  expect(r.invocations).toBe(decided.filter((c) => ["Monitor", "Restrict"].includes(String(c.fields.Outcome))).length);
  expect(r.invocationsByServiceArea.reduce((s, c) => s + c.count, 0)).toBe(r.invocations);
  const active = await queryAll<Record<string, unknown>>(p.admin, "restrictions", { filter: eq("State", "Active") });
  expect(r.restrictionsInForce).toBe(active.filter((x) => !x.fields.EndsAt || Date.parse(String(x.fields.EndsAt)) > now.getTime()).length);
  const overdue = await queryAll(p.admin, "reviews", { filter: `${eq("State", "Open")} and fields/DueBy lt ${odataDate(now)}` });
  expect(r.reviewsOverdue).toBe(overdue.length);
  expect(r.reviewsOverdue).toBeGreaterThan(0);
});

it("counts an appeal decided in the period, after the workflow has run through the lists", async () => {
  const id = await idOf("Seán O'Brien");
  const before = await loadReport(p.admin, periodOf("Month", new Date()));
  const heard = await takeStep({ graph: p.app, siteId: "root" }, id, { event: { type: "AppealDecided", outcome: "Upheld", reasons: "The restrictions are proportionate." }, actor: rory, idempotencyKey: "appeal-upheld" });
  expect(heard.ok).toBe(true);
  const after = await loadReport(p.admin, periodOf("Month", new Date()));
  expect(after.appealsDecided).toBe(before.appealsDecided + 1);
  expect(after.appealOutcomes.find((c) => c.key === "Upheld")?.count).toBe((before.appealOutcomes.find((c) => c.key === "Upheld")?.count ?? 0) + 1);
});

it("exports everything about one customer from every list, with versions, and health notes only for a decider", async () => {
  const found = await findByCaseRef(p.admin, "upc-0001");
  expect(found).toMatchObject({ caseRef: "UPC-0001", name: "Seán O'Brien" });
  const noted = await takeStep({ graph: p.app, siteId: "root" }, found!.id, { event: { type: "DetailsChanged", changes: { adjustments: "Letters in large print." }, reason: "Asked for large print at the appeal hearing." }, actor: dee, idempotencyKey: "access-large-print" });
  expect(noted.ok).toBe(true);
  p.emu.resetStats();
  const byDecider = await exportSubjectAccess(p.siteAs(dee.upn), found!.id, { exportedBy: dee.upn, includeSensitive: true });
  expect(Object.keys(byDecider.lists).sort()).toEqual(["UpcCaseEvents", "UpcCases", "UpcContacts", "UpcCustomers", "UpcIdentities", "UpcLetters", "UpcOutbox", "UpcRestrictions", "UpcReviews", "UpcSensitive"]);
  // The whole log and every notice, as the lists hold them; the log read as rows only (never changed, so no versions).
  const steps = await queryAll(p.admin, "caseEvents", { filter: eq("CustomerLookupId", Number(found!.id)) });
  expect(steps.length).toBeGreaterThan(1);
  expect(byDecider.counts.UpcCaseEvents).toBe(steps.length);
  expect((byDecider.lists.UpcCaseEvents as { fields: Record<string, unknown>; versions: unknown[] }[]).map((s) => s.fields.Seq)).toEqual(steps.map((_, i) => i + 1));
  expect((byDecider.lists.UpcCaseEvents as { versions: unknown[] }[]).every((s) => s.versions.length === 0)).toBe(true);
  expect(byDecider.counts.UpcOutbox).toBe((await queryAll(p.admin, "outbox", { filter: eq("CustomerLookupId", Number(found!.id)) })).length);
  const summary = String(bundleEntries(byDecider).find((f) => f.name === "summary.html")!.content);
  expect(summary).toContain(`The case&#39;s log: every step taken: ${steps.length} records`);
  expect(summary).toMatch(/<dt>Who took the step<\/dt><dd><mark>dee\.decider@upc\.test<\/mark><\/dd><dt>What happened<\/dt><dd>Details changed: Asked for large print at the appeal hearing\.<\/dd><dt>What changed<\/dt><dd>Reasonable adjustments: from “[^”]+” to “Letters in large print\.”<\/dd>/);
  expect(summary).not.toContain("A step that could not be read");
  const contacts = await queryAll(p.admin, "contacts", { filter: eq("CustomerLookupId", Number(found!.id)) });
  expect(byDecider.counts.UpcContacts).toBe(contacts.length);
  expect(byDecider.counts.UpcSensitive).toBe(1);
  const appeal = (byDecider.lists.UpcReviews as { fields: Record<string, unknown>; versions: { fields?: Record<string, unknown> }[] }[]).find((r) => r.fields.Kind === "Appeal")!;
  expect(appeal.versions.length).toBeGreaterThan(1);
  expect(appeal.versions.map((v) => v.fields?.State)).toEqual(expect.arrayContaining(["Open", "Decided"]));
  const byManager = await exportSubjectAccess(p.siteAs("mo.manager@upc.test"), found!.id, { exportedBy: "mo.manager@upc.test", includeSensitive: false });
  expect(byManager.lists.UpcSensitive).toEqual({ withheld: expect.stringMatching(/deciders only/) });
  expect(byManager.counts.UpcContacts).toBe(contacts.length);
});

it("still exports a customer whose log holds a row typed by hand: the row is listed as unreadable, the steps around it in words", async () => {
  const id = await idOf("Seán O'Brien");
  const before = await queryAll(p.admin, "caseEvents", { filter: eq("CustomerLookupId", Number(id)) });
  // Typed into SharePoint by hand: a step number past the end, and an Event that is not a step.
  await createItem(p.admin, "caseEvents", { Title: `${id}:${before.length + 1}`, CustomerLookupId: Number(id), Seq: before.length + 1, Type: "Warn", Event: "rang again, shouted", Actor: "kim.officer@upc.test", ActorOffices: "Staff", At: new Date().toISOString(), IdempotencyKey: "typed-by-hand-1" });
  const exported = await exportSubjectAccess(p.siteAs(dee.upn), id, { exportedBy: dee.upn, includeSensitive: true });
  expect(exported.counts.UpcCaseEvents).toBe(before.length + 1);
  const summary = String(bundleEntries(exported).find((f) => f.name === "summary.html")!.content);
  expect(summary).toContain("A step that could not be read. What it holds, exactly as stored: “rang again, shouted”");
  expect(summary).toContain("Brought onto the register from the demo register");
});
