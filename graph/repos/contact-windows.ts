// A customer's contacts read so that SharePoint's list view threshold never refuses them: by customer first (one
// request, as for almost every customer), and for a customer holding more than 5,000 contacts, date-first in windows
// each small enough for the threshold, since SharePoint counts the rows the first indexed condition matches.
import { DataError } from "../client/errors";
import type { BatchResponse } from "../client/factory";
import { eq, odataDate } from "../client/odata";
import { allRows, queryUrl, type ItemQuery, type ListItem, type Site } from "./items";

export interface ContactRange {
  /** From this moment (inclusive); the beginning of the register when absent. */
  from?: Date;
  /** Up to this moment (exclusive); far in the future when absent. */
  to?: Date;
  order: "asc" | "desc";
  /** At most this many, the first in `order`. */
  top?: number;
  select?: string[];
}

/** Earlier than any contact the register can hold, and later than any. */
const FLOOR = Date.parse("2000-01-01T00:00:00Z");
const CEILING = Date.parse("2100-01-01T00:00:00Z");
const WEEK = 7 * 86_400_000;
/** A customer found to hold too many contacts is read date-first straight away for a while (saves the refused try). */
const REMEMBER_MS = 10 * 60_000;
const broad = new Map<string, number>();

const key = (site: Site, customerId: string) => `${site.siteId}|${customerId}`;
const tooBroad = (e: unknown) => e instanceof DataError && e.kind === "TooBroad";

function range(r: ContactRange): { from: number; to: number } {
  return { from: r.from ? r.from.getTime() : FLOOR, to: r.to ? r.to.getTime() : CEILING };
}

/** The customer-first query: the form every customer but a very busy one is read with. */
export function customerContactsQuery(customerId: string, r: ContactRange): ItemQuery {
  const conditions = [eq("CustomerLookupId", Number(customerId))];
  if (r.from) conditions.push(`fields/ContactAt ge ${odataDate(r.from)}`);
  if (r.to) conditions.push(`fields/ContactAt lt ${odataDate(r.to)}`);
  return { filter: conditions.join(" and "), orderby: `fields/ContactAt ${r.order}`, top: r.top && r.top < 999 ? r.top : 999, select: r.select };
}

export function customerContactsUrl(site: Site, customerId: string, r: ContactRange): string {
  return queryUrl(site, "contacts", customerContactsQuery(customerId, r));
}

/** Whether this customer is known to need date windows (so a $batch can leave its customer-first part out). */
export function knownBroad(site: Site, customerId: string): boolean {
  const until = broad.get(key(site, customerId));
  return until !== undefined && until > Date.now();
}

/**
 * The customer's contacts in the range, in order. `first` is the answer to the customer-first query when it was sent
 * in a $batch with other reads; without it that query is sent here (unless the customer is known to be too busy).
 */
export async function customerContacts(site: Site, customerId: string, r: ContactRange, first?: BatchResponse): Promise<ListItem[]> {
  if (first || !knownBroad(site, customerId)) {
    try {
      const rows = first ? await allRows(site, first) : await site.graph.getAll<ListItem>(customerContactsUrl(site, customerId, r));
      return r.top ? rows.slice(0, r.top) : rows;
    } catch (e) {
      if (!tooBroad(e)) throw e;
      broad.set(key(site, customerId), Date.now() + REMEMBER_MS);
    }
  }
  return inWindows(site, customerId, r);
}

interface Slot {
  from: number;
  to: number;
  rows?: ListItem[];
}

/** A refused window cut into up to eight parts of whole seconds. */
function eighths(s: Slot): Slot[] {
  const step = Math.max(1000, Math.ceil((s.to - s.from) / 8000) * 1000);
  const parts: Slot[] = [];
  for (let at = s.from; at < s.to; at += step) parts.push({ from: at, to: Math.min(s.to, at + step) });
  return parts;
}

/**
 * Date-first windows: a window SharePoint refuses is cut in eight and the parts asked again, twenty windows to a $batch
 * (eight rather than two: fewer refused tries and fewer rounds for the price of a few more small windows).
 * With `top`, windows are read in order, newest (or oldest) first, until enough are in hand.
 */
async function inWindows(site: Site, customerId: string, r: ContactRange): Promise<ListItem[]> {
  const { from, to } = range(r);
  const end = Math.min(to, Date.now() + WEEK);
  // The last week first: most reads (this week, the latest few) end there.
  let slots: Slot[] = end - from > WEEK ? [{ from, to: end - WEEK }, { from: end - WEEK, to }] : [{ from, to }];
  const inOrder = () => (r.order === "asc" ? slots : [...slots].reverse());
  for (;;) {
    const ordered = inOrder();
    let held = 0;
    let open = false;
    for (const s of ordered) {
      if (!s.rows) {
        open = true;
        break;
      }
      held += s.rows.length;
    }
    if (!open || (r.top && held >= r.top)) break;
    const pending = ordered.filter((s) => !s.rows).slice(0, r.top ? 1 : 20);
    const answers = await site.graph.batch(
      pending.map((s, i) => ({
        id: String(i),
        method: "GET" as const,
        url: queryUrl(site, "contacts", {
          filter: `fields/ContactAt ge ${odataDate(new Date(s.from))} and fields/ContactAt lt ${odataDate(new Date(s.to))} and ${eq("CustomerLookupId", Number(customerId))}`,
          orderby: `fields/ContactAt ${r.order}`,
          top: 999,
          select: r.select,
        }),
      })),
    );
    const next: Slot[] = [];
    const split = new Map<Slot, Slot[]>();
    await Promise.all(
      pending.map(async (s, i) => {
        try {
          s.rows = await allRows(site, answers[i]);
        } catch (e) {
          // A second's worth of contacts past the threshold cannot be read by date: give up in words.
          if (!tooBroad(e) || s.to - s.from <= 1000) throw e;
          split.set(s, eighths(s));
        }
      }),
    );
    for (const s of slots) next.push(...(split.get(s) ?? [s]));
    slots = next;
  }
  const rows = inOrder().flatMap((s) => s.rows ?? []);
  return r.top ? rows.slice(0, r.top) : rows;
}
