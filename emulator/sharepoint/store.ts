// The site's lists and items in memory: writes keep indexes, versions and the change log; dump/load for persistence.
import { randomUUID } from "node:crypto";
import { GraphError } from "../core/types";
import { applyFields, findColumn } from "./fields";
import { builtInColumns, itemKey, keyOf, listMeta, type ColumnDef, type Fields, type Item, type ListMeta, type ListState, type VersionRec } from "./model";
import type { Permissions, PermissionState } from "./permissions";
import { SortedIndex, type Key } from "./sortedIndex";

/** Above this many rows a bulk insert re-sorts each index once instead of inserting row by row. */
const BULK_REBUILD = 2000;

/**
 * SharePoint's SPDuplicateValuesFoundException as Graph answers it: 400 invalidRequest, not 409 (seen from the service:
 * n8n-io/n8n packages/nodes-base/nodes/Microsoft/SharePoint/helpers/utils.ts handles exactly this code and message;
 * UK-Export-Finance/estore-api src/modules/graph/graph.service.test.ts, "SharePoint responds with a 400 response").
 */
export function uniqueViolation(): GraphError {
  return new GraphError(400, "invalidRequest", "One or more fields with unique constraints already has the provided value.");
}

/** SharePoint enforces unique values only through an index on the column. */
function uniqueNeedsIndex(): GraphError {
  return new GraphError(400, "invalidRequest", "The column must be indexed before unique values can be enforced on it.");
}

export function listNotFound(): GraphError {
  return new GraphError(404, "itemNotFound", "The resource could not be found.");
}

export function itemNotFound(): GraphError {
  return new GraphError(404, "itemNotFound", "Item not found");
}

interface ListDump extends ListMeta {
  /** [id, fields, created, modified, author, editor, version, seq, history?] */
  items: [number, Fields, number, number, number, number, number, number, [number, number, number, Fields][]?][];
  /** [id, seq] of deleted items, for delta. */
  deleted: [number, number][];
}

export interface StoreDump {
  format: 1;
  permissions: PermissionState;
  lists: ListDump[];
}

export class SiteStore {
  readonly lists = new Map<string, ListState>();
  /** Told of every item created through Graph (benchmarks time a contact from delivery to logging). */
  readonly created: ((list: ListState, item: Item) => void)[] = [];

  constructor(private readonly permissions: Permissions) {}

  clear(): void {
    this.lists.clear();
    this.permissions.reset();
  }

  /** By id, display name or name, case-insensitively, as Graph addresses lists. */
  findList(ref: string): ListState | undefined {
    const key = ref.toLowerCase();
    const byId = this.lists.get(key);
    if (byId) return byId;
    for (const l of this.lists.values()) if (l.displayName.toLowerCase() === key || l.name.toLowerCase() === key) return l;
    return undefined;
  }

  getList(ref: string): ListState {
    const l = this.findList(ref);
    if (!l) throw listNotFound();
    return l;
  }

  createList(displayName: string, description: string, template: string, by: number, now: number): ListState {
    if (this.findList(displayName)) {
      throw new GraphError(
        409,
        "nameAlreadyExists",
        "A list, survey, discussion board, or document library with the specified title already exists in this Web site.  Please choose another title.",
      );
    }
    const id = randomUUID();
    const list: ListState = {
      id,
      name: displayName,
      displayName,
      description,
      template,
      created: now,
      modified: now,
      createdBy: by,
      columns: builtInColumns(),
      items: new Map(),
      nextId: 1,
      seq: 0,
      changes: new Map(),
      indexes: new Map([["ID", new SortedIndex()]]),
      roleAssignments: null,
    };
    this.lists.set(id, list);
    return list;
  }

  deleteList(list: ListState): void {
    this.lists.delete(list.id);
  }

