// Large lists over real HTTP: the list view threshold, and indexed queries that stay fast at 200,000 items.
import { beforeAll, describe, expect, it } from "vitest";
import { createList, useEmulator, type Json } from "../support/emulator";

const t = useEmulator();
const PREFER = { Prefer: "HonorNonIndexedQueriesWarningMayFailRandomly" };
const q = (s: string) => encodeURIComponent(s);

function rows(n: number, make: (i: number) => Record<string, unknown>): Record<string, unknown>[] {
  return Array.from({ length: n }, (_, i) => make(i));
}

describe("list view threshold", () => {
  beforeAll(async () => {
    await createList(t, "AtThreshold", [{ name: "Ref", text: {}, indexed: true }, { name: "Note", text: {} }]);
    await createList(t, "OverThreshold", [{ name: "Ref", text: {}, indexed: true }, { name: "Note", text: {} }]);
    t.emu.sharepoint.bulkInsert("AtThreshold", rows(5000, (i) => ({ Title: `t${i}`, Ref: `R${i}`, Note: i % 2 ? "odd" : "even" })));
    t.emu.sharepoint.bulkInsert("OverThreshold", rows(5001, (i) => ({ Title: `t${i}`, Ref: `R${i}`, Note: i % 2 ? "odd" : "even" })));
  });

  // With the Prefer header a non-indexed query works on lists of up to 5,000 items; past SharePoint's list view
  // threshold it fails ("Manage large lists and libraries", SharePoint: the 5,000-item list view threshold).
  // Graph surfaces SharePoint's SPQueryThrottledException as 429 (microsoftgraph/msgraph-sdk-dotnet#827).
  it("runs a non-indexed query with Prefer on 5,000 items and refuses it on 5,001", async () => {
    const ok = await t.as("admin@upc.test").get(`/sites/root/lists/AtThreshold/items?$filter=${q("fields/Note eq 'odd'")}&$top=10`, PREFER);
    expect(ok.status).toBe(200);
    expect(ok.body.value).toHaveLength(10);
    const refused = await t.as("admin@upc.test").get(`/sites/root/lists/OverThreshold/items?$filter=${q("fields/Note eq 'odd'")}&$top=10`, PREFER);
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toBe("The attempted operation is prohibited because it exceeds the list view threshold.");
    expect(refused.headers.get("retry-after")).toBeNull();
  });

  it("still answers indexed queries and plain paging on the large list", async () => {
    const admin = t.as("admin@upc.test");
    const indexed = await admin.get(`/sites/root/lists/OverThreshold/items?$expand=fields&$filter=${q("fields/Ref eq 'R4999'")}`);
    expect(indexed.status).toBe(200);
    expect(indexed.body.value.map((i: Json) => i.fields.Title)).toEqual(["t4999"]);
    const page = await admin.get("/sites/root/lists/OverThreshold/items");
    expect(page.body.value).toHaveLength(200);
    expect(page.body["@odata.nextLink"]).toBeDefined();
    const big = await admin.get("/sites/root/lists/OverThreshold/items?$top=9000");
    expect(big.body.value).toHaveLength(5000);
  });
});

describe("indexed queries at 200,000 items", () => {
  const N = 200_000;
  const start = Date.parse("2024-01-01T00:00:00Z");
  beforeAll(async () => {
    const customers = await createList(t, "BigCustomers", [{ name: "CaseRef", text: {}, indexed: true, enforceUniqueValues: true }]);
    await createList(t, "BigContacts", [
      { name: "Customer", lookup: { listId: customers.id, columnName: "Title" }, indexed: true },
      { name: "ContactAt", dateTime: {}, indexed: true },
      { name: "MessageId", text: {}, indexed: true, enforceUniqueValues: true },
      { name: "Minutes", number: {} },
    ]);
    t.emu.sharepoint.bulkInsert(
      "BigContacts",
      rows(N, (i) => ({ Title: `c${i}`, CustomerLookupId: (i % 20_000) + 1, ContactAt: new Date(start + i * 60_000).toISOString(), MessageId: `<m${i}@example.org>`, Minutes: i % 30 })),
    );
  }, 60_000);

  async function median(path: string): Promise<{ ms: number; last: Json }> {
    const admin = t.as("admin@upc.test");
    const times: number[] = [];
    let last: Json;
    for (let n = 0; n < 21; n++) {
      const started = performance.now();
      last = await admin.get(path);
      times.push(performance.now() - started);
      expect(last.status).toBe(200);
    }
    times.sort((a, b) => a - b);
    return { ms: times[10], last };
  }

  it("finds by an indexed unique value, by lookup, and by lookup plus date range, each well under 50 ms", async () => {
    const base = "/sites/root/lists/BigContacts/items?$expand=fields&$filter=";
    const byMessage = await median(base + q("fields/MessageId eq '<m123457@example.org>'"));
    expect(byMessage.last.body.value.map((i: Json) => i.fields.Title)).toEqual(["c123457"]);
    expect(byMessage.ms).toBeLessThan(50);
    const byCustomer = await median(base + q("fields/CustomerLookupId eq 77"));
    expect(byCustomer.last.body.value).toHaveLength(10);
    expect(byCustomer.ms).toBeLessThan(50);
    const week = await median(base + q("fields/CustomerLookupId eq 77 and fields/ContactAt ge '2024-03-01T00:00:00Z'"));
    expect(week.last.body.value.length).toBeGreaterThan(0);
    expect(week.ms).toBeLessThan(50);
    // The last three days (4,160 rows): a window the threshold allows, as the product pages by date windows.
    const latest = await median(`/sites/root/lists/BigContacts/items?$expand=fields&$filter=${q("fields/ContactAt ge '2024-05-16T00:00:00Z'")}&$orderby=${q("fields/ContactAt desc")}&$top=25`);
    expect(latest.last.body.value[0].fields.Title).toBe(`c${N - 1}`);
    expect(latest.ms).toBeLessThan(50);
  });

  it("refuses a duplicate of a bulk-inserted unique value", async () => {
    const res = await t.as("admin@upc.test").post("/sites/root/lists/BigContacts/items", { fields: { Title: "dup", MessageId: "<M5@example.org>" } });
    expect(res.status).toBe(400);
    expect(() => t.emu.sharepoint.bulkInsert("BigContacts", [{ Title: "dup", MessageId: "<m6@example.org>" }])).toThrow();
  });
});
