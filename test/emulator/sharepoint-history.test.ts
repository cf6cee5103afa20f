// Item versions and list item delta over real HTTP: who changed what and when, and changes since a token.
import { beforeAll, describe, expect, it } from "vitest";
import { createList, useEmulator, type Json } from "../support/emulator";

const t = useEmulator();
let list: Json;
const items = () => `/sites/root/lists/${list.id}/items`;

beforeAll(async () => {
  list = await createList(t, "History", [{ name: "Stage", choice: { choices: ["Referred", "Decided"] }, indexed: true }]);
  // Managers (Mo, Dee) may contribute to this list, granted as provisioning does through SharePoint REST.
  const admin = t.as("admin@upc.test");
  const managers = (await t.app().get(`/groups?$filter=${encodeURIComponent("displayName eq 'UPC Managers'")}`)).body.value[0];
  const principal = (await admin.rest("POST", "/_api/web/ensureuser", { logonName: `c:0t.c|tenant|${managers.id}` })).body;
  await admin.rest("POST", "/_api/web/lists/getbytitle('History')/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=true)");
  await admin.rest("POST", `/_api/web/lists/getbytitle('History')/roleassignments/addroleassignment(principalid=${principal.Id},roledefid=1073741827)`);
});

/** Follows @odata.nextLink to the end; returns every item and the final deltaLink. */
async function drain(first: string): Promise<{ items: Json[]; deltaLink: string }> {
  const admin = t.as("admin@upc.test");
  const out: Json[] = [];
  let url: string | undefined = first;
  for (;;) {
    const page: Json = await admin.get(url as string);
    expect(page.status).toBe(200);
    out.push(...page.body.value);
    url = page.body["@odata.nextLink"];
    if (!url) return { items: out, deltaLink: page.body["@odata.deltaLink"] };
    expect(page.body["@odata.deltaLink"]).toBeUndefined();
  }
}

describe("versions", () => {
  // "List versions of a listItem" (https://learn.microsoft.com/graph/api/listitem-list-versions): newest first, each
  // with id "n.0", lastModifiedBy and lastModifiedDateTime; "Get a ListItemVersion" (listitemversion-get) with fields.
  it("keeps a version per change with who made it and the values then", async () => {
    const created = (await t.as("mo.manager@upc.test").post(items(), { fields: { Title: "Case", Stage: "Referred" } })).body;
    expect(created.createdBy.user.email).toBe("mo.manager@upc.test");
    await t.as("dee.decider@upc.test").patch(`${items()}/${created.id}/fields`, { Stage: "Decided" });
    await t.app().patch(`${items()}/${created.id}/fields`, { Title: "Case (closed)" });
    const versions = await t.as("admin@upc.test").get(`${items()}/${created.id}/versions`);
    expect(versions.status).toBe(200);
    expect(versions.body.value.map((v: Json) => v.id)).toEqual(["3.0", "2.0", "1.0"]);
    expect(versions.body.value[1].lastModifiedBy.user.email).toBe("dee.decider@upc.test");
    expect(versions.body.value[2].lastModifiedBy.user.email).toBe("mo.manager@upc.test");
    expect(versions.body.value[0].lastModifiedBy.application).toBeDefined();
    expect(versions.body.value[0].lastModifiedDateTime).toMatch(/Z$/);
    expect(versions.body.value[0].fields).toBeUndefined();
    const expanded = await t.as("admin@upc.test").get(`${items()}/${created.id}/versions?$expand=fields`);
    expect(expanded.body.value.map((v: Json) => v.fields.Stage)).toEqual(["Decided", "Decided", "Referred"]);
    const first = await t.as("admin@upc.test").get(`${items()}/${created.id}/versions/1.0`);
    expect(first.body.fields).toMatchObject({ Title: "Case", Stage: "Referred", _UIVersionString: "1.0" });
    const missing = await t.as("admin@upc.test").get(`${items()}/${created.id}/versions/9.0`);
    expect(missing.status).toBe(404);
    const item = await t.as("admin@upc.test").get(`${items()}/${created.id}?$expand=fields`);
    expect(item.body.fields._UIVersionString).toBe("3.0");
    expect(item.body.lastModifiedBy.user.displayName).toBe("SharePoint App");
  });
});

describe("delta", () => {
  // "listItem: delta" (https://learn.microsoft.com/graph/api/listitem-delta): the first call enumerates every item and
  // ends with @odata.deltaLink; calling that link returns only items created, updated or deleted since, deleted ones
  // with the deleted facet.
  it("returns everything first, then only what changed, with deletions marked", async () => {
    const admin = t.as("admin@upc.test");
    const ids: string[] = [];
    for (const title of ["d1", "d2", "d3", "d4", "d5"]) ids.push((await admin.post(items(), { fields: { Title: title, Stage: "Referred" } })).body.id);

    const { items: seen, deltaLink } = await drain(`${items()}/delta?$expand=fields&$top=2`);
    expect(seen.map((i) => i.id)).toEqual(expect.arrayContaining(ids));
    expect(seen.find((i) => i.id === ids[0]).fields.Title).toBe("d1");
    expect(deltaLink).toContain("token=");

    const quiet = await drain(deltaLink);
    expect(quiet.items).toEqual([]);

    await admin.patch(`${items()}/${ids[1]}/fields`, { Stage: "Decided" });
    await admin.del(`${items()}/${ids[2]}`);
    const added = (await admin.post(items(), { fields: { Title: "d6" } })).body.id;
    const changes = await drain(deltaLink);
    const byId = Object.fromEntries(changes.items.map((i: Json) => [i.id, i]));
    expect(Object.keys(byId).sort()).toEqual([ids[1], ids[2], added].sort());
    expect(byId[ids[1]].fields.Stage).toBe("Decided");
    expect(byId[ids[2]].deleted).toEqual({ state: "deleted" });
    expect(byId[added].fields.Title).toBe("d6");

    const after = await drain(changes.deltaLink);
    expect(after.items).toEqual([]);
  });

  it("answers token=latest with no items and a deltaLink for changes from now on", async () => {
    const admin = t.as("admin@upc.test");
    const latest = await admin.get(`${items()}/delta?token=latest`);
    expect(latest.body.value).toEqual([]);
    await admin.post(items(), { fields: { Title: "after latest" } });
    const next = await admin.get(latest.body["@odata.deltaLink"]);
    expect(next.body.value.map((i: Json) => i.id)).toHaveLength(1);
  });
});
