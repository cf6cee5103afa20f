// The organisation's own choices that no policy text makes, each off until an administrator turns it on; shown as the
// organisation's choice, never as the policy's.
export interface OrganisationSettings {
  /** Restrictions lapse at their review date unless renewed (the national guidance suggests it; no preset's text says it). */
  lapseAtReview: boolean;
  /** Decision letters also carry why, what, how long, the review date and the Ombudsman (the national guidance's elements). */
  nationalLetterElements: boolean;
  /** A single point of contact may be a shared inbox rather than a named officer. */
  genericInboxSpoc: boolean;
}

export const DEFAULT_SETTINGS: OrganisationSettings = Object.freeze({ lapseAtReview: false, nationalLetterElements: false, genericInboxSpoc: false });

export const SETTING_WORDS: Record<keyof OrganisationSettings, string> = {
  lapseAtReview: "Restrictions lapse at their review date unless renewed with reasons and a new date",
  nationalLetterElements: "Decision letters also state why, what, for how long, the review date and the right to go to the Ombudsman",
  genericInboxSpoc: "A shared inbox may be the single point of contact instead of a named officer",
};

/** Reads stored settings; anything missing or unreadable stays off, and is reported. */
export function parseSettings(input: unknown): { settings: OrganisationSettings; problems: string[] } {
  const settings = { ...DEFAULT_SETTINGS };
  const problems: string[] = [];
  if (input === null || input === undefined) return { settings, problems };
  if (typeof input !== "object" || Array.isArray(input)) return { settings, problems: ["The organisation's settings could not be read; every choice is off."] };
  for (const [key, value] of Object.entries(input as Record<string, unknown>)) {
    if (!(key in DEFAULT_SETTINGS)) {
      problems.push(`"${key}" is not a setting this product has.`);
      continue;
    }
    if (typeof value !== "boolean") {
      problems.push(`"${SETTING_WORDS[key as keyof OrganisationSettings]}" must be on or off; it is off.`);
      continue;
    }
    settings[key as keyof OrganisationSettings] = value;
  }
  return { settings, problems };
}
