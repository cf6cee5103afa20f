// SharePoint sites, lists and columns over real HTTP, shaped as Graph documents them.
import { describe, expect, it } from "vitest";
import { createList, useEmulator } from "../support/emulator";

const t = useEmulator();
const admin = () => t.as("admin@upc.test");

describe("site", () => {
  // "Get a site resource" (https://learn.microsoft.com/graph/api/site-get): by id "{hostname},{site-id},{web-id}",
  // the root alias, and by path "/sites/{hostname}:/{server-relative-path}".
  it("answers /sites/root, /sites/{id} and path addressing with the same site", async () => {
    const root = await admin().get("/sites/root");
    expect(root.status).toBe(200);
    expect(root.body.id).toMatch(/^[^,]+,[0-9a-f-]{36},[0-9a-f-]{36}$/);
    expect(root.body.id).toBe(t.emu.sharepoint.siteId);
    expect(root.body.webUrl).toBe(`${t.emu.origin}/sites/upc`);
    expect(root.body.webUrl).toBe(t.emu.sharepoint.webUrl);
    const byId = await admin().get(`/sites/${root.body.id}`);
    expect(byId.body.id).toBe(root.body.id);
    const byPath = await admin().get("/sites/127.0.0.1:/sites/upc");
    expect(byPath.body.id).toBe(root.body.id);
    const lists = await admin().get("/sites/127.0.0.1:/sites/upc:/lists");
    expect(lists.status).toBe(200);
    expect((await admin().get("/sites/127.0.0.1:/sites/other")).status).toBe(404);
  });
});

describe("lists and columns", () => {
  // "Create a new list" (https://learn.microsoft.com/graph/api/list-create) with columnDefinitions
  // ("columnDefinition resource type": text, number, boolean, dateTime, choice, lookup; indexed,
  // enforceUniqueValues, required). A choice column shown as checkBoxes allows several values ("choiceColumn resource type").
  it("creates a list with every column type and reads the columns back", async () => {
    const people = await createList(t, "People", [{ name: "Email", text: {}, indexed: true }]);
    const list = await createList(t, "Everything", [
      { name: "Code", text: {}, indexed: true, enforceUniqueValues: true, required: true },
      { name: "Notes", text: { allowMultipleLines: true } },
      { name: "Minutes", number: {} },
      { name: "Done", boolean: {} },
      { name: "DueAt", dateTime: {}, indexed: true },
      { name: "Status", choice: { choices: ["Open", "Closed"], allowTextEntry: false, displayAs: "dropDownMenu" }, indexed: true },
      { name: "Channels", choice: { choices: ["Email", "Phone"], displayAs: "checkBoxes" } },
      { name: "Person", lookup: { listId: people.id, columnName: "Title" }, indexed: true },
    ]);
    expect(list.displayName).toBe("Everything");
    expect(list.list.template).toBe("genericList");
    expect(list.id).toMatch(/^[0-9a-f-]{36}$/);
    const cols = (await admin().get(`/sites/root/lists/${list.id}/columns`)).body.value as Record<string, unknown>[];
    const col = (name: string) => cols.find((c) => c.name === name) as Record<string, unknown>;
    expect(col("Code")).toMatchObject({ indexed: true, enforceUniqueValues: true, required: true, text: { allowMultipleLines: false, maxLength: 255 } });
    expect(col("Notes")).toMatchObject({ text: { allowMultipleLines: true } });
    expect(col("Minutes").number).toBeDefined();
    expect(col("Done").boolean).toEqual({});
    expect(col("DueAt")).toMatchObject({ indexed: true, dateTime: { format: "dateTime" } });
    expect(col("Channels")).toMatchObject({ choice: { choices: ["Email", "Phone"], displayAs: "checkBoxes" } });
    expect(col("Person")).toMatchObject({ lookup: { listId: people.id, columnName: "Title" } });
    // Every list has the built-in columns.
    for (const name of ["Title", "ID", "Created", "Modified", "Author", "Editor"]) expect(col(name)).toBeDefined();
    expect(col("Title").indexed).toBe(false);
  });

  // SharePoint refuses a second list with the same title; Graph answers 409 nameAlreadyExists
  // ("Microsoft Graph error responses", https://learn.microsoft.com/graph/errors).
  it("refuses a second list with the same display name", async () => {
    await createList(t, "Twice", []);
    const again = await admin().post("/sites/root/lists", { displayName: "twice", list: { template: "genericList" } });
    expect(again.status).toBe(409);
    expect(again.body.error.code).toBe("nameAlreadyExists");
  });

  // "columnDefinition resource type" (https://learn.microsoft.com/graph/api/resources/columndefinition):
  // enforceUniqueValues; SharePoint enforces unique values only through an index on the column.
  it("refuses enforceUniqueValues on a column that is not indexed", async () => {
    const list = await createList(t, "UniqueNeedsIndex", []);
    const res = await admin().post(`/sites/root/lists/${list.id}/columns`, { name: "Code", text: {}, enforceUniqueValues: true });
    expect(res.status).toBe(400);
    const dup = await admin().post(`/sites/root/lists/${list.id}/columns`, { name: "Title", text: {} });
    expect(dup.status).toBe(409);
  });

  // "Create a columnDefinition in a list" (list-post-columns) and "Update columnDefinition" (columndefinition-update): indexed can be turned on later.
  it("adds a column and indexes it later with PATCH", async () => {
    const list = await createList(t, "LaterIndex", []);
    const created = await admin().post(`/sites/root/lists/${list.id}/columns`, { name: "Ref", text: {} });
    expect(created.status).toBe(201);
    expect(created.body.indexed).toBe(false);
    await admin().post(`/sites/root/lists/${list.id}/items`, { fields: { Title: "a", Ref: "R1" } });
    const before = await admin().get(`/sites/root/lists/${list.id}/items?$filter=fields/Ref eq 'R1'`);
    expect(before.status).toBe(400);
    const patched = await admin().patch(`/sites/root/lists/${list.id}/columns/${created.body.id}`, { indexed: true });
    expect(patched.body.indexed).toBe(true);
    const after = await admin().get(`/sites/root/lists/${list.id}/items?$filter=fields/Ref eq 'R1'`);
    expect(after.status).toBe(200);
    expect(after.body.value).toHaveLength(1);
  });

  // "Get metadata for a list" (list-get): a list is addressed by id or by its display name.
  it("gets a list by id or display name, expands its columns, and deletes it", async () => {
    const list = await createList(t, "Doomed", [{ name: "X", number: {} }]);
    const byName = await admin().get("/sites/root/lists/Doomed?$expand=columns");
    expect(byName.body.id).toBe(list.id);
    expect(byName.body.columns.some((c: { name: string }) => c.name === "X")).toBe(true);
    const all = await admin().get("/sites/root/lists");
    expect(all.body.value.some((l: { id: string }) => l.id === list.id)).toBe(true);
    expect((await admin().del(`/sites/root/lists/${list.id}`)).status).toBe(204);
    const gone = await admin().get(`/sites/root/lists/${list.id}`);
    expect(gone.status).toBe(404);
    expect(gone.body.error.code).toBe("itemNotFound");
  });

  // Creating lists needs Manage Lists on the site; SharePoint answers others with accessDenied (Graph errors).
  it("refuses list creation to a staff user", async () => {
    const res = await t.as("sam.officer@upc.test").post("/sites/root/lists", { displayName: "Mine", list: { template: "genericList" } });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("accessDenied");
  });
});
