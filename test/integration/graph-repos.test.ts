// The data layer against the emulator over real HTTP: lookups, exactly-once logging, conflicts, permissions, bad input.
import { DataError } from "../../graph/client/errors";
import { createCustomer, setStatus, getCustomer } from "../../graph/repos/customers";
import { addIdentity } from "../../graph/repos/identities";
import { logContact, contactsSince, recentContacts } from "../../graph/repos/contacts";
import { createCase, referralQueue, updateCase } from "../../graph/repos/cases";
import { createRestriction, activeRestrictions } from "../../graph/repos/restrictions";
import { createReview, reviewsDue } from "../../graph/repos/reviews";
import { lookupSender, cachedSenderLookup } from "../../graph/lookup/sender";
import type { Contact } from "../../shared/domain/records";
import { openCustomer } from "../../graph/caselog";
import { mergeRecipients } from "../../service/flagging/processor";
import { startProduct, type Product } from "../support/product";

let p: Product;
beforeAll(async () => {
  p = await startProduct();
});
afterAll(() => p.close());

const base = { kind: "Individual" as const, policyId: "cumbria-fire-2023", serviceAreas: "Prevention", allowedChannels: [], staffGuidance: "", adjustments: "" };
const contact = (customerId: string, extra: Partial<Contact> = {}): Contact => ({
  title: "Re: fire safety check",
  customerId,
  contactAt: new Date().toISOString(),
  channel: "Email",
  direction: "In",
  staffUpn: "sam.officer@upc.test",
  serviceArea: "Prevention",
  matterRef: "",
  behaviours: [],
  recipients: ["sam.officer@upc.test"],
  source: "TaskPane",
  breach: "",
  screening: "NotScreened",
  note: "",
  ...extra,
});

describe("customers and identities", () => {
  it("gives each new customer the next case reference, even when two are started at once", async () => {
    // Two officers start a contact log at the same moment; the case service (the app) allocates both.
    const site = { graph: p.app, siteId: "root" };
    const opened = (name: string, upn: string) =>
      openCustomer(site, { event: { type: "Opened", customer: { ...base, name, spocUpn: null, spocName: null, spocDeputyUpn: null }, identities: [] }, actor: { upn, roles: ["Staff"] }, idempotencyKey: `open-${name}` });
    const [a, b] = await Promise.all([opened("First Person", "sam.officer@upc.test"), opened("Second Person", "kim.officer@upc.test")]);
    if (!a.ok || !b.ok) throw new Error("refused");
    expect(a.record.customer.caseRef).toMatch(/^UPC-\d{4}$/);
    expect(b.record.customer.caseRef).toMatch(/^UPC-\d{4}$/);
    expect(a.record.customer.caseRef).not.toBe(b.record.customer.caseRef);
  });

  it("lets no officer write a customer or an address themselves: the case service does", async () => {
    await expect(createCustomer(p.siteAs("sam.officer@upc.test"), { ...base, name: "Hand Made", status: "Restricted" })).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(createCustomer(p.siteAs("dee.decider@upc.test"), { ...base, name: "Hand Made", status: "Restricted" })).rejects.toMatchObject({ kind: "Forbidden" });
  });

  it("refuses a malformed address in words and stores nothing", async () => {
    const c = await createCustomer(p.admin, { ...base, name: "Bad Address", status: "Observed" });
    await expect(addIdentity(p.admin, c, "Email", "not an address")).rejects.toMatchObject({ kind: "Invalid", userMessage: expect.stringMatching(/is not an e-mail address/) });
  });

  it("refuses an address already recorded against someone", async () => {
    const c = await createCustomer(p.admin, { ...base, name: "Dup One", status: "Observed" });
    await addIdentity(p.admin, c, "Email", "dup@example.org");
    await expect(addIdentity(p.admin, c, "Email", " DUP@example.org ")).rejects.toMatchObject({ kind: "Duplicate" });
  });
});

