// The register as the flagging service follows it: list item delta on UpcIdentities and UpcCustomers, both in one $batch.
import { ensureOk, type Graph } from "../client/factory";
import { query } from "../client/odata";
import { itemsPath, type Site } from "../repos/items";

export type RegisterList = "identities" | "customers";

const FIELDS: Record<RegisterList, string[]> = {
  identities: ["Title", "Kind", "CustomerLookupId", "CustomerStatus"],
  // Only the status: the service holds no names in memory that it does not need.
  customers: ["Status"],
};

export interface RegisterChange {
  list: RegisterList;
  id: string;
  /** The item was deleted: forget it. */
  deleted: boolean;
  fields: Record<string, unknown>;
}

export interface RegisterRound {
  changes: RegisterChange[];
  links: Record<RegisterList, string>;
  /** Lists whose delta link had expired: their changes are a full enumeration, so forget what was known first. */
  restarted: RegisterList[];
  requests: number;
}

/** A full enumeration of a list, the start of its delta. */
export function registerDeltaStart(site: Site, list: RegisterList): string {
  return `${itemsPath(site, list)}/delta${query({ $expand: `fields($select=${FIELDS[list].join(",")})`, $top: 1000 })}`;
}

interface DeltaItem {
  id: string;
  deleted?: unknown;
  fields?: Record<string, unknown>;
}

interface DeltaBody {
  value: DeltaItem[];
  "@odata.nextLink"?: string;
  "@odata.deltaLink"?: string;
}

/**
 * One round of delta on both lists: pages are read together in one $batch per step, so an unchanged register costs
 * one request. A list whose link has expired (410) is enumerated again from the start.
 */
export async function readRegisterDelta(site: Site, links: Partial<Record<RegisterList, string>>): Promise<RegisterRound> {
  const graph: Graph = site.graph;
  const lists: RegisterList[] = ["identities", "customers"];
  const next = new Map<RegisterList, string>(lists.map((l) => [l, graph.relative(links[l] ?? registerDeltaStart(site, l))]));
  const done = {} as Record<RegisterList, string>;
  const changes: RegisterChange[] = [];
  const restarted: RegisterList[] = lists.filter((l) => !links[l]);
  let requests = 0;
  while (next.size) {
    const pending = [...next.entries()];
    const res = await graph.batch(pending.map(([list, url]) => ({ id: list, method: "GET" as const, url })));
    requests++;
    for (const [i, r] of res.entries()) {
      const list = pending[i][0];
      if (r.status === 410) {
        // The sync state is gone: start this list again, and tell the caller its earlier picture is void.
        changes.splice(0, changes.length, ...changes.filter((c) => c.list !== list));
        if (!restarted.includes(list)) restarted.push(list);
        next.set(list, graph.relative(registerDeltaStart(site, list)));
        continue;
      }
      const body = ensureOk<DeltaBody>(r);
      for (const it of body.value) changes.push({ list, id: String(it.id), deleted: !!it.deleted, fields: it.fields ?? {} });
      if (body["@odata.nextLink"]) next.set(list, graph.relative(body["@odata.nextLink"]));
      else {
        next.delete(list);
        done[list] = body["@odata.deltaLink"] ?? links[list] ?? registerDeltaStart(site, list);
      }
    }
  }
  return { changes, links: done, restarted, requests };
}
