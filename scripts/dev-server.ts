// The add-in's web server for development, tests and the benchmark: the built pages over https, /graph/* proxied to
// the Graph emulator and /api/* to the case service, so the pages call both on their own origin (no CORS, no mixed
// content), as a tenant's pages would call Graph and the service's own https address.
import { createReadStream, existsSync, statSync } from "node:fs";
import { createServer as createHttp, request as httpRequest, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createHttps } from "node:https";
import type { AddressInfo } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";

export interface DevServerOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** The built add-in (webpack's output folder). */
  root: string;
  /** Where Graph is, e.g. "http://127.0.0.1:4000" (the emulator's origin; /graph/v1.0 → /v1.0). */
  graphOrigin: string;
  /** Where the case service is, e.g. "http://127.0.0.1:4100" (/api/… → /api/…). */
  serviceOrigin?: string;
  /** The Office development certificate; plain http without it. */
  tls?: { key: Buffer; cert: Buffer; ca?: Buffer } | null;
}

export interface DevServer {
  origin: string;
  port: number;
  close(): Promise<void>;
}

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".map": "application/json; charset=utf-8",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".ico": "image/x-icon",
  ".xml": "application/xml; charset=utf-8",
  ".txt": "text/plain; charset=utf-8",
};

const HOP_BY_HOP = new Set(["connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade"]);

function serveFile(root: string, req: IncomingMessage, res: ServerResponse): void {
  let raw: string;
  try {
    raw = decodeURIComponent((req.url ?? "/").split("?")[0]);
  } catch {
    // A malformed % escape is the caller's mistake: answered, never allowed to stop the server.
    res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Bad request: the address has a malformed % escape.");
    return;
  }
  if (raw === "/") {
    res.writeHead(302, { Location: "/harness.html" });
    res.end();
    return;
  }
  const path = normalize(join(root, raw));
  if (!path.startsWith(root + sep) || !existsSync(path) || !statSync(path).isFile()) {
    res.writeHead(404, { "Content-Type": "text/plain; charset=utf-8" });
    res.end("Not found");
    return;
  }
  const type = TYPES[extname(path).toLowerCase()] ?? "application/octet-stream";
  // Hashed bundles may be cached; pages and office.js are always fetched fresh.
  const hashed = /\.[0-9a-f]{8}\.js$/.test(path);
  res.writeHead(200, { "Content-Type": type, "Cache-Control": hashed ? "public, max-age=31536000, immutable" : "no-cache", "X-Content-Type-Options": "nosniff" });
  if (req.method === "HEAD") res.end();
  else createReadStream(path).pipe(res);
}

/**
 * Forwards /graph/… to the emulator's /…, rewriting the links in its answers back to this origin's /graph/v1.0; with
 * `apiOnly`, forwards /api/… to the case service as it is.
 */
function proxyGraph(target: URL, publicOrigin: () => string, req: IncomingMessage, res: ServerResponse, apiOnly = false): void {
  const path = apiOnly ? (req.url ?? "/") : (req.url ?? "/").replace(/^\/graph/, "") || "/";
  const headers: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(req.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) headers[k] = v;
  const out = httpRequest({ protocol: target.protocol, hostname: target.hostname, port: target.port, method: req.method, path, headers }, (answer) => {
    const type = String(answer.headers["content-type"] ?? "");
    const copy: Record<string, string | string[]> = {};
    for (const [k, v] of Object.entries(answer.headers)) if (v !== undefined && !HOP_BY_HOP.has(k)) copy[k] = v;
    if (!type.includes("json")) {
      res.writeHead(answer.statusCode ?? 502, copy);
      answer.pipe(res);
      return;
    }
    const chunks: Buffer[] = [];
    answer.on("data", (c: Buffer) => chunks.push(c));
    answer.on("end", () => {
      // The emulator writes links for the Host it was asked on (this server's): point them back through the proxy.
      const host = String(req.headers.host ?? "");
      const text = Buffer.concat(chunks).toString("utf8").split(`http://${host}/v1.0`).join(`${publicOrigin()}/graph/v1.0`);
      const body = Buffer.from(text, "utf8");
      delete copy["content-length"];
      res.writeHead(answer.statusCode ?? 502, { ...copy, "Content-Length": String(body.length) });
      res.end(body);
    });
  });
  out.on("error", () => {
    if (res.headersSent) return res.destroy();
    if (apiOnly) {
      const body = JSON.stringify({ reason: "The case service is not running or not reachable from the dev server." });
      res.writeHead(502, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)) });
      return res.end(body);
    }
    // Graph's error shape, so the pages say the register cannot be reached rather than failing oddly.
    const body = JSON.stringify({ error: { code: "serviceUnreachable", message: "The Graph emulator is not running or not reachable from the dev server." } });
    res.writeHead(502, { "Content-Type": "application/json", "Content-Length": String(Buffer.byteLength(body)) });
    res.end(body);
  });
  req.pipe(out);
}

export async function startDevServer(opts: DevServerOptions): Promise<DevServer> {
  const root = resolve(opts.root);
  const target = new URL(opts.graphOrigin);
  const service = opts.serviceOrigin ? new URL(opts.serviceOrigin) : null;
  const scheme = opts.tls ? "https" : "http";
  let origin = "";
  const handler = (req: IncomingMessage, res: ServerResponse) => {
    try {
      route(req, res);
    } catch {
      // Whatever one request does wrong, the server keeps serving the others.
      if (!res.headersSent) res.writeHead(400, { "Content-Type": "text/plain; charset=utf-8" });
      res.end("Bad request.");
    }
  };
  const route = (req: IncomingMessage, res: ServerResponse) => {
    const url = req.url ?? "/";
    if (url === "/graph" || url.startsWith("/graph/")) proxyGraph(target, () => origin, req, res);
    else if (service && (url === "/api" || url.startsWith("/api/"))) proxyGraph(service, () => origin, req, res, true);
    else if (req.method === "GET" || req.method === "HEAD") serveFile(root, req, res);
    else {
      res.writeHead(405, { Allow: "GET, HEAD" });
      res.end();
    }
  };
  const server: Server = opts.tls ? createHttps({ key: opts.tls.key, cert: opts.tls.cert, ca: opts.tls.ca }, handler) : createHttp(handler);
  server.keepAliveTimeout = 30_000;
  const host = opts.host ?? "localhost";
  await new Promise<void>((ok, fail) => {
    server.once("error", fail);
    server.listen(opts.port, host, () => {
      server.off("error", fail);
      ok();
    });
  });
  const port = (server.address() as AddressInfo).port;
  origin = `${scheme}://localhost:${port}`;
  return {
    origin,
    port,
    close: () =>
      new Promise<void>((ok) => {
        server.close(() => ok());
        server.closeAllConnections();
      }),
  };
}
