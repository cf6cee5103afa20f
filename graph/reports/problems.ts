// Register problems for administrators: the rows the case service found that do not read, with where to mend each.
import { readProblems, type ProblemRow } from "../repos/problem-rows";
import type { Site } from "../repos/items";

export interface ProblemEntry extends ProblemRow {
  /** The item's own page in SharePoint, where an administrator mends (or deletes) it. */
  link: string;
}

/** One request for the site's address, one for the problems; the newest found first. */
export async function loadProblems(site: Site): Promise<ProblemEntry[]> {
  const [web, rows] = await Promise.all([site.graph.get<{ webUrl: string }>(`/sites/${site.siteId}?$select=webUrl`), readProblems(site)]);
  const base = web.webUrl.replace(/\/+$/, "");
  return rows
    .map((r) => ({ ...r, link: `${base}/Lists/${encodeURIComponent(r.list)}/DispForm.aspx?ID=${encodeURIComponent(r.itemId)}` }))
    .sort((a, b) => b.foundAt.localeCompare(a.foundAt) || a.list.localeCompare(b.list));
}
