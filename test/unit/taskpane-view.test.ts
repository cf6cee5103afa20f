// The pane's data rules without a browser: the flag from a lookup, its cache, the card's view and the logged e-mail.
import { describe, expect, it } from "vitest";
import { flagFor, flagFrom, senderLookups, senderQuery, type StorageLike } from "../../addin/pane-data/flag";
import { emailContact } from "../../addin/pane-data/actions";
import { cardView, infoBarText, isSpocFor } from "../../addin/pane-data/view";
import type { ReadItem } from "../../addin/office/types";
import type { BatchRequest, BatchResponse, Graph } from "../../graph/client/factory";
import type { CustomerCard } from "../../graph/lookup/card";
import type { SenderResult } from "../../graph/lookup/sender";
import type { IdentityRow } from "../../graph/repos/identities";
import type { Site } from "../../graph/repos/items";
import type { Contact, Customer, Restriction } from "../../shared/domain/records";

const NOW = new Date("2026-03-04T12:00:00Z"); // a Wednesday

function item(over: Partial<ReadItem> = {}): ReadItem {
  return {
    restId: "AAMk1",
    internetMessageId: "<m1@mail.example>",
    subject: "Bins",
    from: { name: "Seán O'Brien", address: "O'Brien@Example.org" },
    sender: null,
    to: [{ name: "Sam", address: "Sam.Officer@upc.test" }],
    cc: [{ name: "", address: "complaints@upc.test" }, { name: "", address: "sam.officer@upc.test" }],
    received: new Date("2026-03-04T09:00:00Z"),
    ...over,
  };
}

function identity(over: Partial<IdentityRow>): IdentityRow {
  return { id: "i", value: "o'brien@example.org", kind: "Email", customerId: "1", customerStatus: "Restricted", customerName: "Seán O'Brien", caseRef: "UPC-0001", ...over };
}

function customer(over: Partial<Customer> = {}): Customer {
  return { id: "1", name: "Seán O'Brien", caseRef: "UPC-0001", kind: "Individual", status: "Restricted", policyId: "cumbria-fire-2023", serviceAreas: "Prevention", spocUpn: "kim.officer@upc.test", spocName: "Kim Officer", spocDeputyUpn: null, allowedChannels: [], staffGuidance: "", adjustments: "", ...over };
}

function contact(at: string, over: Partial<Contact> = {}): Contact & { id: string } {
  return { id: at, title: "t", customerId: "1", contactAt: at, channel: "Email", direction: "In", staffUpn: "sam.officer@upc.test", serviceArea: "", matterRef: "", behaviours: [], minutes: null, messageId: null, recipients: [], source: "Flagger", breach: "", screening: "NotScreened", note: "", ...over };
}

function restriction(params: Restriction["params"]): Restriction & { id: string } {
  return { id: `r-${params.kind}`, title: "", customerId: "1", kind: params.kind, params, startsAt: "2026-01-01T00:00:00Z", endsAt: null, reviewDue: null, state: "Active" };
}

describe("the flag", () => {
  it("asks about From and a different Sender, with the display name for a possible match", () => {
    expect(senderQuery(item())).toEqual({ from: "O'Brien@Example.org", sender: undefined, displayName: "Seán O'Brien" });
    expect(senderQuery(item({ sender: { name: "PA", address: "pa@example.org" } }))).toEqual({ from: "O'Brien@Example.org", sender: "pa@example.org", displayName: "Seán O'Brien" });
    expect(senderQuery(item({ from: null, sender: null }))).toBeNull();
  });

  it("puts one row per customer first by exact address, and tells possible matches and unknown senders apart", () => {
    const result: SenderResult = {
      looked: [],
      matches: [identity({}), identity({ id: "i2", value: "@example.org", kind: "Domain", customerId: "1" }), identity({ id: "i3", customerId: "9", customerName: "Other Ltd", value: "@example.org", kind: "Domain" })],
      possible: [],
    };
    const flag = flagFrom(item(), result);
    expect(flag.kind).toBe("flagged");
    if (flag.kind !== "flagged") return;
    expect(flag.primary.id).toBe("i");
    expect(flag.byDomain).toBe(false);
    expect(flag.others.map((o) => o.customerName)).toEqual(["Other Ltd"]);
    expect(flagFrom(item(), { looked: [], matches: [], possible: [customer()] }).kind).toBe("possible");
    expect(flagFrom(item(), { looked: [], matches: [], possible: [] })).toEqual({ kind: "unknown", address: "O'Brien@Example.org", name: "Seán O'Brien" });
  });

  it("says an address the register cannot hold cannot be checked, without a request", async () => {
    const site = { graph: { batch: async () => [], get: async () => ({ value: [] }) } as unknown as Graph, siteId: "root" };
    const flag = await flagFor(senderLookups(site), item({ from: { name: "Exchange", address: "/O=EXCHANGELABS/OU=EXCHANGE" } }));
    expect(flag.kind).toBe("uncheckable");
  });
});

/** A Graph that answers sender lookups from a list of identity rows and counts its requests. */
function countingSite(rows: Record<string, unknown>[] = []): { site: Site; requests: () => number } {
  let n = 0;
  const graph = {
    async batch(reqs: BatchRequest[]): Promise<BatchResponse[]> {
      n++;
      return reqs.map((r) => ({ id: r.id, status: 200, body: { value: r.id === "identities" ? rows : [] } }));
    },
    async get() {
      n++;
      return { value: rows };
    },
  } as unknown as Graph;
  return { site: { graph, siteId: "root" }, requests: () => n };
}

