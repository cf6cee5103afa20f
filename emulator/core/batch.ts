// JSON batching ($batch): at most 20 parts, relative URLs, a Content-Type with every body, dependsOn ordering, 424 for
// parts whose dependency failed, answers in no particular order.
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

const WRITES = new Set(["POST", "PUT", "PATCH"]);

function header(headers: Record<string, string> | undefined, name: string): string | undefined {
  const key = Object.keys(headers ?? {}).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers?.[key];
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
    // "url: Required. The relative resource URL for the individual request" (learn.microsoft.com/graph/json-batching);
    // the wording of this refusal is ours.
    if (/^[a-z][a-z0-9+.-]*:/i.test(r.url.trim())) throw bad(`The url of request '${id}' must be relative to the version root, like /users.`);
    // "When a body is included with the request, the headers object must contain a value for Content-Type", and a write
    // needs a body even when its target takes none (json-batching, request 4 of the example); the wording is the
    // service's (github.com/microsoftgraph/msgraph-sdk-dotnet/issues/2628).
    const headers = r.headers as Record<string, string> | undefined;
    if ((r.body !== undefined || WRITES.has(r.method.toUpperCase())) && (r.body === undefined || !header(headers, "content-type"))) {
      throw bad(`Write request id : ${id} does not contain Content-Type header or body.`);
    }
    const dependsOn = r.dependsOn;
    if (dependsOn !== undefined && (!Array.isArray(dependsOn) || dependsOn.some((d) => typeof d !== "string"))) {
      throw bad(`dependsOn of request '${id}' must be an array of request ids.`);
    }
    out.push({
      id,
      method: r.method,
      url: r.url,
      headers: headers ?? undefined,
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

/** "Individual responses might appear in a different order than the requests" (json-batching): so they do here. */
function shuffled<T>(xs: T[]): T[] {
  const out = [...xs];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
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
      responses: shuffled(
        parts.map((p, i) => {
          const r = results[i];
          const entry: Record<string, unknown> = { id: p.id, status: r.status, headers: partHeaders(r) };
          if (r.body !== undefined && r.status !== 204) entry.body = r.body;
          return entry;
        }),
      ),
    },
  };
}
