// The service as a Node HTTP server: `npm run service`, and what `npm start` runs next to the emulator.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { TokenSource } from "../graph/client/factory";
import { readNodeBody } from "./body";
import { describeConfig, parseConfig, type ServiceOptions } from "./config";
import type { FlaggingService } from "./flagging/service";
import { isApiPath, MAX_API_BODY } from "./cases";
import type { TokenCheck } from "./cases/tokens";
import { healthEndpoint, MAX_BODY_BYTES, notificationEndpoint, tooLargeResponse, type EndpointResponse } from "./handlers";
import type { Logger, LogSink } from "./log";
import { createRuntime, type Runtime } from "./runtime";

export interface StartServiceOptions extends ServiceOptions {
  /** Where log lines go (default console.log); lines hold counts and ids only. */
  log?: LogSink;
  /** Overrides the tokens the configuration implies (tests). */
  tokens?: TokenSource;
  /** Overrides how callers of the case service API are checked (tests). */
  apiTokens?: TokenCheck;
  /** The clock steps and the scheduler go by (tests move it on). */
  now?: () => Date;
}

export interface RunningService {
  /** The server's own address, e.g. http://127.0.0.1:4100. */
  url: string;
  port: number;
  /** The address Graph posts notifications to (SERVICE_PUBLIC_URL, or `url`). */
  publicUrl: string;
  service: FlaggingService;
  runtime: Runtime;
  close(): Promise<void>;
}

function send(res: ServerResponse, r: EndpointResponse): void {
  res.writeHead(r.status, r.headers);
  res.end(r.body);
}

/** 413, and the connection closed: the rest of an oversized body is never read. */
function tooLarge(req: IncomingMessage, res: ServerResponse, json: boolean, log?: Logger): void {
  res.once("finish", () => req.destroy());
  send(res, tooLargeResponse(json, log));
}

/**
 * Starts the flagging service: an HTTP server for Graph's notifications (POST /notifications, POST /lifecycle,
 * GET /health), then the service itself (state, register, categories, rules, subscriptions, catch-up) and its
 * timers. Resolves once mail is being watched; `close()` stops it and saves each mailbox's position.
 */
export async function startService(options: StartServiceOptions = {}): Promise<RunningService> {
  const config = parseConfig(options);
  let runtime: Runtime | null = null;
  const server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://localhost");
    const path = url.pathname.replace(/\/+$/, "");
    if (path === "/health" && req.method === "GET") return send(res, healthEndpoint(runtime?.service ?? null, runtime?.cases));
    if (isApiPath(path)) {
      void readNodeBody(req, MAX_API_BODY).then(async (body) => {
        if (body === null) return tooLarge(req, res, true, runtime?.log);
        if (!runtime) return send(res, { status: 503, headers: { "Content-Type": "application/json", "Retry-After": "2" }, body: JSON.stringify({ reason: "The case service is starting; try again in a moment." }) });
        const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(", ") : v]));
        send(res, await runtime.cases.api.handle({ method: req.method ?? "GET", path, headers, body }));
      });
      return;
    }
    if (path !== "/notifications" && path !== "/lifecycle") return send(res, { status: 404, headers: { "Content-Type": "text/plain" }, body: "Not found." });
    void readNodeBody(req, MAX_BODY_BYTES).then((body) => {
      if (body === null) return tooLarge(req, res, false, runtime?.log);
      send(res, notificationEndpoint(runtime?.service ?? null, { method: req.method ?? "GET", query: url.searchParams, body }, runtime?.log));
    });
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(config.port, config.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const local = `http://${config.host === "0.0.0.0" ? "127.0.0.1" : config.host}:${port}`;
  const publicUrl = (config.publicUrl ?? local).replace(/\/+$/, "");
  const closeServer = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  runtime = createRuntime(config, { publicUrl, log: options.log, tokens: options.tokens, apiTokens: options.apiTokens, now: options.now });
  runtime.log.info("service.starting", { ...describeConfig(config), port });
  for (const problem of config.settingsProblems) runtime.log.warn("settings.set-aside", { problem });
  try {
    if (config.flagging) await runtime.service.start();
  } catch (e) {
    await runtime.close().catch(() => undefined);
    await closeServer();
    throw e;
  }
  runtime.startTimers(config.flagging);
  const rt = runtime;
  let closing: Promise<void> | null = null;
  return {
    url: local,
    port,
    publicUrl,
    service: rt.service,
    runtime: rt,
    close: () =>
      (closing ??= (async () => {
        await rt.close();
        await closeServer();
        rt.log.info("service.stopped", { rounds: rt.service.stats.rounds, logged: rt.service.stats.logged });
      })()),
  };
}
