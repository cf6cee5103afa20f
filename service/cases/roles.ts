// A caller's roles, from their membership of the five UPC groups, read by the service itself (as the app) and kept a
// few minutes: what a token claims about a person's roles is never trusted.
import { ROLE_GROUPS, type Role } from "../../shared/domain/vocab";
import { DataError } from "../../graph/client/errors";
import type { Graph } from "../../graph/client/factory";
import { query } from "../../graph/client/odata";
import type { Caller } from "./tokens";

const BY_GROUP = new Map(Object.entries(ROLE_GROUPS).map(([role, group]) => [group.toLowerCase(), role as Role]));

export interface RoleSource {
  /** The caller's roles; none when they are in no UPC group. Throws NotFound when the directory has no such person. */
  rolesOf(caller: Caller): Promise<Role[]>;
}

export function directoryRoles(graph: Graph, ttlMs = 5 * 60_000): RoleSource {
  const cache = new Map<string, { at: number; roles: Role[] }>();
  return {
    async rolesOf(caller) {
      const key = caller.oid || caller.upn;
      const hit = cache.get(key);
      if (hit && Date.now() - hit.at < ttlMs) return hit.roles;
      const groups = await graph.getAll<{ displayName?: string }>(`/users/${encodeURIComponent(key)}/transitiveMemberOf${query({ $select: "displayName", $top: 999 })}`);
      const roles = [...new Set(groups.map((g) => BY_GROUP.get((g.displayName ?? "").toLowerCase())).filter((r): r is Role => !!r))];
      cache.set(key, { at: Date.now(), roles });
      return roles;
    },
  };
}

export function isUnknownPerson(e: unknown): boolean {
  return e instanceof DataError && e.kind === "NotFound";
}
