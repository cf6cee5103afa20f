// Register problems as the service records them for administrators: one UpcServiceState row per list item that does
// not read ("problem:<list>:<item>", Title unique), so however often it is found, it is listed once.
import { DataError } from "../client/errors";
import { eq, odataString } from "../client/odata";
import { json, str, type Fields } from "./fields";
import { createItem, itemsPath, persistently, queryAll, queryPage, type Site } from "./items";
import type { RowProblem } from "./problems";

const PREFIX = "problem:";

export interface ProblemRow extends RowProblem {
  /** UpcServiceState's own item id for this problem. */
  id: string;
  foundAt: string;
}

export const problemTitle = (p: Pick<RowProblem, "list" | "itemId">) => `${PREFIX}${p.list}:${p.itemId}`;

export async function readProblems(site: Site): Promise<ProblemRow[]> {
  const items = await queryAll(site, "serviceState", { filter: `startswith(fields/Title,${odataString(PREFIX)})` });
  return items.map((it) => {
    const d = json<Partial<RowProblem> & { foundAt?: string }>(it.fields as Fields, "Data", {});
    const [, list = "", itemId = ""] = str(it.fields as Fields, "Title").split(":");
    return { id: String(it.id), list, itemId, column: d.column ?? "", problem: d.problem ?? "", foundAt: d.foundAt ?? "" };
  });
}

/** Records a problem once: a second report of the same item updates the words, and never makes a second row. */
export async function recordProblem(site: Site, p: RowProblem, existingId: string | undefined, now = new Date()): Promise<string> {
  const data = JSON.stringify({ column: p.column, problem: p.problem.slice(0, 1000), foundAt: now.toISOString() });
  if (existingId) {
    await persistently(() => site.graph.patch(`${itemsPath(site, "serviceState")}/${existingId}/fields`, { Data: data }));
    return existingId;
  }
  try {
    return String((await persistently(() => createItem(site, "serviceState", { Title: problemTitle(p), Data: data }))).id);
  } catch (e) {
    if (!(e instanceof DataError && e.kind === "Duplicate")) throw e;
    // Another instance listed it first: that row is the one to keep up to date (and to clear).
    const [row] = await persistently(() => queryPage(site, "serviceState", { filter: eq("Title", problemTitle(p)), top: 1, select: ["Title"] }));
    return row ? String(row.id) : "";
  }
}

export async function clearProblem(site: Site, id: string): Promise<void> {
  try {
    await persistently(() => site.graph.delete(`${itemsPath(site, "serviceState")}/${id}`));
  } catch (e) {
    if (!(e instanceof DataError && e.kind === "NotFound")) throw e;
  }
}
