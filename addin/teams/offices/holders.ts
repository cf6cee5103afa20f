// The Offices view's model, no React: offices grouped by the policies that name them, what stands in for an office
// no one holds yet, and the map to save from what the administrator entered.
import { ROLE_GROUPS, type Role } from "../../../shared/domain/vocab";
import type { OfficeMap } from "../../../shared/offices/mapping";
import { PRESETS, actorRules } from "../../../shared/presets/registry";
import type { SettingsRead } from "../../../graph/case-service/client";

export type OfficeRow = SettingsRead["offices"][number];

/** Offices under a heading of the policy (or policies) naming them, in the order the service lists them. */
export function groupByPolicies(offices: readonly OfficeRow[]): { policies: string[]; offices: OfficeRow[] }[] {
  const groups = new Map<string, { policies: string[]; offices: OfficeRow[] }>();
  for (const o of offices) {
    const key = o.policies.join("\u0000");
    const g = groups.get(key) ?? { policies: o.policies, offices: [] };
    g.offices.push(o);
    groups.set(key, g);
  }
  return [...groups.values()];
}

/** What the Offices view says of an office no one has been named to, in words. */
export function unmappedWords(office: Pick<OfficeRow, "id" | "title" | "audience">, presets = PRESETS): string {
  if (office.audience) return `No one named yet: notices meant for ${office.title} cannot be addressed to them until someone is.`;
  const roles = new Set<Role>();
  for (const p of presets) for (const [, rule] of actorRules(p)) if (rule.office === office.id) for (const r of rule.roles) roles.add(r);
  if (!roles.size) return `No one named yet: until someone is, anyone may be named as ${office.title} when a step is taken.`;
  const groups = [...roles].map((r) => ROLE_GROUPS[r]);
  return `No one named yet: until someone is, anyone in ${groups.join(" or ")} may act as ${office.title}.`;
}

export interface Entered {
  /** As chosen from the directory (or as stored: the address stands for the name). */
  people: { name: string; mail: string }[];
  /** As typed: one group's display name a line. */
  groups: string;
}

export function groupLines(text: string): string[] {
  return [...new Set(text.split(/\r?\n/).map((g) => g.trim()).filter(Boolean))];
}

/** The map to save: only offices with someone or some group named. */
export function mapFromEntered(entered: Record<string, Entered>): OfficeMap {
  const map: OfficeMap = {};
  for (const [id, e] of Object.entries(entered)) {
    const people = [...new Set(e.people.map((p) => p.mail.trim().toLowerCase()).filter(Boolean))];
    const groups = groupLines(e.groups);
    if (people.length || groups.length) map[id] = { people, groups };
  }
  return map;
}
