// Rows people, imports and flows type into SharePoint by hand are skipped and reported, never fatal (DESIGN.md "Data
// written by others"). Issue: a customer whose CaseRef is "oops" or a restriction whose Params lack their `kind` made
// every flagging round fail; a referral without a customer blanked the queue with "could not be reached"; a contact
// with an unknown Source did the same to the case page; a customer made by a flow showed as "Observed" with no name.
// Real HTTP to the emulator throughout.
import { lookupSender } from "../../graph/lookup/sender";
import { loadCustomerCard } from "../../graph/lookup/card";
import { loadCasePage } from "../../graph/reports/case-page";
import { loadProblems } from "../../graph/reports/problems";
import { loadQueue } from "../../graph/reports/queue";
import { DataError } from "../../graph/client/errors";
import { createItem, getItem, queryAll, updateFields, type Site } from "../../graph/repos/items";
import { startProduct, type Product } from "../support/product";
import { categoriesOf, contactOf, settle, startFlagging, type Started } from "./service-support";

let p: Product;
let s: Started;
let mo: Site;
const SAM = "sam.officer@upc.test";
const OBRIEN = { name: "Seán O'Brien", address: "o'brien@example.org" };
const WENDY = { name: "Wendy Marsh", address: "wendy.marsh@example.org" };

beforeAll(async () => {
  p = await startProduct({ seed: true });
  s = await startFlagging(p, { auditMs: 0, driftMs: 0 });
  await settle(p, [s]);
  mo = p.siteAs("mo.manager@upc.test");
});
afterAll(async () => {
  await s?.close();
  await p?.close();
});

const byAddress = async (address: string) => (await lookupSender(p.admin, { from: address })).matches[0].customerId;
const added: Record<string, string> = {};

describe("rows typed by hand", () => {
  it("are found by the audit and listed once each in Register problems, with the list, item, column and the problem in words", async () => {
    const obrien = await byAddress(OBRIEN.address);
    added.caseRef = String((await createItem(p.admin, "customers", { Title: "Hand Typed", CaseRef: "oops", Kind: "Individual", Status: "Observed", PolicyId: "council-ccm-2014" })).id);
    added.params = String((await createItem(p.admin, "restrictions", { Title: "typed", CustomerLookupId: Number(obrien), Kind: "ContactQuota", Params: JSON.stringify({ max: 3 }), State: "Active", StartsAt: new Date().toISOString() })).id);
    added.referral = String((await createItem(p.admin, "cases", { Title: "no customer", Stage: "Referred", ReferredAt: new Date().toISOString(), ReferredBy: "sam.officer@upc.test" })).id);
    added.source = String((await createItem(p.admin, "contacts", { Title: "pigeon", CustomerLookupId: Number(obrien), ContactAt: new Date().toISOString(), Channel: "Letter", Direction: "In", Source: "Carrier pigeon" })).id);
    await s.runtime.cases.audit.sweep();
    await s.runtime.cases.audit.sweep(); // a second look lists nothing twice
    const problems = await loadProblems(p.admin);
    const of = (list: string, id: string) => problems.filter((x) => x.list === list && x.itemId === id);
    expect(of("UpcCustomers", added.caseRef)).toEqual([expect.objectContaining({ column: "CaseRef", problem: "A case reference looks like UPC-0007." })]);
    expect(of("UpcRestrictions", added.params)).toEqual([expect.objectContaining({ column: "Params", problem: expect.stringMatching(/kind of restriction/) })]);
    expect(of("UpcCases", added.referral)).toEqual([expect.objectContaining({ column: "Customer" })]);
    expect(of("UpcContacts", added.source)).toEqual([expect.objectContaining({ column: "Source", problem: expect.stringMatching(/^"Carrier pigeon" is not one of: /) })]);
    expect(of("UpcCustomers", added.caseRef)[0].link).toMatch(new RegExp(`/Lists/UpcCustomers/DispForm\\.aspx\\?ID=${added.caseRef}$`));
    const health = (await (await fetch(`${s.url}/health`)).json()) as { register: { rowProblems: number } };
    expect(health.register.rowProblems).toBeGreaterThanOrEqual(4);
  });

  it("do not stop the flagging service: every round goes on, and both customers' mail is flagged and logged once", async () => {
    const errors = s.service.stats.errors;
    const ids = [`<hand-1-${Date.now()}@mail.example>`, `<hand-2-${Date.now()}@mail.example>`];
    await p.emu.mail.deliver({ to: [SAM], from: OBRIEN, subject: "after the hand edit", internetMessageId: ids[0] });
    await p.emu.mail.deliver({ to: [SAM], from: WENDY, subject: "after the hand edit too", internetMessageId: ids[1] });
    await settle(p, [s]);
    expect(s.logs.filter((l) => l.includes("round.failed"))).toEqual([]);
    expect(s.service.stats.errors).toBe(errors);
    expect(categoriesOf(p, SAM, "after the hand edit")).toEqual([["UPC Restricted"]]);
    for (const id of ids) expect(await contactOf(p, id)).not.toBeNull();
  });

  it("leave the referral queue and the case page working, naming no false network fault", async () => {
    const queue = await loadQueue(mo);
    expect(queue.length).toBeGreaterThan(0);
    expect(queue.some((e) => e.caseId === added.referral)).toBe(false);
    const page = await loadCasePage(mo, await byAddress(OBRIEN.address), { withSensitive: false });
    expect(page.contacts.length).toBeGreaterThan(0);
    expect(page.contacts.some((c) => c.id === added.source)).toBe(false);
    // And the words for a row that does not read are not the words for an unreachable register.
    expect(new DataError("DataProblem").userMessage).not.toBe(new DataError("Unreachable").userMessage);
    expect(new DataError("DataProblem").userMessage).toMatch(/Register problems/);
  });

  it("are taken off the list once mended or deleted", async () => {
    await p.admin.graph.delete(`/sites/root/lists/UpcCustomers/items/${added.caseRef}`);
    await s.runtime.cases.audit.sweep();
    expect((await loadProblems(p.admin)).some((x) => x.itemId === added.caseRef && x.list === "UpcCustomers")).toBe(false);
  });
});

