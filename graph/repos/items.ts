// List item plumbing shared by the repositories: paths, queries on indexed columns, ETag-guarded updates, retries.
import { DataError } from "../client/errors";
import { THROTTLED_PATIENCE_SECONDS } from "../client/batch";
import { ensureOk, type BatchRequest, type BatchResponse, type Graph } from "../client/factory";
import { query } from "../client/odata";
import type { ListKey } from "../schema/lists";
import { LISTS } from "../schema/lists";

export interface ListItem<F = Record<string, unknown>> {
  id: string;
  eTag?: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  fields: F & { id?: string; Title?: string };
}

/** Where the lists live; list names are used in paths directly, so no request is spent resolving ids. */
export interface Site {
  graph: Graph;
  siteId: string;
}

export function itemsPath(site: Pick<Site, "siteId">, list: ListKey): string {
  return `/sites/${site.siteId}/lists/${LISTS[list]}/items`;
}

export interface ItemQuery {
  filter?: string;
  orderby?: string;
  top?: number;
  select?: string[];
}

export function queryUrl(site: Pick<Site, "siteId">, list: ListKey, q: ItemQuery): string {
  const expand = q.select ? `fields($select=${q.select.join(",")})` : "fields";
  return `${itemsPath(site, list)}${query({ $expand: expand, $filter: q.filter, $orderby: q.orderby, $top: q.top })}`;
}

/** Every page of a query (filters must reference indexed columns only). */
export function queryAll<F = Record<string, unknown>>(site: Site, list: ListKey, q: ItemQuery): Promise<ListItem<F>[]> {
  return site.graph.getAll<ListItem<F>>(queryUrl(site, list, q));
}

/** The first page only: for "the last five" and "is there any". */
export async function queryPage<F = Record<string, unknown>>(site: Site, list: ListKey, q: ItemQuery): Promise<ListItem<F>[]> {
  return (await site.graph.get<{ value: ListItem<F>[] }>(queryUrl(site, list, q))).value;
}

export function createItem<F = Record<string, unknown>>(site: Site, list: ListKey, fields: Record<string, unknown>): Promise<ListItem<F>> {
  return site.graph.post<ListItem<F>>(itemsPath(site, list), { fields });
}

export function getItem<F = Record<string, unknown>>(site: Site, list: ListKey, id: string): Promise<ListItem<F>> {
  return site.graph.get<ListItem<F>>(`${itemsPath(site, list)}/${encodeURIComponent(id)}?$expand=fields`);
}

/** Updates fields only if nobody changed the item since `eTag` was read; a 412 becomes a Conflict DataError. */
export function updateFields(site: Site, list: ListKey, id: string, fields: Record<string, unknown>, eTag?: string): Promise<Record<string, unknown>> {
  return site.graph.patch(`${itemsPath(site, list)}/${encodeURIComponent(id)}/fields`, fields, eTag ? { "If-Match": eTag } : undefined);
}

/** The rows of one batch part, following @odata.nextLink for anything past the first page. */
export async function allRows(site: Site, res: BatchResponse): Promise<ListItem[]> {
  const page = ensureOk<{ value: ListItem[]; "@odata.nextLink"?: string }>(res);
  const rows = [...page.value];
  if (page["@odata.nextLink"]) rows.push(...(await site.graph.getAll<ListItem>(site.graph.relative(page["@odata.nextLink"]))));
  return rows;
}

export function batchGet(id: string, url: string): BatchRequest {
  return { id, method: "GET", url };
}

/**
 * Runs a write again when Graph was busy or unreachable, beyond the SDK's own tries, so that nothing is lost under
 * sustained throttling. Only for writes that are safe to repeat (unique keys or If-Match guard them). A throttled
 * answer is waited out for as long as it says (up to ten minutes in all: a tenant's budget refills); other failures
 * get `attempts` tries with a growing pause.
 */
export async function persistently<T>(fn: () => Promise<T>, attempts = 8): Promise<T> {
  let waited = 0;
  for (let i = 1; ; i++) {
    try {
      return await fn();
    } catch (e) {
      if (!(e instanceof DataError) || !e.retryable) throw e;
      const told = e.kind === "Throttled" && e.retryAfter !== undefined;
      if (told ? waited >= THROTTLED_PATIENCE_SECONDS || i >= 200 : i >= attempts) throw e;
      const seconds = told ? Math.min(60, e.retryAfter!) : Math.min(2, 0.05 * 2 ** i);
      waited += seconds;
      await new Promise((r) => setTimeout(r, seconds * 1000));
    }
  }
}
