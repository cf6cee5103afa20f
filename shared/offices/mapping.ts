// The administrator's map from each policy office to the groups and named people who hold it: its shape, its checks
// in words, and who holds what. Pure: the case service reads and writes it on the site.
import type { Preset } from "../presets/schema";

export interface OfficeHolders {
  /** Directory groups (by display name) whose members hold the office. */
  groups: string[];
  /** People (work e-mail addresses) named to the office. */
  people: string[];
}

export type OfficeMap = Record<string, OfficeHolders>;

const UPN = /^[^\s@"<>]+@[^\s@"<>]+\.[^\s@"<>]+$/;

/** Every office the given presets name, once, with the policies that name it (an id may appear in several). */
export function officesOf(presets: readonly Preset[]): { id: string; title: string; audience: boolean; policies: string[] }[] {
  const out = new Map<string, { id: string; title: string; audience: boolean; policies: string[] }>();
  for (const p of presets) {
    for (const o of p.offices) {
      const seen = out.get(o.id);
      if (seen) seen.policies.push(p.title);
      else out.set(o.id, { id: o.id, title: o.title, audience: o.audience, policies: [p.title] });
    }
  }
  return [...out.values()];
}

/**
 * Reads a stored map, keeping every well-formed office and reporting the rest in words: a hand edit that breaks one
 * office leaves it unmapped (so its steps are refused, naming it), never anyone holding an office they were not given.
 */
export function parseOfficeMap(input: unknown, known?: ReadonlySet<string>): { map: OfficeMap; problems: string[] } {
  const map: OfficeMap = {};
  const problems: string[] = [];
  if (input === null || input === undefined) return { map, problems };
  if (typeof input !== "object" || Array.isArray(input)) return { map, problems: ["The office map is not a list of offices."] };
  for (const [id, raw] of Object.entries(input as Record<string, unknown>)) {
    if (known && !known.has(id)) {
      problems.push(`"${id}" is not an office any policy in use names.`);
      continue;
    }
    const h = raw as Partial<OfficeHolders> | null;
    const groups = Array.isArray(h?.groups) ? h.groups : null;
    const people = Array.isArray(h?.people) ? h.people : null;
    if (!groups || !people || !groups.every((g) => typeof g === "string") || !people.every((p) => typeof p === "string")) {
      problems.push(`The holders of "${id}" could not be read.`);
      continue;
    }
    const badPerson = people.find((p) => !UPN.test(p.trim()));
    if (badPerson !== undefined) {
      problems.push(`"${badPerson}" (named to "${id}") is not a work e-mail address.`);
      continue;
    }
    const badGroup = groups.find((g) => !g.trim() || g.length > 256);
    if (badGroup !== undefined) {
      problems.push(`A group named to "${id}" has no name, or one too long.`);
      continue;
    }
    const cleanGroups = [...new Set(groups.map((g) => g.trim()))];
    const cleanPeople = [...new Set(people.map((p) => p.trim().toLowerCase()))];
    if (cleanGroups.length + cleanPeople.length > 200) {
      problems.push(`"${id}" has more than 200 holders; name a group instead.`);
      continue;
    }
    if (cleanGroups.length || cleanPeople.length) map[id] = { groups: cleanGroups, people: cleanPeople };
  }
  return { map, problems };
}

/** The offices someone holds: named to it, or a member of a group named to it. */
export function officesHeld(map: OfficeMap, upn: string, groupNames: readonly string[]): string[] {
  const me = upn.trim().toLowerCase();
  const groups = new Set(groupNames.map((g) => g.toLowerCase()));
  return Object.entries(map)
    .filter(([, h]) => h.people.includes(me) || h.groups.some((g) => groups.has(g.toLowerCase())))
    .map(([id]) => id);
}

export function mappedOffices(map: OfficeMap): string[] {
  return Object.keys(map).filter((id) => map[id].groups.length + map[id].people.length > 0);
}