describe("sender lookup", () => {
  let obrien: Awaited<ReturnType<typeof createCustomer>>;
  beforeAll(async () => {
    obrien = await createCustomer(p.admin, { ...base, name: "Seán O'Brien", status: "Observed" });
    await addIdentity(p.admin, obrien, "Email", "o'brien@example.org");
    obrien = await setStatus(p.admin, obrien, "Restricted");
    const org = await createCustomer(p.admin, { ...base, kind: "Organisation", name: "Vexco Ltd", status: "Monitoring" });
    await addIdentity(p.admin, org, "Domain", "vexco.example");
  });

  it("finds a customer by an address with an apostrophe, with the status carried on the identity", async () => {
    const staff = p.siteAs("sam.officer@upc.test");
    const r = await lookupSender(staff, { from: "O'Brien@Example.org" });
    expect(r.matches).toHaveLength(1);
    expect(r.matches[0]).toMatchObject({ customerId: obrien.id, customerStatus: "Restricted", customerName: "Seán O'Brien" });
  });

  it("flags anyone at a whole-domain organisation", async () => {
    const r = await lookupSender(p.siteAs("sam.officer@upc.test"), { from: "anyone@vexco.example" });
    expect(r.matches[0]).toMatchObject({ kind: "Domain", customerName: "Vexco Ltd", customerStatus: "Monitoring" });
  });

  it("checks the sender as well as from (mail sent on someone's behalf)", async () => {
    const r = await lookupSender(p.siteAs("sam.officer@upc.test"), { from: "assistant@elsewhere.example", sender: "o'brien@example.org" });
    expect(r.matches.map((m) => m.customerId)).toEqual([obrien.id]);
  });

  it("spots a possible match by name when the address is new, in the same single request", async () => {
    p.emu.resetStats();
    const r = await lookupSender(p.siteAs("sam.officer@upc.test"), { from: "new.address@example.net", displayName: "Seán O'Brien" });
    expect(r.matches).toEqual([]);
    expect(r.possible.map((c) => c.id)).toEqual([obrien.id]);
    expect(p.emu.stats().requests).toBe(1);
  });

  it("an address crafted to inject into the filter matches nothing and breaks nothing", async () => {
    const r = await lookupSender(p.siteAs("sam.officer@upc.test"), { from: "x'or'1'eq'1@example.org", displayName: "x' or fields/Title ne '" });
    expect(r.matches).toEqual([]);
    expect(r.possible).toEqual([]);
  });

  it("answers from memory when the same sender was seen in the last minutes", async () => {
    const lookup = cachedSenderLookup(p.siteAs("sam.officer@upc.test"));
    await lookup.lookup({ from: "o'brien@example.org" });
    p.emu.resetStats();
    await lookup.lookup({ from: "o'brien@example.org" });
    expect(p.emu.stats().requests).toBe(0);
  });
});

describe("contact log", () => {
  it("stores an e-mail once however many officers log it at once; the flagging service adds every recipient", async () => {
    const c = await createCustomer(p.admin, { ...base, name: "Scatter Gun", status: "Monitoring" });
    const messageId = "<scatter-1@mail.example>";
    const officers = ["sam.officer@upc.test", "kim.officer@upc.test", "mo.manager@upc.test", "dee.decider@upc.test", "complaints@upc.test"];
    const results = await Promise.all(officers.map((o) => logContact(p.siteAs(o === "complaints@upc.test" ? "admin@upc.test" : o), contact(c.id!, { messageId, recipients: [o], staffUpn: o }))));
    expect(results.filter((r) => r.created)).toHaveLength(1);
    // Officers may add to the log but never change it: the others were told it is already there.
    expect(new Set(results.map((r) => r.contact.id)).size).toBe(1);
    const stored = await contactsSince(p.admin, c.id!, new Date(Date.now() - 60_000));
    expect(stored).toHaveLength(1);
    expect(stored[0].messageId).toBe(messageId);
    expect(await mergeRecipients({ graph: p.app, siteId: "root" }, messageId, officers)).toBe(true);
    expect((await contactsSince(p.admin, c.id!, new Date(Date.now() - 60_000)))[0].recipients.sort()).toEqual([...officers].sort());
  });

  it("keeps HTML in a subject as text", async () => {
    const c = await createCustomer(p.admin, { ...base, name: "Html Subject", status: "Observed" });
    await logContact(p.admin, contact(c.id!, { title: "<script>alert(1)</script> & more", messageId: "<html-1@mail.example>" }));
    expect((await recentContacts(p.admin, c.id!))[0].title).toBe("<script>alert(1)</script> & more");
  });
});

