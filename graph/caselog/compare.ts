// Whether a row already says what the log says: values compared by what they mean in their column (a date to the
// second, JSON by content, a lookup by its id), so re-projecting an unchanged log finds nothing to write.
import { SCHEMA, type ListKey } from "../schema/lists";
import type { Fields } from "../repos/fields";
import type { CustomerProjection } from "../../shared/register";
import { customerFields, JSON_COLUMNS } from "./projection-fields";

type Kind = "text" | "date" | "number" | "bool" | "multi" | "json";

const KINDS = new Map<string, Kind>();
for (const list of SCHEMA) {
  for (const c of list.columns) {
    const b = c.body as Record<string, { displayAs?: string } | undefined>;
    const kind: Kind = JSON_COLUMNS.has(c.name) ? "json" : b.dateTime ? "date" : b.number ? "number" : b.boolean ? "bool" : b.lookup ? "number" : b.choice?.displayAs === "checkBoxes" ? "multi" : "text";
    KINDS.set(`${list.key}.${c.name}`, kind);
    if (b.lookup) KINDS.set(`${list.key}.${c.name}LookupId`, "number");
  }
}

function canonical(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(canonical).join(",")}]`;
  if (v && typeof v === "object") return `{${Object.keys(v).sort().map((k) => `${JSON.stringify(k)}:${canonical((v as Record<string, unknown>)[k])}`).join(",")}}`;
  return JSON.stringify(v) ?? "null";
}

function normal(list: ListKey, column: string, v: unknown): string | null {
  if (v === undefined || v === null || v === "") return null;
  switch (KINDS.get(`${list}.${column}`) ?? "text") {
    case "date": {
      const t = Date.parse(String(v));
      return Number.isNaN(t) ? String(v) : String(Math.floor(t / 1000));
    }
    case "number":
      return String(Number(v));
    case "bool":
      return v === true || v === "true" || v === 1 ? "true" : null;
    case "multi": {
      const items = Array.isArray(v) ? v.map(String) : String(v).split(/;#|\n/).filter(Boolean);
      return items.length ? JSON.stringify(items) : null;
    }
    case "json":
      try {
        return canonical(typeof v === "string" ? JSON.parse(v) : v);
      } catch {
        return String(v);
      }
    default:
      return String(v);
  }
}

/** The columns of `wanted` whose value differs from the row's. */
export function changedColumns(list: ListKey, wanted: Fields, actual: Fields): string[] {
  return Object.keys(wanted).filter((k) => normal(list, k, wanted[k]) !== normal(list, k, actual[k]));
}

/** A create or PATCH body: empty values left out of a create, multi-value cells annotated as Graph requires. */
export function writeBody(list: ListKey, fields: Fields, forCreate: boolean): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries(fields)) {
    if (forCreate && (v === null || v === undefined || v === "")) continue;
    out[k] = v === undefined ? null : v;
    if (KINDS.get(`${list}.${k}`) === "multi") out[`${k}@odata.type`] = "Collection(Edm.String)";
  }
  return out;
}

/** The columns of a customer row that do not say what its projection says (a hand edit, or a step not yet shown). */
export function customerDrift(c: CustomerProjection, row: Fields): string[] {
  return changedColumns("customers", customerFields(c), row);
}
