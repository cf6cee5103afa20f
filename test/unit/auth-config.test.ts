// Start-up configuration: every wrong value is refused with words that say what to fix and where to find it.
import { ConfigError, readConfig } from "../../addin/auth";

const page = new URL("https://localhost:3000/taskpane.html");
const TENANT = {
  mode: "tenant" as const,
  site: "https://contoso.sharepoint.com/sites/upc",
  tenantId: "11111111-2222-3333-4444-555555555555",
  clientId: "66666666-7777-8888-9999-000000000000",
};

function problems(fn: () => unknown): string[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof ConfigError) return e.problems;
    throw e;
  }
  throw new Error("expected a ConfigError");
}

describe("readConfig", () => {
  it("defaults to the emulator and the first demo user", () => {
    expect(readConfig(page)).toEqual({ mode: "emulator", graphBaseUrl: "http://127.0.0.1:4000/v1.0", site: "root", user: "sam.officer@upc.test", caseServiceUrl: "https://localhost:3000/api" });
  });

  it("lets a development page choose the user and a proxied emulator", () => {
    const c = readConfig(new URL("https://localhost:3000/harness.html?user=Mo.Manager@upc.test&graph=/graph/v1.0"));
    expect(c).toMatchObject({ user: "mo.manager@upc.test", graphBaseUrl: "https://localhost:3000/graph/v1.0" });
  });

  it("treats the empty strings of an unset build variable as unset", () => {
    expect(readConfig(page, { mode: "" as never, graphBaseUrl: "", site: "", tenantId: "", clientId: "" }).mode).toBe("emulator");
  });

  it("accepts a tenant build and turns the site's address into Graph path addressing", () => {
    expect(readConfig(page, TENANT)).toMatchObject({
      mode: "tenant",
      graphBaseUrl: "https://graph.microsoft.com/v1.0",
      site: "contoso.sharepoint.com:/sites/upc",
      tenantId: TENANT.tenantId,
      clientId: TENANT.clientId,
      scopes: ["User.Read", "User.Read.All", "GroupMember.Read.All", "Sites.Selected", "Mail.ReadWrite"],
    });
  });

  it("says which id is not a GUID and where to find the right one", () => {
    const p = problems(() => readConfig(page, { ...TENANT, tenantId: "contoso.onmicrosoft.com" }));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatch(/The tenant id "contoso.onmicrosoft.com" is not a GUID/);
    expect(p[0]).toMatch(/Directory \(tenant\) ID/);
  });

  it("lists every problem at once", () => {
    const p = problems(() => readConfig(page, { mode: "tenant", site: "root" }));
    expect(p.join("\n")).toMatch(/tenant id is missing/);
    expect(p.join("\n")).toMatch(/client id is missing/);
    expect(p.join("\n")).toMatch(/not the tenant's root site/);
  });

  it("refuses a site that is not a site", () => {
    expect(problems(() => readConfig(page, { ...TENANT, site: "https://contoso.sharepoint.com/Shared Documents" }))[0]).toMatch(/does not name a site/);
  });

  it("never lets the address bar redirect a tenant build's tokens", () => {
    const c = readConfig(new URL("https://localhost:3000/teams.html?graph=https://evil.example/v1.0&mode=emulator&user=x@y.z"), TENANT);
    expect(c.mode).toBe("tenant");
    expect(c.graphBaseUrl).toBe("https://graph.microsoft.com/v1.0");
    expect(problems(() => readConfig(page, { ...TENANT, graphBaseUrl: "https://graph.evil.example/v1.0" }))[0]).toMatch(/is not Microsoft Graph/);
  });

  it("refuses an unknown mode and a demo user that is not an address", () => {
    expect(problems(() => readConfig(new URL("https://localhost:3000/x.html?mode=prod")))[0]).toMatch(/Unknown mode "prod"/);
    expect(problems(() => readConfig(new URL("https://localhost:3000/x.html?user=sam")))[0]).toMatch(/not an e-mail address/);
  });

  it("takes a build's own scope list", () => {
    expect(readConfig(page, { ...TENANT, scopes: "User.Read GroupMember.Read.All Sites.ReadWrite.All" as never }).scopes).toEqual(["User.Read", "GroupMember.Read.All", "Sites.ReadWrite.All"]);
  });
});
