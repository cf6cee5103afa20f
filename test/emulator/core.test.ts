// The emulator's core over real HTTP: sign-in errors, $batch, chaos, latency, stats, CORS and the control routes.
import { describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { BATCH_LIMIT } from "../../emulator/core/batch";
import { userToken } from "../support/tokens";
import { callerFor, useEmulator } from "../support/emulator";

const t = useEmulator();

describe("authentication", () => {
  // Graph answers a missing or bad token with 401 and the error resource: code, message and innerError with
  // date, request-id and client-request-id ("Microsoft Graph error responses and resource types",
  // https://learn.microsoft.com/graph/errors).
  it("answers a request without a token with 401 InvalidAuthenticationToken and Graph's error body", async () => {
    const res = await t.anonymous().get("/me", { "client-request-id": "c0ffee00-0000-4000-8000-000000000001" });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("InvalidAuthenticationToken");
    expect(typeof res.body.error.message).toBe("string");
    expect(res.body.error.innerError).toMatchObject({ "client-request-id": "c0ffee00-0000-4000-8000-000000000001" });
    expect(res.body.error.innerError["request-id"]).toMatch(/^[0-9a-f-]{36}$/);
    expect(res.body.error.innerError.date).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
    expect(res.headers.get("request-id")).toBe(res.body.error.innerError["request-id"]);
  });

  it("refuses a garbled token and a token for someone outside the directory", async () => {
    const garbled = await callerFor(t.emu, "not-a-jwt").get("/me");
    expect(garbled.status).toBe(401);
    expect(garbled.body.error.code).toBe("InvalidAuthenticationToken");
    const stranger = await callerFor(t.emu, userToken("mallory@evil.test")).get("/me");
    expect(stranger.status).toBe(401);
    expect(stranger.body.error.code).toBe("InvalidAuthenticationToken");
  });

  it("refuses an expired token", async () => {
    const b64 = (v: unknown) => Buffer.from(JSON.stringify(v)).toString("base64url");
    const expired = `${b64({ alg: "none" })}.${b64({ upn: "sam.officer@upc.test", exp: 1_000_000 })}.`;
    const res = await callerFor(t.emu, expired).get("/me");
    expect(res.status).toBe(401);
  });

  // A delegated token acts as its user; an app-only token (roles, no upn) acts as the application
  // ("Get access on behalf of a user" / "Get access without a user", https://learn.microsoft.com/graph/auth/).
  it("signs a delegated token in as its user and an app-only token in as the application", async () => {
    const me = await t.as("sam.officer@upc.test").get("/me");
    expect(me.status).toBe(200);
    expect(me.body.userPrincipalName).toBe("sam.officer@upc.test");
    const users = await t.app().get("/users");
    expect(users.status).toBe(200);
    expect(users.body.value.length).toBeGreaterThan(5);
  });
});

describe("routing", () => {
  it("answers an unknown path with Graph's 400 for an unknown segment", async () => {
    const res = await t.as("sam.officer@upc.test").get("/nothingHere");
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("BadRequest");
    expect(res.body.error.message).toContain("nothingHere");
  });

  // Browsers call Graph cross-origin; Graph answers CORS preflights (the task pane calls the emulator the same way).
  it("answers a CORS preflight", async () => {
    const res = await fetch(`${t.emu.url}/me`, {
      method: "OPTIONS",
      headers: { Origin: "https://localhost:3000", "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization" },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get("access-control-allow-origin")).toBe("https://localhost:3000");
    expect(res.headers.get("access-control-allow-headers")).toContain("authorization");
  });
});

describe("$batch", () => {
  // "Combine multiple HTTP requests using JSON batching" (https://learn.microsoft.com/graph/json-batching):
  // up to 20 requests, each answered with its own id, status, headers and body.
  it("runs 20 requests and answers each with its id and status", async () => {
    t.emu.resetStats();
    const requests = Array.from({ length: BATCH_LIMIT }, (_, n) => ({ id: String(n + 1), method: "GET", url: "/me" }));
    const res = await t.as("kim.officer@upc.test").post("/$batch", { requests });
    expect(res.status).toBe(200);
    expect(res.body.responses).toHaveLength(20);
    for (const r of res.body.responses) {
      expect(r.status).toBe(200);
      expect(r.body.userPrincipalName).toBe("kim.officer@upc.test");
    }
    expect(res.body.responses.map((r: { id: string }) => r.id).sort()).toEqual(requests.map((r) => r.id).sort());
    const stats = t.emu.stats();
    expect(stats.requests).toBe(1);
    expect(stats.batches).toBe(1);
    expect(stats.subRequests).toBe(20);
    expect(stats.byRoute["GET /me"]).toBe(20);
  });

  it("refuses 21 requests with 400, as Graph limits a batch to 20", async () => {
    const requests = Array.from({ length: 21 }, (_, n) => ({ id: String(n + 1), method: "GET", url: "/me" }));
    const res = await t.as("kim.officer@upc.test").post("/$batch", { requests });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("BadRequest");
    expect(res.body.error.message).toMatch(/20/);
  });

  it("refuses repeated request ids and an unauthenticated batch", async () => {
    const dup = await t.as("kim.officer@upc.test").post("/$batch", { requests: [{ id: "1", method: "GET", url: "/me" }, { id: "1", method: "GET", url: "/me" }] });
    expect(dup.status).toBe(400);
    const anon = await t.anonymous().post("/$batch", { requests: [{ id: "1", method: "GET", url: "/me" }] });
    expect(anon.status).toBe(401);
  });

  // dependsOn orders requests; "if an individual request fails, any request that depends on that request fails
  // with status code 424 (Failed Dependency)" (JSON batching, "Sequencing requests with the dependsOn property").
  it("runs dependsOn in order and fails dependents of a failed request with 424", async () => {
    const res = await t.as("admin@upc.test").post("/$batch", {
      requests: [
        { id: "a", method: "GET", url: "/sites/root/lists/NoSuchList" },
        { id: "b", method: "GET", url: "/me", dependsOn: ["a"] },
        { id: "c", method: "GET", url: "/me", dependsOn: ["b"] },
        { id: "d", method: "GET", url: "users/sam.officer@upc.test" },
      ],
    });
    expect(res.status).toBe(200);
    const byId = Object.fromEntries(res.body.responses.map((r: { id: string }) => [r.id, r]));
    expect(byId.a.status).toBe(404);
    expect(byId.b.status).toBe(424);
    expect(byId.c.status).toBe(424);
    expect(byId.d.status).toBe(200);
    expect(byId.d.body.mail).toBe("sam.officer@upc.test");
  });
});

describe("chaos and latency", () => {
  // Throttled requests get 429 with Retry-After; 503 also carries Retry-After ("Microsoft Graph throttling
  // guidance", https://learn.microsoft.com/graph/throttling). The rate applies to each request, batch parts included.
  it("answers throttled requests 429 TooManyRequests or 503 serviceNotAvailable, both with Retry-After", async () => {
    t.emu.setChaos(1);
    try {
      const seen = new Set<number>();
      for (let n = 0; n < 40; n++) {
        const res = await t.as("sam.officer@upc.test").get("/me");
        expect([429, 503]).toContain(res.status);
        expect(res.headers.get("retry-after")).toBe("1");
        expect(res.body.error.code).toBe(res.status === 429 ? "TooManyRequests" : "serviceNotAvailable");
        seen.add(res.status);
      }
      expect(seen).toEqual(new Set([429, 503]));
    } finally {
      t.emu.setChaos(0);
    }
  });

  it("throttles each batch part on its own, never the envelope", async () => {
    t.emu.setChaos(1);
    try {
      const res = await t.as("sam.officer@upc.test").post("/$batch", {
        requests: [
          { id: "1", method: "GET", url: "/me" },
          { id: "2", method: "GET", url: "/me" },
        ],
      });
      expect(res.status).toBe(200);
      for (const r of res.body.responses) {
        expect([429, 503]).toContain(r.status);
        expect(r.headers["Retry-After"]).toBe("1");
      }
    } finally {
      t.emu.setChaos(0);
    }
  });

  it("lets a chaos rate be set over HTTP and adds latency to each request", async () => {
    const set = await fetch(`${t.emu.origin}/_emulator/chaos`, { method: "POST", headers: { "Content-Type": "application/json", "X-Emulator-Secret": t.emu.secret }, body: JSON.stringify({ rate: 0, latencyMs: 120 }) });
    expect(set.status).toBe(200);
    const started = performance.now();
    const res = await t.as("sam.officer@upc.test").get("/me");
    expect(res.status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(110);
    t.emu.setChaos(0, 0);
  });
});

describe("control routes", () => {
  const secret = () => ({ "X-Emulator-Secret": t.emu.secret });

  it("reports health to anyone, and stats and their reset only with the emulator's secret", async () => {
    const health = await fetch(`${t.emu.origin}/_emulator/health`);
    expect(health.status).toBe(200);
    expect((await health.json()).status).toBe("ok");
    await t.as("sam.officer@upc.test").get("/me");
    const stats = await (await fetch(`${t.emu.origin}/_emulator/stats`, { headers: secret() })).json();
    expect(stats.requests).toBeGreaterThan(0);
    expect((await fetch(`${t.emu.origin}/_emulator/stats/reset`, { method: "POST", headers: secret() })).status).toBe(204);
    expect(t.emu.stats().requests).toBe(0);
  });

  it("refuses every other control route without the secret or with a wrong one, and changes nothing", async () => {
    await t.as("sam.officer@upc.test").get("/me");
    const before = t.emu.stats().requests;
    for (const [method, path, headers] of [
      ["GET", "/stats", {}],
      ["POST", "/stats/reset", {}],
      ["POST", "/chaos", { "X-Emulator-Secret": "guess" }],
      ["GET", "/subscriptions", {}],
      ["POST", "/notifications/pause", { "X-Emulator-Secret": "" }],
      ["GET", "/mail/kim.officer@upc.test/messages", {}],
    ] as const) {
      const res = await fetch(`${t.emu.origin}/_emulator${path}`, { method, headers: { "Content-Type": "application/json", ...headers }, body: method === "POST" ? JSON.stringify({ rate: 1 }) : undefined });
      expect(res.status, `${method} ${path}`).toBe(403);
      expect((await res.json()).error.message).toMatch(/X-Emulator-Secret/);
    }
    expect(t.emu.stats().requests).toBe(before);
    // The chaos rate asked for without the secret was not set: Graph still answers.
    expect((await t.as("sam.officer@upc.test").get("/me")).status).toBe(200);
  });
});

describe("browser origins", () => {
  const token = () => ({ Authorization: `Bearer ${userToken("sam.officer@upc.test")}` });

  it("answers pages from this machine with CORS for their own origin only", async () => {
    for (const origin of ["http://localhost:3000", "https://localhost:3000", "http://127.0.0.1:5173"]) {
      const pre = await fetch(`${t.emu.url}/me`, { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "GET", "Access-Control-Request-Headers": "authorization" } });
      expect(pre.status).toBe(204);
      expect(pre.headers.get("access-control-allow-origin")).toBe(origin);
      const res = await fetch(`${t.emu.url}/me`, { headers: { Origin: origin, ...token() } });
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe(origin);
    }
  });

  it("refuses a page from any other origin before anything runs, with no CORS headers", async () => {
    const before = t.emu.stats().requests;
    for (const origin of ["https://evil.example", "http://localhost.evil.example", "null"]) {
      const pre = await fetch(`${t.emu.url}/me`, { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "GET" } });
      expect(pre.status, origin).toBe(403);
      expect(pre.headers.get("access-control-allow-origin")).toBeNull();
      expect(pre.headers.get("access-control-allow-private-network")).toBeNull();
      // A form post needs no preflight: it is refused too, so nothing is delivered or written.
      const post = await fetch(`${t.emu.origin}/_emulator/deliver`, { method: "POST", headers: { Origin: origin, "Content-Type": "text/plain", "X-Emulator-Secret": t.emu.secret }, body: "{}" });
      expect(post.status).toBe(403);
      expect(post.headers.get("access-control-allow-origin")).toBeNull();
    }
    expect(t.emu.stats().requests).toBe(before);
  });

  it("answers an origin named in EMULATOR_ORIGINS", async () => {
    const emu = await startEmulator({ port: 0, dataDir: null, reset: true, origins: ["https://devbox.example:3000"] });
    try {
      const res = await fetch(`${emu.url}/me`, { headers: { Origin: "https://devbox.example:3000", ...token() } });
      expect(res.status).toBe(200);
      expect(res.headers.get("access-control-allow-origin")).toBe("https://devbox.example:3000");
      expect((await fetch(`${emu.url}/me`, { headers: { Origin: "https://other.example:3000", ...token() } })).status).toBe(403);
    } finally {
      await emu.close();
    }
  });
});
