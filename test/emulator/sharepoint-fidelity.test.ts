// SharePoint through Graph as the service answers, where the emulator used to be kinder: the list view threshold on
// indexed queries, eTags in "{GUID},n" form, an empty If-Match, and delta tokens that age out with the documented codes.
import { beforeAll, describe, expect, it } from "vitest";
import { createList, useEmulator, type Json } from "../support/emulator";

const t = useEmulator();
const q = (s: string) => encodeURIComponent(s);
const admin = () => t.as("admin@upc.test");
const DAY = 86_400_000;
const THRESHOLD = "The attempted operation is prohibited because it exceeds the list view threshold.";

describe("the list view threshold on indexed queries", () => {
  const start = Date.parse("2026-01-01T00:00:00Z");
  beforeAll(async () => {
    const customers = await createList(t, "LvtCustomers", [{ name: "Status", choice: { choices: ["Observed", "Restricted"] }, indexed: true }]);
    await createList(t, "LvtContacts", [
      { name: "Customer", lookup: { listId: customers.id, columnName: "Title" }, indexed: true },
      { name: "ContactAt", dateTime: {}, indexed: true },
      { name: "Channel", text: {}, indexed: true },
    ]);
    // 12,000 contacts: customer 1 holds 7,000 of them (one an hour), the rest belong to 500 customers.
    t.emu.sharepoint.bulkInsert(
      "LvtContacts",
      Array.from({ length: 12_000 }, (_, i) => ({
        Title: `c${i}`,
        CustomerLookupId: i < 7000 ? 1 : 2 + (i % 500),
        ContactAt: new Date(start + (i < 7000 ? i : i - 7000) * 3_600_000).toISOString(),
        Channel: i % 2 ? "Email" : "Phone",
      })),
    );
    t.emu.sharepoint.bulkInsert("LvtCustomers", Array.from({ length: 6000 }, (_, i) => ({ Title: `p${i}`, Status: i < 40 ? "Restricted" : "Observed" })));
  });

  // github.com/microsoftgraph/msgraph-sdk-dotnet/issues/827: "When I have less than 5000 records for the first filter
  // ... it is working fine"; above that Graph answered 429 although the whole filter matched few rows.
  it("refuses a filter whose first indexed condition matches more than 5,000 rows, however few the whole filter matches", async () => {
    const wide = await admin().get(`/sites/root/lists/LvtContacts/items?$filter=${q("fields/CustomerLookupId eq 1 and fields/ContactAt ge '2026-10-01T00:00:00Z'")}&$top=5`);
    expect(wide.status).toBe(429);
    expect(wide.body.error.message).toBe(THRESHOLD);
    expect(wide.headers.get("retry-after")).toBeNull();
  });

  // pnp.github.io/blog/post/listview-threashold-apis ("The filtering order matters!"): the same conditions with the
  // selective one first are answered.
  it("answers the same conditions when the first one is selective", async () => {
    const narrow = await admin().get(`/sites/root/lists/LvtContacts/items?$expand=fields&$filter=${q("fields/ContactAt ge '2026-10-01T00:00:00Z' and fields/CustomerLookupId eq 1")}&$top=999`);
    expect(narrow.status).toBe(200);
    expect(narrow.body.value.every((i: Json) => i.fields.CustomerLookupId === "1")).toBe(true);
    const small = await admin().get(`/sites/root/lists/LvtContacts/items?$filter=${q("fields/CustomerLookupId eq 7")}&$orderby=${q("fields/ContactAt desc")}&$top=5`);
    expect(small.status).toBe(200);
  });

  // The LVT-filter-one-index-order-another behaviour (GRAPH-FIDELITY.md; SharePoint uses one index per query): ordering
  // by another column does not narrow what the filter reads.
  it("refuses an order over rows a wide first condition selects, and an order over a large list with no filter", async () => {
    const ordered = await admin().get(`/sites/root/lists/LvtContacts/items?$filter=${q("fields/Channel eq 'Email'")}&$orderby=${q("fields/ContactAt desc")}&$top=5`);
    expect(ordered.status).toBe(429);
    // github.com/microsoftgraph/microsoft-graph-docs/issues/8450: ordering a 15,000-item list by ID was throttled.
    const unfiltered = await admin().get(`/sites/root/lists/LvtContacts/items?$orderby=${q("fields/ContactAt desc")}&$top=1`);
    expect(unfiltered.status).toBe(429);
    const byId = await admin().get(`/sites/root/lists/LvtContacts/items?$orderby=${q("id desc")}&$top=1`);
    expect(byId.status).toBe(429);
    // Plain paging of the large list in id order stays allowed (how a full read is done).
    const paged = await admin().get("/sites/root/lists/LvtContacts/items?$top=500");
    expect(paged.status).toBe(200);
    expect(paged.body["@odata.nextLink"]).toBeDefined();
  });

  it("answers a status that few customers hold and refuses one that most hold", async () => {
    const few = await admin().get(`/sites/root/lists/LvtCustomers/items?$filter=${q("fields/Status eq 'Restricted'")}&$top=999`);
    expect(few.status).toBe(200);
    expect(few.body.value).toHaveLength(40);
    const most = await admin().get(`/sites/root/lists/LvtCustomers/items?$filter=${q("fields/Status eq 'Observed'")}&$top=10`);
    expect(most.status).toBe(429);
  });
});

