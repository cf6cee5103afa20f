// "Other (describe)": a behaviour outside a policy's list of examples, recorded in the officer's own words.
import type { Labelled, Preset } from "./schema";

/** The id a behaviour outside the policy's list is recorded under, beside the preset's own ids. */
export const OTHER_BEHAVIOUR = "other";
/** The tick box's words. */
export const OTHER_BEHAVIOUR_LABEL = "Other (describe)";
/** Long enough to say what happened, short enough to read in a queue or a report. */
export const OTHER_DESCRIPTION_MIN = 3;
export const OTHER_DESCRIPTION_MAX = 500;

/** Whether staff may record a behaviour outside the list: only where the policy calls its list examples. */
export function behavioursOpen(preset: Pick<Preset, "behaviours">): boolean {
  return preset.behaviours.open?.value === true;
}

/**
 * A recorded behaviour in words: the policy's label, "Other: <description>" for one outside its list, or the id as
 * recorded where no policy names it (an old row). Plain text: whoever shows it must escape it.
 */
export function behaviourWords(id: string, items: readonly Labelled[] | undefined, otherDescription?: string | null): string {
  if (id === OTHER_BEHAVIOUR) {
    const d = otherDescription?.trim();
    return d ? `Other: ${d}` : "Other (not described)";
  }
  return items?.find((b) => b.id === id)?.label ?? id;
}
