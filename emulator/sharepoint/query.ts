// List item queries as Graph runs them on SharePoint: $filter/$orderby on indexed columns, the threshold, paging.
import type { Literal } from "../core/odata";
import { filterPaths, parseFilter, type FilterExpr } from "../core/propertyFilter";
import { parseOrderBy } from "../core/queryOptions";
import { GraphError } from "../core/types";
import { findColumn } from "./fields";
import { itemKey, LIST_VIEW_THRESHOLD, toSeconds, type ColumnDef, type Item, type ListState } from "./model";
import { cmpKey, cmpPos, type Key, type Pos, type SortedIndex } from "./sortedIndex";

export const DEFAULT_PAGE = 200;
export const MAX_PAGE = 5000;
export const PREFER_NON_INDEXED = "honornonindexedquerieswarningmayfailrandomly";

export interface QueryInput {
  filter?: string;
  orderby?: string;
  top?: number;
  skiptoken?: string;
  /** The request's Prefer header allowed non-indexed queries. */
  allowNonIndexed: boolean;
}

export interface QueryResult {
  items: Item[];
  /** Set when more items follow: the $skiptoken of the next page. */
  next?: string;
}

interface Cursor {
  id: number;
  keys: Key[];
}

type Pred = (it: Item) => boolean;

interface Plan {
  col: ColumnDef;
  from: Pos;
  to: Pos;
  est: number;
  /** Set when the range is one key: its entries then come in ascending id order. */
  eq?: { key: Key };
  union?: undefined;
}
interface UnionPlan {
  union: (Plan | UnionPlan)[];
  est: number;
}

function invalid(message: string): GraphError {
  return new GraphError(400, "invalidRequest", message);
}

const ID_COLUMN_NAMES = new Set(["id", "fields/id"]);

/** Resolves `fields/X`, `fields/XLookupId`, `id` to a column of the list. */
function resolvePath(list: ListState, path: string): ColumnDef {
  const idCol = list.columns.find((c) => c.name === "ID") as ColumnDef;
  if (ID_COLUMN_NAMES.has(path.toLowerCase())) return idCol;
  if (!path.toLowerCase().startsWith("fields/")) throw invalid(`Property '${path}' cannot be used in a filter or orderby: use fields/<column name>.`);
  const name = path.slice("fields/".length);
  if (name.endsWith("LookupId")) {
    const base = name.slice(0, -"LookupId".length);
    const col = findColumn(list, base);
    if (col && (col.kind === "lookup" || col.kind === "person")) return col;
  }
  const col = findColumn(list, name);
  if (!col) throw invalid(`Column '${name}' does not exist. It may have been deleted by another user.`);
  return col;
}

function isIndexed(col: ColumnDef): boolean {
  return col.indexed || col.name === "ID";
}

/** Graph refuses filters and orders on columns without an index unless told to try, and large lists fail anyway. */
function checkIndexed(list: ListState, cols: ColumnDef[], allowNonIndexed: boolean): void {
  const bad = cols.find((c) => !isIndexed(c));
  if (!bad) return;
  if (!allowNonIndexed) {
    throw invalid(
      `Field '${bad.name}' cannot be referenced in filter or orderby as it is not indexed. Provide the 'Prefer: HonorNonIndexedQueriesWarningMayFailRandomly' header to allow this, but be warned that such queries may fail on large lists.`,
    );
  }
  if (list.items.size > LIST_VIEW_THRESHOLD) throw thresholdExceeded();
}

/**
 * Graph answers SharePoint's SPQueryThrottledException with 429 (github.com/microsoftgraph/msgraph-sdk-dotnet/issues/827);
 * the message is SharePoint's own (github.com/pnp/pnpjs/issues/3149). No Retry-After: waiting does not help.
 */
function thresholdExceeded(): GraphError {
  return new GraphError(429, "throttledRequest", "The attempted operation is prohibited because it exceeds the list view threshold.");
}

/** The conditions joined by the filter's top-level `and`s, left to right, as SharePoint reads them. */
function conjuncts(e: FilterExpr): FilterExpr[] {
  return e.t === "and" ? [...conjuncts(e.a), ...conjuncts(e.b)] : [e];
}

/**
 * The rows a query makes SharePoint read on a list above the threshold: those matching the filter's first condition on
 * an indexed column (SharePoint uses that one index; "The filtering order matters!", pnp.github.io/blog/post/listview-threashold-apis;
 * msgraph-sdk-dotnet#827: fine while the first filter matches fewer than 5,000 rows, refused above), or, with no
 * filter, the whole list when it must be sorted ($orderby over a large list was refused in
 * github.com/microsoftgraph/microsoft-graph-docs/issues/8450). Paging a large list by id, unfiltered, is allowed.
 */
