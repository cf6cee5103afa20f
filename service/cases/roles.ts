// A caller's roles, from their membership of the five UPC groups, read by the service itself (as the app) and kept a
// few minutes: what a token claims about a person's roles is never trusted.
import type { Role } from "../../shared/domain/vocab";
import { DataError } from "../../graph/client/errors";
import type { Graph } from "../../graph/client/factory";
import { groupNamesOf, rolesFromGroups } from "../../graph/directory/roles";
import type { Caller } from "./tokens";

export interface RoleSource {
  /** The caller's roles; none when they are in no UPC group. Throws NotFound when the directory has no such person. */
  rolesOf(caller: Caller): Promise<Role[]>;
  /** The names of someone's groups (by object id or UPN), for the offices mapped to groups. */
  groupsOf?(user: string): Promise<string[]>;
}

export function directoryRoles(graph: Graph, ttlMs = 5 * 60_000): RoleSource {
  const cache = new Map<string, { at: number; groups: string[] }>();
  const groupsOf = async (key: string) => {
    const hit = cache.get(key);
    if (hit && Date.now() - hit.at < ttlMs) return hit.groups;
    const groups = await groupNamesOf(graph, key);
    cache.set(key, { at: Date.now(), groups });
    return groups;
  };
  return {
    async rolesOf(caller) {
      return rolesFromGroups(await groupsOf(caller.oid || caller.upn));
    },
    groupsOf,
  };
}

export function isUnknownPerson(e: unknown): boolean {
  return e instanceof DataError && e.kind === "NotFound";
}
