// The tenant's throttling model: SharePoint's resource-unit budgets by tenant size, and Exchange's per-app-per-mailbox
// limits (requests in 10 minutes, 4 at a time), each answered 429 with Retry-After.
import { describe, expect, it } from "vitest";
import { startEmulator, SHAREPOINT_TIERS, sharePointTier } from "../../emulator";
import { chargeOf, sharePointUnits } from "../../emulator/core/throttle-classify";
import { appToken } from "../support/tokens";
import { callerFor, type Json } from "../support/emulator";

describe("the budgets", () => {
  // learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online
  // (LEARN below), "Application throttling" table (per app per tenant, 1 minute and 24 hours) and the "Tenant" rows (5 minutes).
  it("takes SharePoint's budgets from the tenant's licence count", () => {
    expect(sharePointTier(800)).toMatchObject({ appPerMinute: 1_250, appPerDay: 1_200_000, tenantPer5Min: 18_750 });
    expect(sharePointTier(5_000)).toMatchObject({ appPerMinute: 2_500, appPerDay: 2_400_000, tenantPer5Min: 37_500 });
    expect(sharePointTier(50_000)).toMatchObject({ appPerMinute: 5_000, appPerDay: 4_800_000, tenantPer5Min: 75_000 });
    expect(sharePointTier(80_000)).toMatchObject({ appPerMinute: 6_250, appPerDay: 6_000_000, tenantPer5Min: 93_750 });
    expect(SHAREPOINT_TIERS).toHaveLength(5);
  });

  // LEARN, "Resource units": 1 for a single item query or a delta with a token; 2 for a multi-item query (a delta
  // without a token included) and for create, update and delete; 5 for permission operations.
  it("prices Graph's SharePoint calls as the Learn table does", () => {
    expect(sharePointUnits("GET", "/sites/root/lists/L/items/3", {})).toBe(1);
    expect(sharePointUnits("GET", "/sites/root/lists/L/items", { $filter: "x" })).toBe(2);
    expect(sharePointUnits("GET", "/sites/root/lists/L/items/delta", {})).toBe(2);
    expect(sharePointUnits("GET", "/sites/root/lists/L/items/delta", { token: "abc" })).toBe(1);
    expect(sharePointUnits("POST", "/sites/root/lists/L/items", {})).toBe(2);
    expect(sharePointUnits("PATCH", "/sites/root/lists/L/items/3/fields", {})).toBe(2);
    expect(sharePointUnits("POST", "/sites/root/permissions", {})).toBe(5);
    expect(sharePointUnits("GET", "/users/x/messages", {})).toBeUndefined();
    expect(chargeOf("PATCH", "/users/sam%40upc.test/messages/AA", {}, (who) => who.toUpperCase())).toEqual({ mailbox: "SAM@UPC.TEST" });
    expect(chargeOf("GET", "/users/sam@upc.test", {}, (who) => who)).toEqual({});
  });
});

describe("SharePoint throttling", () => {
  it("answers 429 with Retry-After once an app spends its minute's resource units, and serves it again after waiting", async () => {
    // 800 licences: 1,250 units a minute, refilling at about 21 a second.
    const emu = await startEmulator({ port: 0, dataDir: null, throttle: { licences: 800 } });
    try {
      const app = callerFor(emu, appToken());
      // Each list read costs 2 units: 625 of them spend the minute's budget at once.
      const first = await Promise.all(Array.from({ length: 700 }, () => app.get("/sites/root/lists")));
      const refused = first.filter((r) => r.status === 429);
      expect(first.filter((r) => r.status === 200).length).toBeGreaterThanOrEqual(625);
      expect(refused.length).toBeGreaterThan(0);
      const one = refused[0];
      // github.com/microsoftgraph/msgraph-sdk-dotnet/issues/703: "throttledRequest", "The request has been throttled".
      expect(one.body.error).toMatchObject({ code: "throttledRequest", message: "The request has been throttled" });
      const wait = Number(one.headers.get("retry-after"));
      expect(wait).toBeGreaterThan(0);
      await new Promise((r) => setTimeout(r, wait * 1000 + 5));
      expect((await app.get("/sites/root/lists")).status).toBe(200);
      expect(emu.stats().throttle?.throttled.app).toBe(refused.length);
    } finally {
      await emu.close();
    }
  });

  // LEARN, "User" row: 3,000 requests per user per 5 minutes, whatever app they use.
  it("limits a signed-in user to 3,000 SharePoint requests in 5 minutes", async () => {
    // Time nearly stands still (the budget does not refill while the test runs).
    const emu = await startEmulator({ port: 0, dataDir: null, throttle: { licences: 80_000, timeScale: 0.0001 } });
    try {
      const admin = callerFor(emu, Buffer.from('{"alg":"none"}').toString("base64url") + "." + Buffer.from(JSON.stringify({ upn: "admin@upc.test", appid: "one-app" })).toString("base64url") + ".");
      const all: Json[] = [];
      for (let i = 0; i < 31; i++) all.push(...(await Promise.all(Array.from({ length: 100 }, () => admin.get("/sites/root")))));
      expect(all.filter((r) => r.status === 200)).toHaveLength(3000);
      expect(all.filter((r) => r.status === 429)).toHaveLength(100);
      expect(emu.stats().throttle?.throttled.user).toBe(100);
    } finally {
      await emu.close();
    }
  }, 60_000);
});

