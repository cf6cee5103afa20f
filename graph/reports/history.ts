// The change history of a case from SharePoint's item versions: who changed what, and when.
import { ensureOk } from "../client/factory";
import { itemsPath, type Site } from "../repos/items";
import type { ListKey } from "../schema/lists";

export interface ItemVersion {
  id: string;
  lastModifiedDateTime: string;
  lastModifiedBy?: { user?: { displayName?: string; email?: string }; application?: { displayName?: string } };
  fields?: Record<string, unknown>;
}

export interface FieldChange {
  field: string;
  from: string;
  to: string;
}

export interface HistoryEntry {
  list: ListKey;
  itemId: string;
  /** What the item is, in words ("Restriction: Letters only"). */
  item: string;
  version: string;
  at: string;
  by: string;
  created: boolean;
  changes: FieldChange[];
}

/** Columns SharePoint keeps for itself: not part of what an officer changed. */
const SYSTEM = new Set([
  "id",
  "ContentType",
  "Modified",
  "Created",
  "AuthorLookupId",
  "EditorLookupId",
  "AppAuthorLookupId",
  "AppEditorLookupId",
  "Attachments",
  "Edit",
  "LinkTitle",
  "LinkTitleNoMenu",
  "ItemChildCount",
  "FolderChildCount",
]);

function shown(value: unknown): string {
  if (value === undefined || value === null || value === "") return "";
  const s = Array.isArray(value) ? value.join(", ") : typeof value === "object" ? JSON.stringify(value) : String(value);
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
}

function userOf(v: ItemVersion): string {
  const who = v.lastModifiedBy;
  return who?.user?.email || who?.user?.displayName || who?.application?.displayName || "unknown";
}

const visible = (k: string) => !SYSTEM.has(k) && !k.startsWith("_") && !k.startsWith("@") && !k.includes("@odata");

/** Versions (any order) to entries, newest first: the first version lists what was set, later ones what changed. */
export function diffVersions(list: ListKey, itemId: string, item: string, versions: ItemVersion[]): HistoryEntry[] {
  const ordered = [...versions].sort((a, b) => parseFloat(a.id) - parseFloat(b.id));
  const out: HistoryEntry[] = [];
  let prev: Record<string, unknown> | null = null;
  for (const v of ordered) {
    const fields = v.fields ?? {};
    const keys = [...new Set([...Object.keys(prev ?? {}), ...Object.keys(fields)])].filter(visible).sort();
    const changes: FieldChange[] = [];
    for (const k of keys) {
      const before = shown(prev?.[k]);
      const after = shown(fields[k]);
      if (before !== after) changes.push({ field: k.replace(/LookupId$/, ""), from: before, to: after });
    }
    if (changes.length || !prev) out.push({ list, itemId, item, version: v.id, at: v.lastModifiedDateTime, by: userOf(v), created: !prev, changes });
    prev = fields;
  }
  return out.reverse();
}

export interface HistoryItem {
  list: ListKey;
  id: string;
  label: string;
}

/** Every version of each item, twenty items to a $batch; entries from all items, newest first. */
export async function loadChangeHistory(site: Site, items: HistoryItem[]): Promise<HistoryEntry[]> {
  const entries: HistoryEntry[] = [];
  for (const [i, chunk] of chunks(items, 20).entries()) {
    const res = await site.graph.batch(chunk.map((it, n) => ({ id: `${i}-${n}`, method: "GET" as const, url: `${itemsPath(site, it.list)}/${it.id}/versions?$expand=fields` })));
    res.forEach((r, n) => {
      const it = chunk[n];
      if (r.status === 404) return;
      const versions = ensureOk<{ value: ItemVersion[] }>(r).value;
      entries.push(...diffVersions(it.list, it.id, it.label, versions));
    });
  }
  return entries.sort((a, b) => b.at.localeCompare(a.at) || parseFloat(b.version) - parseFloat(a.version));
}

export function chunks<T>(xs: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}
