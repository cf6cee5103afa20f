// Applies the role matrix to each list through SharePoint REST (Graph cannot set list permissions), idempotently.
import { ROLE_GROUPS, type Role } from "../../shared/domain/vocab";
import { restTitle, type SharePointRest } from "../client/sharepoint-rest";
import { DataError } from "../client/errors";
import type { Graph } from "../client/factory";
import { odataString, query } from "../client/odata";
import { BUILT_IN_LEVELS, CUSTOM_LEVELS, PERMISSIONS, type Level } from "../schema/permissions";
import type { ListDef } from "../schema/lists";

interface RoleAssignment {
  PrincipalId: number;
  RoleDefinitionBindings?: { Id: number }[];
}

export interface PermissionStep {
  description: string;
  apply: () => Promise<void>;
}

/** Finds the five groups in the directory (by display name) and their SharePoint principal ids on the site. */
async function groupPrincipals(graph: Graph, rest: SharePointRest): Promise<Map<Role, number>> {
  const out = new Map<Role, number>();
  for (const [role, name] of Object.entries(ROLE_GROUPS) as [Role, string][]) {
    const found = await graph.get<{ value: { id: string }[] }>(`/groups${query({ $filter: `displayName eq ${odataString(name)}`, $select: "id" })}`);
    const group = found.value[0];
    if (!group) throw new DataError("NotFound", `The group "${name}" does not exist in the directory. Create it (see DEPLOY.md), then run provisioning again.`);
    const principal = await rest.post<{ Id: number }>("/_api/web/ensureuser", { logonName: `c:0t.c|tenant|${group.id}` });
    out.set(role, principal.Id);
  }
  return out;
}

async function levelIds(rest: SharePointRest, dryRun: boolean, steps: PermissionStep[]): Promise<Record<Level, number>> {
  const ids: Partial<Record<Level, number>> = { ...BUILT_IN_LEVELS };
  for (const [level, def] of Object.entries(CUSTOM_LEVELS) as [keyof typeof CUSTOM_LEVELS, (typeof CUSTOM_LEVELS)[keyof typeof CUSTOM_LEVELS]][]) {
    try {
      ids[level] = (await rest.get<{ Id: number }>(`/_api/web/roledefinitions/getbyname(${restTitle(def.name)})`)).Id;
    } catch (e) {
      if (!(e instanceof DataError) || e.kind !== "NotFound") throw e;
      const create = async () => {
        ids[level] = (await rest.post<{ Id: number }>("/_api/web/roledefinitions", { Name: def.name, Description: def.description, BasePermissions: { High: "0", Low: String(def.low) } })).Id;
      };
      steps.push({ description: `Create permission level "${def.name}"`, apply: create });
      if (!dryRun) await create();
    }
  }
  return ids as Record<Level, number>;
}

/**
 * Plans (and unless dryRun, applies) permissions; returns the steps that were needed. Only the five UPC groups'
 * assignments are touched: a binding the matrix does not give them is removed (an older, wider grant), and what it
 * gives is added. Anyone else the council has granted is left alone.
 */
export async function provisionPermissions(graph: Graph, rest: SharePointRest, lists: ListDef[], dryRun: boolean): Promise<PermissionStep[]> {
  const steps: PermissionStep[] = [];
  const principals = await groupPrincipals(graph, rest);
  const levels = await levelIds(rest, dryRun, steps);
  const roleOf = new Map([...principals.entries()].map(([role, id]) => [id, role]));
  for (const list of lists) {
    const base = `/_api/web/lists/getbytitle(${restTitle(list.name)})`;
    let unique = false;
    let existing: RoleAssignment[] = [];
    try {
      unique = (await rest.get<{ HasUniqueRoleAssignments: boolean }>(`${base}?$select=HasUniqueRoleAssignments`)).HasUniqueRoleAssignments;
      if (unique) existing = (await rest.get<{ value: RoleAssignment[] }>(`${base}/roleassignments?$expand=RoleDefinitionBindings`)).value;
    } catch (e) {
      // In a dry run the list may not exist yet: everything is still to do.
      if (!(dryRun && e instanceof DataError && e.kind === "NotFound")) throw e;
    }
    if (!unique) {
      steps.push({ description: `Give ${list.name} its own permissions`, apply: () => rest.post(`${base}/breakroleinheritance(copyRoleAssignments=false,clearSubscopes=true)`) });
    }
    const wanted = PERMISSIONS[list.key];
    for (const a of existing) {
      const role = roleOf.get(a.PrincipalId);
      if (!role) continue;
      for (const b of a.RoleDefinitionBindings ?? []) {
        if (wanted[role] && levels[wanted[role]] === b.Id) continue;
        steps.push({
          description: `Remove ${ROLE_GROUPS[role]}'s "${levelName(levels, b.Id)}" on ${list.name}`,
          apply: () => rest.post(`${base}/roleassignments/removeroleassignment(principalid=${a.PrincipalId},roledefid=${b.Id})`),
        });
      }
    }
    for (const [role, level] of Object.entries(wanted) as [Role, Level][]) {
      const principal = principals.get(role)!;
      const has = existing.some((a) => a.PrincipalId === principal && a.RoleDefinitionBindings?.some((b) => b.Id === levels[level]));
      if (has) continue;
      steps.push({
        description: `Grant ${ROLE_GROUPS[role]} "${levelName(levels, levels[level])}" on ${list.name}`,
        apply: () => rest.post(`${base}/roleassignments/addroleassignment(principalid=${principal},roledefid=${levels[level]})`),
      });
    }
  }
  if (!dryRun) for (const s of steps) if (!s.description.startsWith("Create permission level")) await s.apply();
  return steps;
}

/** The permission level's name as SharePoint shows it ("UPC Add only", "Read", "Full Control"). */
function levelName(levels: Record<Level, number>, id: number): string {
  if (id === levels.AddOnly) return CUSTOM_LEVELS.AddOnly.name;
  if (id === BUILT_IN_LEVELS.Read) return "Read";
  if (id === BUILT_IN_LEVELS.FullControl) return "Full Control";
  return OTHER_LEVELS[id] ?? `level ${id}`;
}

const OTHER_LEVELS: Record<number, string> = { 1073741827: "Contribute", 1073741828: "Design", 1073741830: "Edit" };
