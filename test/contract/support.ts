// Contract checking against Microsoft's own material: the example answers of microsoft-graph-docs-contrib (fixtures,
// each naming its file and commit), the v1.0 metadata of msgraph-metadata, and a Graph stand-in that plays a fixture
// to the product's own code.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { BatchRequest, BatchResponse, Graph } from "../../graph/client/factory";
import { runBatch } from "../../graph/client/batch";
import { fromResponse } from "../../graph/client/errors";

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface DocFixture {
  /** "microsoftgraph/microsoft-graph-docs-contrib <path>" */
  source: string;
  commit: string;
  request: string;
  status: number;
  body?: Json;
  note?: string;
}

const DIR = fileURLToPath(new URL("./fixtures", import.meta.url));

export function fixture(name: string): DocFixture {
  return JSON.parse(readFileSync(join(DIR, "docs", `${name}.json`), "utf8")) as DocFixture;
}

interface MetadataType {
  kind: "EntityType" | "ComplexType";
  base: string | null;
  open: boolean;
  properties: Record<string, string>;
  navigation: Record<string, string>;
}

const METADATA = JSON.parse(readFileSync(join(DIR, "graph-v1.0-metadata.json"), "utf8")) as { source: string; commit: string; types: Record<string, MetadataType> };
export const METADATA_SOURCE = `${METADATA.source} @ ${METADATA.commit.slice(0, 8)}`;

/** Every property and navigation property a type has, its base types' included, with their types. */
export function membersOf(type: string): Map<string, string> {
  const out = new Map<string, string>();
  for (let t: string | null = type; t; t = METADATA.types[t]?.base ?? null) {
    const def = METADATA.types[t];
    if (!def) throw new Error(`${t} is not in the metadata extract`);
    for (const [k, v] of Object.entries({ ...def.properties, ...def.navigation })) if (!out.has(k)) out.set(k, v);
  }
  return out;
}

/**
 * Names in `obj` that the v1.0 metadata does not give `type`, looking into complex and entity members it names
 * (collections included); OData annotations ("@odata.…", "name@odata.type") are not properties. Open types take any.
 */
export function unknownNames(obj: Json, type: string, path = type): string[] {
  if (obj === null || typeof obj !== "object") return [];
  if (Array.isArray(obj)) return obj.flatMap((o, i) => unknownNames(o, type, `${path}[${i}]`));
  const def = METADATA.types[type];
  if (def?.open) return [];
  const members = membersOf(type);
  const out: string[] = [];
  for (const [k, v] of Object.entries(obj)) {
    if (k.includes("@")) continue;
    const t = members.get(k);
    if (!t) {
      out.push(`${path}.${k}`);
      continue;
    }
    const inner = /^(?:Collection\()?graph\.([A-Za-z]+)\)?$/.exec(t)?.[1];
    if (inner && METADATA.types[inner]) out.push(...unknownNames(v, inner, `${path}.${k}`));
  }
  return out;
}

const kind = (v: unknown) => (v === null ? "null" : Array.isArray(v) ? "array" : typeof v);

/**
 * Where `actual` is not shaped like `expected`: each name in `expected` must be in `actual` with a value of the same JSON
 * kind (nulls match anything), into objects and into the first element of arrays. `skip` lists paths not compared.
 */
export function shapeDiff(expected: Json, actual: Json, skip: string[] = [], path = ""): string[] {
  if (skip.includes(path)) return [];
  if (expected === null || actual === null || expected === undefined) return [];
  if (kind(expected) !== kind(actual)) return [`${path || "(root)"}: ${kind(expected)} in the documentation, ${kind(actual)} here`];
  if (Array.isArray(expected)) return expected.length && actual.length ? shapeDiff(expected[0], actual[0], skip, `${path}[]`) : [];
  if (typeof expected !== "object") return [];
  const out: string[] = [];
  for (const [k, v] of Object.entries(expected)) {
    const p = path ? `${path}.${k}` : k;
    if (skip.includes(p)) continue;
    if (!(k in actual)) out.push(`${p}: missing here`);
    else out.push(...shapeDiff(v, actual[k], skip, p));
  }
  return out;
}

type Handler = (method: string, path: string, body: unknown) => { status: number; body?: unknown; headers?: Record<string, string> } | undefined;

/** A Graph stand-in answering the product's requests from fixtures; anything unexpected fails the test loudly. */
export function fakeGraph(handler: Handler): Graph & { calls: string[] } {
  const calls: string[] = [];
  const answer = (method: string, path: string, body?: unknown) => {
    calls.push(`${method} ${path}`);
    const r = handler(method, path, body);
    if (!r) throw new Error(`the fixture has no answer for ${method} ${path}`);
    return r;
  };
  const direct = <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const r = answer(method, path, body);
    if (r.status >= 400) return Promise.reject(fromResponse(r.status, r.body, r.headers));
    return Promise.resolve(r.body as T);
  };
  const graph = {
    calls,
    client: undefined as never,
    baseUrl: "https://graph.microsoft.com/v1.0",
    relative: (link: string) => link.replace(/^https:\/\/graph\.microsoft\.com\/v1\.0/, ""),
    get: <T>(path: string) => direct<T>("GET", path),
    post: <T>(path: string, body: unknown) => direct<T>("POST", path, body),
    patch: <T>(path: string, body: unknown) => direct<T>("PATCH", path, body),
    delete: (path: string) => direct<void>("DELETE", path),
    async getAll<T>(path: string) {
      const out: T[] = [];
      let next: string | undefined = path;
      while (next) {
        const page: { value: T[]; "@odata.nextLink"?: string } = await direct("GET", next);
        out.push(...page.value);
        next = page["@odata.nextLink"] ? graph.relative(page["@odata.nextLink"]) : undefined;
      }
      return out;
    },
    batch: (requests: BatchRequest[]): Promise<BatchResponse[]> =>
      runBatch(
        async (body) => ({
          responses: (body.requests as BatchRequest[]).map((r) => {
            const a = answer(r.method, r.url, r.body);
            return { id: r.id, status: a.status, headers: a.headers ?? {}, body: a.body };
          }),
        }),
        requests,
        0,
      ),
  };
  return graph;
}
