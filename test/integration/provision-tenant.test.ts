// Provisioning a tenant: the site's address becomes Graph path addressing, an administrator's tokens are checked before
// use, development tokens never leave the loopback, the five groups are mapped or created, version history is forced
// on where it is off, and the tenant code path (site address, given tokens, --dry-run) runs against the emulator.
import { startEmulator, type Emulator } from "../../emulator";
import { adminTarget } from "../../graph/auth/admin-cli";
import { deviceCodeTokens } from "../../graph/auth/device-code";
import { TokenError } from "../../graph/auth/env-token";
import { parseSite, SiteError } from "../../graph/auth/site";
import { ensureGroups, ensureSiteGrants, ensureVersioning, parseGrant, runProvision } from "../../graph/cli/provision";
import { DataError } from "../../graph/client/errors";
import type { Graph } from "../../graph/client/factory";
import type { SharePointRest } from "../../graph/client/sharepoint-rest";
import { SCHEMA } from "../../graph/schema/lists";
import { userToken } from "../support/tokens";

const jwt = (claims: Record<string, unknown>) => `${Buffer.from('{"alg":"RS256","typ":"JWT"}').toString("base64url")}.${Buffer.from(JSON.stringify(claims)).toString("base64url")}.sig`;
const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;
const SITE = "https://contoso.sharepoint.com/sites/upc";

