// Helpers for the flagging service's integration tests: a service with quick timers, waiting until everything has
// settled, a relay in front of service instances (round-robin, or dropping change notifications), and mail helpers.
import { createServer, request as httpRequest } from "node:http";
import type { AddressInfo } from "node:net";
import { startService, type RunningService, type StartServiceOptions } from "../../service/server";
import { findByMessageId } from "../../graph/repos/contacts";
import type { Product } from "../support/product";

export const CLIENT_STATE = "integration-test-client-state-0123456789abcdef";

export interface Started extends RunningService {
  logs: string[];
}

/** A service against the product's emulator with quick timers (no scheduler, no periodic sweep unless asked). */
export async function startFlagging(p: Product, opts: StartServiceOptions = {}): Promise<Started> {
  const logs: string[] = [];
  const s = await startService({
    graphBaseUrl: p.emu.url,
    port: 0,
    clientState: CLIENT_STATE,
    scheduler: false,
    registerPollMs: 200,
    readIntervalMs: 50,
    coalesceMs: 10,
    persistMs: 100,
    sweepMs: 0,
    upkeepMs: 0,
    log: (l) => logs.push(l),
    ...opts,
  });
  return Object.assign(s, { logs });
}

/** Waits until the emulator has nothing to notify and every service has nothing to do, twice in a row. */
export async function settle(p: Product, services: RunningService[], timeoutMs = 60_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  let quiet = 0;
  while (quiet < 2) {
    if (Date.now() > until) throw new Error("did not settle");
    const before = services.map((s) => s.service.stats.rounds).join(",");
    await p.emu.mail.notificationsIdle();
    await Promise.all(services.map((s) => s.service.idle(timeoutMs)));
    await new Promise((r) => setTimeout(r, 60));
    const stats = p.emu.mail.notificationStats();
    const after = services.map((s) => s.service.stats.rounds).join(",");
    quiet = before === after && stats.pending === 0 && stats.inFlight === 0 ? quiet + 1 : 0;
  }
}

export function categoriesOf(p: Product, upn: string, subject: string): string[][] {
  return p.emu.mail.messages(upn).filter((m) => m.subject === subject).map((m) => m.categories as string[]);
}

export function mailTo(p: Product, upn: string, subjectStart: string): number {
  return p.emu.mail.messages(upn).filter((m) => String(m.subject).startsWith(subjectStart)).length;
}

export async function contactOf(p: Product, messageId: string) {
  return findByMessageId(p.admin, messageId);
}

/** Graph requests by route since the last resetStats, $batch parts included under their own routes. */
export function routesSince(p: Product): Record<string, number> {
  return p.emu.stats().byRoute;
}

export interface Relay {
  url: string;
  /** When true, change notifications are acknowledged and thrown away (lifecycle ones still pass). */
  dropChanges: boolean;
  targets: string[];
  close(): Promise<void>;
}

/** An HTTP relay in front of service instances: the address Graph is given when several instances share one. */
export async function startRelay(targets: string[]): Promise<Relay> {
  let next = 0;
  const relay: Relay = { url: "", dropChanges: false, targets, close: async () => undefined };
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const token = new URL(req.url ?? "/", "http://relay").searchParams.get("validationToken");
      // The handshake is stateless, so the relay answers it itself (instances may not be listening yet).
      if (token !== null) {
        res.writeHead(200, { "Content-Type": "text/plain" }).end(token);
        return;
      }
      const isChange = (req.url ?? "").startsWith("/notifications");
      if (relay.dropChanges && isChange) {
        res.writeHead(202).end();
        return;
      }
      const target = new URL(req.url ?? "/", relay.targets[next++ % relay.targets.length]);
      const out = httpRequest(target, { method: req.method, headers: { "Content-Type": req.headers["content-type"] ?? "application/json" } }, (r) => {
        const back: Buffer[] = [];
        r.on("data", (c: Buffer) => back.push(c));
        r.on("end", () => res.writeHead(r.statusCode ?? 502, { "Content-Type": r.headers["content-type"] ?? "text/plain" }).end(Buffer.concat(back)));
      });
      out.on("error", () => res.writeHead(502).end());
      out.end(body);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", () => r()));
  relay.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  relay.close = () =>
    new Promise<void>((r) => {
      server.close(() => r());
      server.closeAllConnections();
    });
  return relay;
}
