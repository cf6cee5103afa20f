// The service's HTTP entry points stay bounded under abuse (issue: a 210 MB body accepted; one log line per forged
// POST, 20,008 lines from a flood; a forged `subscriptionRemoved` with the right clientState left the old
// subscription alive, 1 → 6 after five). Real HTTP to the service, against the emulator.
import { request } from "node:http";
import { startProduct, type Product } from "../support/product";
import { CLIENT_STATE, settle, startFlagging, type Started } from "./service-support";

let p: Product;
let s: Started;
const SAM = "sam.officer@upc.test";

beforeAll(async () => {
  p = await startProduct({ seed: true });
  s = await startFlagging(p);
  await settle(p, [s]);
});
afterAll(async () => {
  await s?.close();
  await p?.close();
});

async function post(path: string, body: unknown): Promise<number> {
  const res = await fetch(`${s.url}${path}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  await res.text();
  return res.status;
}

/** Streams up to 210 MB to `path` and says what came back and how much had been sent by then. */
function flood(path: string): Promise<{ status: number; sentMb: number }> {
  return new Promise((resolve, reject) => {
    const url = new URL(path, s.url);
    const req = request({ host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers: { "Content-Type": "application/json" } });
    const chunk = Buffer.alloc(256 * 1024, 0x20);
    let sent = 0;
    let answered = false;
    req.on("response", (res) => {
      answered = true;
      res.resume();
      resolve({ status: res.statusCode ?? 0, sentMb: sent / 1024 / 1024 });
    });
    req.on("error", (e) => (answered ? undefined : reject(e)));
    const pump = () => {
      while (!answered && sent < 210 * 1024 * 1024) {
        sent += chunk.length;
        if (!req.write(chunk)) return void req.once("drain", pump);
      }
      if (!answered) req.end();
    };
    pump();
  });
}

it("refuses an oversized body with 413 long before it is all sent, on Graph's endpoints and the case service's", async () => {
  for (const path of ["/notifications", "/lifecycle", "/api/customers"]) {
    const r = await flood(path);
    expect(r.status).toBe(413);
    expect(r.sentMb).toBeLessThan(50);
  }
  // Still answering.
  expect(await post("/notifications", { value: [] })).toBe(202);
});

it("writes a count a minute for a flood of forged notifications, not a line for each", async () => {
  const before = s.logs.length;
  const rejected = s.service.stats.rejected;
  const sub = s.service.watched()[0].subscriptionId;
  const forged = { value: [{ subscriptionId: sub, clientState: "forged", changeType: "created" }] };
  for (let i = 0; i < 2000; i += 50) await Promise.all(Array.from({ length: 50 }, () => post("/notifications", forged)));
  for (let i = 0; i < 100; i++) await post("/notifications", { value: "not a collection" });
  expect(s.service.stats.rejected).toBe(rejected + 2000);
  const lines = s.logs.slice(before);
  expect(lines.filter((l) => l.includes("notification.forged"))).toHaveLength(1);
  expect(lines.filter((l) => l.includes("notification.malformed"))).toHaveLength(1);
  expect(lines.length).toBeLessThan(20);
});

it("keeps one subscription for a mailbox through five forged `subscriptionRemoved` notices with the right clientState", async () => {
  const sub = s.service.watched().find((w) => w.upn === SAM)!.subscriptionId!;
  const userId = p.emu.mail.subscriptions().find((x) => x.id === sub)!.userId;
  const mine = () => p.emu.mail.subscriptions().filter((x) => x.userId === userId);
  expect(mine()).toHaveLength(1);
  for (let i = 0; i < 5; i++) expect(await post("/lifecycle", { value: [{ subscriptionId: sub, clientState: CLIENT_STATE, lifecycleEvent: "subscriptionRemoved" }] })).toBe(202);
  await settle(p, [s]);
  expect(mine()).toHaveLength(1);
  expect(mine()[0].id).toBe(sub);
  expect(s.service.watched().find((w) => w.upn === SAM)!.subscriptionId).toBe(sub);
});
