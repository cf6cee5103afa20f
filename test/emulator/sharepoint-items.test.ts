// List items over real HTTP: create/read/update/delete, $filter, $orderby, paging, ETags and unique values.
import { beforeAll, describe, expect, it } from "vitest";
import { createList, useEmulator, type Json } from "../support/emulator";

const t = useEmulator();
const admin = () => t.as("admin@upc.test");
let customers: Json;
let identities: Json;
const base = () => `/sites/root/lists/${customers.id}/items`;

const PREFER = { Prefer: "HonorNonIndexedQueriesWarningMayFailRandomly" };
const q = (s: string) => encodeURIComponent(s);

beforeAll(async () => {
  customers = await createList(t, "Customers", [
    { name: "CaseRef", text: {}, indexed: true, enforceUniqueValues: true },
    { name: "Status", choice: { choices: ["Observed", "Monitoring", "Restricted", "Closed"] }, indexed: true },
    { name: "Score", number: {} },
    { name: "Vip", boolean: {} },
    { name: "ReviewDue", dateTime: {}, indexed: true },
    { name: "Channels", choice: { choices: ["Email", "Phone", "Letter"], displayAs: "checkBoxes" } },
    { name: "Notes", text: { allowMultipleLines: true } },
  ]);
  identities = await createList(t, "Identities", [
    { name: "Customer", lookup: { listId: customers.id, columnName: "Title" }, indexed: true },
    { name: "Kind", choice: { choices: ["Email", "Phone", "Domain"] } },
  ]);
  await admin().patch(`/sites/root/lists/${identities.id}/columns/Title`, { indexed: true });
  const rows = [
    { Title: "Ann", CaseRef: "UPC-0001", Status: "Monitoring", Score: 5, ReviewDue: "2025-03-01T09:00:00Z" },
    { Title: "Bob", CaseRef: "UPC-0002", Status: "Restricted", Score: 9, ReviewDue: "2025-01-15T12:00:00Z" },
    { Title: "Cat", CaseRef: "UPC-0003", Status: "Monitoring", Score: 1, ReviewDue: "2025-02-10T08:30:00Z" },
    { Title: "Dan", CaseRef: "UPC-0004", Status: "Closed", Score: 7, ReviewDue: "2025-04-20T00:00:00Z" },
    { Title: "Eve", CaseRef: "UPC-0005", Status: "Restricted", Score: 3, ReviewDue: "2025-02-10T08:30:00Z" },
  ];
  for (const fields of rows) {
    const res = await admin().post(base(), { fields });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
  }
  for (const [title, customer] of [["o'brien@example.org", 1], ["+441632960001", 1], ["@example.org", 2], ["x@y.test", 3]] as const) {
    await admin().post(`/sites/root/lists/${identities.id}/items`, { fields: { Title: title, CustomerLookupId: customer, Kind: "Email" } });
  }
});

const titles = (res: Json) => res.body.value.map((i: Json) => i.fields.Title);

