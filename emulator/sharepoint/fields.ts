// Field values in and out: Graph's fieldValueSet written to stored values, and stored values rendered as Graph does.
import { GraphError } from "../core/types";
import { isoSeconds, toSeconds, type ColumnDef, type Fields, type Item, type ListState, type Value } from "./model";

function invalid(message: string): GraphError {
  return new GraphError(400, "invalidRequest", message);
}

const READ_ONLY_NAMES = new Set(
  [
    "id",
    "ID",
    "ContentType",
    "Created",
    "Modified",
    "Author",
    "Editor",
    "AuthorLookupId",
    "EditorLookupId",
    "_UIVersionString",
    "Attachments",
    "Edit",
    "LinkTitle",
    "LinkTitleNoMenu",
    "ItemChildCount",
    "FolderChildCount",
    "DocIcon",
  ].map((n) => n.toLowerCase()),
);

/** Finds a custom column (or Title) by internal name, exactly first, then ignoring case. */
export function findColumn(list: ListState, name: string): ColumnDef | undefined {
  return list.columns.find((c) => c.name === name) ?? list.columns.find((c) => c.name.toLowerCase() === name.toLowerCase());
}

function coerce(col: ColumnDef, raw: unknown, annotated: boolean, strictAnnotations: boolean): Value | undefined {
  if (raw === null || raw === undefined) return undefined;
  switch (col.kind) {
    case "text":
    case "note":
    case "choice": {
      if (typeof raw === "object") throw invalid(`Invalid value for field '${col.name}'.`);
      const s = String(raw);
      if (s === "") return undefined;
      const max = col.kind === "text" ? Number(col.facet.maxLength ?? 255) : col.kind === "note" ? 63999 : 255;
      if (s.length > max) {
        throw invalid(`The value of field '${col.name}' is too long: it holds at most ${max} characters.`);
      }
      return s;
    }
    case "number": {
      const n = typeof raw === "number" ? raw : typeof raw === "string" && raw.trim() !== "" ? Number(raw) : NaN;
      if (!Number.isFinite(n)) throw invalid(`Invalid number value for field '${col.name}'.`);
      return n;
    }
    case "boolean": {
      if (typeof raw === "boolean") return raw;
      if (raw === 1 || raw === "1" || raw === "true" || raw === "True") return true;
      if (raw === 0 || raw === "0" || raw === "false" || raw === "False") return false;
      throw invalid(`Invalid boolean value for field '${col.name}'.`);
    }
    case "dateTime": {
      const ms = typeof raw === "string" ? Date.parse(raw) : NaN;
      if (!Number.isFinite(ms)) throw invalid(`Invalid date/time value for field '${col.name}'.`);
      return toSeconds(ms);
    }
    case "multiChoice": {
      if (!Array.isArray(raw)) throw invalid(`Field '${col.name}' holds several values: send an array of strings.`);
      // Graph's OData reader cannot type an untyped collection: the caller must annotate it.
      if (strictAnnotations && !annotated) {
        throw invalid(
          "A value without a type name was found and no expected type is available. When the model is specified, each value in the payload must have a type which can be either specified in the payload, explicitly by the caller or implicitly inferred from the parent value.",
        );
      }
      const values = raw.map((x) => {
        if (typeof x !== "string") throw invalid(`Invalid value for field '${col.name}'.`);
        return x;
      });
      return values.length ? values : undefined;
    }
    case "lookup": {
      const n = typeof raw === "number" ? raw : typeof raw === "string" && /^\d+$/.test(raw.trim()) ? Number(raw) : NaN;
      if (!Number.isInteger(n) || n < 0) throw invalid(`Invalid lookup id for field '${col.name}LookupId'.`);
      return n === 0 ? undefined : n;
    }
    default:
      throw invalid(`Field '${col.name}' is read-only`);
  }
}

/**
 * Applies a fieldValueSet to current values. Unknown fields, read-only fields and lookups written without their
 * LookupId name are refused, as Graph refuses them. Returns the new values (a fresh object) and the changed columns.
 */
