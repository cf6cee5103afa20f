// Mail as Exchange answers through Graph, where the emulator used to be kinder: incoming mail only through the control
// route (POST …/messages makes drafts), ids that change when a message moves unless immutable ids are asked for, only
// enabled rules in the quota, https notification URLs, lifecycle events Graph sends on its own, delta tokens that age.
import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../emulator";
import { appToken } from "../support/tokens";
import { callerFor, type Json } from "../support/emulator";

const SAM = "sam.officer@upc.test";
const KIM = "kim.officer@upc.test";
const IMMUTABLE = { Prefer: 'IdType="ImmutableId"' };

let emu: Emulator;
const app = () => callerFor(emu, appToken());

async function deliver(to: string, message: Record<string, unknown>, headers: Record<string, string> = {}) {
  const res = await fetch(`${emu.origin}/_emulator/deliver`, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-Emulator-Secret": emu.secret, ...headers },
    body: JSON.stringify({ to, message }),
  });
  const text = await res.text();
  return { status: res.status, body: (text ? JSON.parse(text) : undefined) as Json };
}

const from = (address: string) => ({ from: { emailAddress: { name: address, address } } });

beforeAll(async () => {
  emu = await startEmulator({ port: 0, dataDir: null, throttle: false });
});

afterAll(async () => {
  await emu.close();
});

describe("incoming mail", () => {
  // DESIGN.md "The emulator": POST /_emulator/deliver with X-Emulator-Secret and { to, message }, answered 201 with the
  // message as the mailbox then holds it; 403 without the secret.
  it("delivers through the control route only with the emulator's secret, running the mailbox's rules", async () => {
    await app().post(`/users/${KIM}/mailFolders/inbox/messageRules`, { displayName: "r", sequence: 1, isEnabled: true, conditions: { senderContains: ["persistent.example"] }, actions: { assignCategories: ["UPC Monitoring"] } });
    const message = { subject: "Again", body: { contentType: "text", content: "Hello" }, ...from("p@persistent.example"), internetMessageId: "<fidelity-1@persistent.example>" };
    const refused = await fetch(`${emu.origin}/_emulator/deliver`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ to: KIM, message }) });
    expect(refused.status).toBe(403);
    expect((await deliver(KIM, message, { "X-Emulator-Secret": "wrong" })).status).toBe(403);
    const ok = await deliver(KIM, message);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ subject: "Again", isDraft: false, categories: ["UPC Monitoring"], internetMessageId: "<fidelity-1@persistent.example>" });
    expect(ok.body.id).toMatch(/^AAMkAG/);
    const inbox = (await app().get(`/users/${KIM}/mailFolders/inbox`)).body.id;
    expect(ok.body.parentFolderId).toBe(inbox);
  });

  // learn.microsoft.com/graph/api/mailfolder-post-messages: "create a draft of a new message in the specified folder":
  // in the inbox too (GRAPH-FIDELITY.md MAIL-post-inbox), with no transport and no inbox rules.
  it("makes a draft, not a delivery, of POST to the inbox's messages", async () => {
    const posted = await app().post(`/users/${KIM}/mailFolders/inbox/messages`, { subject: "Posted", ...from("p@persistent.example") });
    expect(posted.status).toBe(201);
    expect(posted.body).toMatchObject({ isDraft: true, categories: [] });
  });
});

describe("message ids when a message moves", () => {
  // learn.microsoft.com/graph/outlook-immutable-id: an item's id changes when it moves to another folder; with
  // Prefer: IdType="ImmutableId" the id "won't change so long as the item stays in the same mailbox"; the header "only
  // applies to the request it is included with". learn.microsoft.com/graph/api/message-move answers 201 with the message.
  it("gives a moved message a new id, keeps its immutable id, and answers the old id 404", async () => {
    const plain = (await deliver(SAM, { subject: "Move me", ...from("x@example.org") })).body;
    const immutable = (await app().get(`/users/${SAM}/messages/${plain.id}?$select=id`, IMMUTABLE)).body.id;
    expect(immutable).toMatch(/^AAkALg/);
    expect(immutable).not.toBe(plain.id);
    const moved = await app().post(`/users/${SAM}/messages/${plain.id}/move`, { destinationId: "archive" });
    expect(moved.status).toBe(201);
    expect(moved.body.id).not.toBe(plain.id);
    expect((await app().get(`/users/${SAM}/messages/${plain.id}`)).status).toBe(404);
    expect((await app().get(`/users/${SAM}/messages/${moved.body.id}`)).status).toBe(200);
    // The immutable id reaches the message wherever it is, and a PATCH by it works after the move.
    const patched = await app().patch(`/users/${SAM}/messages/${immutable}`, { categories: ["Blue category"] }, IMMUTABLE);
    expect(patched.status).toBe(200);
    expect(patched.body.id).toBe(immutable);
    const again = await app().post(`/users/${SAM}/messages/${immutable}/move`, { destinationId: "inbox" }, IMMUTABLE);
    expect(again.body.id).toBe(immutable);
  });

  // learn.microsoft.com/graph/outlook-immutable-id, "Immutable ID with change notifications" (a subscription made with
  // the header) and delta: each request that sends the header sees immutable ids.
  it("reads immutable ids in delta and lists when the request asks for them", async () => {
    const d = (await deliver(SAM, { subject: "Delta me", ...from("y@example.org") })).body;
    const plainDelta = (await app().get(`/users/${SAM}/mailFolders/inbox/messages/delta?$select=subject`)).body;
    const immutableDelta = (await app().get(`/users/${SAM}/mailFolders/inbox/messages/delta?$select=subject`, IMMUTABLE)).body;
    const idOf = (page: Json) => page.value.find((m: Json) => m.subject === "Delta me").id;
    expect(idOf(plainDelta)).toBe(d.id);
    expect(idOf(immutableDelta)).toMatch(/^AAkALg/);
  });
});

