// List item delta on several lists at once: pages are read together in one $batch per step, so lists that did not
// change cost one request between them. A list whose link has expired (410) is read again from its start.
import { ensureOk, type Graph } from "../client/factory";
import { query } from "../client/odata";
import type { ListKey } from "../schema/lists";
import { itemsPath, type Site } from "./items";

export interface DeltaSpec {
  list: ListKey;
  /** The columns wanted on each changed item (always include what names its customer); empty: every column. */
  fields: string[];
  /** Start from now (`token=latest`) rather than from a full enumeration of what the list already holds. */
  fromNow?: boolean;
}

export interface DeltaChange {
  list: ListKey;
  id: string;
  /** The item was deleted: its fields are gone. */
  deleted: boolean;
  fields: Record<string, unknown>;
}

export interface DeltaRound {
  changes: DeltaChange[];
  links: Partial<Record<ListKey, string>>;
  /** Lists read from their start (first round, or an expired link): their changes are everything they hold. */
  restarted: ListKey[];
  requests: number;
}

export function deltaStart(site: Site, spec: DeltaSpec): string {
  const expand = spec.fields.length ? `fields($select=${spec.fields.join(",")})` : "fields";
  return `${itemsPath(site, spec.list)}/delta${query({ $expand: expand, $top: 1000, token: spec.fromNow ? "latest" : undefined })}`;
}

interface DeltaBody {
  value: { id: string; deleted?: unknown; fields?: Record<string, unknown> }[];
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
}

export async function readDelta(site: Site, specs: DeltaSpec[], links: Partial<Record<ListKey, string>>): Promise<DeltaRound> {
  const graph: Graph = site.graph;
  const spec = new Map(specs.map((s) => [s.list, s]));
  const next = new Map<ListKey, string>(specs.map((s) => [s.list, graph.relative(links[s.list] ?? deltaStart(site, s))]));
  const done: Partial<Record<ListKey, string>> = {};
  const changes: DeltaChange[] = [];
  const restarted: ListKey[] = specs.filter((s) => !links[s.list] && !s.fromNow).map((s) => s.list);
  let requests = 0;
  while (next.size) {
    const pending = [...next.entries()];
    const res = await graph.batch(pending.map(([list, url]) => ({ id: list, method: "GET" as const, url })));
    requests++;
    for (const [i, r] of res.entries()) {
      const list = pending[i][0];
      if (r.status === 410) {
        // The sync state is gone: read this list again from its start, and tell the caller its picture is void.
        changes.splice(0, changes.length, ...changes.filter((c) => c.list !== list));
        if (!restarted.includes(list)) restarted.push(list);
        next.set(list, graph.relative(deltaStart(site, { ...spec.get(list)!, fromNow: false })));
        continue;
      }
      const body = ensureOk<DeltaBody>(r);
      for (const it of body.value) changes.push({ list, id: String(it.id), deleted: !!it.deleted, fields: it.fields ?? {} });
      if (body["@odata.nextLink"]) next.set(list, graph.relative(body["@odata.nextLink"]));
      else {
        next.delete(list);
        done[list] = body["@odata.deltaLink"] ?? links[list] ?? deltaStart(site, spec.get(list)!);
      }
    }
  }
  return { changes, links: done, restarted, requests };
}
