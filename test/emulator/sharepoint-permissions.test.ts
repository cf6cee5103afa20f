// List permissions over real HTTP: SharePoint REST role definitions and assignments, enforced on Graph calls.
import { beforeAll, describe, expect, it } from "vitest";
import { createList, useEmulator, type Json } from "../support/emulator";

const t = useEmulator();
const admin = () => t.as("admin@upc.test");
const sam = () => t.as("sam.officer@upc.test");
const READ = 1073741826;
const CONTRIBUTE = 1073741827;
const EDIT = 1073741830;
const FULL_CONTROL = 1073741829;
let groups: Record<string, string>;
let staffPrincipal: number;

beforeAll(async () => {
  const all = (await t.app().get("/groups")).body.value as { id: string; displayName: string }[];
  groups = Object.fromEntries(all.map((g) => [g.displayName, g.id]));
  await createList(t, "ReadOnlyForStaff", []);
  await createList(t, "StaffContribute", []);
  await createList(t, "Inheriting", []);
  await admin().post("/sites/root/lists/ReadOnlyForStaff/items", { fields: { Title: "visible" } });
  staffPrincipal = (await admin().rest("POST", "/_api/web/ensureuser", { logonName: `c:0t.c|tenant|${groups["UPC Staff"]}` })).body.Id;
});

describe("role definitions and principals (SharePoint REST)", () => {
  // "Users, groups, and roles REST API reference" (SharePoint): /_api/web/roledefinitions, getbyname, and POST a new
  // permission level with BasePermissions { High, Low } (SP.BasePermissions).
  it("lists the built-in permission levels, finds one by name and creates a custom one", async () => {
    const defs = await admin().rest("GET", "/_api/web/roledefinitions");
    expect(defs.status).toBe(200);
    const byName = Object.fromEntries(defs.body.value.map((d: Json) => [d.Name, d]));
    expect(byName["Full Control"].Id).toBe(FULL_CONTROL);
    expect(byName.Edit.Id).toBe(EDIT);
    expect(byName.Contribute.Id).toBe(CONTRIBUTE);
    expect(byName.Read.Id).toBe(READ);
    expect(byName.Read.BasePermissions).toEqual({ High: "176", Low: "138612833" });
    const edit = await admin().rest("GET", "/_api/web/roledefinitions/getbyname('Edit')");
    expect(edit.body.Id).toBe(EDIT);
    expect((await admin().rest("GET", "/_api/web/roledefinitions/getbyname('No such level')")).status).toBe(404);
    const created = await admin().rest("POST", "/_api/web/roledefinitions", { Name: "Add only", Description: "View and add", BasePermissions: { High: "0", Low: String(0x1 | 0x2) } });
    expect(created.status).toBe(201);
    expect(created.body.Name).toBe("Add only");
    expect(created.body.Id).toBeGreaterThan(FULL_CONTROL);
    expect((await admin().rest("GET", "/_api/web/roledefinitions/getbyname('Add only')")).body.Id).toBe(created.body.Id);
  });

  // POST /_api/web/ensureuser with a claims logon name: "c:0t.c|tenant|{group id}" for an Entra group,
  // "i:0#.f|membership|{upn}" for a user; the same principal always gets the same Id.
  it("ensures groups and users as site principals with stable ids", async () => {
    const again = await admin().rest("POST", "/_api/web/ensureuser", { logonName: `c:0t.c|tenant|${groups["UPC Staff"]}` });
    expect(again.body).toMatchObject({ Id: staffPrincipal, Title: "UPC Staff", LoginName: `c:0t.c|tenant|${groups["UPC Staff"]}`, PrincipalType: 4 });
    const user = await admin().rest("POST", "/_api/web/ensureuser", { logonName: "i:0#.f|membership|kim.officer@upc.test" });
    expect(user.body).toMatchObject({ Title: "Kim Officer", PrincipalType: 1, Email: "kim.officer@upc.test" });
    expect((await admin().rest("POST", "/_api/web/ensureuser", { logonName: "i:0#.f|membership|nobody@upc.test" })).status).toBe(404);
  });

  it("shows the site's own assignments: UPC Admins with Full Control", async () => {
    const res = await admin().rest("GET", "/_api/web/roleassignments?$expand=Member,RoleDefinitionBindings");
    expect(res.status).toBe(200);
    expect(res.body.value).toHaveLength(1);
    expect(res.body.value[0].Member.Title).toBe("UPC Admins");
    expect(res.body.value[0].RoleDefinitionBindings.map((r: Json) => r.Id)).toEqual([FULL_CONTROL]);
  });
});