describe("Exchange throttling", () => {
  // learn.microsoft.com/graph/throttling-limits#outlook-service-limits: "Four concurrent requests" per app ID and
  // mailbox; the service's answer as seen in learn.microsoft.com/en-us/answers/questions/968767 (429,
  // ApplicationThrottled, "Application is over its MailboxConcurrency limit.", Retry-After).
  it("refuses a fifth concurrent request to one mailbox from one app with 429 MailboxConcurrency", async () => {
    const emu = await startEmulator({ port: 0, dataDir: null, throttle: { licences: 5000, mailboxServiceMs: 60 } });
    try {
      const app = callerFor(emu, appToken());
      const answers = await Promise.all(Array.from({ length: 6 }, () => app.get("/users/sam.officer@upc.test/mailFolders/inbox")));
      expect(answers.filter((r) => r.status === 200)).toHaveLength(4);
      const refused = answers.filter((r) => r.status === 429);
      expect(refused).toHaveLength(2);
      expect(refused[0].body.error).toMatchObject({ code: "ApplicationThrottled", message: "Application is over its MailboxConcurrency limit." });
      expect(Number(refused[0].headers.get("retry-after"))).toBeGreaterThan(0);
      // Another mailbox, or another app, has its own four.
      const other = await Promise.all([
        ...Array.from({ length: 4 }, () => app.get("/users/kim.officer@upc.test/mailFolders/inbox")),
        ...Array.from({ length: 4 }, () => callerFor(emu, appToken(undefined, "another-app")).get("/users/sam.officer@upc.test/mailFolders/inbox")),
      ]);
      expect(other.every((r) => r.status === 200)).toBe(true);
    } finally {
      await emu.close();
    }
  });

  // learn.microsoft.com/graph/throttling-limits#outlook-service-limits: "Microsoft Graph sends the Outlook service up to
  // four individual requests from the batch at a time ... the execution of that batch stays within Outlook's
  // concurrency limits for the same mailbox".
  it("runs a batch's Outlook parts four at a time, so a batch alone stays within the limit but not beside other requests", async () => {
    const emu = await startEmulator({ port: 0, dataDir: null, throttle: { licences: 5000, mailboxServiceMs: 40 } });
    try {
      const app = callerFor(emu, appToken());
      const requests = Array.from({ length: 20 }, (_, n) => ({ id: String(n), method: "GET", url: "/users/sam.officer@upc.test/mailFolders/inbox" }));
      const alone = await app.post("/$batch", { requests });
      expect(alone.body.responses.every((r: Json) => r.status === 200)).toBe(true);
      const [beside] = await Promise.all([app.post("/$batch", { requests }), app.get("/users/sam.officer@upc.test/mailFolders/inbox"), app.get("/users/sam.officer@upc.test/mailFolders/inbox")]);
      expect(beside.body.responses.some((r: Json) => r.status === 429 && r.body.error.code === "ApplicationThrottled")).toBe(true);
    } finally {
      await emu.close();
    }
  });

  // learn.microsoft.com/graph/throttling-limits#outlook-service-limits: "10,000 API requests in a 10 minute period".
  it("refuses the 10,001st request to one mailbox in ten minutes", async () => {
    const emu = await startEmulator({ port: 0, dataDir: null, throttle: { licences: 5000, mailboxServiceMs: 0, timeScale: 0.0001 } });
    try {
      const app = callerFor(emu, appToken());
      let ok = 0;
      let refused: Json | undefined;
      // Twenty at a time in a batch (Graph dispatches them four at a time), each part counted on its own.
      const requests = Array.from({ length: 20 }, (_, n) => ({ id: String(n), method: "GET", url: "/users/kim.officer@upc.test/outlook/masterCategories" }));
      for (let i = 0; i < 520 && !refused; i++) {
        for (const r of (await app.post("/$batch", { requests })).body.responses) {
          if (r.status === 200) ok++;
          else refused ??= { status: r.status, body: r.body, headers: new Headers(r.headers) };
        }
      }
      expect(ok).toBe(10_000);
      expect(refused?.status).toBe(429);
      expect(refused?.body.error.code).toBe("ApplicationThrottled");
      expect(Number(refused?.headers.get("retry-after"))).toBeGreaterThan(0);
    } finally {
      await emu.close();
    }
  }, 120_000);
});
