// A mailbox's master categories: the service makes sure its flag categories exist, with their colours.
import { DataError } from "../client/errors";
import type { Graph } from "../client/factory";

/** Outlook's preset colours the flag categories use (preset0 red, preset1 orange …). */
export type CategoryColor = `preset${number}` | "none";

export interface CategoryDef {
  displayName: string;
  color: CategoryColor;
}

/**
 * Creates any of `wanted` the mailbox lacks; returns how many were created. A category someone already made under the
 * same name (compared without case, as Outlook does) is left as it is, colour included: people may recolour it.
 */
export async function ensureCategories(graph: Graph, mailbox: string, wanted: CategoryDef[]): Promise<number> {
  const base = `/users/${encodeURIComponent(mailbox)}/outlook/masterCategories`;
  const have = await graph.getAll<{ displayName: string }>(base);
  const names = new Set(have.map((c) => c.displayName.toLowerCase()));
  let created = 0;
  for (const c of wanted) {
    if (names.has(c.displayName.toLowerCase())) continue;
    try {
      await graph.post(base, { displayName: c.displayName, color: c.color });
      created++;
    } catch (e) {
      // Another instance of the service created it a moment ago.
      if (!(e instanceof DataError && (e.status === 409 || e.kind === "Duplicate" || e.kind === "Conflict"))) throw e;
    }
  }
  return created;
}
