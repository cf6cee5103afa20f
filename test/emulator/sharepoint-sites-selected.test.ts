// Sites.Selected over real HTTP: site permissions (grants to apps), what each granted role allows, and persistence.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../emulator";
import { callerFor, createList, useEmulator, type Caller, type Json } from "../support/emulator";
import { appToken, userToken } from "../support/tokens";

const t = useEmulator();
const ADMIN_APP = ["Sites.FullControl.All"];
const SERVICE = "12345678-1234-4234-8234-123456789abc";
const ADDIN = "66666666-7777-4888-9999-000000000000";
const OTHER = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
/** An app token holding only Sites.Selected, as the product's add-in and service are registered. */
const selected = (appId: string, emu: Emulator = t.emu): Caller => callerFor(emu, appToken(["Sites.Selected"], appId));
const adminApp = (emu: Emulator = t.emu): Caller => callerFor(emu, appToken(ADMIN_APP, "upc-provisioner"));
const grantBody = (appId: string, role: string) => ({ roles: [role], grantedToIdentities: [{ application: { id: appId, displayName: "UPC Manager" } }] });
let siteId: string;

beforeAll(async () => {
  siteId = (await t.as("admin@upc.test").get("/sites/root")).body.id;
  await createList(t, "Customers", [{ name: "CaseRef", text: {} }]);
  await t.as("admin@upc.test").post("/sites/root/lists/Customers/items", { fields: { Title: "first", CaseRef: "UPC-1" } });
});

describe("site permissions (https://learn.microsoft.com/en-us/graph/api/site-post-permissions and the list/get/update/delete pages)", () => {
  // Create: 201 with the permission (id, roles, grantedToIdentitiesV2 and grantedToIdentities); list, get, update, delete.
  it("creates, lists, reads, changes and deletes an app's grant with Sites.FullControl.All", async () => {
    const created = await adminApp().post(`/sites/${siteId}/permissions`, grantBody(OTHER, "read"));
    expect(created.status).toBe(201);
    const identity = [{ application: { id: OTHER, displayName: "UPC Manager" } }];
    expect(created.body).toMatchObject({ roles: ["read"], grantedToIdentitiesV2: identity, grantedToIdentities: identity });
    // Real ids are base64 of the app's SharePoint claim, e.g. the driveitem-post-permissions example answer.
    expect(Buffer.from(created.body.id, "base64").toString("utf8")).toMatch(new RegExp(`^i:0i\\.t\\|ms\\.sp\\.ext\\|${OTHER}@[0-9a-f-]{36}$`));
    const id = created.body.id as string;

    const list = await adminApp().get(`/sites/${siteId}/permissions`);
    expect(list.status).toBe(200);
    expect(list.body.value.filter((p: Json) => p.id === id)).toEqual([{ id, "@deprecated.GrantedToIdentities": expect.any(String), roles: ["read"], grantedToIdentitiesV2: identity, grantedToIdentities: identity }]);
    expect((await adminApp().get(`/sites/root/permissions/${encodeURIComponent(id)}`)).body).toMatchObject({ id, roles: ["read"] });

    // https://learn.microsoft.com/en-us/graph/api/site-update-permission: PATCH { roles } answers 200 with the permission.
    const patched = await adminApp().patch(`/sites/${siteId}/permissions/${encodeURIComponent(id)}`, { roles: ["fullcontrol"] });
    expect(patched.status).toBe(200);
    expect(patched.body).toMatchObject({ id, roles: ["fullcontrol"] });

    // https://learn.microsoft.com/en-us/graph/api/site-delete-permission: 204, then the grant is gone.
    expect((await adminApp().del(`/sites/${siteId}/permissions/${encodeURIComponent(id)}`)).status).toBe(204);
    expect((await adminApp().get(`/sites/${siteId}/permissions/${encodeURIComponent(id)}`)).status).toBe(404);
    expect((await selected(OTHER).get("/sites/root")).status).toBe(403);
  });

  // The newer request shapes: grantedToV2 (driveitem-post-permissions) and grantedTo as in the
  // https://learn.microsoft.com/en-us/graph/permissions-selected-overview example.
  it("accepts grantedToV2 and grantedTo, and refuses a body without an application, a user grant or an unknown role", async () => {
    const v2 = await adminApp().post(`/sites/${siteId}/permissions`, { roles: ["read"], grantedToV2: { application: { id: "bbbbbbbb-0000-4000-8000-000000000001" } } });
    expect(v2.status).toBe(201);
    expect(v2.body.grantedToIdentitiesV2[0].application.id).toBe("bbbbbbbb-0000-4000-8000-000000000001");
    const arr = await adminApp().post(`/sites/${siteId}/permissions`, { roles: ["write"], grantedTo: [{ application: { id: "bbbbbbbb-0000-4000-8000-000000000002" } }] });
    expect(arr.status).toBe(201);
    expect((await adminApp().post(`/sites/${siteId}/permissions`, { roles: ["read"] })).status).toBe(400);
    expect((await adminApp().post(`/sites/${siteId}/permissions`, { roles: ["read"], grantedToIdentities: [{ user: { id: "x" } }] })).status).toBe(400);
    // "owner" is refused with "Invalid value for role" (https://github.com/microsoftgraph/microsoft-graph-docs/issues/18421).
    const owner = await adminApp().post(`/sites/${siteId}/permissions`, grantBody("bbbbbbbb-0000-4000-8000-000000000003", "owner"));
    expect(owner.status).toBe(400);
    expect(owner.body.error).toMatchObject({ code: "invalidRequest", message: "Invalid value for role" });
    expect((await adminApp().patch(`/sites/${siteId}/permissions/${encodeURIComponent(arr.body.id)}`, { roles: ["owner"] })).status).toBe(400);
    for (const p of [v2, arr]) await adminApp().del(`/sites/${siteId}/permissions/${encodeURIComponent(p.body.id)}`);
  });

  // Permissions tables: Sites.FullControl.All (delegated callers must also be SharePoint administrators and members of
  // the site: the emulator reads that as Full Control on the site). permissions-selected-overview: managing the site's
  // own permissions needs Sites.FullControl.All, so even Sites.Selected with a fullcontrol grant is not enough.
  it("lets only Sites.FullControl.All apps and users with Full Control on the site manage grants", async () => {
    expect((await t.app(["Sites.ReadWrite.All", "Sites.Manage.All"]).get(`/sites/${siteId}/permissions`)).status).toBe(403);
    expect((await t.as("sam.officer@upc.test").post(`/sites/${siteId}/permissions`, grantBody(OTHER, "read"))).status).toBe(403);
    const byAdminUser = await t.as("admin@upc.test").post(`/sites/${siteId}/permissions`, grantBody(OTHER, "fullcontrol"));
    expect(byAdminUser.status).toBe(201);
    const denied = await selected(OTHER).get(`/sites/${siteId}/permissions`);
    expect(denied.status).toBe(403);
    expect(denied.body.error.code).toBe("accessDenied");
    expect((await t.as("admin@upc.test").del(`/sites/${siteId}/permissions/${encodeURIComponent(byAdminUser.body.id)}`)).status).toBe(204);
    expect((await adminApp().get("/sites/elsewhere,0,0/permissions")).status).toBe(404);
  });
});

