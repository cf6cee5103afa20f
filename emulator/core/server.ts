// The emulator's HTTP front: auth, routing, $batch, chaos, latency, stats and Graph's error bodies.
import { randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { authenticate } from "./auth";
import { runBatch, type SubRequest } from "./batch";
import { Router } from "./router";
import { checkSecret, originAllowed } from "./guard";
import { TenantThrottle, type Caller, type ThrottleOptions, type ThrottleStats } from "./throttle";
import { chargeOf, mailboxOf } from "./throttle-classify";
import { GraphError, type EmulatorContext, type EmulatorModule, type EmuRequest, type EmuResponse, type Principal } from "./types";

export interface CoreOptions {
  host: string;
  port: number;
  chaos: number;
  latencyMs: number;
  retryAfterSeconds: number;
  /** Path of the SharePoint site's web URL, e.g. "/sites/upc"; its "/_api/…" is served by the modules' restRoutes. */
  restPrefix: string;
  /** The tenant's throttling (SharePoint budgets, Exchange per-mailbox limits); null answers everything. */
  throttle: ThrottleOptions | null;
  /** What the control routes ask for in X-Emulator-Secret. */
  secret: string;
  /** Browser origins besides loopback ones that may call the emulator. */
  origins: readonly string[];
}

export interface EmulatorStats {
  requests: number;
  batches: number;
  subRequests: number;
  byRoute: Record<string, number>;
  /** Resource units and mailbox requests charged, and 429s given, under the tenant's throttling (absent when off). */
  throttle?: ThrottleStats;
}

/** Graph "sends the Outlook service up to four individual requests from the batch at a time" (learn.microsoft.com/graph/throttling-limits#outlook-service-limits). */
const OUTLOOK_PARTS_AT_ONCE = 4;

/** Runs at most `n` tasks at once, in arrival order. */
class Limiter {
  private running = 0;
  private readonly waiting: (() => void)[] = [];
  constructor(private readonly n: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.n) await new Promise<void>((r) => this.waiting.push(r));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}

const JSON_TYPE = "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8";
const ODATA_KEYS = new Set(["filter", "select", "expand", "orderby", "top", "skip", "skiptoken", "count", "search"]);
const CONTROL_PRINCIPAL: Principal = {
  kind: "app",
  appId: "emulator-control",
  roles: ["Sites.FullControl.All", "Mail.ReadWrite", "Mail.Send", "MailboxSettings.ReadWrite", "User.Read.All", "GroupMember.Read.All"],
};

/** The core's input for one Graph call, top-level or a $batch part. */
interface GraphCall {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
  baseUrl: string;
}

type Channel = "graph" | "rest" | "control";

export function parseQuery(raw: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!raw) return out;
  for (const [k, v] of new URLSearchParams(raw)) {
    const key = !k.startsWith("$") && ODATA_KEYS.has(k.toLowerCase()) ? `$${k.toLowerCase()}` : k.startsWith("$") ? k.toLowerCase() : k;
    if (!(key in out)) out[key] = v;
  }
  return out;
}

/** A $batch part's path below the version root, for deciding how it is dispatched. */
function partPath(url: string): string {
  const path = url.replace(/^https?:\/\/[^/]+/i, "").replace(/^\/?v1\.0(?=\/|$)/i, "").split("?")[0];
  return path.startsWith("/") ? path : `/${path}`;
}

export function decodePath(raw: string): string {
  let path: string;
  try {
    path = raw
      .split("/")
      .map((s) => decodeURIComponent(s))
      .join("/");
  } catch {
    throw new GraphError(400, "BadRequest", "The request URI is not valid.");
  }
  return path.length > 1 && path.endsWith("/") ? path.slice(0, -1) : path;
}

function innerDate(): string {
  return new Date().toISOString().slice(0, 19);
}

export function errorBody(err: GraphError, requestId: string, clientRequestId: string): unknown {
  return {
    error: {
      code: err.code,
      message: err.message,
      innerError: { date: innerDate(), "request-id": requestId, "client-request-id": clientRequestId },
    },
  };
}

/** SharePoint REST answers errors in its own OData shape, not Graph's. */
function restErrorBody(err: GraphError): unknown {
  return { "odata.error": { code: err.code, message: { lang: "en-US", value: err.message } } };
}

function toGraphError(err: unknown, label: string): GraphError {
  if (err instanceof GraphError) return err;
  // Only the error's kind and stack frames are logged: messages can carry request data.
  const stack = err instanceof Error && err.stack ? err.stack.split("\n").slice(1, 6).join("\n") : "";
  console.error(`[emulator] unhandled ${err instanceof Error ? err.name : typeof err} in ${label}\n${stack}`);
  return new GraphError(500, "generalException", "An unexpected error occurred while processing the request.");
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(chunks.length ? Buffer.concat(chunks).toString("utf8") : ""));
    req.on("error", reject);
  });
}