export function applyFields(
  list: ListState,
  current: Fields | undefined,
  input: unknown,
  strictAnnotations = true,
): { fields: Fields; changed: ColumnDef[] } {
  if (!input || typeof input !== "object" || Array.isArray(input)) throw invalid("The request body must hold a fields object.");
  const body = input as Record<string, unknown>;
  const next: Fields = { ...(current ?? {}) };
  const changed: ColumnDef[] = [];
  for (const [key, raw] of Object.entries(body)) {
    if (key.includes("@odata.")) continue;
    let col: ColumnDef | undefined;
    if (key.endsWith("LookupId")) {
      col = findColumn(list, key.slice(0, -"LookupId".length));
      if (col && col.kind !== "lookup") col = undefined;
    }
    if (!col) {
      if (READ_ONLY_NAMES.has(key.toLowerCase())) throw invalid(`Field '${key}' is read-only`);
      col = findColumn(list, key);
      if (!col || (col.builtIn && col.readOnly)) throw invalid(`Field '${key}' is not recognized`);
      if (col.kind === "lookup") throw invalid(`Field '${key}' is a lookup column: write '${col.name}LookupId' with the item id.`);
    }
    const annotated = typeof body[`${key}@odata.type`] === "string";
    const value = coerce(col, raw, annotated, strictAnnotations);
    const before = next[col.name];
    if (value === undefined) delete next[col.name];
    else next[col.name] = value;
    if (!sameValue(before, value)) changed.push(col);
  }
  return { fields: next, changed };
}

function sameValue(a: Value | undefined, b: Value | undefined): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((x, i) => x === b[i]);
  return a === b;
}

export interface RenderMeta {
  etag: string;
  version: string;
  authorId: number;
  editorId: number;
  created: number;
  modified: number;
  appAuthored: boolean;
  appEdited: boolean;
}

/** Adds one column's value to a fieldValueSet the way Graph spells it (LookupId strings, typed collections, ISO dates). */
function putValue(out: Record<string, unknown>, col: ColumnDef, v: Value | undefined): void {
  if (v === undefined) return;
  switch (col.kind) {
    case "lookup":
      out[`${col.name}LookupId`] = String(v);
      return;
    case "multiChoice":
      out[`${col.name}@odata.type`] = "Collection(Edm.String)";
      out[col.name] = v;
      return;
    case "dateTime":
      out[col.name] = isoSeconds(v as number);
      return;
    default:
      out[col.name] = v;
  }
}

/** Graph's fieldValueSet for stored values; `select` limits it to some fields (the etag always comes first). */
export function renderFields(list: ListState, id: number, f: Fields, meta: RenderMeta, select?: string[]): Record<string, unknown> {
  const out: Record<string, unknown> = { "@odata.etag": meta.etag };
  const all: Record<string, unknown> = {};
  for (const col of list.columns) if (!col.builtIn || col.name === "Title") putValue(all, col, f[col.name]);
  const title = f.Title as string | undefined;
  all.id = String(id);
  all.ContentType = "Item";
  all.Modified = isoSeconds(meta.modified);
  all.Created = isoSeconds(meta.created);
  all.AuthorLookupId = String(meta.authorId);
  all.EditorLookupId = String(meta.editorId);
  if (meta.appAuthored) all.AppAuthorLookupId = String(meta.authorId);
  if (meta.appEdited) all.AppEditorLookupId = String(meta.editorId);
  all._UIVersionString = meta.version;
  all.Attachments = false;
  all.Edit = "";
  if (title !== undefined) {
    all.LinkTitleNoMenu = title;
    all.LinkTitle = title;
  }
  all.ItemChildCount = "0";
  all.FolderChildCount = "0";
  all._ComplianceFlags = "";
  all._ComplianceTag = "";
  all._ComplianceTagWrittenTime = "";
  all._ComplianceTagUserId = "";
  if (!select) return Object.assign(out, all);
  for (const name of select) {
    const wanted = [name, `${name}LookupId`, `${name}@odata.type`];
    if (name.toLowerCase() === "id") wanted.push("id");
    if (name === "Author" || name === "Editor") wanted.push(`${name}LookupId`);
    for (const w of wanted) {
      const key = Object.keys(all).find((k) => k === w) ?? Object.keys(all).find((k) => k.toLowerCase() === w.toLowerCase());
      if (key !== undefined) out[key] = all[key];
    }
  }
  return out;
}

/**
 * SharePoint's listItem eTag: `"{GUID},version"` with the GUID upper-case in braces, as Graph hands it out
 * (microsoft-graph-docs-contrib api-reference/v1.0/api/listitem-delta.md, response: "\"{12AD05BB-59B8-43AA-9456-77C44E9BC066},756\"").
 */
export function etagOf(list: ListState, it: Item, version = it.v): string {
  return `"${itemGuid(list, it.id)},${version}"`;
}

/** A stable per-item GUID, braced and upper-case, derived from the list id so it need not be stored for half a million items. */
export function itemGuid(list: ListState, id: number): string {
  return `{${`${list.id.slice(0, 24)}${id.toString(16).padStart(12, "0")}`.toUpperCase()}}`;
}