function rowsRead(list: ListState, expr: FilterExpr | undefined, ordered: boolean): number {
  if (!expr) return ordered ? list.items.size : 0;
  const plans = conjuncts(expr).map((c) => plan(list, c));
  const first = plans.find((p) => p !== undefined);
  if (!first) return list.items.size;
  if (first.union) return first.est;
  // Conditions on that same column bound one scan of its index: a date range (ge … and lt …) reads only the range.
  const idx = list.indexes.get(first.col.name) as SortedIndex;
  let { from, to } = first;
  for (const p of plans) {
    if (!p || p.union || p.col !== first.col) continue;
    if (cmpPos(p.from, from) > 0) from = p.from;
    if (cmpPos(p.to, to) < 0) to = p.to;
  }
  return idx.countBetween(from, to);
}

/** The literal as a key comparable with the column's stored keys. */
function literalKey(col: ColumnDef, lit: Literal): Key {
  if (lit.kind === "null") return null;
  switch (col.kind) {
    case "text":
    case "note":
    case "choice":
    case "multiChoice":
    case "contentType":
      return String(lit.v).toLowerCase();
    case "boolean":
      if (lit.kind === "bool") return lit.v ? 1 : 0;
      if (lit.v === 1 || lit.v === "1" || lit.v === 0 || lit.v === "0") return Number(lit.v);
      throw invalid(`The value '${String(lit.v)}' is not valid for Boolean field '${col.name}'.`);
    case "dateTime": {
      const ms = typeof lit.v === "string" ? Date.parse(lit.v) : NaN;
      if (!Number.isFinite(ms)) throw invalid(`The value '${String(lit.v)}' is not a valid date/time for field '${col.name}'.`);
      return toSeconds(ms);
    }
    default: {
      const n = typeof lit.v === "number" ? lit.v : typeof lit.v === "string" && lit.v.trim() !== "" ? Number(lit.v) : NaN;
      if (!Number.isFinite(n)) throw invalid(`The value '${String(lit.v)}' is not a valid number for field '${col.name}'.`);
      return n;
    }
  }
}

function compile(list: ListState, e: FilterExpr): Pred {
  switch (e.t) {
    case "and": {
      const a = compile(list, e.a);
      const b = compile(list, e.b);
      return (it) => a(it) && b(it);
    }
    case "or": {
      const a = compile(list, e.a);
      const b = compile(list, e.b);
      return (it) => a(it) || b(it);
    }
    case "not": {
      const a = compile(list, e.e);
      return (it) => !a(it);
    }
    case "startswith": {
      const col = resolvePath(list, e.path);
      const prefix = String(e.value.v ?? "").toLowerCase();
      return (it) => {
        const k = itemKey(col, it);
        return typeof k === "string" && k.startsWith(prefix);
      };
    }
    case "cmp": {
      const col = resolvePath(list, e.path);
      const lit = literalKey(col, e.value);
      if (col.kind === "multiChoice") {
        // A multi-choice column equals a value when that value is one of its choices.
        const has = (it: Item) => ((it.f[col.name] as string[] | undefined) ?? []).some((v) => v.toLowerCase() === lit);
        if (e.op === "eq") return lit === null ? (it) => it.f[col.name] === undefined : has;
        if (e.op === "ne") return lit === null ? (it) => it.f[col.name] !== undefined : (it) => !has(it);
        throw invalid(`Operator '${e.op}' cannot be used on multi-value field '${col.name}'.`);
      }
      const get = (it: Item) => itemKey(col, it);
      switch (e.op) {
        case "eq":
          return (it) => get(it) === lit;
        case "ne":
          return (it) => get(it) !== lit;
        case "lt":
          return (it) => {
            const k = get(it);
            return k !== null && lit !== null && cmpKey(k, lit) < 0;
          };
        case "le":
          return (it) => {
            const k = get(it);
            return k !== null && lit !== null && cmpKey(k, lit) <= 0;
          };
        case "gt":
          return (it) => {
            const k = get(it);
            return k !== null && lit !== null && cmpKey(k, lit) > 0;
          };
        case "ge":
          return (it) => {
            const k = get(it);
            return k !== null && lit !== null && cmpKey(k, lit) >= 0;
          };
      }
    }
  }
}

