// Subscriptions and notifications over real HTTP: validation handshake, change notifications, batching, renew, expiry, lifecycle.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { appToken, userToken } from "../support/tokens";

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const KIM = "kim.officer@upc.test";
const SAM = "sam.officer@upc.test";
const app = appToken();

/** A notification endpoint as the product's service would run it, with switches to misbehave. */
interface Receiver {
  base: string;
  validations: { path: string; token: string }[];
  /** Every POST body received per path, in order. */
  posts: Record<string, Json[]>;
  validation: "echo" | "500" | "wrong" | "json" | "slow";
  /** Answer this many notification POSTs with 500 before accepting. */
  failNext: number;
  failAlways: boolean;
  delayMs: number;
  close(): Promise<void>;
}

async function startReceiver(): Promise<Receiver> {
  const r: Receiver = {
    base: "",
    validations: [],
    posts: {},
    validation: "echo",
    failNext: 0,
    failAlways: false,
    delayMs: 0,
    close: async () => {},
  };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const token = url.searchParams.get("validationToken");
      if (token !== null) {
        r.validations.push({ path: url.pathname, token });
        if (r.validation === "500") return void res.writeHead(500).end();
        if (r.validation === "slow") return void setTimeout(() => res.writeHead(200, { "Content-Type": "text/plain" }).end(token), 1_500);
        if (r.validation === "json") return void res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify(token));
        return void res.writeHead(200, { "Content-Type": "text/plain" }).end(r.validation === "wrong" ? `${token}x` : token);
      }
      const answer = () => {
        if (r.failAlways || r.failNext > 0) {
          r.failNext = Math.max(0, r.failNext - 1);
          return void res.writeHead(500).end();
        }
        (r.posts[url.pathname] ??= []).push(JSON.parse(Buffer.concat(chunks).toString("utf8")));
        res.writeHead(202).end();
      };
      if (r.delayMs) setTimeout(answer, r.delayMs);
      else answer();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  r.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  r.close = () => new Promise((resolve) => server.close(() => resolve()));
  return r;
}

let emu: Emulator;
let rx: Receiver;