describe("a customer row the log decides", () => {
  it("is put back from the log when its case reference or name is typed over by hand, and so is not listed", async () => {
    const id = await byAddress(WENDY.address);
    const before = (await getItem(p.admin, "customers", id)).fields as Record<string, unknown>;
    await updateFields(p.admin, "customers", id, { CaseRef: "oops", Title: "Someone Else" });
    const until = Date.now() + 20_000;
    let now = (await getItem(p.admin, "customers", id)).fields as Record<string, unknown>;
    while (now.CaseRef !== before.CaseRef && Date.now() < until) {
      await new Promise((r) => setTimeout(r, 200));
      now = (await getItem(p.admin, "customers", id)).fields as Record<string, unknown>;
    }
    expect({ CaseRef: now.CaseRef, Title: now.Title }).toEqual({ CaseRef: before.CaseRef, Title: before.Title });
    await s.runtime.cases.audit.sweep();
    expect((await loadProblems(p.admin)).some((x) => x.list === "UpcCustomers" && x.itemId === id)).toBe(false);
  });
});

describe("a customer written by something other than the product", () => {
  it("reads with the customer row's own status, name and case reference, though its address carries no copy", async () => {
    const c = await createItem(p.admin, "customers", { Title: "Flow Made", CaseRef: "UPC-0990", Kind: "Individual", Status: "Restricted", PolicyId: "council-ccm-2014" });
    await createItem(p.admin, "identities", { Title: "flow.made@example.org", Kind: "Email", CustomerLookupId: Number(c.id) });
    const card = await loadCustomerCard(p.siteAs(SAM), await byAddress("flow.made@example.org"));
    expect(card.customer).toMatchObject({ name: "Flow Made", caseRef: "UPC-0990", status: "Restricted" });
    const rows = await queryAll(p.admin, "identities", { filter: "fields/Title eq 'flow.made@example.org'" });
    expect(rows).toHaveLength(1);
  });
});
