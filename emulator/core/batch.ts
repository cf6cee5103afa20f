// JSON batching ($batch): at most 20 parts, dependsOn ordering, 424 for parts whose dependency failed.
import { GraphError, type EmuResponse } from "./types";

export interface SubRequest {
  id: string;
  method: string;
  url: string;
  headers?: Record<string, string>;
  body?: unknown;
  dependsOn?: string[];
}

/** Graph's documented limit on parts per batch (JSON batching, "Batch size limitations"). */
export const BATCH_LIMIT = 20;

function bad(message: string): GraphError {
  return new GraphError(400, "BadRequest", message);
}

function validate(body: unknown): SubRequest[] {
  const requests = (body as { requests?: unknown } | undefined)?.requests;
  if (!Array.isArray(requests)) throw bad("Invalid batch payload format.");
  if (requests.length > BATCH_LIMIT) throw bad(`Number of requests in a batch exceeds the limit of ${BATCH_LIMIT}.`);
  const seen = new Set<string>();
  const out: SubRequest[] = [];
  for (const r of requests as Record<string, unknown>[]) {
    const id = r?.id;
    if (typeof id !== "string" || !id) throw bad("Each request in a batch needs a non-empty string id.");
    const key = id.toLowerCase();
    if (seen.has(key)) throw bad(`Batch request ids must be unique; '${id}' is repeated.`);
    seen.add(key);
    if (typeof r.method !== "string" || typeof r.url !== "string") throw bad(`Request '${id}' needs a method and a url.`);
    const dependsOn = r.dependsOn;
    if (dependsOn !== undefined && (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== "string"))) {
      throw bad(`dependsOn of request '${id}' must be an array of request ids.`);
    }
    out.push({
      id,
      method: r.method,
      url: r.url,
      headers: (r.headers as Record<string, string> | undefined) ?? undefined,
      body: r.body,
      dependsOn: dependsOn as string[] | undefined,
    });
  }
  const ids = new Set(out.map((r) => r.id.toLowerCase()));
  for (const r of out) {
    for (const d of r.dependsOn ?? []) {
      if (!ids.has(d.toLowerCase())) throw bad(`Request '${r.id}' depends on '${d}', which is not in the batch.`);
    }
  }
  return out;
}

function partHeaders(res: EmuResponse): Record<string, string> {
  const headers: Record<string, string> = { ...(res.headers ?? {}) };
  if (res.body !== undefined && res.status !== 204 && !Object.keys(headers).some((k) => k.toLowerCase() === "content-type")) {
    headers["Content-Type"] = typeof res.body === "string" ? "text/plain" : "application/json; odata.metadata=minimal; odata.streaming=true; IEEE754Compatible=false; charset=utf-8";
  }
  return headers;
}

/**
 * Runs the parts: those without dependsOn together, the rest after what they depend on. A part whose dependency
 * answered with an error is not run and gets 424 Failed Dependency, as the JSON batching documentation describes.
 */
export async function runBatch(body: unknown, exec: (sub: SubRequest) => Promise<EmuResponse>, method: string): Promise<EmuResponse> {
  if (method !== "POST") throw new GraphError(405, "Request_BadRequest", "Batch requests must use POST.");
  const parts = validate(body);
  const byId = new Map(parts.map((p) => [p.id.toLowerCase(), p]));
  const running = new Map<string, Promise<EmuResponse>>();
  const visiting = new Set<string>();

  const run = (p: SubRequest): Promise<EmuResponse> => {
    const key = p.id.toLowerCase();
    const existing = running.get(key);
    if (existing) return existing;
    if (visiting.has(key)) throw bad(`The dependsOn chain of request '${p.id}' is circular.`);
    visiting.add(key);
    const deps = (p.dependsOn ?? []).map((d) => run(byId.get(d.toLowerCase()) as SubRequest));
    const promise = Promise.all(deps).then((results) => {
      const failed = results.findIndex((r) => r.status >= 400);
      if (failed >= 0) {
        const dep = (p.dependsOn ?? [])[failed];
        return {
          status: 424,
          body: {
            error: {
              code: "FailedDependency",
              message: `The request could not be performed because request '${dep}', which it depends on, failed.`,
            },
          },
        };
      }
      return exec(p);
    });
    running.set(key, promise);
    return promise;
  };

  const results = await Promise.all(parts.map(run));
  return {
    status: 200,
    body: {
      responses: parts.map((p, i) => {
        const r = results[i];
        const entry: Record<string, unknown> = { id: p.id, status: r.status, headers: partHeaders(r) };
        if (r.body !== undefined && r.status !== 204) entry.body = r.body;
        return entry;
      }),
    },
  };
}