describe("eTags and If-Match", () => {
  beforeAll(async () => {
    await createList(t, "Tags", [{ name: "N", number: {} }]);
  });

  // microsoft-graph-docs-contrib api-reference/v1.0/api/listitem-delta.md (response): eTag "\"{12AD05BB-…},756\"";
  // the service takes back the eTag it handed out, in either case of the GUID.
  it("hands out \"{GUID},n\" and accepts it back on If-Match", async () => {
    const created = (await admin().post("/sites/root/lists/Tags/items", { fields: { Title: "a" } })).body;
    expect(created.eTag).toMatch(/^"\{[0-9A-F-]{36}\},1"$/);
    expect(created.fields["@odata.etag"]).toBe(created.eTag);
    const ok = await admin().patch(`/sites/root/lists/Tags/items/${created.id}/fields`, { N: 1 }, { "If-Match": created.eTag });
    expect(ok.status).toBe(200);
    expect(ok.body["@odata.etag"]).toMatch(/^"\{[0-9A-F-]{36}\},2"$/);
    const lower = await admin().patch(`/sites/root/lists/Tags/items/${created.id}/fields`, { N: 2 }, { "If-Match": ok.body["@odata.etag"].toLowerCase() });
    expect(lower.status).toBe(200);
  });

  // RFC 9110 §13.1.1: If-Match is "*" or a list of entity-tags; an empty entity-tag matches nothing.
  it("does not treat an empty If-Match as a wildcard", async () => {
    const created = (await admin().post("/sites/root/lists/Tags/items", { fields: { Title: "b" } })).body;
    const empty = await admin().patch(`/sites/root/lists/Tags/items/${created.id}/fields`, { N: 3 }, { "If-Match": '""' });
    expect(empty.status).toBe(412);
    expect(empty.body.error.code).toBe("preconditionFailed");
  });
});

describe("list item delta tokens age out", () => {
  // microsoft-graph-docs-contrib api-reference/v1.0/api/listitem-delta.md: "the service returns a 410 Gone response
  // code with an error response that contains one of the following error codes [resyncChangesApplyDifferences,
  // resyncChangesUploadDifferences], and a Location header that contains a new nextLink".
  it("answers an old delta link with 410 resyncChangesApplyDifferences and a Location that starts again", async () => {
    await createList(t, "Aged", []);
    await admin().post("/sites/root/lists/Aged/items", { fields: { Title: "x" } });
    let page = (await admin().get("/sites/root/lists/Aged/items/delta")).body;
    while (page["@odata.nextLink"]) page = (await admin().get(page["@odata.nextLink"])).body;
    const link = page["@odata.deltaLink"] as string;
    expect((await admin().get(link)).status).toBe(200);
    t.emu.sharepoint.setDeltaTokenMaxAge(0);
    try {
      await new Promise((r) => setTimeout(r, 5));
      const gone = await admin().get(link);
      expect(gone.status).toBe(410);
      expect(["resyncChangesApplyDifferences", "resyncChangesUploadDifferences"]).toContain(gone.body.error.code);
      const again = await admin().get(gone.headers.get("location")!);
      expect(again.status).toBe(200);
      expect(again.body.value.map((i: Json) => i.id)).toEqual(["1"]);
    } finally {
      t.emu.sharepoint.setDeltaTokenMaxAge(30 * DAY);
    }
  });
});