describe("create and read", () => {
  // "Create a new item in a list" (https://learn.microsoft.com/graph/api/listitem-create): POST {fields} → 201 listItem.
  it("creates an item and returns it with its fields, id, eTag and author", async () => {
    const res = await admin().post(base(), {
      fields: { Title: "Fay", CaseRef: "UPC-0100", Status: "Observed", Score: "4", Vip: true, ReviewDue: "2025-05-05T10:11:12.345Z", "Channels@odata.type": "Collection(Edm.String)", Channels: ["Email", "Letter"], Notes: "line 1\nline 2" },
    });
    expect(res.status).toBe(201);
    const it = res.body;
    expect(it.id).toMatch(/^\d+$/);
    // SharePoint's form, "{GUID},version", as in the listitem-delta response example (microsoft-graph-docs-contrib
    // api-reference/v1.0/api/listitem-delta.md: "\"{12AD05BB-59B8-43AA-9456-77C44E9BC066},756\"").
    expect(it.eTag).toMatch(/^"\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\},1"$/);
    expect(it["@odata.etag"]).toBe(it.eTag);
    expect(it.createdBy.user.email).toBe("admin@upc.test");
    expect(it.fields).toMatchObject({
      Title: "Fay",
      CaseRef: "UPC-0100",
      Score: 4,
      Vip: true,
      ReviewDue: "2025-05-05T10:11:12Z",
      "Channels@odata.type": "Collection(Edm.String)",
      Channels: ["Email", "Letter"],
      Notes: "line 1\nline 2",
      id: it.id,
      _UIVersionString: "1.0",
    });
    const read = await admin().get(`${base()}/${it.id}?$expand=fields`);
    expect(read.body.fields.CaseRef).toBe("UPC-0100");
    const bare = await admin().get(`${base()}/${it.id}`);
    expect(bare.body.fields).toBeUndefined();
  });

  // A lookup is written and read as {Column}LookupId; Graph returns the id as a string ("listItem: Create", lookup fields).
  it("writes lookups as XLookupId and reads them back as strings", async () => {
    const res = await admin().get(`/sites/root/lists/${identities.id}/items?$expand=fields&$filter=${q("fields/CustomerLookupId eq 1")}`);
    expect(res.status).toBe(200);
    expect(res.body.value.map((i: Json) => i.fields.CustomerLookupId)).toEqual(["1", "1"]);
    const asString = await admin().get(`/sites/root/lists/${identities.id}/items?$expand=fields&$filter=${q("fields/CustomerLookupId eq '2'")}`);
    expect(titles(asString)).toEqual(["@example.org"]);
    const wrong = await admin().post(`/sites/root/lists/${identities.id}/items`, { fields: { Title: "z", Customer: 1 } });
    expect(wrong.status).toBe(400);
  });

  // Multi-value fields must carry their OData type ("Collection(Edm.String)") when written through Graph.
  it("refuses a multi-choice array without its @odata.type annotation", async () => {
    const res = await admin().post(base(), { fields: { Title: "Gus", Channels: ["Email"] } });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalidRequest");
  });

  it("refuses unknown and read-only fields", async () => {
    const unknown = await admin().post(base(), { fields: { Title: "x", Shoe: 42 } });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.message).toContain("Shoe");
    const readOnly = await admin().post(base(), { fields: { Title: "x", Created: "2020-01-01T00:00:00Z" } });
    expect(readOnly.status).toBe(400);
  });

  it("selects fields with $expand=fields($select=…)", async () => {
    const res = await admin().get(`${base()}?$expand=fields($select=Title,CaseRef)&$filter=${q("fields/CaseRef eq 'UPC-0001'")}`);
    expect(Object.keys(res.body.value[0].fields).sort()).toEqual(["@odata.etag", "CaseRef", "Title"]);
  });
});