async function call(method: string, path: string, token: string, body?: unknown) {
  const res = await fetch(`${emu.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${token}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }) },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json };
}

async function control(method: string, path: string, body?: unknown) {
  const res = await fetch(`${emu.origin}/_emulator${path}`, {
    method,
    headers: body === undefined ? { "X-Emulator-Secret": emu.secret } : { "Content-Type": "application/json", "X-Emulator-Secret": emu.secret },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json };
}

async function deliver(to: string, subject = "Hello") {
  return emu.mail.deliverNow({ to: [to], from: { name: "Pat O'Brien", address: "o'brien@example.org" }, subject, body: "x" }).ids[0];
}

async function idle() {
  expect((await control("POST", "/notifications/idle", { timeoutMs: 5_000 })).status).toBe(204);
}

async function waitFor<T>(get: () => T | undefined, what: string, timeoutMs = 5_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = get();
    if (v !== undefined) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** Notifications (not POST bodies) received on a path. */
function received(path: string): Json[] {
  return (rx.posts[path] ?? []).flatMap((b) => b.value);
}

function inMinutes(min: number): string {
  return new Date(Date.now() + min * 60_000).toISOString();
}

async function subscribe(extra: Record<string, unknown> = {}, token = app) {
  return call("POST", "/subscriptions", token, {
    changeType: "created",
    notificationUrl: `${rx.base}/notify`,
    lifecycleNotificationUrl: `${rx.base}/lifecycle`,
    resource: `users/${KIM}/mailFolders('inbox')/messages`,
    expirationDateTime: inMinutes(60 * 24),
    clientState: "s3cret-client-state",
    ...extra,
  });
}

beforeAll(async () => {
  emu = await startEmulator({ port: 0, dataDir: null });
  rx = await startReceiver();
});

afterAll(async () => {
  await emu.close();
  emu.mail.shutdown();
  await rx.close();
});

afterEach(async () => {
  // Each test starts with a well-behaved receiver and no subscriptions.
  rx.validation = "echo";
  rx.failNext = 0;
  rx.failAlways = false;
  rx.delayMs = 0;
  emu.mail.resumeNotifications();
  emu.mail.configureNotifications({ retryBaseMs: 1_000, retryMaxDelayMs: 60_000, retryWindowMs: 4 * 3600_000, validationTimeoutMs: 10_000 });
  for (const s of emu.mail.subscriptions()) emu.mail.expireSubscription(String(s.id));
  await emu.mail.notificationsIdle();
  rx.posts = {};
  rx.validations = [];
});

describe("creating a subscription", () => {
  // https://learn.microsoft.com/graph/change-notifications-delivery-webhooks#notificationurl-validation
  it("validates notificationUrl and lifecycleNotificationUrl by echoing the token, then answers 201", async () => {
    const r = await subscribe();
    expect(r.status).toBe(201);
    expect(r.body).toMatchObject({
      id: expect.any(String),
      changeType: "created",
      notificationUrl: `${rx.base}/notify`,
      lifecycleNotificationUrl: `${rx.base}/lifecycle`,
      clientState: "s3cret-client-state",
      resource: `users/${KIM}/mailFolders('inbox')/messages`,
    });
    expect(rx.validations.map((v) => v.path)).toEqual(["/notify", "/lifecycle"]);
    // The token is opaque text with spaces and colons; the receiver must URL-decode it.
    expect(rx.validations[0].token).toMatch(/^Validation: /);
    const got = await call("GET", `/subscriptions/${r.body.id}`, app);
    expect(got.status).toBe(200);
    expect((await call("GET", "/subscriptions", app)).body.value.map((s: Json) => s.id)).toContain(r.body.id);
    // Another app does not see it.
    expect((await call("GET", "/subscriptions", appToken(undefined, "other-app"))).body.value).toEqual([]);
    const listed = await control("GET", "/subscriptions");
    expect(listed.body.value.find((s: Json) => s.id === r.body.id).notificationUrl).toBe(`${rx.base}/notify`);
  });

  // https://learn.microsoft.com/graph/change-notifications-delivery-webhooks#notificationurl-validation (200, text/plain, exact token, 10 s)
  it.each([
    ["500", "Notification endpoint must respond with 200 OK"],
    ["wrong", "Response must exactly match validationToken query parameter"],
    ["json", "text/plain"],
    ["slow", "timed out"],
  ] as const)("refuses the subscription when the endpoint's validation answer is %s", async (mode, message) => {
    emu.mail.configureNotifications({ validationTimeoutMs: 500 });
    rx.validation = mode;
    const r = await subscribe();
    expect(r.status).toBe(400);
    expect(r.body.error.message).toContain(message);
    expect(r.body.error.message).toMatch(/^Subscription validation request (failed|timed out)/);
    expect(emu.mail.subscriptions()).toEqual([]);
  });

  // https://learn.microsoft.com/graph/api/resources/subscription (maximum length for Outlook messages, clientState ≤ 128)
  it("checks expirationDateTime, clientState, resource and who may subscribe", async () => {
    expect((await subscribe({ expirationDateTime: inMinutes(10_080 + 10) })).status).toBe(400);
    expect((await subscribe({ expirationDateTime: inMinutes(-1) })).status).toBe(400);
    expect((await subscribe({ clientState: "x".repeat(129) })).status).toBe(400);
    expect((await subscribe({ resource: "sites/root/lists" })).status).toBe(400);
    // A user may subscribe to their own inbox (with /me), not to someone else's.
    const own = await subscribe({ resource: "me/mailFolders('Inbox')/messages" }, userToken(KIM));
    expect(own.status).toBe(201);
    expect((await subscribe({ resource: `/users/${SAM}/mailFolders/inbox/messages` }, userToken(KIM))).status).toBe(403);
    expect((await subscribe({}, appToken(["Sites.FullControl.All"]))).status).toBe(403);
    // An expiration under 45 minutes away is moved out to 45 minutes.
    const short = await subscribe({ expirationDateTime: inMinutes(5) });
    expect(short.status).toBe(201);
    expect(Date.parse(short.body.expirationDateTime) - Date.now()).toBeGreaterThan(44 * 60_000);
  });
});

describe("change notifications", () => {
  // https://learn.microsoft.com/graph/change-notifications-delivery-webhooks#change-notification-example, https://learn.microsoft.com/graph/api/resources/changenotification
  it("POSTs created notifications for the inbox with clientState and resourceData.id, and nothing for other folders or mailboxes", async () => {
    const sub = (await subscribe()).body;
    const id = await deliver(KIM);
    const n = await waitFor(() => received("/notify")[0], "a change notification");
    const kimId = (await call("GET", `/users/${KIM}`, app)).body.id;
    expect(n).toEqual({
      subscriptionId: sub.id,
      subscriptionExpirationDateTime: sub.expirationDateTime,
      changeType: "created",
      resource: `Users/${kimId}/Messages/${id}`,
      resourceData: { "@odata.type": "#Microsoft.Graph.Message", "@odata.id": `Users/${kimId}/Messages/${id}`, "@odata.etag": expect.stringMatching(/^W\/"/), id },
      clientState: "s3cret-client-state",
      tenantId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
    // The id in the notification can be read back.
    expect((await call("GET", `/users/${KIM}/messages/${n.resourceData.id}`, app)).status).toBe(200);
    await deliver(SAM);
    await call("POST", `/users/${KIM}/messages`, app, { subject: "draft" });
    await idle();
    expect(received("/notify")).toHaveLength(1);
  });

  // https://learn.microsoft.com/graph/change-notifications-delivery-webhooks#receive-notifications ("multiple notifications … in the same POST request")
  it("batches notifications that pile up behind a slow endpoint", async () => {
    await subscribe();
    rx.delayMs = 300;
    await deliver(KIM, "first");
    await new Promise((r) => setTimeout(r, 50));
    for (let i = 0; i < 4; i++) await deliver(KIM, `more ${i}`);
    await idle();
    const bodies = rx.posts["/notify"];
    expect(bodies.map((b: Json) => b.value.length)).toEqual([1, 4]);
  });

  it("holds notifications while paused and delivers them on resume, in one POST", async () => {
    await subscribe();
    await control("POST", "/notifications/pause");
    for (let i = 0; i < 5; i++) await deliver(KIM, `while down ${i}`);
    await new Promise((r) => setTimeout(r, 100));
    expect(rx.posts["/notify"]).toBeUndefined();
    expect((await control("GET", "/notifications")).body.pending).toBe(5);
    await control("POST", "/notifications/resume");
    await idle();
    expect(rx.posts["/notify"]).toHaveLength(1);
    expect(received("/notify")).toHaveLength(5);
  });

  // https://learn.microsoft.com/graph/change-notifications-delivery-webhooks#throttling (retries on failure)
  it("retries a failed POST with backoff until the endpoint accepts it", async () => {
    emu.mail.configureNotifications({ retryBaseMs: 50 });
    await subscribe();
    rx.failNext = 2;
    const id = await deliver(KIM);
    const n = await waitFor(() => received("/notify")[0], "the retried notification");
    expect(n.resourceData.id).toBe(id);
    expect(emu.mail.notificationStats().failedPosts).toBeGreaterThanOrEqual(2);
  });

  // https://learn.microsoft.com/graph/change-notifications-lifecycle-events#missed-notifications
  it("drops notifications that keep failing and tells the lifecycle endpoint they were missed", async () => {
    emu.mail.configureNotifications({ retryBaseMs: 50, retryMaxDelayMs: 100, retryWindowMs: 400 });
    const sub = (await subscribe({ notificationUrl: `${rx.base}/notify` })).body;
    rx.failAlways = true;
    await deliver(KIM);
    await waitFor(() => (emu.mail.notificationStats().dropped > 0 ? true : undefined), "the drop");
    rx.failAlways = false;
    const missed = await waitFor(() => received("/lifecycle")[0], "a missed notification");
    expect(missed).toMatchObject({ subscriptionId: sub.id, lifecycleEvent: "missed", clientState: "s3cret-client-state" });
    expect(received("/notify")).toEqual([]);
  });

  it("notifies updated and deleted changes when subscribed to them", async () => {
    await subscribe({ changeType: "updated,deleted" });
    const id = await deliver(KIM);
    await call("PATCH", `/users/${KIM}/messages/${id}`, app, { categories: ["UPC Restricted"] });
    await call("DELETE", `/users/${KIM}/messages/${id}`, app);
    await idle();
    expect(received("/notify").map((n: Json) => [n.changeType, n.resourceData.id])).toEqual([
      ["updated", id],
      ["deleted", id],
    ]);
  });
});

describe("renewing, deleting and expiry", () => {
  // https://learn.microsoft.com/graph/api/subscription-update
  it("renews with PATCH expirationDateTime", async () => {
    const sub = (await subscribe()).body;
    const later = inMinutes(60 * 48);
    const r = await call("PATCH", `/subscriptions/${sub.id}`, app, { expirationDateTime: later });
    expect(r.status).toBe(200);
    expect(Date.parse(r.body.expirationDateTime)).toBe(Date.parse(later));
    expect((await call("PATCH", `/subscriptions/${sub.id}`, app, { expirationDateTime: inMinutes(20_000) })).status).toBe(400);
  });

  // https://learn.microsoft.com/graph/api/subscription-delete
  it("deletes: 204, then 404 and no more notifications", async () => {
    const sub = (await subscribe()).body;
    expect((await call("DELETE", `/subscriptions/${sub.id}`, app)).status).toBe(204);
    expect((await call("GET", `/subscriptions/${sub.id}`, app)).status).toBe(404);
    await deliver(KIM);
    await idle();
    expect(received("/notify")).toEqual([]);
  });

  // https://learn.microsoft.com/graph/change-notifications-delivery-webhooks#renew-a-subscription ("If you don't renew … Microsoft Graph deletes the subscription")
  it("drops an expired subscription, which then gets no notifications", async () => {
    const sub = (await subscribe()).body;
    expect((await control("POST", `/subscriptions/${sub.id}/expire`)).status).toBe(204);
    expect((await call("GET", `/subscriptions/${sub.id}`, app)).status).toBe(404);
    await deliver(KIM);
    await idle();
    expect(received("/notify")).toEqual([]);
  });
});

describe("lifecycle notifications", () => {
  // https://learn.microsoft.com/graph/change-notifications-lifecycle-events#structure-of-a-lifecycle-notification
  it("sends missed to the lifecycle endpoint and keeps the subscription", async () => {
    const sub = (await subscribe()).body;
    expect((await control("POST", `/subscriptions/${sub.id}/lifecycle`, { event: "missed" })).status).toBe(202);
    const n = await waitFor(() => received("/lifecycle")[0], "missed");
    expect(n).toEqual({
      subscriptionId: sub.id,
      subscriptionExpirationDateTime: sub.expirationDateTime,
      tenantId: expect.any(String),
      clientState: "s3cret-client-state",
      lifecycleEvent: "missed",
    });
    expect((await call("GET", `/subscriptions/${sub.id}`, app)).status).toBe(200);
  });

  // https://learn.microsoft.com/graph/change-notifications-lifecycle-events#responding-to-reauthorizationrequired-notifications
  it("stops change notifications after reauthorizationRequired until POST /subscriptions/{id}/reauthorize", async () => {
    const sub = (await subscribe()).body;
    await control("POST", `/subscriptions/${sub.id}/lifecycle`, { event: "reauthorizationRequired", graceMs: 0 });
    const n = await waitFor(() => received("/lifecycle")[0], "reauthorizationRequired");
    expect(n.lifecycleEvent).toBe("reauthorizationRequired");
    await deliver(KIM, "lost while unauthorised");
    await idle();
    expect(received("/notify")).toEqual([]);
    // subscription-reauthorize.md: "If successful, this action returns a 204 No Content response code".
    expect((await call("POST", `/subscriptions/${sub.id}/reauthorize`, app)).status).toBe(204);
    const id = await deliver(KIM, "after");
    const after = await waitFor(() => received("/notify")[0], "a notification after reauthorize");
    expect(after.resourceData.id).toBe(id);
  });

  // https://learn.microsoft.com/graph/change-notifications-lifecycle-events#subscriptionremoved-notifications
  it("deletes the subscription on subscriptionRemoved", async () => {
    const sub = (await subscribe()).body;
    await emu.mail.fireLifecycle(sub.id, "subscriptionRemoved");
    const n = await waitFor(() => received("/lifecycle")[0], "subscriptionRemoved");
    expect(n.lifecycleEvent).toBe("subscriptionRemoved");
    expect((await call("GET", `/subscriptions/${sub.id}`, app)).status).toBe(404);
    await deliver(KIM);
    await idle();
    expect(received("/notify")).toEqual([]);
  });

  it("refuses a lifecycle event for a subscription without lifecycleNotificationUrl", async () => {
    const sub = (await subscribe({ lifecycleNotificationUrl: undefined })).body;
    expect((await control("POST", `/subscriptions/${sub.id}/lifecycle`, { event: "missed" })).status).toBe(400);
  });
});
