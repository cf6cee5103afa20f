// Who holds which policy office, for the case service: the administrator's office map read from the site (kept a
// short while, as roles are) and each person's groups from the directory; and the admin's saving of the map.
import { readSetting, type StoredSetting } from "../../graph/repos/settings";
import type { Site } from "../../graph/repos/items";
import { officesHeld, mappedOffices, parseOfficeMap, officesOf, type OfficeMap } from "../../shared/offices/mapping";
import { getPreset, PRESETS } from "../../shared/presets/registry";
import type { PresetLookup } from "../../shared/register";
import { parsePolicyValues, presetsWith, type PolicyValues } from "../../shared/settings/policy-values";
import { DEFAULT_SETTINGS, parseSettings, type OrganisationSettings } from "../../shared/settings/organisation";
import type { OfficeFacts, Participant } from "../../shared/workflow/offices";

export const KNOWN_OFFICES = new Set(officesOf(PRESETS).map((o) => o.id));

export interface SiteSettings {
  offices: OfficeMap;
  organisation: OrganisationSettings;
  /** The organisation's values where a policy is silent, by preset. */
  policy: PolicyValues;
  /** What could not be read, in words, for the administrator. */
  problems: string[];
  read: { offices: StoredSetting; organisation: StoredSetting; policy: StoredSetting };
}

/** The presets as this organisation runs them: each with its own values where its text is silent. */
export function presetsFor(settings: Pick<SiteSettings, "policy">): PresetLookup {
  return presetsWith(settings.policy, getPreset);
}

export interface OfficeSource {
  settings(fresh?: boolean): Promise<SiteSettings>;
  /** The facts a step is judged on: the offices mapped, and what each person named with it holds. */
  factsFor(upn: string, groups: readonly string[], named: readonly Participant[], groupsOf: (upn: string) => Promise<string[]>): Promise<{ offices: string[]; facts: OfficeFacts }>;
  forget(): void;
}

/**
 * Kept for `ttlMs` per instance: an administrator's change reaches every instance within that time (the instance that
 * saved it at once). A step already judged is never re-judged by a later map.
 */
export function siteOffices(site: Site, ttlMs = 30_000, defaults: OrganisationSettings = DEFAULT_SETTINGS): OfficeSource {
  let cached: { at: number; value: Promise<SiteSettings> } | null = null;
  const load = async (): Promise<SiteSettings> => {
    const [o, s, v] = await Promise.all([readSetting(site, "offices"), readSetting(site, "organisation"), readSetting(site, "policy")]);
    const policy = parsePolicyValues(v.value, PRESETS);
    const offices = parseOfficeMap(o.value, KNOWN_OFFICES);
    // No row yet: the service's configured defaults (all off unless set).
    const organisation = s.value === undefined && !s.unreadable ? { settings: { ...defaults }, problems: [] } : parseSettings(s.value);
    const problems = [...(o.unreadable ? ["The office map on the site is not readable; no office is mapped."] : []), ...offices.problems, ...(s.unreadable ? ["The organisation's settings on the site are not readable; every choice is off."] : []), ...organisation.problems, ...(v.unreadable ? ["The values set where policies are silent are not readable; none is in force."] : []), ...policy.problems];
    return { offices: offices.map, organisation: s.unreadable ? { ...DEFAULT_SETTINGS } : organisation.settings, policy: policy.values, problems, read: { offices: o, organisation: s, policy: v } };
  };
  const source: OfficeSource = {
    settings(fresh = false) {
      if (fresh || !cached || Date.now() - cached.at > ttlMs) {
        const value = load();
        cached = { at: Date.now(), value };
        value.catch(() => (cached = null));
      }
      return cached.value;
    },
    async factsFor(upn, groups, named, groupsOf) {
      const { offices: map } = await source.settings();
      const holders: Record<string, string[]> = {};
      for (const p of named) {
        const who = p.upn.trim().toLowerCase();
        if (!(who in holders)) holders[who] = officesHeld(map, who, await groupsOf(who).catch(() => []));
      }
      return { offices: officesHeld(map, upn, groups), facts: { mapped: mappedOffices(map), holders } };
    },
    forget() {
      cached = null;
    },
  };
  return source;
}

