// An organisation's own choices where no policy text speaks: off unless the organisation turns them on, never cited as policy.
import { NATIONAL_DECISION_LETTER } from "../presets/national-guidance";
import type { LetterRule, Preset } from "../presets/schema";

export interface OrganisationSettings {
  /** Restrictions end by themselves at their review date unless renewed (the national guidance; no policy text says so). */
  lapseAtReview: boolean;
  /** Restriction letters must also carry the guidance's decision-letter elements (why, what, how long, review date, Ombudsman). */
  nationalLetterElements: boolean;
  /** A shared inbox may stand as a customer's single point of contact. */
  genericInboxSpoc: boolean;
}

export const DEFAULT_SETTINGS: OrganisationSettings = Object.freeze({ lapseAtReview: false, nationalLetterElements: false, genericInboxSpoc: false });

/** How each setting is named to an administrator; the UI says beside each that it is the organisation's choice. */
export const SETTING_LABELS: Record<keyof OrganisationSettings, string> = {
  lapseAtReview: "Restrictions lapse at their review date unless renewed",
  nationalLetterElements: "Restriction letters include the national guidance's decision-letter elements",
  genericInboxSpoc: "A shared inbox may be a customer's single point of contact",
};

/** The words shown wherever one of these settings is in force, so nobody takes it for the policy's own rule. */
export const ORGANISATION_CHOICE = "Your organisation's choice (not in the policy)";

export type ParseSettingsResult = { settings: OrganisationSettings; problems: string[] };

/**
 * Reads settings as stored (JSON text or an object). Tolerant: anything missing or unreadable keeps its default (off),
 * and each thing set aside is named in words, so a typing slip never turns a rule on.
 */
export function parseSettings(json: unknown): ParseSettingsResult {
  const problems: string[] = [];
  let input = json;
  if (typeof input === "string") {
    try {
      input = input.trim() ? JSON.parse(input) : {};
    } catch {
      return { settings: { ...DEFAULT_SETTINGS }, problems: ["The organisation settings are not readable, so every setting is off."] };
    }
  }
  if (input === null || input === undefined) return { settings: { ...DEFAULT_SETTINGS }, problems };
  if (typeof input !== "object" || Array.isArray(input)) {
    return { settings: { ...DEFAULT_SETTINGS }, problems: ["The organisation settings must be a group of settings, so every setting is off."] };
  }
  const raw = input as Record<string, unknown>;
  const settings = { ...DEFAULT_SETTINGS };
  for (const key of Object.keys(SETTING_LABELS) as (keyof OrganisationSettings)[]) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value === "boolean") settings[key] = value;
    else problems.push(`${key} (${SETTING_LABELS[key]}) must be true or false, so it is off.`);
  }
  for (const key of Object.keys(raw)) if (!(key in SETTING_LABELS)) problems.push(`${key} is not a setting this product knows; it is ignored.`);
  return { settings, problems };
}

/**
 * The letter rules in force: the preset's own, and where the organisation has chosen the national guidance's
 * decision-letter elements, those added to the restriction letter (which is then required).
 */
export function lettersInForce(preset: Preset, settings: OrganisationSettings): LetterRule[] {
  if (!settings.nationalLetterElements) return preset.letters;
  const own = preset.letters.find((l) => l.kind === "Restriction");
  if (!own) return [...preset.letters, NATIONAL_DECISION_LETTER];
  const elements = [...own.elements, ...NATIONAL_DECISION_LETTER.elements.filter((e) => !own.elements.includes(e))];
  return preset.letters.map((l) => (l === own ? { ...own, required: true, elements } : l));
}

/** The preset with the organisation's letter choice applied, so every letter check sees the same rules. */
export function withSettings(preset: Preset, settings: OrganisationSettings): Preset {
  return settings.nationalLetterElements ? { ...preset, letters: lettersInForce(preset, settings) } : preset;
}

/** The same words, under the name the Teams tab's settings view uses. */
export const SETTING_WORDS = SETTING_LABELS;
