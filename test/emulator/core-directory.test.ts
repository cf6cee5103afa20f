// The seeded directory over real HTTP: users, groups, membership and who may read them.
import { describe, expect, it } from "vitest";
import { DIRECTORY_GROUPS, DIRECTORY_USERS } from "../../emulator";
import { useEmulator } from "../support/emulator";

const t = useEmulator();

describe("seed", () => {
  it("holds exactly the five UPC groups, the Elected Members list, and an administrator in UPC Admins", () => {
    expect(DIRECTORY_GROUPS.map((g) => g.displayName).sort()).toEqual(["Elected Members", "UPC Admins", "UPC Deciders", "UPC Managers", "UPC Reviewers", "UPC Staff"]);
    const admin = DIRECTORY_USERS.find((u) => u.userPrincipalName === "admin@upc.test");
    const admins = DIRECTORY_GROUPS.find((g) => g.displayName === "UPC Admins");
    expect(admin?.groupIds).toContain(admins?.id);
    for (const g of DIRECTORY_GROUPS) expect(DIRECTORY_USERS.some((u) => u.groupIds.includes(g.id))).toBe(true);
  });
});

describe("users", () => {
  // "Get a user" (https://learn.microsoft.com/graph/api/user-get): /me and /users/{id | userPrincipalName}.
  it("returns the signed-in user at /me and any user by id or UPN", async () => {
    const sam = t.as("sam.officer@upc.test");
    const me = await sam.get("/me");
    expect(me.body).toMatchObject({ displayName: "Sam Officer", mail: "sam.officer@upc.test", userPrincipalName: "sam.officer@upc.test" });
    const byUpn = await sam.get("/users/mo.manager@upc.test");
    expect(byUpn.status).toBe(200);
    const byId = await sam.get(`/users/${byUpn.body.id}`);
    expect(byId.body.displayName).toBe("Mo Manager");
  });

  it("answers an unknown user with 404 Request_ResourceNotFound", async () => {
    const res = await t.as("sam.officer@upc.test").get("/users/nobody@upc.test");
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe("Request_ResourceNotFound");
  });

  // "List users" (https://learn.microsoft.com/graph/api/user-list): $filter on mail / userPrincipalName, $select, $top.
  it("filters users by mail or UPN and selects properties", async () => {
    const app = t.app();
    const byMail = await app.get("/users?$filter=mail eq 'Complaints@upc.test'&$select=id,displayName,mail");
    expect(byMail.body.value).toEqual([{ id: expect.any(String), displayName: "Complaints inbox", mail: "complaints@upc.test" }]);
    const byUpn = await app.get(`/users?$filter=${encodeURIComponent("userPrincipalName eq 'dee.decider@upc.test'")}`);
    expect(byUpn.body.value.map((u: { displayName: string }) => u.displayName)).toEqual(["Dee Decider"]);
    const top = await app.get("/users?$top=3");
    expect(top.body.value).toHaveLength(3);
    const badSelect = await app.get("/users?$select=shoeSize");
    expect(badSelect.status).toBe(400);
  });

  it("does not give /me to an app-only token", async () => {
    const res = await t.app().get("/me");
    expect(res.status).toBe(400);
  });

  // Application permissions: reading users needs User.Read.All (or Directory.Read.All); without it Graph answers
  // 403 Authorization_RequestDenied ("List users", Permissions).
  it("refuses directory reads to an app without directory permissions", async () => {
    const res = await t.app(["Sites.FullControl.All"]).get("/users");
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("Authorization_RequestDenied");
    const groups = await t.app(["Sites.FullControl.All"]).get("/groups");
    expect(groups.status).toBe(403);
  });
});

describe("groups", () => {
  // "List groups" (https://learn.microsoft.com/graph/api/group-list) with $filter=displayName eq '…';
  // OData doubles a quote inside a string literal.
  it("finds a group by display name, with quotes escaped by doubling", async () => {
    const app = t.app();
    const staff = await app.get(`/groups?$filter=${encodeURIComponent("displayName eq 'UPC Staff'")}`);
    expect(staff.body.value).toHaveLength(1);
    expect(staff.body.value[0].displayName).toBe("UPC Staff");
    const quoted = await app.get(`/groups?$filter=${encodeURIComponent("displayName eq 'UPC Staff'' or 1 eq 1'")}`);
    expect(quoted.status).toBe(200);
    expect(quoted.body.value).toEqual([]);
    const all = await app.get("/groups");
    expect(all.body.value).toHaveLength(6);
  });

  // council-ccm-2014 s.6 tells "Elected Members" of sanctions: the demo holds them as a distribution list an administrator can name.
  it("holds the Elected Members as a mail-enabled group with members", async () => {
    const app = t.app();
    const [members] = (await app.get(`/groups?$filter=${encodeURIComponent("displayName eq 'Elected Members'")}`)).body.value;
    expect(members).toMatchObject({ displayName: "Elected Members", mail: "elected.members@upc.test", mailEnabled: true, securityEnabled: false });
    const [staff] = (await app.get(`/groups?$filter=${encodeURIComponent("displayName eq 'UPC Staff'")}`)).body.value;
    expect(staff).toMatchObject({ mail: null, mailEnabled: false, securityEnabled: true });
    const listed = await app.get(`/groups/${members.id}/members`);
    expect(listed.body.value.map((m: { userPrincipalName: string }) => m.userPrincipalName).sort()).toEqual(["cllr.hale@upc.test", "cllr.ward@upc.test"]);
  });

  // "List group members" (https://learn.microsoft.com/graph/api/group-list-members): directory objects typed with @odata.type.
  it("lists a group's members", async () => {
    const app = t.app();
    const deciders = (await app.get(`/groups?$filter=${encodeURIComponent("displayName eq 'UPC Deciders'")}`)).body.value[0];
    const members = await app.get(`/groups/${deciders.id}/members`);
    expect(members.body.value.map((m: { userPrincipalName: string }) => m.userPrincipalName).sort()).toEqual([
      "cath.chief@upc.test",
      "dan.decider@upc.test",
      "dee.decider@upc.test",
      "ed.director@upc.test",
      "hana.head@upc.test",
      "remi.reviewer@upc.test",
      "sid.director@upc.test",
      "sue.senior@upc.test",
    ]);
    expect(members.body.value[0]["@odata.type"]).toBe("#microsoft.graph.user");
    expect((await app.get(`/groups/${deciders.id}`)).body.displayName).toBe("UPC Deciders");
    expect((await app.get("/groups/00000000-0000-0000-0000-000000000000")).status).toBe(404);
  });

  // "List a user's memberships (direct and transitive)" (https://learn.microsoft.com/graph/api/user-list-transitivememberof):
  // group objects carry "@odata.type": "#microsoft.graph.group".
  it("lists the signed-in user's groups through memberOf and transitiveMemberOf", async () => {
    const dee = t.as("dee.decider@upc.test");
    for (const path of ["/me/memberOf", "/me/transitiveMemberOf"]) {
      const res = await dee.get(path);
      expect(res.status).toBe(200);
      expect(res.body.value.every((g: Record<string, unknown>) => g["@odata.type"] === "#microsoft.graph.group")).toBe(true);
      expect(res.body.value.map((g: { displayName: string }) => g.displayName).sort()).toEqual(["UPC Deciders", "UPC Managers", "UPC Staff"]);
    }
    const viaApp = await t.app().get("/users/complaints@upc.test/transitiveMemberOf");
    expect(viaApp.body.value).toEqual([]);
  });
});
