// Whether the directory holds a person or a group, for checking who an administrator names to an office.
import { DataError } from "../client/errors";
import type { Graph } from "../client/factory";
import { odataString } from "../client/odata";

export async function personExists(graph: Graph, upn: string): Promise<boolean> {
  try {
    await graph.get(`/users/${encodeURIComponent(upn)}?$select=id`);
    return true;
  } catch (e) {
    if (e instanceof DataError && e.kind === "NotFound") return false;
    throw e;
  }
}

/** A group by its display name, exactly (quotes escaped as OData asks). */
export async function groupExists(graph: Graph, displayName: string): Promise<boolean> {
  const found = await graph.get<{ value: unknown[] }>(`/groups?$filter=displayName eq ${encodeURIComponent(odataString(displayName))}&$select=id`);
  return found.value.length > 0;
}