class MemoryStorage implements StorageLike {
  private m = new Map<string, string>();
  get length() {
    return this.m.size;
  }
  key(i: number) {
    return [...this.m.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.m.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.m.set(k, v);
  }
  removeItem(k: string) {
    this.m.delete(k);
  }
}

describe("sender lookups", () => {
  const row = { id: "7", fields: { Title: "o'brien@example.org", Kind: "Email", CustomerLookupId: "1", CustomerStatus: "Restricted", CustomerName: "Seán O'Brien", CaseRef: "UPC-0001" } };

  it("cost one request cold and none warm, and survive a pane reload through session storage", async () => {
    let clock = 0;
    const storage = new MemoryStorage();
    const a = countingSite([row]);
    const first = senderLookups(a.site, { storage, now: () => clock });
    await flagFor(first, item());
    expect(a.requests()).toBe(1);
    await flagFor(first, item());
    expect(a.requests()).toBe(1);

    // A pane Outlook loads afresh for the next mail: same session storage, new memory.
    const b = countingSite([row]);
    const reloaded = senderLookups(b.site, { storage, now: () => clock });
    expect((await flagFor(reloaded, item())).kind).toBe("flagged");
    expect(b.requests()).toBe(0);

    clock += 5 * 60_000 + 1;
    await flagFor(reloaded, item());
    expect(b.requests()).toBe(1);
  });

  it("forget() sends the next lookup to the register", async () => {
    const storage = new MemoryStorage();
    const a = countingSite([]);
    const lookups = senderLookups(a.site, { storage });
    await flagFor(lookups, item());
    lookups.forget();
    expect(storage.length).toBe(0);
    await flagFor(lookups, item());
    expect(a.requests()).toBe(2);
  });
});

describe("the card", () => {
  const card = (over: Partial<CustomerCard> = {}): CustomerCard => ({
    customer: customer(),
    restrictions: [restriction({ kind: "NamedOfficer", target: { kind: "Person", upn: "kim.officer@upc.test", name: "Kim Officer" } })],
    periodContacts: [contact("2026-03-02T10:00:00Z"), contact("2026-03-03T10:00:00Z", { direction: "Out" }), contact("2026-02-20T10:00:00Z"), contact("2026-03-04T08:00:00Z", { messageId: "<m1@mail.example>" })],
    recentContacts: [contact("2026-03-04T08:00:00Z", { messageId: "<m1@mail.example>" })],
    problems: [],
    ...over,
  });

  it("knows the SPOC, says what each restriction means for this mail, and counts this week's and month's contacts", () => {
    const v = cardView(card(), item(), "sam.officer@upc.test", NOW);
    expect(v.isSpoc).toBe(false);
    expect(v.spoc).toEqual({ name: "Kim Officer", address: "kim.officer@upc.test", inbox: false });
    expect(v.advice[0]).toBe("Contact only through Kim Officer: do not reply; forward this to Kim Officer");
    expect(v.advice.at(-1)).toMatch(/emergency/);
    expect(v.contactsThisWeek).toBe(2);
    expect(v.contactsThisMonth).toBe(2);
    expect(v.alreadyLogged).toBe(true);
    expect(v.emailCheck.breaches.map((b) => b.kind)).toEqual(["NamedOfficer"]);
    expect(cardView(card(), item(), "Kim.Officer@upc.test", NOW).isSpoc).toBe(true);
  });

  it("shows quota usage and a generic inbox SPOC", () => {
    const c = card({
      customer: customer({ spocUpn: "customer.relations@upc.test", spocName: "Customer Relations team" }),
      restrictions: [restriction({ kind: "ContactQuota", max: 2, per: "Week", channel: "Email" })],
    });
    const v = cardView(c, item(), "sam.officer@upc.test", NOW);
    expect(v.quotas.map((q) => q.label)).toEqual(["2 of 2 this week"]);
    expect(v.spoc?.inbox).toBe(true);
    expect(isSpocFor("customer.relations@upc.test", c.customer, c.restrictions)).toBe(true);
  });

  it("keeps the info bar within 150 characters and leads with what to do", () => {
    const flag = flagFrom(item(), { looked: [], matches: [identity({ customerName: "N".repeat(140) })], possible: [] });
    const text = infoBarText(flag, cardView(card(), item(), "sam.officer@upc.test", NOW))!;
    expect(text.startsWith("UPC restricted:")).toBe(true);
    expect(infoBarText({ kind: "unknown", address: "a@b.c", name: "" })).toBeNull();
  });

  it("logs the open e-mail with its id, every recipient once, and the breach", () => {
    const c = card();
    const v = cardView(c, item(), "sam.officer@upc.test", NOW);
    const logged = emailContact(c, item(), "sam.officer@upc.test", v.emailCheck, "NotScreened");
    expect(logged).toMatchObject({ messageId: "<m1@mail.example>", channel: "Email", direction: "In", source: "TaskPane", staffUpn: "sam.officer@upc.test", serviceArea: "Prevention" });
    expect(logged.recipients).toEqual(["sam.officer@upc.test", "complaints@upc.test"]);
    expect(logged.breach).toMatch(/Only Kim Officer/);
  });
});
