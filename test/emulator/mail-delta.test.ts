// Message delta over real HTTP (initial round, incremental changes, removals) and mail state surviving a restart.
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator";
import { appToken } from "../support/tokens";

type Emulator = Awaited<ReturnType<typeof startEmulator>>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

const app = appToken();

async function call(emu: Emulator, method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(path.startsWith("http") ? path : `${emu.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${app}`, ...(body === undefined ? {} : { "Content-Type": "application/json" }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, headers: res.headers, body: (text ? JSON.parse(text) : undefined) as Json };
}

/** Follows nextLinks to the end of a round; returns every item and the deltaLink. */
async function round(emu: Emulator, first: string, headers: Record<string, string> = {}) {
  const items: Json[] = [];
  let url = first;
  let pages = 0;
  for (;;) {
    const r = await call(emu, "GET", url, undefined, headers);
    expect(r.status).toBe(200);
    pages++;
    items.push(...r.body.value);
    if (r.body["@odata.nextLink"]) {
      expect(r.body["@odata.deltaLink"]).toBeUndefined();
      url = r.body["@odata.nextLink"];
      continue;
    }
    expect(r.body["@odata.deltaLink"]).toContain("$deltatoken=");
    return { items, deltaLink: r.body["@odata.deltaLink"] as string, pages };
  }
}

describe("message delta", () => {
  let emu: Emulator;
  const who = "remi.reviewer@upc.test";

  beforeAll(async () => {
    emu = await startEmulator({ port: 0, dataDir: null });
  });

  afterAll(async () => {
    await emu.close();
    emu.mail.shutdown();
  });

  // https://learn.microsoft.com/graph/delta-query-messages, https://learn.microsoft.com/graph/api/message-delta
  it("returns the folder in pages, then only what changed: created, updated and @removed", async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++) ids.push(...(await emu.mail.deliver({ to: [who], from: { address: "d@example.org" }, subject: `D${i}`, body: "x" })));
    // Mail in another folder is not part of the inbox's delta.
    await call(emu, "POST", `/users/${who}/messages`, { subject: "a draft" });

    const prefer = { Prefer: "odata.maxpagesize=2" };
    const first = await round(emu, `/users/${who}/mailFolders/inbox/messages/delta?$select=subject,isRead`, prefer);
    expect(first.pages).toBe(3);
    expect(first.items.map((m) => m.id).sort()).toEqual([...ids].sort());
    expect(first.items[0]).toEqual({ "@odata.type": "#microsoft.graph.message", "@odata.etag": expect.any(String), id: expect.any(String), subject: expect.any(String), isRead: false });

    await call(emu, "DELETE", `/users/${who}/messages/${ids[0]}`);
    await call(emu, "PATCH", `/users/${who}/messages/${ids[1]}`, { isRead: true });
    const [fresh] = await emu.mail.deliver({ to: [who], from: { address: "d@example.org" }, subject: "D5", body: "x" });

    const second = await round(emu, first.deltaLink, prefer);
    expect(second.items).toHaveLength(3);
    expect(second.items.find((m) => m.id === ids[0])).toEqual({ "@odata.type": "#microsoft.graph.message", id: ids[0], "@removed": { reason: "deleted" } });
    expect(second.items.find((m) => m.id === ids[1])).toMatchObject({ isRead: true, subject: "D1" });
    expect(second.items.find((m) => m.id === fresh)).toMatchObject({ subject: "D5" });

    const third = await round(emu, second.deltaLink);
    expect(third.items).toEqual([]);
  });

  // https://learn.microsoft.com/graph/delta-query-messages#example-2-synchronize-messages-in-a-folder-based-on-change-type
  it("limits later rounds to one changeType when asked", async () => {
    const box = "rory.reviewer@upc.test";
    const [a] = await emu.mail.deliver({ to: [box], from: { address: "c@example.org" }, subject: "C0", body: "x" });
    const first = await round(emu, `/users/${box}/mailFolders/inbox/messages/delta?changeType=created`);
    expect(first.items.map((m) => m.id)).toEqual([a]);
    await call(emu, "PATCH", `/users/${box}/messages/${a}`, { categories: ["X"] });
    const [b] = await emu.mail.deliver({ to: [box], from: { address: "c@example.org" }, subject: "C1", body: "x" });
    const next = await round(emu, first.deltaLink);
    expect(next.items.map((m) => m.id)).toEqual([b]);
  });

  it("refuses a token from another folder or a damaged token", async () => {
    const r = await round(emu, `/users/${who}/mailFolders/inbox/messages/delta`);
    const token = new URL(r.deltaLink).searchParams.get("$deltatoken");
    const other = await call(emu, "GET", `/users/${who}/mailFolders/sentitems/messages/delta?$deltatoken=${token}`);
    expect(other.status).toBe(410);
    expect((await call(emu, "GET", `/users/${who}/mailFolders/inbox/messages/delta?$deltatoken=garbage`)).status).toBe(400);
  });
});

