// The one place OData filter strings are built: every string value is quoted here, with ' doubled, never pasted in.

/** A string literal for $filter: o'brien → 'o''brien'. */
export function odataString(value: string): string {
  return `'${String(value).replace(/'/g, "''")}'`;
}

/** A dateTime literal as SharePoint's Graph filters take it (quoted ISO). */
export function odataDate(value: Date | string): string {
  return odataString(typeof value === "string" ? new Date(value).toISOString() : value.toISOString());
}

export function eq(field: string, value: string | number | boolean): string {
  return `fields/${field} eq ${typeof value === "string" ? odataString(value) : String(value)}`;
}

export function anyOf(field: string, values: readonly string[]): string {
  return values.length === 1 ? eq(field, values[0]) : `(${values.map((v) => eq(field, v)).join(" or ")})`;
}

/** Query string from parts; every value is URI-encoded once, here. */
export function query(params: Record<string, string | number | undefined>): string {
  const parts = Object.entries(params)
    .filter(([, v]) => v !== undefined && v !== "")
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`);
  return parts.length ? `?${parts.join("&")}` : "";
}
