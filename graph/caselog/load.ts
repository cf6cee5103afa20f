// Reading a customer's log, and the rows projected from it, in one $batch: the log is the record, the rows are what
// the case service last wrote from it (or what someone has since changed by hand).
import type { StoredEvent } from "../../shared/register";
import { DataError } from "../client/errors";
import { eq } from "../client/odata";
import type { Fields } from "../repos/fields";
import { allRows, itemsPath, queryUrl, type ListItem, type Site } from "../repos/items";
import { eventFromItem, type RowProblem } from "./event-rows";

export interface RowRef {
  id: string;
  etag?: string;
  fields: Fields;
}

export const PROJECTED_LISTS = ["identities", "cases", "restrictions", "reviews", "letters", "outbox"] as const;
export type ProjectedRows = Record<(typeof PROJECTED_LISTS)[number], RowRef[]>;

export interface LoadedLog {
  customerId: string;
  /** Null when the customer row is gone (retention finished, or deleted by hand). */
  customer: RowRef | null;
  events: StoredEvent[];
  /** Log rows that could not be read as steps. */
  problems: RowProblem[];
}

export interface LoadedRegister extends LoadedLog {
  rows: ProjectedRows;
}

const ref = (i: ListItem): RowRef => ({ id: String(i.id), etag: i.eTag, fields: (i.fields ?? {}) as Fields });

function readEvents(items: ListItem[], customerId: string): { events: StoredEvent[]; problems: RowProblem[] } {
  const events: StoredEvent[] = [];
  const problems: RowProblem[] = [];
  for (const item of items) {
    const r = eventFromItem(item);
    if (!r.ok) problems.push(r.problem);
    else if (r.customerId === customerId) events.push(r.event);
  }
  events.sort((a, b) => a.seq - b.seq);
  return { events, problems };
}

export function eventsUrl(site: Site, customerId: string): string {
  return queryUrl(site, "caseEvents", { filter: eq("CustomerLookupId", Number(customerId)), orderby: "fields/Seq asc", top: 999 });
}

/** The customer row and its log: one request (more only for a log past 999 steps). */
export async function loadLog(site: Site, customerId: string): Promise<LoadedLog> {
  const [c, e] = await site.graph.batch([
    { id: "customer", method: "GET", url: `${itemsPath(site, "customers")}/${encodeURIComponent(customerId)}?$expand=fields` },
    { id: "events", method: "GET", url: eventsUrl(site, customerId) },
  ]);
  return { customerId, customer: customerOf(c.status, c.body), ...readEvents(await allRows(site, e), customerId) };
}

function customerOf(status: number, body: unknown): RowRef | null {
  if (status === 404) return null;
  if (status < 200 || status >= 300) throw new DataError(status === 429 ? "Throttled" : status >= 500 ? "Unavailable" : "Invalid", undefined, status);
  return ref(body as ListItem);
}

/** The log and every row projected from it, for a step or a repair: one $batch. */
export async function loadRegister(site: Site, customerId: string): Promise<LoadedRegister> {
  const id = Number(customerId);
  const byCustomer = (list: (typeof PROJECTED_LISTS)[number]) => queryUrl(site, list, { filter: eq("CustomerLookupId", id), top: 999 });
  const res = await site.graph.batch([
    { id: "customer", method: "GET", url: `${itemsPath(site, "customers")}/${encodeURIComponent(customerId)}?$expand=fields` },
    { id: "events", method: "GET", url: eventsUrl(site, customerId) },
    ...PROJECTED_LISTS.map((list) => ({ id: list, method: "GET" as const, url: byCustomer(list) })),
  ]);
  const [c, e, ...lists] = res;
  const rows = {} as ProjectedRows;
  await Promise.all(PROJECTED_LISTS.map(async (list, i) => (rows[list] = (await allRows(site, lists[i])).map(ref))));
  return { customerId, customer: customerOf(c.status, c.body), ...readEvents(await allRows(site, e), customerId), rows };
}

/** The step stored under an idempotency key, wherever it is (the key is unique across the log). */
export async function findByIdempotencyKey(site: Site, key: string): Promise<{ customerId: string; event: StoredEvent } | null> {
  const page = await site.graph.get<{ value: ListItem[] }>(queryUrl(site, "caseEvents", { filter: eq("IdempotencyKey", key), top: 2 }));
  for (const item of page.value) {
    const r = eventFromItem(item);
    if (r.ok) return { customerId: r.customerId, event: r.event };
  }
  return null;
}

/** Many customers' logs at once, twenty to a $batch: for checking what is believed about them against the truth. */
export async function loadLogs(site: Site, customerIds: string[]): Promise<Map<string, { events: StoredEvent[]; problems: RowProblem[] }>> {
  const out = new Map<string, { events: StoredEvent[]; problems: RowProblem[] }>();
  for (let i = 0; i < customerIds.length; i += 20) {
    const chunk = customerIds.slice(i, i + 20);
    const res = await site.graph.batch(chunk.map((id, n) => ({ id: String(n), method: "GET" as const, url: eventsUrl(site, id) })));
    await Promise.all(res.map(async (r, n) => out.set(chunk[n], readEvents(await allRows(site, r), chunk[n]))));
  }
  return out;
}