describe("what a Sites.Selected app may do (https://learn.microsoft.com/en-us/graph/permissions-selected-overview)", () => {
  // "an application consented for ... Selected would initially have no access"; a write grant lets it read and write
  // items (write acts as Contribute: no new lists), and only the granted app id benefits.
  it("reaches the site only after a write grant: items yes, new lists no, another app id still 403", async () => {
    const before = await selected(SERVICE).get("/sites/root/lists/Customers/items");
    expect(before.status).toBe(403);
    expect(before.body.error.code).toBe("accessDenied");
    expect((await selected(SERVICE).get("/sites/root")).status).toBe(403);

    const grant = await adminApp().post(`/sites/${siteId}/permissions`, grantBody(SERVICE, "write"));
    expect(grant.status).toBe(201);

    const service = selected(SERVICE);
    expect((await service.get("/sites/root")).status).toBe(200);
    const items = await service.get("/sites/root/lists/Customers/items?$expand=fields");
    expect(items.status).toBe(200);
    expect(items.body.value.map((i: Json) => i.fields.Title)).toContain("first");
    const added = await service.post("/sites/root/lists/Customers/items", { fields: { Title: "by service", CaseRef: "UPC-2" } });
    expect(added.status).toBe(201);
    expect((await service.patch(`/sites/root/lists/Customers/items/${added.body.id}/fields`, { Title: "edited" })).status).toBe(200);
    expect((await service.del(`/sites/root/lists/Customers/items/${added.body.id}`)).status).toBe(204);
    expect((await service.post("/sites/root/lists", { displayName: "NotAllowed" })).status).toBe(403);
    expect((await service.post("/sites/root/lists/Customers/columns", { name: "Extra", text: {} })).status).toBe(403);

    const other = selected(OTHER);
    expect((await other.get("/sites/root")).status).toBe(403);
    expect((await other.get("/sites/root/lists/Customers/items")).status).toBe(403);
    expect((await other.post("/sites/root/lists/Customers/items", { fields: { Title: "x" } })).status).toBe(403);
    // A token without Sites.Selected gets nothing from the grant ("the proper scopes appearing in the token").
    expect((await callerFor(t.emu, appToken(["Mail.Send"], SERVICE)).get("/sites/root")).status).toBe(403);
  });

  // Our reading, not a documented statement: a site grant covers lists with their own permissions, as the add-in
  // model's site collection scope does. The product breaks inheritance on its lists (copyRoleAssignments=false).
  it("keeps a site grant working on a list that no longer inherits permissions", async () => {
    await createList(t, "Restricted", []);
    const base = "/_api/web/lists/getbytitle('Restricted')";
    expect((await t.as("admin@upc.test").rest("POST", `${base}/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`)).status).toBe(200);
    expect((await selected(SERVICE).post("/sites/root/lists/Restricted/items", { fields: { Title: "still allowed" } })).status).toBe(201);
  });

  // Roles table: read reads; manage also changes lists (Design); fullcontrol also permissions (Full Control).
  it("gives read, manage and fullcontrol what their permission levels allow", async () => {
    const g = await adminApp().post(`/sites/${siteId}/permissions`, grantBody(ADDIN, "read"));
    const path = `/sites/${siteId}/permissions/${encodeURIComponent(g.body.id)}`;
    const addin = selected(ADDIN);
    expect((await addin.get("/sites/root/lists/Customers/items")).status).toBe(200);
    expect((await addin.post("/sites/root/lists/Customers/items", { fields: { Title: "x" } })).status).toBe(403);

    expect((await adminApp().patch(path, { roles: ["manage"] })).status).toBe(200);
    expect((await addin.post("/sites/root/lists", { displayName: "ByManage" })).status).toBe(201);
    expect((await addin.post("/sites/root/lists/ByManage/columns", { name: "Note", text: {} })).status).toBe(201);
    expect((await addin.rest("GET", "/_api/web/roleassignments")).status).toBe(403);

    expect((await adminApp().patch(path, { roles: ["fullcontrol"] })).status).toBe(200);
    expect((await addin.rest("GET", "/_api/web/roleassignments")).status).toBe(200);

    expect((await adminApp().del(path)).status).toBe(204);
    expect((await addin.get("/sites/root/lists/Customers/items")).status).toBe(403);
  });
});

