// Outbound HTTP to notification endpoints over kept-alive connections; never throws, reports status 0 on failure.
import http from "node:http";
import https from "node:https";

const httpAgent = new http.Agent({ keepAlive: true, maxSockets: 16 });
const httpsAgent = new https.Agent({ keepAlive: true, maxSockets: 16 });

export interface OutResult {
  /** HTTP status, or 0 when the endpoint could not be reached or did not answer in time. */
  status: number;
  contentType: string;
  text: string;
  /** "timeout" or "network" when status is 0. */
  failure?: "timeout" | "network";
}

const MAX_RESPONSE_CHARS = 64 * 1024;

export function post(url: string, body: string, contentType: string, timeoutMs: number): Promise<OutResult> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ status: 0, contentType: "", text: "", failure: "network" });
      return;
    }
    const isHttps = target.protocol === "https:";
    const payload = Buffer.from(body, "utf8");
    let settled = false;
    const done = (r: OutResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = (isHttps ? https : http).request(
      target,
      {
        method: "POST",
        agent: isHttps ? httpsAgent : httpAgent,
        headers: { "Content-Type": contentType, "Content-Length": payload.length, "User-Agent": "Microsoft-Graph-Emulator/1.0" },
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (c: Buffer) => {
          if (size < MAX_RESPONSE_CHARS) chunks.push(c);
          size += c.length;
        });
        res.on("end", () =>
          done({ status: res.statusCode ?? 0, contentType: String(res.headers["content-type"] ?? ""), text: Buffer.concat(chunks).toString("utf8") }),
        );
        res.on("error", () => done({ status: 0, contentType: "", text: "", failure: "network" }));
      },
    );
    const timer = setTimeout(() => {
      done({ status: 0, contentType: "", text: "", failure: "timeout" });
      req.destroy();
    }, timeoutMs);
    timer.unref();
    req.on("error", () => done({ status: 0, contentType: "", text: "", failure: "network" }));
    req.end(payload);
  });
}