describe("list role assignments and enforcement", () => {
  // Without any assignment a user cannot reach the site or its lists: Graph answers 403 accessDenied.
  it("keeps a staff user out before anything is granted", async () => {
    expect((await sam().get("/sites/root")).status).toBe(403);
    const res = await sam().get("/sites/root/lists/ReadOnlyForStaff/items");
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("accessDenied");
  });

  // "Set custom permissions on a SharePoint list by using the REST interface" (SharePoint Add-ins docs):
  // breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true), then roleassignments/addroleassignment(principalid,roledefid).
  it("breaks inheritance, grants Read to UPC Staff and enforces it: reads pass, writes get 403", async () => {
    const base = "/_api/web/lists/getbytitle('ReadOnlyForStaff')";
    expect((await admin().rest("GET", `${base}?$select=HasUniqueRoleAssignments`)).body).toEqual({ HasUniqueRoleAssignments: false });
    expect((await admin().rest("POST", `${base}/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`)).status).toBe(200);
    expect((await admin().rest("GET", `${base}?$select=HasUniqueRoleAssignments`)).body).toEqual({ HasUniqueRoleAssignments: true });
    // copyRoleAssignments=false leaves "only the current user" assigned (SPSecurableObject.BreakRoleInheritance).
    const adminPrincipal = (await admin().rest("POST", "/_api/web/ensureuser", { logonName: "i:0#.f|membership|admin@upc.test" })).body.Id;
    const afterBreak = await admin().rest("GET", `${base}/roleassignments?$expand=RoleDefinitionBindings`);
    expect(afterBreak.body.value).toEqual([{ PrincipalId: adminPrincipal, RoleDefinitionBindings: [expect.objectContaining({ Id: FULL_CONTROL })] }]);
    expect((await admin().rest("POST", `${base}/roleassignments/addroleassignment(principalid=${staffPrincipal},roledefid=${READ})`)).status).toBe(200);

    const assignments = await admin().rest("GET", `${base}/roleassignments?$expand=Member,RoleDefinitionBindings`);
    const staff = assignments.body.value.find((a: Json) => a.PrincipalId === staffPrincipal);
    expect(staff.Member.LoginName).toBe(`c:0t.c|tenant|${groups["UPC Staff"]}`);
    expect(staff.RoleDefinitionBindings.map((r: Json) => r.Name)).toEqual(["Read"]);

    const read = await sam().get("/sites/root/lists/ReadOnlyForStaff/items?$expand=fields");
    expect(read.status).toBe(200);
    expect(read.body.value.map((i: Json) => i.fields.Title)).toEqual(["visible"]);
    expect((await sam().get("/sites/root")).status).toBe(200);
    const write = await sam().post("/sites/root/lists/ReadOnlyForStaff/items", { fields: { Title: "nope" } });
    expect(write.status).toBe(403);
    expect(write.body.error.code).toBe("accessDenied");
    const lists = await sam().get("/sites/root/lists");
    expect(lists.body.value.map((l: Json) => l.displayName)).toEqual(["ReadOnlyForStaff"]);
  });

  it("lets Contribute add and edit but not manage the list, and removes access again", async () => {
    const base = "/_api/web/lists/getbytitle('StaffContribute')";
    await admin().rest("POST", `${base}/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=true)`);
    await admin().rest("POST", `${base}/roleassignments/addroleassignment(principalid=${staffPrincipal},roledefid=${CONTRIBUTE})`);
    const created = await sam().post("/sites/root/lists/StaffContribute/items", { fields: { Title: "mine" } });
    expect(created.status).toBe(201);
    expect((await sam().patch(`/sites/root/lists/StaffContribute/items/${created.body.id}/fields`, { Title: "mine 2" })).status).toBe(200);
    expect((await sam().post("/sites/root/lists/StaffContribute/columns", { name: "Extra", text: {} })).status).toBe(403);
    // Only holders of Manage Permissions (Full Control) change permissions.
    const grab = await sam().rest("POST", `${base}/roleassignments/addroleassignment(principalid=${staffPrincipal},roledefid=${FULL_CONTROL})`);
    expect(grab.status).toBe(403);
    await admin().rest("POST", `${base}/roleassignments/removeroleassignment(principalid=${staffPrincipal},roledefid=${CONTRIBUTE})`);
    expect((await sam().get("/sites/root/lists/StaffContribute/items")).status).toBe(403);
  });

  it("refuses assignments on a list that still inherits, as SharePoint does", async () => {
    const res = await admin().rest("POST", `/_api/web/lists/getbytitle('Inheriting')/roleassignments/addroleassignment(principalid=${staffPrincipal},roledefid=${READ})`);
    expect(res.status).toBe(400);
    expect(res.body["odata.error"].message.value).toContain("inherits permissions");
  });

  // Application permissions ("Sites.Read.All", "Sites.ReadWrite.All", "Sites.FullControl.All") apply to every list.
  it("limits an app to what its Sites.* role allows", async () => {
    const reader = t.app(["Sites.Read.All"]);
    expect((await reader.get("/sites/root/lists/ReadOnlyForStaff/items")).status).toBe(200);
    expect((await reader.post("/sites/root/lists/ReadOnlyForStaff/items", { fields: { Title: "x" } })).status).toBe(403);
    const writer = t.app(["Sites.ReadWrite.All"]);
    expect((await writer.post("/sites/root/lists/ReadOnlyForStaff/items", { fields: { Title: "by app" } })).status).toBe(201);
    expect((await writer.post("/sites/root/lists", { displayName: "AppList" })).status).toBe(403);
    expect((await t.app(["Mail.ReadWrite"]).get("/sites/root")).status).toBe(403);
  });
});