  addColumn(list: ListState, col: ColumnDef): void {
    if (findColumn(list, col.name)) throw new GraphError(409, "nameAlreadyExists", `A duplicate field name "${col.name}" was found.`);
    if (col.unique && !col.indexed) throw uniqueNeedsIndex();
    list.columns.push(col);
    if (col.indexed) this.buildIndex(list, col);
  }

  removeColumn(list: ListState, col: ColumnDef): void {
    list.columns = list.columns.filter((c) => c !== col);
    list.indexes.delete(col.name);
  }

  /** Turns indexing and uniqueness on or off, checking existing values as SharePoint does. */
  setColumnFlags(list: ListState, col: ColumnDef, indexed: boolean, unique: boolean): void {
    if (unique && !indexed) throw uniqueNeedsIndex();
    if (indexed && col.kind === "multiChoice") throw new GraphError(400, "invalidRequest", `Column '${col.name}' cannot be indexed.`);
    if (indexed && !col.indexed) {
      col.indexed = true;
      this.buildIndex(list, col);
    } else if (!indexed && col.indexed) {
      col.indexed = false;
      if (col.name !== "ID") list.indexes.delete(col.name);
    }
    if (unique && !col.unique) {
      const seen = new Set<Key>();
      for (const it of list.items.values()) {
        const k = itemKey(col, it);
        if (k === null) continue;
        if (seen.has(k)) {
          throw new GraphError(400, "invalidRequest", "This field contains duplicate values. Remove all duplicate values and try the operation again.");
        }
        seen.add(k);
      }
    }
    col.unique = unique;
  }

  private buildIndex(list: ListState, col: ColumnDef): void {
    const idx = new SortedIndex();
    const keys: Key[] = [];
    const ids: number[] = [];
    for (const it of list.items.values()) {
      keys.push(itemKey(col, it));
      ids.push(it.id);
    }
    idx.rebuild(keys, ids);
    list.indexes.set(col.name, idx);
  }

  private indexedColumns(list: ListState): ColumnDef[] {
    return list.columns.filter((c) => c.indexed || c.name === "ID");
  }

  /** Refuses a value that an enforced-unique column already holds in another item (empty values never clash). */
  private checkUnique(list: ListState, f: Fields, selfId: number | undefined, cols: ColumnDef[]): void {
    for (const col of cols) {
      if (!col.unique) continue;
      const key = keyOf(col.kind, f[col.name]);
      if (key === null) continue;
      const idx = list.indexes.get(col.name) as SortedIndex;
      for (const [k, id] of idx.scan(idx.lowerBound(key, -Infinity), idx.lowerBound(key, Infinity))) {
        if (k === key && id !== selfId) throw uniqueViolation();
      }
    }
  }

  private bump(list: ListState, id: number): number {
    const seq = ++list.seq;
    list.changes.delete(id);
    list.changes.set(id, seq);
    return seq;
  }

  /** Creates an item. Check-and-insert happens without awaiting, so racing writers cannot both pass a unique check. */
  createItem(list: ListState, input: unknown, by: number, now: number): Item {
    const { fields } = applyFields(list, undefined, input);
    this.checkUnique(list, fields, undefined, list.columns);
    const id = list.nextId++;
    const it: Item = { id, f: fields, c: now, m: now, a: by, e: by, v: 1, s: 0 };
    it.s = this.bump(list, id);
    list.items.set(id, it);
    for (const col of this.indexedColumns(list)) list.indexes.get(col.name)?.insert(itemKey(col, it), id);
    list.modified = now;
    for (const l of this.created) l(list, it);
    return it;
  }

  updateItem(list: ListState, it: Item, input: unknown, by: number, now: number): Item {
    const { fields, changed } = applyFields(list, it.f, input);
    this.checkUnique(list, fields, it.id, changed);
    const oldKeys = this.indexedColumns(list).map((col) => [col, itemKey(col, it)] as const);
    const history: VersionRec[] = it.h ?? [];
    history.push({ v: it.v, m: it.m, e: it.e, f: it.f });
    it.h = history;
    it.f = fields;
    it.m = now;
    it.e = by;
    it.v += 1;
    it.s = this.bump(list, it.id);
    for (const [col, before] of oldKeys) {
      const after = itemKey(col, it);
      if (before === after) continue;
      const idx = list.indexes.get(col.name) as SortedIndex;
      idx.remove(before, it.id);
      idx.insert(after, it.id);
    }
    list.modified = now;
    return it;
  }