describe("the site's address", () => {
  it("becomes Graph path addressing, keeping the SharePoint host for the REST token", () => {
    expect(parseSite("https://contoso.sharepoint.com/sites/upc")).toEqual({ graphSite: "contoso.sharepoint.com:/sites/upc", host: "contoso.sharepoint.com", webUrl: SITE });
    expect(parseSite("https://contoso.sharepoint.com/sites/UPC/Lists/UpcCustomers/AllItems.aspx").graphSite).toBe("contoso.sharepoint.com:/sites/UPC");
    expect(parseSite("https://contoso.sharepoint.com/teams/complaints/").graphSite).toBe("contoso.sharepoint.com:/teams/complaints");
    expect(parseSite(" contoso.sharepoint.com:/sites/upc ").graphSite).toBe("contoso.sharepoint.com:/sites/upc");
    expect(parseSite("https://contoso.sharepoint.com").graphSite).toBe("contoso.sharepoint.com");
    expect(parseSite("root").graphSite).toBe("root");
    expect(parseSite("contoso.sharepoint.com,2c1a0a6e-1b3c-4b5a-9c1d-1a2b3c4d5e6f,7d8e9f0a-1b2c-4d3e-8f4a-5b6c7d8e9f0a").host).toBe("contoso.sharepoint.com");
  });

  it("refuses what is not a site, in words", () => {
    expect(() => parseSite("upc")).toThrow(SiteError);
    expect(() => parseSite("https://contoso.sharepoint.com/Shared Documents/x.docx")).toThrow(/should contain \/sites\/<name>/);
    expect(() => parseSite("")).toThrow(/Give the UPC site's address/);
  });
});

describe("an administrator's sign-in", () => {
  it("defaults to the emulator with development tokens", () => {
    const t = adminTarget({ env: {} });
    expect(t).toMatchObject({ kind: "emulator", graphBaseUrl: "http://127.0.0.1:4000/v1.0", site: { graphSite: "root" } });
  });

  it("targets Microsoft Graph for a SharePoint address and asks for a sign-in when none is given", () => {
    let error: unknown;
    try {
      adminTarget({ site: SITE, env: {} });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(TokenError);
    expect((error as Error).message).toMatch(/UPC_PROVISION_CLIENT_ID[\s\S]*GRAPH_TOKEN[\s\S]*SHAREPOINT_TOKEN \(https:\/\/contoso.sharepoint.com/);
  });

  it("accepts given tokens for Graph and for the site's SharePoint host", () => {
    const t = adminTarget({
      site: SITE,
      env: {
        GRAPH_TOKEN: jwt({ aud: "https://graph.microsoft.com", exp: inAnHour(), scp: "Group.ReadWrite.All Sites.FullControl.All", upn: "it.admin@contoso.gov.uk" }),
        SHAREPOINT_TOKEN: jwt({ aud: "https://contoso.sharepoint.com", exp: inAnHour(), scp: "AllSites.FullControl" }),
      },
      needsSharePoint: true,
    });
    expect(t).toMatchObject({ kind: "tenant", graphBaseUrl: "https://graph.microsoft.com/v1.0", site: { graphSite: "contoso.sharepoint.com:/sites/upc" }, warnings: [] });
    expect(t.describe).toMatch(/it.admin@contoso.gov.uk \(delegated Group.ReadWrite.All Sites.FullControl.All\)/);
  });

  it("refuses an expired token, a token for another service and one for another SharePoint host", () => {
    const past = Math.floor(Date.now() / 1000) - 60;
    expect(() => adminTarget({ site: SITE, env: { GRAPH_TOKEN: jwt({ aud: "https://graph.microsoft.com", exp: past }) } })).toThrow(/GRAPH_TOKEN expired at/);
    expect(() => adminTarget({ site: SITE, env: { GRAPH_TOKEN: jwt({ aud: "https://management.azure.com", exp: inAnHour() }) } })).toThrow(/GRAPH_TOKEN is a token for https:\/\/management.azure.com, not for Microsoft Graph/);
    expect(() =>
      adminTarget({ site: SITE, env: { GRAPH_TOKEN: jwt({ aud: "https://graph.microsoft.com", exp: inAnHour(), scp: "Sites.FullControl.All" }), SHAREPOINT_TOKEN: jwt({ aud: "https://fabrikam.sharepoint.com", exp: inAnHour() }) } }),
    ).toThrow(/SHAREPOINT_TOKEN is a token for https:\/\/fabrikam.sharepoint.com, not for SharePoint at https:\/\/contoso.sharepoint.com/);
  });

  it("refuses an app-only SharePoint token obtained with a client secret, and accepts one obtained with a certificate", () => {
    // Microsoft Learn, "Granting access via Microsoft Entra ID App-Only": app-only SharePoint REST is by certificate.
    const graph = jwt({ aud: "https://graph.microsoft.com", exp: inAnHour(), roles: ["Sites.FullControl.All"], appidacr: "1" });
    const sp = (acr: string) => jwt({ aud: "https://contoso.sharepoint.com", exp: inAnHour(), roles: ["Sites.FullControl.All"], appidacr: acr, app_displayname: "UPC provisioning" });
    expect(() => adminTarget({ site: SITE, env: { GRAPH_TOKEN: graph, SHAREPOINT_TOKEN: sp("1") }, needsSharePoint: true })).toThrow(/SHAREPOINT_TOKEN is an app-only token obtained with a client secret, which SharePoint REST refuses/);
    expect(adminTarget({ site: SITE, env: { GRAPH_TOKEN: graph, SHAREPOINT_TOKEN: sp("2") }, needsSharePoint: true })).toMatchObject({ kind: "tenant", warnings: [] });
    // Graph itself takes an app-only token from a secret.
    expect(adminTarget({ site: SITE, env: { GRAPH_TOKEN: graph } })).toMatchObject({ kind: "tenant" });
  });

  it("warns that a Graph token without a Sites permission cannot create lists", () => {
    const t = adminTarget({ site: SITE, env: { GRAPH_TOKEN: jwt({ aud: "00000003-0000-0000-c000-000000000000", exp: inAnHour(), scp: "Directory.AccessAsUser.All Group.ReadWrite.All" }) } });
    expect(t.warnings.join()).toMatch(/carries no SharePoint site permission/);
  });

  it("never sends an administrator's token to anything but Graph, and never a development token to a tenant", () => {
    expect(() => adminTarget({ site: SITE, env: { GRAPH_BASE_URL: "https://graph.evil.example/v1.0", GRAPH_TOKEN: "x" } })).toThrow(/only ever sent to Microsoft Graph/);
    expect(() => adminTarget({ site: "root", env: { GRAPH_BASE_URL: "https://graph.microsoft.com/v1.0" } })).toThrow(/Give the site's address for a tenant/);
  });

  it("signs in with a device code, then gets the SharePoint token from the same sign-in", async () => {
    const calls: { path: string; body: URLSearchParams }[] = [];
    const replies = [
      { device_code: "DC", user_code: "ABCD-EFGH", message: "To sign in, open https://microsoft.com/devicelogin and enter ABCD-EFGH.", interval: 1, expires_in: 900 },
      { error: "authorization_pending" },
      { error: "slow_down" },
      { access_token: "graph-token", refresh_token: "RT", expires_in: 3600 },
      { access_token: "sp-token", refresh_token: "RT2", expires_in: 3600 },
    ];
    const fetchFake = (async (url: string, init: { body: string }) => {
      calls.push({ path: new URL(url).pathname, body: new URLSearchParams(init.body) });
      return new Response(JSON.stringify(replies.shift()));
    }) as unknown as typeof fetch;
    const printed: string[] = [];
    const tokens = deviceCodeTokens({ tenant: "contoso.onmicrosoft.com", clientId: "cid", print: (m) => printed.push(m), fetch: fetchFake, sleep: async () => {} }, ["Sites.FullControl.All", "Group.ReadWrite.All"], "contoso.sharepoint.com");
    expect(await tokens.graph.getToken()).toBe("graph-token");
    expect(await tokens.graph.getToken()).toBe("graph-token");
    expect(await tokens.sharePoint.getToken()).toBe("sp-token");
    expect(printed).toEqual(["To sign in, open https://microsoft.com/devicelogin and enter ABCD-EFGH."]);
    expect(calls.map((c) => c.path)).toEqual(["/contoso.onmicrosoft.com/oauth2/v2.0/devicecode", ...Array(3).fill("/contoso.onmicrosoft.com/oauth2/v2.0/token"), "/contoso.onmicrosoft.com/oauth2/v2.0/token"]);
    expect(calls[0].body.get("scope")).toBe("https://graph.microsoft.com/Sites.FullControl.All https://graph.microsoft.com/Group.ReadWrite.All offline_access");
    expect(calls[4].body.get("grant_type")).toBe("refresh_token");
    expect(calls[4].body.get("scope")).toBe("https://contoso.sharepoint.com/AllSites.FullControl offline_access");
  });
});

describe("the five groups", () => {
  function fakeGraph(existing: string[], onPost: (body: { displayName: string }) => void = () => {}): Graph {
    return {
      get: async (path: string) => {
        const name = decodeURIComponent(/displayName%20eq%20'([^']*)'|displayName eq '([^']*)'/.exec(path)?.slice(1).find(Boolean) ?? "");
        return { value: existing.includes(name) ? [{ id: name, displayName: name }] : [] };
      },
      post: async (_path: string, body: unknown) => onPost(body as { displayName: string }),
    } as unknown as Graph;
  }

  it("maps existing groups and creates the missing ones as security groups", async () => {
    const created: unknown[] = [];
    const report = await ensureGroups(fakeGraph(["UPC Staff", "UPC Admins"], (b) => created.push(b)), { dryRun: false, create: true });
    expect(report.steps).toEqual(['Create security group "UPC Managers"', 'Create security group "UPC Deciders"', 'Create security group "UPC Reviewers"']);
    expect(created[0]).toEqual({ displayName: "UPC Managers", description: expect.any(String), mailEnabled: false, mailNickname: "upc-managers", securityEnabled: true });
    expect(report.missing).toEqual([]);
  });

  it("only says what it would create in a dry run", async () => {
    const report = await ensureGroups(fakeGraph([], () => {
      throw new Error("a dry run must not write");
    }), { dryRun: true, create: true });
    expect(report.missing).toHaveLength(5);
  });

  it("explains what to do when it may not create a group", async () => {
    const report = await ensureGroups(fakeGraph(["UPC Staff", "UPC Managers", "UPC Deciders", "UPC Admins"], () => {
      throw new DataError("Forbidden", "no", 403);
    }), { dryRun: false, create: true });
    expect(report.problems).toEqual([expect.stringMatching(/^The group "UPC Reviewers" does not exist and could not be created \(you are not allowed to create groups with this sign-in\)\. Create it in the Microsoft Entra admin centre/)]);
  });
});

describe("version history", () => {
  it("is forced on where a list has it off, and left alone where it is on or not reported (the emulator)", async () => {
    const posts: { path: string; body: unknown; headers?: Record<string, string> }[] = [];
    const state: Record<string, boolean | undefined> = { UpcCustomers: false, UpcContacts: true };
    const rest: SharePointRest = {
      get: async <T,>(path: string) => ({ EnableVersioning: state[/getbytitle\('([^']+)'\)/.exec(path)![1]] }) as T,
      post: async <T,>(path: string, body?: unknown, headers?: Record<string, string>) => {
        posts.push({ path, body, headers });
        return undefined as T;
      },
    };
    expect(await ensureVersioning(rest, SCHEMA, true)).toEqual(["Turn on version history for UpcCustomers"]);
    expect(posts).toEqual([]);
    expect(await ensureVersioning(rest, SCHEMA, false)).toEqual(["Turn on version history for UpcCustomers"]);
    expect(posts).toEqual([
      { path: "/_api/web/lists/getbytitle('UpcCustomers')", body: { __metadata: { type: "SP.List" }, EnableVersioning: true }, headers: { "Content-Type": "application/json;odata=verbose", "X-HTTP-Method": "MERGE", "IF-MATCH": "*" } },
    ]);
  });
});

describe("npm run provision -- --site <address> [--dry-run]", () => {
  let emu: Emulator;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, dataDir: null });
  });
  afterAll(() => emu.close());

  async function provisionCli(argv: string[]) {
    const out: string[] = [];
    const err: string[] = [];
    const env = { GRAPH_BASE_URL: emu.url, GRAPH_TOKEN: userToken("admin@upc.test"), SHAREPOINT_TOKEN: userToken("admin@upc.test") };
    const code = await runProvision({ argv, env, out: (l) => out.push(l), err: (l) => err.push(l), progress: () => {} });
    return { code, out: out.join("\n"), err: err.join("\n") };
  }

  it("a dry run by the site's address lists the work and changes nothing", async () => {
    const siteUrl = `${emu.origin}/sites/upc`;
    const dry = await provisionCli(["--site", siteUrl, "--dry-run"]);
    expect(dry.err).toBe("");
    expect(dry.code).toBe(0);
    expect(dry.out).toMatch(/Planning \(dry run: nothing will change\)/);
    expect(dry.out).toMatch(/Would do:\n {2}- Create list UpcCustomers with \d+ columns/);
    // People read the controlled lists (deciders alone the health notes); staff may only add a contact.
    expect(dry.out).toMatch(/Grant UPC Deciders "Read" on UpcSensitive/);
    expect(dry.out).toMatch(/Grant UPC Staff "UPC Add only" on UpcContacts/);
    expect(dry.out).not.toMatch(/Grant UPC Staff "[^"]+" on UpcSensitive/);
    const lists = (await (await fetch(`${emu.url}/sites/root/lists`, { headers: { Authorization: `Bearer ${userToken("admin@upc.test")}` } })).json()) as { value: { displayName: string }[] };
    expect(lists.value.map((l) => l.displayName)).not.toContain("UpcCustomers");
  });

  it("then provisions, and a second run has nothing to change", async () => {
    const siteUrl = `${emu.origin}/sites/upc`;
    const first = await provisionCli(["--site", siteUrl]);
    expect(first.code).toBe(0);
    expect(first.out).toMatch(/Done:/);
    const again = await provisionCli(["--site", siteUrl]);
    expect(again.out).toMatch(/Nothing to change: .*\/sites\/upc already matches the schema\./);
    const dry = await provisionCli(["--site", siteUrl, "--dry-run"]);
    expect(dry.out).toMatch(/Nothing to change/);
  });

  it("stops in words when the site cannot be found", async () => {
    const r = await provisionCli(["--site", `${emu.origin}/sites/elsewhere`]);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^Provisioning stopped: /);
  });
});

describe("Sites.Selected grants (--grant-app)", () => {
  const ADDIN = "66666666-7777-8888-9999-000000000000";
  const SERVICE = "12345678-1234-4234-8234-123456789abc";

  it("reads <client id>[:role], write by default, and refuses anything else", () => {
    expect(parseGrant(ADDIN)).toEqual({ appId: ADDIN, role: "write" });
    expect(parseGrant(`${SERVICE.toUpperCase()}:read`)).toEqual({ appId: SERVICE, role: "read" });
    expect(() => parseGrant("upc-addin")).toThrow(/--grant-app takes an app registration's client id/);
  });

  it("grants what is missing, changes a different role and leaves a matching grant alone", async () => {
    const calls: [string, string, unknown][] = [];
    const graph = {
      getAll: async () => [
        { id: "p1", roles: ["write"], grantedToIdentitiesV2: [{ application: { id: ADDIN } }] },
        { id: "p2", roles: ["read"], grantedToIdentities: [{ application: { id: SERVICE } }] },
      ],
      post: async (path: string, body: unknown) => void calls.push(["POST", path, body]),
      patch: async (path: string, body: unknown) => void calls.push(["PATCH", path, body]),
    } as unknown as Graph;
    const third = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee";
    const grants = [parseGrant(ADDIN), parseGrant(SERVICE), parseGrant(third)];
    expect(await ensureSiteGrants(graph, "site-id", grants, true)).toHaveLength(2);
    expect(calls).toEqual([]);
    expect(await ensureSiteGrants(graph, "site-id", grants, false)).toEqual([`Change app ${SERVICE}'s access to this site to "write"`, `Give app ${third} "write" access to this site (Sites.Selected)`]);
    expect(calls).toEqual([
      ["PATCH", "/sites/site-id/permissions/p2", { roles: ["write"] }],
      ["POST", "/sites/site-id/permissions", { roles: ["write"], grantedToIdentities: [{ application: { id: third, displayName: "UPC Manager" } }] }],
    ]);
  });
});
