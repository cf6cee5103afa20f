// Provisions a site with the schema: lists, columns, indexes, unique constraints and permissions; a second run changes nothing.
import type { Graph } from "../client/factory";
import { createSharePointRest } from "../client/sharepoint-rest";
import type { TokenSource } from "../client/factory";
import { SCHEMA, type ListDef } from "../schema/lists";
import type { ColumnDef } from "../schema/columns";
import { describeStep, planLists, type ExistingList, type Step } from "./plan";
import { provisionPermissions } from "./permissions";

export interface ProvisionOptions {
  /** Graph site id or path, e.g. "root" or "contoso.sharepoint.com:/sites/upc". */
  site: string;
  dryRun?: boolean;
  /** Token for SharePoint REST (a different audience from Graph in a tenant). */
  sharePointTokens: TokenSource;
  onProgress?: (done: number, total: number, step: string) => void;
  /** Skip permissions (a site whose permissions the council manages by hand). */
  skipPermissions?: boolean;
}

export interface ProvisionReport {
  siteId: string;
  webUrl: string;
  steps: string[];
  changed: boolean;
}

async function readSite(graph: Graph, site: string): Promise<{ id: string; webUrl: string; lists: Map<string, ExistingList> }> {
  const s = await graph.get<{ id: string; webUrl: string }>(`/sites/${site}?$select=id,webUrl`);
  const lists = await graph.getAll<{ id: string; displayName: string }>(`/sites/${s.id}/lists?$select=id,displayName`);
  const out = new Map<string, ExistingList>();
  for (const l of lists) {
    const columns = await graph.getAll<ExistingList["columns"][number]>(`/sites/${s.id}/lists/${l.id}/columns`);
    out.set(l.displayName, { id: l.id, displayName: l.displayName, columns });
  }
  return { id: s.id, webUrl: s.webUrl, lists: out };
}

function columnBody(column: ColumnDef, listIds: Map<string, string>): Record<string, unknown> {
  const body: Record<string, unknown> = { ...column.body, indexed: !!column.indexed };
  if (column.enforceUniqueValues) body.enforceUniqueValues = true;
  if (column.lookupList) body.lookup = { ...(column.body.lookup as object), listId: listIds.get(column.lookupList) };
  return body;
}

async function apply(graph: Graph, siteId: string, step: Step, listIds: Map<string, string>): Promise<void> {
  const lists = `/sites/${siteId}/lists`;
  switch (step.kind) {
    case "createList": {
      const created = await graph.post<{ id: string }>(lists, {
        displayName: step.list.name,
        description: step.list.description,
        list: { template: "genericList" },
        columns: step.list.columns.map((c) => columnBody(c, listIds)),
      });
      listIds.set(step.list.name, created.id);
      return;
    }
    case "addColumn":
      await graph.post(`${lists}/${listIds.get(step.list.name)}/columns`, columnBody(step.column, listIds));
      return;
    case "indexColumn":
      await graph.patch(`${lists}/${listIds.get(step.list.name)}/columns/${step.columnId}`, { indexed: true });
      return;
    case "addChoices":
      // Graph replaces the choice facet whole, so the column's other choice settings go with the longer list.
      await graph.patch(`${lists}/${listIds.get(step.list.name)}/columns/${step.columnId}`, { choice: { ...(step.column.body.choice as object), choices: step.choices } });
      return;
    case "indexTitle": {
      const cols = await graph.getAll<{ id: string; name: string }>(`${lists}/${listIds.get(step.list.name)}/columns`);
      const title = cols.find((c) => c.name === "Title");
      const body = step.list.titleUnique ? { indexed: true, enforceUniqueValues: true } : { indexed: true };
      if (title) await graph.patch(`${lists}/${listIds.get(step.list.name)}/columns/${title.id}`, body);
      return;
    }
  }
}

export async function provision(graph: Graph, options: ProvisionOptions, schema: ListDef[] = SCHEMA): Promise<ProvisionReport> {
  const site = await readSite(graph, options.site);
  const listIds = new Map([...site.lists.values()].map((l) => [l.displayName, l.id]));
  const steps = planLists(schema, site.lists);
  const done: string[] = [];
  const rest = createSharePointRest(site.webUrl, options.sharePointTokens);
  const total = steps.length + (options.skipPermissions ? 0 : 1);
  for (const step of steps) {
    if (!options.dryRun) await apply(graph, site.id, step, listIds);
    done.push(describeStep(step));
    options.onProgress?.(done.length, total, describeStep(step));
  }
  if (!options.skipPermissions) {
    const perms = await provisionPermissions(graph, rest, schema, !!options.dryRun);
    done.push(...perms.map((p) => p.description));
    options.onProgress?.(total, total, perms.length ? `${perms.length} permission changes` : "Permissions already in place");
  }
  return { siteId: site.id, webUrl: site.webUrl, steps: done, changed: done.length > 0 };
}