function parseBody(text: string, contentType: string | undefined): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    if (!contentType || contentType.includes("json")) {
      throw new GraphError(
        400,
        "BadRequest",
        "Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.",
      );
    }
    return text;
  }
}

function lowerHeaders(h: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) {
    if (v === undefined) continue;
    out[k.toLowerCase()] = Array.isArray(v) ? v.join(", ") : String(v);
  }
  return out;
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export class EmulatorCore {
  private readonly graph = new Router();
  private readonly rest = new Router();
  private readonly control = new Router();
  private server?: Server;
  private chaosRate: number;
  private latencyMs: number;
  throttle: TenantThrottle | null;
  private counters: EmulatorStats = { requests: 0, batches: 0, subRequests: 0, byRoute: {} };
  origin = "";
  port = 0;

  constructor(
    private readonly opts: CoreOptions,
    private readonly directory: EmulatorContext["directory"],
  ) {
    this.chaosRate = opts.chaos;
    this.latencyMs = opts.latencyMs;
    this.throttle = opts.throttle ? new TenantThrottle(opts.throttle) : null;
    this.control.add(this.builtInControlRoutes());
  }

  addModule(m: EmulatorModule): void {
    this.graph.add(m.routes);
    this.rest.add(m.restRoutes);
    this.control.add(m.controlRoutes);
  }

  setChaos(rate: number, latencyMs?: number): void {
    if (!(rate >= 0 && rate <= 1)) throw new RangeError("chaos rate must be between 0 and 1");
    this.chaosRate = rate;
    if (latencyMs !== undefined) this.latencyMs = Math.max(0, latencyMs);
  }

  /** Changes the tenant's throttling (null answers everything), starting its budgets full. */
  setThrottle(options: ThrottleOptions | null): void {
    this.throttle = options ? new TenantThrottle(options) : null;
  }

  stats(): EmulatorStats {
    return { ...this.counters, byRoute: { ...this.counters.byRoute }, ...(this.throttle ? { throttle: this.throttle.stats() } : {}) };
  }

  resetStats(): void {
    this.counters = { requests: 0, batches: 0, subRequests: 0, byRoute: {} };
    this.throttle?.resetStats();
  }

  async listen(): Promise<void> {
    const server = createServer((req, res) => void this.onRequest(req, res));
    server.keepAliveTimeout = 65_000;
    this.server = server;
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.opts.port, this.opts.host, () => {
        server.off("error", reject);
        resolve();
      });
    });
    this.port = (server.address() as AddressInfo).port;
    this.origin = `http://${this.opts.host}:${this.port}`;
  }

  async close(): Promise<void> {
    const server = this.server;
    if (!server) return;
    this.server = undefined;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  private bump(label: string): void {
    this.counters.byRoute[label] = (this.counters.byRoute[label] ?? 0) + 1;
  }

  private async onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const headers = lowerHeaders(req.headers);
    const requestId = randomUUID();
    const clientRequestId = headers["client-request-id"] ?? requestId;
    const origin = headers.origin;
    const common: Record<string, string> = { "request-id": requestId, "client-request-id": clientRequestId, Vary: "Origin" };
    if (origin !== undefined && !originAllowed(origin, this.opts.origins)) {
      // A page from elsewhere is refused before anything runs (a form post needs no preflight), and told nothing.
      this.send(res, { status: 403, body: errorBody(new GraphError(403, "Forbidden", "The emulator answers pages from this machine only (EMULATOR_ORIGINS names others)."), requestId, clientRequestId) }, common);
      return;
    }
    if (origin !== undefined) {
      // The task pane calls the emulator from another origin on this machine, as it calls graph.microsoft.com.
      common["Access-Control-Allow-Origin"] = origin;
      common["Access-Control-Expose-Headers"] = "Retry-After, ETag, Location, request-id, client-request-id";
    }
    const method = (req.method ?? "GET").toUpperCase();
    if (method === "OPTIONS") {
      res.writeHead(204, {
        ...common,
        "Access-Control-Allow-Methods": "GET, POST, PATCH, PUT, DELETE, OPTIONS",
        "Access-Control-Allow-Headers": headers["access-control-request-headers"] ?? "Authorization, Content-Type",
        "Access-Control-Allow-Private-Network": "true",
        "Access-Control-Max-Age": "600",
      });
      res.end();
      return;
    }
    const rawUrl = req.url ?? "/";
    const q = rawUrl.indexOf("?");
    const rawPath = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const rawQuery = q < 0 ? "" : rawUrl.slice(q + 1);
    const channel: Channel | undefined =
      rawPath === "/v1.0" || rawPath.startsWith("/v1.0/")
        ? "graph"
        : rawPath.startsWith("/_emulator")
          ? "control"
          : rawPath.toLowerCase().startsWith(`${this.opts.restPrefix.toLowerCase()}/_api`)
            ? "rest"
            : undefined;
    let out: EmuResponse;
    try {
      if (!channel) throw new GraphError(404, "itemNotFound", "The resource could not be found.");
      const text = await readBody(req);
      const host = headers.host ?? `${this.opts.host}:${this.port}`;
      const baseUrl = `http://${host}/v1.0`;
      const prefixLength = channel === "graph" ? 5 : channel === "control" ? "/_emulator".length : this.opts.restPrefix.length;
      const call: GraphCall = {
        method,
        path: decodePath(rawPath.slice(prefixLength) || "/"),
        query: parseQuery(rawQuery),
        headers,
        body: parseBody(text, headers["content-type"]),
        baseUrl,
      };
      if (channel === "graph") {
        if (this.latencyMs > 0) await sleep(this.latencyMs);
        if (call.path === "/$batch") {
          this.counters.requests++;
          this.counters.batches++;
          this.bump("POST /$batch");
          // The envelope is authenticated like any request; its parts then run as the same caller.
          authenticate(call.headers.authorization, this.directory, Date.now());
          const outlook = new Limiter(OUTLOOK_PARTS_AT_ONCE);
          out = await runBatch(call.body, (sub) => (mailboxOf(partPath(sub.url)) !== undefined ? outlook.run(() => this.subRequest(sub, call)) : this.subRequest(sub, call)), method);
        } else {
          this.counters.requests++;
          out = await this.dispatchGraph(call, requestId, clientRequestId);
        }
      } else if (channel === "rest") {
        out = await this.dispatchRest(call);
      } else {
        out = await this.dispatchControl(call);
      }
    } catch (err) {
      const e = toGraphError(err, channel ?? "request");
      out = {
        status: e.status,
        headers: e.headers,
        body: channel === "rest" ? restErrorBody(e) : errorBody(e, requestId, clientRequestId),
      };
    }
    this.send(res, out, common);
  }

  private send(res: ServerResponse, out: EmuResponse, common: Record<string, string>): void {
    const headers: Record<string, string> = { ...common, ...(out.headers ?? {}) };
    let payload: string | undefined;
    if (out.body !== undefined && out.status !== 204) {
      if (typeof out.body === "string") {
        payload = out.body;
        if (!Object.keys(headers).some((k) => k.toLowerCase() === "content-type")) headers["Content-Type"] = "text/plain; charset=utf-8";
      } else {
        payload = JSON.stringify(out.body);
        if (!Object.keys(headers).some((k) => k.toLowerCase() === "content-type")) headers["Content-Type"] = JSON_TYPE;
      }
    }
    if (payload !== undefined) headers["Content-Length"] = String(Buffer.byteLength(payload));
    res.writeHead(out.status, headers);
    res.end(payload);
  }

  /** One Graph call, counted in byRoute and subject to chaos; errors become Graph's error body. */
  private async dispatchGraph(call: GraphCall, requestId: string, clientRequestId: string): Promise<EmuResponse> {
    // Paths can name people (/users/{upn}), so errors are logged under the route's label, never the path.
    let label = "graph";
    try {
      const principal = authenticate(call.headers.authorization, this.directory, Date.now());
      const m = this.graph.match(call.method, call.path);
      if (!("route" in m)) {
        this.bump("unmatched");
        const segment = call.path.split("/").filter(Boolean).pop() ?? "";
        if (m.pathMatched) throw new GraphError(405, "Request_BadRequest", `The HTTP method '${call.method}' is not allowed on this resource.`);
        throw new GraphError(400, "BadRequest", `Resource not found for the segment '${segment}'.`);
      }
      label = m.label;
      this.bump(label);
      this.maybeChaos();
      const req: EmuRequest = { ...call, params: m.params, principal };
      const release = this.charge(principal, call);
      try {
        if (release && this.throttle?.mailboxServiceMs) await sleep(this.throttle.mailboxServiceMs);
        return await m.route.handler(req);
      } finally {
        release?.();
      }
    } catch (err) {
      const e = toGraphError(err, label);
      return { status: e.status, headers: e.headers, body: errorBody(e, requestId, clientRequestId) };
    }
  }

  /**
   * Charges the request to the tenant's budgets, or throws the 429 the service gives. An Outlook request also holds one
   * of its mailbox's concurrency slots: the returned function gives it back.
   */
  private charge(principal: Principal, call: GraphCall): (() => void) | undefined {
    const throttle = this.throttle;
    if (!throttle) return undefined;
    const caller: Caller = principal.kind === "app" ? { appId: principal.appId } : { appId: principal.appId ?? "delegated", userId: principal.userId };
    const charge = chargeOf(call.method, call.path, call.query, (who) => (who === "me" ? (principal.kind === "user" ? principal.userId : undefined) : this.directory.findUser(who)?.id));
    const release = charge.mailbox ? throttle.enterMailbox(caller, charge.mailbox) : undefined;
    try {
      throttle.charge(caller, charge);
    } catch (err) {
      release?.();
      throw err;
    }
    return release;
  }

  /** Each $batch part is throttled on its own, as Graph evaluates every request in a batch separately. */
  private subRequest(sub: SubRequest, envelope: GraphCall): Promise<EmuResponse> {
    this.counters.subRequests++;
    const requestId = randomUUID();
    let url = sub.url;
    url = url.replace(/^https?:\/\/[^/]+/i, "").replace(/^\/?v1\.0(?=\/|$)/i, "");
    if (!url.startsWith("/")) url = `/${url}`;
    const q = url.indexOf("?");
    let path: string;
    try {
      path = decodePath(q < 0 ? url : url.slice(0, q));
    } catch (err) {
      const e = toGraphError(err, "batch");
      return Promise.resolve({ status: e.status, body: errorBody(e, requestId, requestId) });
    }
    const headers: Record<string, string> = { ...lowerHeaders(sub.headers ?? {}) };
    if (envelope.headers.authorization) headers.authorization = envelope.headers.authorization;
    const call: GraphCall = {
      method: sub.method.toUpperCase(),
      path,
      query: parseQuery(q < 0 ? "" : url.slice(q + 1)),
      headers,
      body: sub.body,
      baseUrl: envelope.baseUrl,
    };
    return this.dispatchGraph(call, requestId, headers["client-request-id"] ?? requestId);
  }

  private maybeChaos(): void {
    const rate = this.chaosRate;
    if (rate <= 0 || Math.random() >= rate) return;
    const headers = { "Retry-After": String(this.opts.retryAfterSeconds) };
    if (Math.random() < 0.5) {
      throw new GraphError(429, "TooManyRequests", "Too many requests. Please retry after the time given in the Retry-After header.", headers);
    }
    throw new GraphError(503, "serviceNotAvailable", "The service is temporarily unavailable. Please retry after a delay.", headers);
  }

  private async dispatchRest(call: GraphCall): Promise<EmuResponse> {
    const principal = authenticate(call.headers.authorization, this.directory, Date.now());
    const m = this.rest.match(call.method, call.path);
    if (!("route" in m)) {
      this.bump("REST unmatched");
      throw new GraphError(404, "-1, Microsoft.SharePoint.Client.InvalidClientQueryException", "The expression is not valid.");
    }
    this.bump(`REST ${m.label}`);
    // SharePoint REST has no published unit price ("CSOM and REST don't have a predetermined cost"); 2, as a write.
    if (this.throttle) this.throttle.charge(principal.kind === "app" ? { appId: principal.appId } : { appId: principal.appId ?? "delegated", userId: principal.userId }, { sharepointUnits: 2 });
    return m.route.handler({ ...call, params: m.params, principal });
  }

  private async dispatchControl(call: GraphCall): Promise<EmuResponse> {
    // Health tells only that the emulator is up; everything else here delivers mail or changes or reveals the tenant.
    if (!(call.method === "GET" && call.path === "/health")) checkSecret(call.headers["x-emulator-secret"], this.opts.secret);
    const m = this.control.match(call.method, call.path);
    if (!("route" in m)) throw new GraphError(404, "itemNotFound", "No such emulator control route.");
    return m.route.handler({ ...call, params: m.params, principal: CONTROL_PRINCIPAL });
  }

  private builtInControlRoutes() {
    return [
      {
        method: "GET" as const,
        pattern: /^\/health$/,
        handler: () => ({ status: 200, body: { status: "ok", origin: this.origin } }),
      },
      { method: "GET" as const, pattern: /^\/stats$/, handler: () => ({ status: 200, body: this.stats() }) },
      {
        method: "POST" as const,
        pattern: /^\/stats\/reset$/,
        handler: () => {
          this.resetStats();
          return { status: 204 };
        },
      },
      {
        method: "POST" as const,
        pattern: /^\/chaos$/,
        handler: (req: EmuRequest) => {
          const b = (req.body ?? {}) as { rate?: unknown; latencyMs?: unknown };
          const rate = Number(b.rate ?? 0);
          if (!(rate >= 0 && rate <= 1)) throw new GraphError(400, "invalidRequest", "rate must be a number from 0 to 1");
          this.setChaos(rate, b.latencyMs === undefined ? undefined : Number(b.latencyMs));
          return { status: 200, body: { rate: this.chaosRate, latencyMs: this.latencyMs } };
        },
      },
    ];
  }
}