/** A range of one index that holds every match of the expression, or undefined when no index can narrow it. */
function plan(list: ListState, e: FilterExpr): Plan | UnionPlan | undefined {
  switch (e.t) {
    case "and": {
      const a = plan(list, e.a);
      const b = plan(list, e.b);
      if (!a) return b;
      if (!b) return a;
      return a.est <= b.est ? a : b;
    }
    case "or": {
      const a = plan(list, e.a);
      const b = plan(list, e.b);
      return a && b ? { union: [a, b], est: a.est + b.est } : undefined;
    }
    case "not":
      return undefined;
    case "startswith": {
      const col = resolvePath(list, e.path);
      const idx = list.indexes.get(col.name);
      if (!idx || !isIndexed(col)) return undefined;
      const prefix = String(e.value.v ?? "").toLowerCase();
      return rangePlan(col, idx, prefix, true, `${prefix}\uffff`, true);
    }
    case "cmp": {
      const col = resolvePath(list, e.path);
      const idx = list.indexes.get(col.name);
      if (!idx || !isIndexed(col) || col.kind === "multiChoice") return undefined;
      const lit = literalKey(col, e.value);
      switch (e.op) {
        case "eq":
          return { ...rangePlan(col, idx, lit, true, lit, true), eq: { key: lit } };
        case "lt":
        case "le":
          return lit === null ? undefined : rangePlan(col, idx, undefined, false, lit, e.op === "le");
        case "gt":
        case "ge":
          return lit === null ? undefined : rangePlan(col, idx, lit, e.op === "ge", undefined, false);
        default:
          return undefined;
      }
    }
  }
}

function rangePlan(col: ColumnDef, idx: SortedIndex, lo: Key | undefined, loInc: boolean, hi: Key | undefined, hiInc: boolean): Plan {
  // An open lower end still skips empty values: they never satisfy a range comparison.
  const from = lo === undefined ? idx.lowerBound(-Infinity, -Infinity) : idx.lowerBound(lo, loInc ? -Infinity : Infinity);
  const to = hi === undefined ? idx.end() : idx.lowerBound(hi, hiInc ? Infinity : -Infinity);
  return { col, from, to, est: idx.countBetween(from, to) };
}

function collect(list: ListState, p: Plan | UnionPlan, into: Set<number>): void {
  if (p.union) {
    for (const part of p.union) collect(list, part, into);
    return;
  }
  const idx = list.indexes.get(p.col.name) as SortedIndex;
  for (const [, id] of idx.scan(p.from, p.to)) into.add(id);
}

export function encodeSkipToken(c: Cursor): string {
  const keys = c.keys.length ? `&p_Keys=${encodeURIComponent(JSON.stringify(c.keys))}` : "";
  return Buffer.from(`Paged=TRUE&p_ID=${c.id}${keys}`).toString("base64");
}

function decodeSkipToken(token: string): Cursor {
  const text = Buffer.from(token, "base64").toString("utf8");
  const params = new URLSearchParams(text);
  const id = Number(params.get("p_ID"));
  if (params.get("Paged") !== "TRUE" || !Number.isInteger(id)) throw invalid("The $skiptoken is not valid.");
  const keysText = params.get("p_Keys");
  let keys: Key[] = [];
  if (keysText) {
    const parsed: unknown = JSON.parse(keysText);
    if (!Array.isArray(parsed)) throw invalid("The $skiptoken is not valid.");
    keys = parsed as Key[];
  }
  return { id, keys };
}

interface Order {
  col: ColumnDef;
  desc: boolean;
}

/** Total order of a result: the $orderby keys, then the item id in the first key's direction. */
function compareItems(order: Order[], a: Item, b: Item): number {
  for (const o of order) {
    const c = cmpKey(itemKey(o.col, a), itemKey(o.col, b));
    if (c !== 0) return o.desc ? -c : c;
  }
  const byId = a.id - b.id;
  return order[0]?.desc ? -byId : byId;
}

function compareToCursor(order: Order[], it: Item, cur: Cursor): number {
  for (let n = 0; n < order.length; n++) {
    const c = cmpKey(itemKey(order[n].col, it), cur.keys[n] ?? null);
    if (c !== 0) return order[n].desc ? -c : c;
  }
  const byId = it.id - cur.id;
  return order[0]?.desc ? -byId : byId;
}