describe("mail state across a restart", () => {
  // https://learn.microsoft.com/graph/delta-query-overview#state-tokens (a saved deltaLink is used in the next round, whenever that is)
  it("keeps messages, categories, rules, folders, subscriptions and delta tokens", async () => {
    const dir = mkdtempSync(join(tmpdir(), "mail-emu-"));
    const notified: Json[] = [];
    const receiver = http.createServer((req, res) => {
      const url = new URL(req.url ?? "/", "http://x");
      const token = url.searchParams.get("validationToken");
      if (token !== null) return void res.writeHead(200, { "Content-Type": "text/plain" }).end(token);
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        notified.push(...JSON.parse(Buffer.concat(chunks).toString("utf8")).value);
        res.writeHead(202).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
    const notifyUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/n`;
    const box = "customer.relations@upc.test";
    let emu = await startEmulator({ port: 0, dataDir: dir });
    try {
      expect((await call(emu, "POST", `/users/${box}/outlook/masterCategories`, { displayName: "UPC Restricted", color: "preset0" })).status).toBe(201);
      expect(
        (
          await call(emu, "POST", `/users/${box}/mailFolders/inbox/messageRules`, {
            displayName: "flag",
            sequence: 1,
            isEnabled: true,
            conditions: { fromAddresses: [{ emailAddress: { address: "o'brien@example.org" } }] },
            actions: { assignCategories: ["UPC Restricted"] },
          })
        ).status,
      ).toBe(201);
      const folder = (await call(emu, "POST", `/users/${box}/mailFolders`, { displayName: "Kept" })).body;
      const [before] = await emu.mail.deliver({ to: [box], from: { address: "o'brien@example.org" }, subject: "Before", body: "x" });
      const sub = (
        await call(emu, "POST", "/subscriptions", {
          changeType: "created",
          notificationUrl: notifyUrl,
          resource: `users/${box}/mailFolders('inbox')/messages`,
          expirationDateTime: new Date(Date.now() + 86_400_000).toISOString(),
          clientState: "kept",
        })
      ).body;
      const first = await round(emu, `/users/${box}/mailFolders/inbox/messages/delta`);
      expect(first.items.map((m) => m.id)).toEqual([before]);
      const port = emu.port;
      await emu.close();
      emu.mail.shutdown();

      emu = await startEmulator({ port, dataDir: dir });
      expect((await call(emu, "GET", `/users/${box}/messages/${before}`)).body.categories).toEqual(["UPC Restricted"]);
      expect((await call(emu, "GET", `/users/${box}/outlook/masterCategories`)).body.value.map((c: Json) => c.displayName)).toContain("UPC Restricted");
      expect((await call(emu, "GET", `/users/${box}/mailFolders/${folder.id}`)).body.displayName).toBe("Kept");
      expect((await call(emu, "GET", `/subscriptions/${sub.id}`)).status).toBe(200);

      const [after] = await emu.mail.deliver({ to: [box], from: { address: "O'Brien@example.org" }, subject: "After", body: "x" });
      expect((await call(emu, "GET", `/users/${box}/messages/${after}`)).body.categories).toEqual(["UPC Restricted"]);
      await emu.mail.notificationsIdle();
      expect(notified.map((n) => [n.clientState, n.resourceData.id])).toEqual([["kept", after]]);
      const next = await round(emu, first.deltaLink);
      expect(next.items.map((m) => m.id)).toEqual([after]);
    } finally {
      await emu.close();
      emu.mail.shutdown();
      await new Promise((resolve) => receiver.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
