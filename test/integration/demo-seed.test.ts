// The demo data covers what the README promises: every status under every preset, awkward addresses, mail in the boxes.
import { PRESET_IDS } from "../../shared/presets/registry";
import { CUSTOMER_STATUSES, RESTRICTION_KINDS } from "../../shared/domain/vocab";
import { queryAll } from "../../graph/repos/items";
import { customerFromItem } from "../../graph/repos/customers";
import { lookupSender } from "../../graph/lookup/sender";
import { referralQueue } from "../../graph/repos/cases";
import { reviewsDue } from "../../graph/repos/reviews";
import { startProduct, type Product } from "../support/product";

let p: Product;
beforeAll(async () => {
  p = await startProduct({ seed: true });
}, 60_000);
afterAll(() => p.close());

it("has a customer in every status under every preset", async () => {
  const all = (await queryAll(p.admin, "customers", { top: 500 })).map(customerFromItem);
  for (const preset of PRESET_IDS) {
    const statuses = new Set(all.filter((c) => c.policyId === preset).map((c) => c.status));
    expect([...statuses].sort(), preset).toEqual([...CUSTOMER_STATUSES].sort());
  }
});

it("has restrictions of every kind, open referrals, reviews due and overdue, and an appeal", async () => {
  const kinds = new Set((await queryAll<{ Kind: string }>(p.admin, "restrictions", { top: 500 })).map((r) => r.fields.Kind));
  expect([...kinds].sort()).toEqual([...RESTRICTION_KINDS].sort());
  expect((await referralQueue(p.admin)).length).toBe(p.seeded!.referrals);
  const due = await reviewsDue(p.admin, new Date(Date.now() + 14 * 86_400_000));
  expect(due.some((r) => new Date(r.dueBy) < new Date())).toBe(true);
  expect(due.some((r) => new Date(r.dueBy) > new Date())).toBe(true);
  expect(due.some((r) => r.kind === "Appeal")).toBe(true);
});

it("finds the apostrophe address, the whole domain and the phone number", async () => {
  const staff = p.siteAs("sam.officer@upc.test");
  expect((await lookupSender(staff, { from: "o'brien@example.org" })).matches[0]).toMatchObject({ customerName: "Seán O'Brien", customerStatus: "Restricted" });
  expect((await lookupSender(staff, { from: "someone@vexford.example" })).matches[0]).toMatchObject({ kind: "Domain", customerStatus: "Restricted" });
  const phones = await queryAll<{ Title: string }>(p.admin, "identities", { filter: "fields/Title eq '+447700900123'" });
  expect(phones).toHaveLength(1);
});

it("puts mail from flagged and unflagged senders in the demo mailboxes", async () => {
  const inbox = await p.app.get<{ value: { from: { emailAddress: { address: string } } }[] }>("/users/sam.officer@upc.test/mailFolders/inbox/messages?$top=50");
  const senders = inbox.value.map((m) => m.from.emailAddress.address);
  expect(senders).toContain("o'brien@example.org");
  expect(senders.some((s) => s.endsWith("example.com") || s.endsWith("parish.example"))).toBe(true);
});

// The demo office map is for `npm start` only: the seed the tests use names no one to any office, so roles stand in.
// npm start's map names each office to a demo person who exists, and reads back exactly as written.
it("leaves the offices unmapped, and npm start's map is stored once and names people and groups the directory holds", async () => {
  const { readSetting } = await import("../../graph/repos/settings");
  const { DEMO_OFFICE_MAP, seedDemoOffices } = await import("../../scripts/demo/offices");
  const { parseOfficeMap } = await import("../../shared/offices/mapping");
  const { KNOWN_OFFICES } = await import("../../service/cases/offices");
  const { DIRECTORY_GROUPS, DIRECTORY_USERS } = await import("../../emulator");
  expect((await readSetting(p.admin, "offices")).id).toBeNull();
  expect(parseOfficeMap(DEMO_OFFICE_MAP, KNOWN_OFFICES).problems).toEqual([]);
  for (const h of Object.values(DEMO_OFFICE_MAP)) {
    for (const upn of h.people) expect(DIRECTORY_USERS.some((u) => u.userPrincipalName === upn), upn).toBe(true);
    for (const g of h.groups) expect(DIRECTORY_GROUPS.some((d) => d.displayName === g), g).toBe(true);
  }
  expect(Object.keys(DEMO_OFFICE_MAP).sort()).toEqual([...KNOWN_OFFICES].sort());
  expect(await seedDemoOffices(p.app)).toBe(true);
  expect((await readSetting(p.admin, "offices")).value).toEqual(DEMO_OFFICE_MAP);
  // A second start keeps what an administrator may have changed since.
  expect(await seedDemoOffices(p.app)).toBe(false);
});