  deleteItem(list: ListState, it: Item, now: number): void {
    for (const col of this.indexedColumns(list)) list.indexes.get(col.name)?.remove(itemKey(col, it), it.id);
    list.items.delete(it.id);
    this.bump(list, it.id);
    list.modified = now;
  }

  /** The benchmark's fast path: many rows at once with the same coercion and unique checks, one index sort. */
  bulkInsert(list: ListState, rows: unknown[], by: number, now: number): void {
    const created: Item[] = [];
    const uniqueCols = list.columns.filter((c) => c.unique);
    const seen = new Map<string, Set<Key>>(uniqueCols.map((c) => [c.name, new Set<Key>()]));
    for (const row of rows) {
      const { fields } = applyFields(list, undefined, row, false);
      for (const col of uniqueCols) {
        const key = keyOf(col.kind, fields[col.name]);
        if (key === null) continue;
        const set = seen.get(col.name) as Set<Key>;
        if (set.has(key)) throw uniqueViolation();
        set.add(key);
      }
      this.checkUnique(list, fields, undefined, uniqueCols);
      const id = list.nextId++;
      created.push({ id, f: fields, c: now, m: now, a: by, e: by, v: 1, s: 0 });
    }
    for (const it of created) {
      it.s = this.bump(list, it.id);
      list.items.set(it.id, it);
    }
    for (const col of this.indexedColumns(list)) {
      const idx = list.indexes.get(col.name) as SortedIndex;
      if (created.length >= BULK_REBUILD) {
        const { keys, ids } = idx.entries();
        for (const it of created) {
          keys.push(itemKey(col, it));
          ids.push(it.id);
        }
        idx.rebuild(keys, ids);
      } else {
        for (const it of created) idx.insert(itemKey(col, it), it.id);
      }
    }
    list.modified = now;
  }

  dump(): StoreDump {
    return {
      format: 1,
      permissions: this.permissions.state,
      lists: [...this.lists.values()].map((l) => ({
        ...listMeta(l),
        items: [...l.items.values()].map((it) => {
          const row: ListDump["items"][number] = [it.id, it.f, it.c, it.m, it.a, it.e, it.v, it.s];
          if (it.h) row.push(it.h.map((h): [number, number, number, Fields] => [h.v, h.m, h.e, h.f]));
          return row;
        }),
        deleted: [...l.changes].filter(([id]) => !l.items.has(id)),
      })),
    };
  }

  load(data: unknown): void {
    const d = data as StoreDump;
    if (!d || d.format !== 1) throw new Error("unknown sharepoint data format");
    this.lists.clear();
    this.permissions.state = d.permissions;
    for (const ld of d.lists) {
      const items = new Map<number, Item>();
      const sorted = [...ld.items].sort((a, b) => a[0] - b[0]);
      for (const [id, f, c, m, a, e, v, s, h] of sorted) {
        const it: Item = { id, f, c, m, a, e, v, s };
        if (h) it.h = h.map(([hv, hm, he, hf]) => ({ v: hv, m: hm, e: he, f: hf }));
        items.set(id, it);
      }
      const changes = [...sorted.map((r) => [r[0], r[7]] as [number, number]), ...ld.deleted].sort((a, b) => a[1] - b[1]);
      const list: ListState = {
        ...listMeta(ld),
        items,
        changes: new Map(changes),
        indexes: new Map([["ID", new SortedIndex()]]),
      };
      for (const col of this.indexedColumns(list)) this.buildIndex(list, col);
      this.lists.set(list.id, list);
    }
  }
}