describe("cases, restrictions, reviews", () => {
  it("a stale update is refused as a conflict the UI can explain", async () => {
    const c = await createCustomer(p.admin, { ...base, name: "Two Editors", status: "Referred" });
    const kase = await createCase(p.admin, { title: "x", customerId: c.id!, stage: "Referred", referredBy: "sam.officer@upc.test", referredAt: new Date().toISOString(), serviceArea: "", behaviours: [], summary: "s", localResolution: [], preChecks: {}, vulnerabilityConsidered: false, evidenceContactIds: [] });
    await updateCase(p.admin, kase.id, { summary: "first edit" }, kase.etag);
    const err = await updateCase(p.admin, kase.id, { summary: "second edit" }, kase.etag).catch((e) => e);
    expect(err).toBeInstanceOf(DataError);
    expect(err.kind).toBe("Conflict");
    expect(err.userMessage).toMatch(/Someone else changed this record/);
  });

  it("lists open referrals oldest first and due reviews soonest first", async () => {
    const c = await createCustomer(p.admin, { ...base, name: "Queue Person", status: "Referred" });
    const old = new Date(Date.now() - 9 * 86_400_000).toISOString();
    await createCase(p.admin, { title: "old", customerId: c.id!, stage: "Referred", referredBy: "sam.officer@upc.test", referredAt: old, serviceArea: "", behaviours: [], summary: "s", localResolution: [], preChecks: {}, vulnerabilityConsidered: false, evidenceContactIds: [] });
    const q = await referralQueue(p.siteAs("mo.manager@upc.test"));
    expect(q[0].referredAt <= q[q.length - 1].referredAt).toBe(true);
    await createReview(p.admin, { title: "overdue", customerId: c.id!, kind: "ScheduledReview", openedAt: old, dueBy: old, outcome: null });
    const due = await reviewsDue(p.admin, new Date(Date.now() + 14 * 86_400_000));
    expect(due.some((r) => r.title === "overdue")).toBe(true);
  });

  it("SharePoint refuses staff and deciders writing a restriction, and reads the service's back for them", async () => {
    const c = await createCustomer(p.admin, { ...base, name: "Perm Test", status: "Restricted" });
    const r = { title: "Letters only", customerId: c.id!, kind: "SingleChannel" as const, params: { kind: "SingleChannel" as const, channel: "Letter" as const }, startsAt: new Date().toISOString(), state: "Active" as const };
    await expect(createRestriction(p.siteAs("sam.officer@upc.test"), r)).rejects.toMatchObject({ kind: "Forbidden" });
    await expect(createRestriction(p.siteAs("dee.decider@upc.test"), r)).rejects.toMatchObject({ kind: "Forbidden" });
    await createRestriction({ graph: p.app, siteId: "root" }, r);
    expect((await activeRestrictions(p.siteAs("sam.officer@upc.test"), c.id!)).map((x) => x.title)).toEqual(["Letters only"]);
    expect((await getCustomer(p.siteAs("sam.officer@upc.test"), c.id!)).name).toBe("Perm Test");
  });

  it("health notes are closed to staff", async () => {
    await expect(p.siteAs("sam.officer@upc.test").graph.get("/sites/root/lists/UpcSensitive/items")).rejects.toMatchObject({ kind: "Forbidden" });
  });
});