describe("$filter", () => {
  // "List items" (https://learn.microsoft.com/graph/api/listitem-list): $filter with eq, ne, lt, gt, le, ge and startswith on fields.
  it("filters on indexed columns with eq, ranges, and/or/not and startswith", async () => {
    const get = (f: string) => admin().get(`${base()}?$expand=fields&$filter=${q(f)}`);
    expect(titles(await get("fields/Status eq 'Monitoring'"))).toEqual(["Ann", "Cat"]);
    expect(titles(await get("fields/Status eq 'Restricted' or fields/Status eq 'Closed'"))).toEqual(["Bob", "Dan", "Eve"]);
    expect(titles(await get("fields/Status eq 'Monitoring' and not (fields/CaseRef eq 'UPC-0001')"))).toEqual(["Cat"]);
    expect(titles(await get("fields/ReviewDue lt '2025-02-10T08:30:00Z'"))).toEqual(["Bob"]);
    expect(titles(await get("fields/ReviewDue le '2025-02-10T08:30:00Z'"))).toEqual(["Bob", "Cat", "Eve"]);
    expect(titles(await get("startswith(fields/CaseRef,'UPC-000')")).length).toBe(5);
    expect(titles(await get("fields/Status ne 'Monitoring' and fields/ReviewDue ge '2025-02-01T00:00:00Z'"))).toEqual(["Dan", "Eve", "Fay"]);
    expect(titles(await get("id eq 2"))).toEqual(["Bob"]);
  });

  it("compares datetimes as instants whatever their offset", async () => {
    const res = await admin().get(`${base()}?$expand=fields&$filter=${q("fields/ReviewDue eq '2025-02-10T09:30:00+01:00'")}`);
    expect(titles(res)).toEqual(["Cat", "Eve"]);
  });

  // OData string literals double a quote to escape it; an escaped injection attempt is just a string that matches nothing.
  it("matches '' as one quote and treats an escaped injection attempt as a plain value", async () => {
    const list = `/sites/root/lists/${identities.id}/items?$expand=fields&$filter=`;
    const obrien = await admin().get(list + q("fields/Title eq 'o''brien@example.org'"));
    expect(titles(obrien)).toEqual(["o'brien@example.org"]);
    const attempt = "x' or 1 eq 1 or fields/Title eq '";
    const escaped = await admin().get(list + q(`fields/Title eq '${attempt.replace(/'/g, "''")}'`));
    expect(escaped.status).toBe(200);
    expect(escaped.body.value).toEqual([]);
    const raw = await admin().get(list + q(`fields/Title eq '${attempt}'`));
    expect(raw.status).toBe(400);
  });

  it("matches text case-insensitively, as SharePoint does", async () => {
    const res = await admin().get(`/sites/root/lists/${identities.id}/items?$expand=fields&$filter=${q("fields/Title eq 'O''BRIEN@EXAMPLE.ORG'")}`);
    expect(titles(res)).toEqual(["o'brien@example.org"]);
  });

  // Graph refuses filters and orders on columns without an index unless the caller sends
  // Prefer: HonorNonIndexedQueriesWarningMayFailRandomly (the exact 400 message developers see).
  it("refuses a non-indexed column in $filter or $orderby without the Prefer header", async () => {
    const res = await admin().get(`${base()}?$filter=${q("fields/Score gt 4")}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("invalidRequest");
    expect(res.body.error.message).toBe(
      "Field 'Score' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.",
    );
    const title = await admin().get(`${base()}?$filter=${q("fields/Title eq 'Ann'")}`);
    expect(title.status).toBe(400);
    expect(title.body.error.message).toContain("Field 'Title'");
    const order = await admin().get(`${base()}?$orderby=fields/Score`);
    expect(order.status).toBe(400);
  });

  it("runs a non-indexed filter on a small list when the Prefer header allows it", async () => {
    const res = await admin().get(`${base()}?$expand=fields&$filter=${q("fields/Score gt 4 and fields/Status ne 'Closed'")}&$orderby=fields/Score desc`, PREFER);
    expect(res.status).toBe(200);
    expect(titles(res)).toEqual(["Bob", "Ann"]);
  });

  it("answers an unknown column with 400", async () => {
    const res = await admin().get(`${base()}?$filter=${q("fields/Nope eq 1")}`);
    expect(res.status).toBe(400);
  });
});

describe("$orderby, $top and paging", () => {
  // "Paging Microsoft Graph data in your app" (https://learn.microsoft.com/graph/paging): follow @odata.nextLink
  // (which carries a $skiptoken) until it is absent.
  it("orders by several keys and pages with @odata.nextLink", async () => {
    const first = await admin().get(`${base()}?$expand=fields&$orderby=${q("fields/ReviewDue asc,fields/CaseRef desc")}&$top=2&$filter=${q("startswith(fields/CaseRef,'UPC-000')")}`);
    expect(first.status).toBe(200);
    expect(titles(first)).toEqual(["Bob", "Eve"]);
    expect(first.body["@odata.nextLink"]).toContain("$skiptoken=");
    const second = await admin().get(first.body["@odata.nextLink"]);
    expect(titles(second)).toEqual(["Cat", "Ann"]);
    const third = await admin().get(second.body["@odata.nextLink"]);
    expect(titles(third)).toEqual(["Dan"]);
    expect(third.body["@odata.nextLink"]).toBeUndefined();
  });

  it("orders descending on an indexed column and pages without losing or repeating items", async () => {
    const seen: string[] = [];
    let url: string | undefined = `${base()}?$expand=fields&$orderby=fields/ReviewDue desc&$top=2`;
    while (url) {
      const res = await admin().get(url);
      seen.push(...titles(res));
      url = res.body["@odata.nextLink"];
    }
    expect(seen.filter((x) => ["Ann", "Bob", "Cat", "Dan", "Eve"].includes(x))).toEqual(["Dan", "Ann", "Eve", "Cat", "Bob"]);
    expect(new Set(seen).size).toBe(seen.length);
  });

  it("answers in id order by default and honours $top", async () => {
    const res = await admin().get(`${base()}?$expand=fields&$top=3`);
    expect(res.body.value.map((i: Json) => Number(i.id))).toEqual([1, 2, 3]);
  });
});

describe("update, ETags and delete", () => {
  // "Update listItem" (https://learn.microsoft.com/graph/api/listitem-update): PATCH …/fields returns the fieldValueSet;
  // with If-Match, a stale ETag is refused with 412 Precondition Failed (Graph errors).
  it("updates with the current ETag, refuses a stale one with 412, and accepts If-Match: *", async () => {
    const created = (await admin().post(base(), { fields: { Title: "Hal", CaseRef: "UPC-0200" } })).body;
    const stale = created.eTag;
    const ok = await admin().patch(`${base()}/${created.id}/fields`, { Score: 11 }, { "If-Match": stale });
    expect(ok.status).toBe(200);
    expect(ok.body.Score).toBe(11);
    expect(ok.body["@odata.etag"]).not.toBe(stale);
    const conflict = await admin().patch(`${base()}/${created.id}/fields`, { Score: 12 }, { "If-Match": stale });
    expect(conflict.status).toBe(412);
    expect(conflict.body.error.code).toBe("preconditionFailed");
    const star = await admin().patch(`${base()}/${created.id}/fields`, { Score: 13 }, { "If-Match": "*" });
    expect(star.status).toBe(200);
    const viaItem = await admin().patch(`${base()}/${created.id}`, { fields: { Score: 14 } }, { "If-Match": star.body["@odata.etag"] });
    expect(viaItem.status).toBe(200);
    expect(viaItem.body.fields.Score).toBe(14);
    expect(viaItem.body.eTag).toMatch(/,4"$/);
  });

  // "Delete an item from a list" (listitem-delete): 204, then the item is gone (404 itemNotFound).
  it("deletes an item, honouring If-Match", async () => {
    const created = (await admin().post(base(), { fields: { Title: "Ivy" } })).body;
    await admin().patch(`${base()}/${created.id}/fields`, { Title: "Ivy 2" });
    expect((await admin().del(`${base()}/${created.id}`, { "If-Match": created.eTag })).status).toBe(412);
    expect((await admin().del(`${base()}/${created.id}`)).status).toBe(204);
    const gone = await admin().get(`${base()}/${created.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("itemNotFound");
  });
});

describe("unique values", () => {
  // A duplicate value in an enforceUniqueValues column is refused as SharePoint through Graph answers it: 400
  // invalidRequest, "One or more fields with unique constraints already has the provided value." (seen from the
  // service: n8n-io/n8n packages/nodes-base/nodes/Microsoft/SharePoint/helpers/utils.ts handleErrorPostReceive;
  // UK-Export-Finance/estore-api src/modules/graph/graph.service.test.ts), on update as on create.
  it("refuses a duplicate on create and on update, ignoring case, with Graph's 400 invalidRequest", async () => {
    const dup = await admin().post(base(), { fields: { Title: "Copy", CaseRef: "upc-0001" } });
    expect(dup.status).toBe(400);
    expect(dup.body.error.code).toBe("invalidRequest");
    expect(dup.body.error.message).toBe("One or more fields with unique constraints already has the provided value.");
    const jon = (await admin().post(base(), { fields: { Title: "Jon", CaseRef: "UPC-0300" } })).body;
    const clash = await admin().patch(`${base()}/${jon.id}/fields`, { CaseRef: "UPC-0002" });
    expect(clash.status).toBe(400);
    expect(clash.body.error.code).toBe("invalidRequest");
    const same = await admin().patch(`${base()}/${jon.id}/fields`, { CaseRef: "UPC-0300", Score: 1 });
    expect(same.status).toBe(200);
    const emptyA = await admin().post(base(), { fields: { Title: "No ref A" } });
    const emptyB = await admin().post(base(), { fields: { Title: "No ref B" } });
    expect([emptyA.status, emptyB.status]).toEqual([201, 201]);
  });

  it("stores a value once when many writers race to create it", async () => {
    const posts = Array.from({ length: 12 }, (_, n) => (n % 2 ? t.app() : admin()).post(base(), { fields: { Title: `Racer ${n}`, CaseRef: "UPC-RACE" } }));
    const results = await Promise.all(posts);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 400 && r.body.error.code === "invalidRequest")).toHaveLength(11);
    const stored = await admin().get(`${base()}?$filter=${q("fields/CaseRef eq 'UPC-RACE'")}`);
    expect(stored.body.value).toHaveLength(1);
  });
});
