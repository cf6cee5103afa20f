// The SharePoint store's shapes: lists, columns, items and versions, with the built-in columns every list has.
import type { Key } from "./sortedIndex";
import { SortedIndex } from "./sortedIndex";

export type ColumnKind = "text" | "note" | "number" | "boolean" | "dateTime" | "choice" | "multiChoice" | "lookup" | "counter" | "person" | "contentType";

/** A stored field value: strings, numbers (dateTime as epoch ms, lookup as item id), booleans or string arrays. */
export type Value = string | number | boolean | string[];
export type Fields = Record<string, Value>;

export interface ColumnDef {
  id: string;
  name: string;
  displayName: string;
  description: string;
  kind: ColumnKind;
  indexed: boolean;
  unique: boolean;
  required: boolean;
  hidden: boolean;
  readOnly: boolean;
  builtIn: boolean;
  /** The Graph columnDefinition facet as given (text, number, choice, lookup …), echoed back on reads. */
  facetName: string;
  facet: Record<string, unknown>;
}

export interface VersionRec {
  /** Major version number: 1 → "1.0". */
  v: number;
  /** When this version was saved (epoch ms) and by which site principal. */
  m: number;
  e: number;
  f: Fields;
}

export interface Item {
  id: number;
  /** Current values; replaced, never mutated, so older versions can keep the previous object. */
  f: Fields;
  c: number;
  m: number;
  /** Author and editor as site principal ids. */
  a: number;
  e: number;
  v: number;
  /** Change sequence of the last create or update, for delta. */
  s: number;
  /** Earlier versions, oldest first; absent while the item has only its first version. */
  h?: VersionRec[];
}

export interface RoleAssignment {
  principalId: number;
  roleDefIds: number[];
}

/** A list's own properties: what persists as held, unlike its items, change log and indexes. */
export interface ListMeta {
  id: string;
  name: string;
  displayName: string;
  description: string;
  template: string;
  created: number;
  modified: number;
  createdBy: number;
  columns: ColumnDef[];
  nextId: number;
  seq: number;
  /** null while the list inherits the site's role assignments. */
  roleAssignments: RoleAssignment[] | null;
}

/** Picks the ListMeta fields, so the Maps of a ListState never reach a dump. */
export function listMeta(l: ListMeta): ListMeta {
  const { id, name, displayName, description, template, created, modified, createdBy, columns, nextId, seq, roleAssignments } = l;
  return { id, name, displayName, description, template, created, modified, createdBy, columns, nextId, seq, roleAssignments };
}

export interface ListState extends ListMeta {
  items: Map<number, Item>;
  /** item id → sequence of its last change (deletions included), iterated in change order. */
  changes: Map<number, number>;
  indexes: Map<string, SortedIndex>;
}

/** SharePoint's list view threshold: larger lists refuse queries that cannot use an index. */
export const LIST_VIEW_THRESHOLD = 5000;

/** SharePoint's fixed ids of the built-in fields. */
const BUILT_IN_IDS: Record<string, string> = {
  Title: "fa564e0f-0c70-4ab9-b863-0177e6ddd247",
  ID: "1d22ea11-1e32-424e-89ab-9fedbadb6ce1",
  ContentType: "c042a256-787d-4a6f-8a8a-cf6ab767f12d",
  Modified: "28cf69c5-fa48-462a-b5cd-27b6f9d2bd5f",
  Created: "8c06beca-0777-48f7-91c7-6da68bc07b69",
  Author: "1df5e554-ec7e-46a6-901d-d85a3881cb18",
  Editor: "d31655d1-1d5b-4511-95a1-7a09e9b75bf2",
};

/** Built-in columns of a generic list; Title is the only writable one. */
export function builtInColumns(): ColumnDef[] {
  const base = (name: string, kind: ColumnKind, facetName: string, facet: Record<string, unknown>, readOnly: boolean): ColumnDef => ({
    id: BUILT_IN_IDS[name],
    name,
    displayName: name === "ID" ? "ID" : name === "Author" ? "Created By" : name === "Editor" ? "Modified By" : name === "ContentType" ? "Content Type" : name,
    description: "",
    kind,
    indexed: false,
    unique: false,
    required: name === "Title",
    hidden: false,
    readOnly,
    builtIn: true,
    facetName,
    facet,
  });
  return [
    base("Title", "text", "text", { allowMultipleLines: false, appendChangesToExistingText: false, linesForEditing: 0, maxLength: 255 }, false),
    base("ID", "counter", "number", {}, true),
    base("ContentType", "contentType", "text", {}, true),
    base("Modified", "dateTime", "dateTime", { displayAs: "default", format: "dateTime" }, true),
    base("Created", "dateTime", "dateTime", { displayAs: "default", format: "dateTime" }, true),
    base("Author", "person", "personOrGroup", { allowMultipleSelection: false, chooseFromType: "peopleOnly", displayAs: "nameWithPresence" }, true),
    base("Editor", "person", "personOrGroup", { allowMultipleSelection: false, chooseFromType: "peopleOnly", displayAs: "nameWithPresence" }, true),
  ];
}

/** The normalised index and comparison key of a stored value: text compares case-insensitively, as SharePoint does. */
export function keyOf(kind: ColumnKind, v: Value | undefined): Key {
  if (v === undefined) return null;
  switch (kind) {
    case "text":
    case "note":
    case "choice":
      return (v as string).toLowerCase();
    case "boolean":
      return v ? 1 : 0;
    case "multiChoice":
      return null;
    default:
      return v as number;
  }
}

/** Reads a column's key from an item, built-ins included. */
export function itemKey(col: ColumnDef, it: Item): Key {
  switch (col.name) {
    case "ID":
      return it.id;
    case "Created":
      return it.c;
    case "Modified":
      return it.m;
    case "Author":
      return it.a;
    case "Editor":
      return it.e;
    case "ContentType":
      return "item";
    default:
      return keyOf(col.kind, it.f[col.name]);
  }
}

/** SharePoint keeps dateTime values to the second. */
export function toSeconds(ms: number): number {
  return Math.floor(ms / 1000) * 1000;
}

export function isoSeconds(ms: number): string {
  return new Date(ms).toISOString().replace(/\.\d{3}Z$/, "Z");
}
