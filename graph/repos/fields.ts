// Reading SharePoint field values defensively: Graph returns strings, numbers, arrays or nothing for empty cells.

export type Fields = Record<string, unknown>;

export const str = (f: Fields, k: string): string => (f[k] === undefined || f[k] === null ? "" : String(f[k]));
export const strOrNull = (f: Fields, k: string): string | null => (f[k] === undefined || f[k] === null || f[k] === "" ? null : String(f[k]));
export const num = (f: Fields, k: string): number | null => (f[k] === undefined || f[k] === null || f[k] === "" ? null : Number(f[k]));
export const bool = (f: Fields, k: string): boolean => f[k] === true || f[k] === "true" || f[k] === 1;
export const list = (f: Fields, k: string): string[] => (Array.isArray(f[k]) ? (f[k] as unknown[]).map(String) : f[k] ? String(f[k]).split(/;#|\n/).filter(Boolean) : []);
export const date = (f: Fields, k: string): string | null => {
  const v = strOrNull(f, k);
  return v ? new Date(v).toISOString() : null;
};
export function json<T>(f: Fields, k: string, fallback: T): T {
  const v = strOrNull(f, k);
  if (!v) return fallback;
  try {
    return JSON.parse(v) as T;
  } catch {
    return fallback;
  }
}
/** Lookup ids come back as strings in Graph; we keep them as strings. */
export const lookupId = (f: Fields, column: string): string => str(f, `${column}LookupId`);

/**
 * Drops undefined so PATCH only touches what was meant (null clears a cell), and annotates multi-value cells with
 * their OData type, which Graph requires when writing a multi-choice column.
 */
export function compact(fields: Fields): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries(fields)) {
    if (v === undefined) continue;
    out[k] = v;
    if (Array.isArray(v)) out[`${k}@odata.type`] = "Collection(Edm.String)";
  }
  return out;
}