describe("inbox rules quota", () => {
  // learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/outlook-on-the-web/increase-the-space-used-by-inbox-rules:
  // only enabled rules count against the 256 KB (GRAPH-FIDELITY.md MAIL-rules-quota).
  it("leaves disabled rules out of the 256 KB quota", async () => {
    const big = (n: number) => Array.from({ length: 1700 }, (_, i) => ({ emailAddress: { name: `a${n}-${i}@example.org`, address: `a${n}-${i}@example.org` } }));
    const rules = `/users/${SAM}/mailFolders/inbox/messageRules`;
    expect((await app().post(rules, { displayName: "on", sequence: 1, isEnabled: true, conditions: { fromAddresses: big(1) }, actions: { markAsRead: true } })).status).toBe(201);
    expect((await app().post(rules, { displayName: "off", sequence: 2, isEnabled: false, conditions: { fromAddresses: big(2) }, actions: { markAsRead: true } })).status).toBe(201);
    const enabling = await app().post(rules, { displayName: "on too", sequence: 3, isEnabled: true, conditions: { fromAddresses: big(3) }, actions: { markAsRead: true } });
    expect(enabling.status).toBe(500);
    expect(enabling.body.error.code).toBe("ErrorRulesOverQuota");
  });
});

describe("subscriptions", () => {
  let server: http.Server;
  let base = "";
  const lifecycle: Json[] = [];
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const token = url.searchParams.get("validationToken");
        if (token !== null) return void res.writeHead(200, { "Content-Type": "text/plain" }).end(token);
        if (url.pathname === "/lifecycle") lifecycle.push(...JSON.parse(Buffer.concat(chunks).toString("utf8")).value);
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const subscribe = (notificationUrl: string) =>
    app().post("/subscriptions", {
      changeType: "created",
      notificationUrl,
      lifecycleNotificationUrl: `${base}/lifecycle`,
      resource: `users/${KIM}/mailFolders('inbox')/messages`,
      expirationDateTime: new Date(Date.now() + 24 * 3_600_000).toISOString(),
      clientState: "fidelity-client-state",
    });

  // learn.microsoft.com/graph/api/resources/subscription: notificationUrl "must make use of the HTTPS protocol"; Graph
  // answered http with 400 InvalidRequest "NotificationUrl scheme='http' is not supported."
  // (github.com/microsoftgraph/microsoft-graph-docs/issues/2751). Loopback http only in development mode.
  it("needs https, allowing loopback http only in development mode", async () => {
    const remote = await subscribe("http://service.example/notify");
    expect(remote.status).toBe(400);
    expect(remote.body.error).toMatchObject({ code: "InvalidRequest", message: "NotificationUrl scheme='http' is not supported." });
    expect((await subscribe(`${base}/notify`)).status).toBe(201);
    emu.mail.configureNotifications({ developmentMode: false });
    try {
      expect((await subscribe(`${base}/notify`)).status).toBe(400);
    } finally {
      emu.mail.configureNotifications({ developmentMode: true });
    }
  });

  // learn.microsoft.com/graph/change-notifications-lifecycle-events: Graph sends reauthorizationRequired itself "when
  // the access token is about to expire" and "when the subscription is about to expire" (no test control call here).
  it("sends reauthorizationRequired on its own, and again a token's life after a reauthorize", async () => {
    emu.mail.configureNotifications({ reauthorizationIntervalMs: 300 });
    try {
      const s = (await subscribe(`${base}/notify`)).body;
      const wait = async (n: number) => {
        for (let i = 0; i < 60 && lifecycle.filter((l) => l.subscriptionId === s.id).length < n; i++) await new Promise((r) => setTimeout(r, 100));
        return lifecycle.filter((l) => l.subscriptionId === s.id);
      };
      const first = await wait(1);
      expect(first[0]).toMatchObject({ lifecycleEvent: "reauthorizationRequired", clientState: "fidelity-client-state" });
      expect((await app().post(`/subscriptions/${s.id}/reauthorize`, {})).status).toBe(204);
      expect(await wait(2)).toHaveLength(2);
    } finally {
      emu.mail.configureNotifications({ reauthorizationIntervalMs: 3_600_000 });
    }
  });
});

describe("message delta tokens age out", () => {
  // learn.microsoft.com/graph/delta-query-overview: a sync state that is gone answers 410 Gone (SyncStateNotFound).
  it("answers an old delta link 410 SyncStateNotFound", async () => {
    let page = (await app().get(`/users/${KIM}/mailFolders/inbox/messages/delta`)).body;
    while (page["@odata.nextLink"]) page = (await app().get(page["@odata.nextLink"])).body;
    const link = page["@odata.deltaLink"] as string;
    expect((await app().get(link)).status).toBe(200);
    emu.mail.configureNotifications({ deltaTokenMaxAgeMs: 0 });
    try {
      await new Promise((r) => setTimeout(r, 5));
      const gone = await app().get(link);
      expect(gone.status).toBe(410);
      expect(gone.body.error.code).toBe("SyncStateNotFound");
    } finally {
      emu.mail.configureNotifications({ deltaTokenMaxAgeMs: 7 * 86_400_000 });
    }
  });
});
