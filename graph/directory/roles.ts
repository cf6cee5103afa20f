// The signed-in person's roles, from their membership of the five UPC groups (the UI shapes itself; SharePoint enforces).
import { ROLE_GROUPS, type Role } from "../../shared/domain/vocab";
import type { Graph } from "../client/factory";
import { query } from "../client/odata";

export interface Me {
  upn: string;
  name: string;
  roles: Role[];
}

const BY_GROUP = new Map(Object.entries(ROLE_GROUPS).map(([role, group]) => [group.toLowerCase(), role as Role]));

/** One request for the profile and one for group membership, together in a $batch. */
export async function whoAmI(graph: Graph): Promise<Me> {
  const [me, groups] = await graph.batch([
    { id: "me", method: "GET", url: "/me?$select=userPrincipalName,displayName,mail" },
    { id: "groups", method: "GET", url: "/me/transitiveMemberOf?$select=displayName&$top=999" },
  ]);
  if (me.status !== 200) throw new Error(`Could not read your profile (${me.status})`);
  const profile = me.body as { userPrincipalName: string; displayName: string };
  const names = groups.status === 200 ? (groups.body as { value: { displayName?: string }[] }).value.map((g) => (g.displayName ?? "").toLowerCase()) : [];
  const roles = rolesFromGroups(names);
  return { upn: profile.userPrincipalName.toLowerCase(), name: profile.displayName, roles };
}

/** The names of the groups someone belongs to, directly or through other groups (the case service reads this as the app). */
export async function groupNamesOf(graph: Graph, user: string): Promise<string[]> {
  const groups = await graph.getAll<{ displayName?: string }>(`/users/${encodeURIComponent(user)}/transitiveMemberOf${query({ $select: "displayName", $top: 999 })}`);
  return groups.map((g) => g.displayName ?? "");
}

/** The UPC roles a list of group names stands for. */
export function rolesFromGroups(names: string[]): Role[] {
  return [...new Set(names.map((n) => BY_GROUP.get(n.toLowerCase())).filter((r): r is Role => !!r))];
}