export function runQuery(list: ListState, q: QueryInput): QueryResult {
  const expr = q.filter ? parseFilter(q.filter) : undefined;
  const order: Order[] = q.orderby ? parseOrderBy(q.orderby).map((o) => ({ col: resolvePath(list, o.path), desc: o.desc })) : [];
  const referenced = [...(expr ? filterPaths(expr).map((p) => resolvePath(list, p)) : []), ...order.map((o) => o.col)];
  checkIndexed(list, referenced, q.allowNonIndexed);
  if (list.items.size > LIST_VIEW_THRESHOLD && rowsRead(list, expr, order.length > 0) > LIST_VIEW_THRESHOLD) throw thresholdExceeded();
  const pred = expr ? compile(list, expr) : undefined;
  const top = Math.min(q.top ?? DEFAULT_PAGE, MAX_PAGE);
  const cursor = q.skiptoken ? decodeSkipToken(q.skiptoken) : undefined;
  const p = expr ? plan(list, expr) : undefined;

  const page: Item[] = [];
  let more = false;
  const take = (it: Item): boolean => {
    if (pred && !pred(it)) return true;
    if (page.length === top) {
      more = true;
      return false;
    }
    page.push(it);
    return true;
  };

  const idCol = list.columns.find((c) => c.name === "ID") as ColumnDef;
  const sortCol = order.length === 0 ? idCol : order[0].col;
  const desc = order[0]?.desc ?? false;
  const sortIdx = list.indexes.get(sortCol.name);
  const idOrder = order.length === 0 || (order.length === 1 && sortCol === idCol);
  const single = p && !p.union ? p : undefined;
  if (order.length <= 1 && sortIdx && (!p || single?.col === sortCol)) {
    // Walk the sort column's index in order, within the planned range: top-N reads only what it returns.
    let from = single ? single.from : sortIdx.start();
    let to = single ? single.to : sortIdx.end();
    if (cursor) {
      const key = order.length ? (cursor.keys[0] ?? null) : cursor.id;
      if (!desc) {
        const after = sortIdx.lowerBound(key, cursor.id + 0.5);
        if (cmpPos(after, from) > 0) from = after;
      } else {
        const before = sortIdx.lowerBound(key, cursor.id - 0.5);
        if (cmpPos(before, to) < 0) to = before;
      }
    }
    for (const [, id] of sortIdx.scan(from, to, desc)) {
      const it = list.items.get(id);
      if (it && !take(it)) break;
    }
  } else if (idOrder && single?.eq) {
    // One key of an index holds its ids in ascending order, which is the answer's order.
    const idx = list.indexes.get(single.col.name) as SortedIndex;
    let { from, to } = single;
    if (cursor) {
      if (!desc) {
        const after = idx.lowerBound(single.eq.key, cursor.id + 0.5);
        if (cmpPos(after, from) > 0) from = after;
      } else {
        const before = idx.lowerBound(single.eq.key, cursor.id - 0.5);
        if (cmpPos(before, to) < 0) to = before;
      }
    }
    for (const [, id] of idx.scan(from, to, desc)) {
      const it = list.items.get(id);
      if (it && !take(it)) break;
    }
  } else if (idOrder && p && sortIdx && (top + 1) * (list.items.size / Math.max(1, p.est)) < p.est) {
    // A wide range answered in id order: reading ids in order and testing each costs less than sorting the range.
    let from = sortIdx.start();
    let to = sortIdx.end();
    if (cursor) {
      if (!desc) from = sortIdx.lowerBound(cursor.id, cursor.id + 0.5);
      else to = sortIdx.lowerBound(cursor.id, cursor.id - 0.5);
    }
    for (const [, id] of sortIdx.scan(from, to, desc)) {
      const it = list.items.get(id);
      if (it && !take(it)) break;
    }
  } else {
    let candidates: Item[];
    if (p) {
      const ids = new Set<number>();
      collect(list, p, ids);
      candidates = [];
      for (const id of ids) {
        const it = list.items.get(id);
        if (it) candidates.push(it);
      }
    } else {
      candidates = [...list.items.values()];
    }
    const matching = pred ? candidates.filter(pred) : candidates;
    matching.sort((a, b) => compareItems(order, a, b));
    let start = 0;
    if (cursor) {
      let lo = 0;
      let hi = matching.length;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (compareToCursor(order, matching[mid], cursor) <= 0) lo = mid + 1;
        else hi = mid;
      }
      start = lo;
    }
    for (let n = start; n < matching.length; n++) if (!take(matching[n])) break;
  }

  const last = page[page.length - 1];
  return {
    items: page,
    next: more && last ? encodeSkipToken({ id: last.id, keys: order.map((o) => itemKey(o.col, last)) }) : undefined,
  };
}