describe("the calls provisioning makes (graph/cli/provision.ts ensureSiteGrants)", () => {
  // As the administrator's delegated token: GET the list, POST a missing grant, PATCH a grant with another role by
  // its URL-encoded id; a second run finds everything in place.
  it("answers GET, POST and PATCH as ensureSiteGrants sends them, and the granted app then writes", async () => {
    const admin = t.as("admin@upc.test");
    const appIds = (value: Json[]) =>
      value.map((p) => [[...(p.grantedToIdentitiesV2 ?? []), ...(p.grantedToIdentities ?? [])].map((i: Json) => i.application?.id?.toLowerCase())[0], p.roles]);
    const first = await admin.get(`/sites/${siteId}/permissions`);
    expect(first.status).toBe(200);
    expect(appIds(first.body.value).some(([id]: Json) => id === ADDIN)).toBe(false);

    const posted = await admin.post(`/sites/${siteId}/permissions`, { roles: ["read"], grantedToIdentities: [{ application: { id: ADDIN, displayName: "UPC Manager" } }] });
    expect(posted.status).toBe(201);
    const holder = (await admin.get(`/sites/${siteId}/permissions`)).body.value.find((p: Json) => appIds([p])[0][0] === ADDIN);
    expect(holder.roles).toEqual(["read"]);
    const patched = await admin.patch(`/sites/${siteId}/permissions/${encodeURIComponent(holder.id)}`, { roles: ["write"] });
    expect(patched.status).toBe(200);
    expect(appIds((await admin.get(`/sites/${siteId}/permissions`)).body.value)).toContainEqual([ADDIN, ["write"]]);
    expect((await selected(ADDIN).post("/sites/root/lists/Customers/items", { fields: { Title: "from the add-in" } })).status).toBe(201);
  });
});

describe("grants across a restart", () => {
  const dir = mkdtempSync(join(tmpdir(), "upc-emulator-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  // Grants are SharePoint state: saved with the site, back after a restart, gone after a reset.
  it("keeps grants with the SharePoint state and forgets them on reset", async () => {
    const first = await startEmulator({ port: 0, dataDir: dir, reset: true });
    try {
      const id = (await callerFor(first, userToken("admin@upc.test")).get("/sites/root")).body.id;
      expect((await adminApp(first).post(`/sites/${id}/permissions`, grantBody(SERVICE, "write"))).status).toBe(201);
      expect((await selected(SERVICE, first).get("/sites/root")).status).toBe(200);
    } finally {
      await first.close();
    }
    const second = await startEmulator({ port: 0, dataDir: dir });
    try {
      const list = await adminApp(second).get("/sites/root/permissions");
      expect(list.body.value.map((p: Json) => [p.grantedToIdentitiesV2[0].application.id, p.roles])).toEqual([[SERVICE, ["write"]]]);
      expect((await selected(SERVICE, second).post("/sites/root/lists", { displayName: "x" })).status).toBe(403);
      expect((await selected(SERVICE, second).get("/sites/root")).status).toBe(200);
    } finally {
      await second.close();
    }
    const third = await startEmulator({ port: 0, dataDir: dir, reset: true });
    try {
      expect((await adminApp(third).get("/sites/root/permissions")).body.value).toEqual([]);
      expect((await selected(SERVICE, third).get("/sites/root")).status).toBe(403);
    } finally {
      await third.close();
    }
  });
});
