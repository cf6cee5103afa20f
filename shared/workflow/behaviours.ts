// The one rule for the behaviours an officer records, on a referral or a logged contact: from the policy's list, or
// "Other (describe)" with a description where the policy calls its list examples.
import { behavioursOpen, OTHER_BEHAVIOUR, OTHER_DESCRIPTION_MAX, OTHER_DESCRIPTION_MIN } from "../presets/other-behaviour";
import type { Preset } from "../presets/schema";

export interface BehaviourChoice {
  behaviours: readonly string[];
  /** What the behaviour outside the list was, in the officer's words; needed when `other` is ticked. */
  otherBehaviour?: string | null;
}

/** A problem and the field it is about: the tick boxes, or the "Describe the behaviour" box. */
export interface BehaviourProblem {
  field: "behaviours" | "otherBehaviour";
  reason: string;
}

/**
 * What is wrong with the behaviours chosen, in words, ignoring whether any was chosen at all (a referral needs one; a
 * logged contact need not name any). A description without the "Other" tick is not a problem: it is not recorded.
 */
export function behaviourChoiceProblems(preset: Pick<Preset, "behaviours" | "organisation">, choice: BehaviourChoice): BehaviourProblem[] {
  const known = new Set(preset.behaviours.items.map((b) => b.id));
  const other = choice.behaviours.includes(OTHER_BEHAVIOUR);
  const unknown = choice.behaviours.filter((b) => b !== OTHER_BEHAVIOUR && !known.has(b));
  const out: BehaviourProblem[] = [];
  const say = (field: BehaviourProblem["field"], reason: string) => out.push({ field, reason });
  if (unknown.length) say("behaviours", `These behaviours are not in this policy: ${unknown.join(", ")}.`);
  if (!other) return out;
  if (!behavioursOpen(preset)) {
    say("behaviours", `${preset.organisation}'s policy gives a closed list of behaviours, so "Other" cannot be recorded. Choose the behaviours from the policy's list.`);
    return out;
  }
  const description = (choice.otherBehaviour ?? "").trim();
  if (!description) say("otherBehaviour", "Describe the behaviour you ticked as \u201cOther\u201d.");
  else if (description.length < OTHER_DESCRIPTION_MIN) say("otherBehaviour", `Describe the other behaviour in at least ${OTHER_DESCRIPTION_MIN} characters.`);
  else if (description.length > OTHER_DESCRIPTION_MAX) say("otherBehaviour", `Describe the other behaviour in ${OTHER_DESCRIPTION_MAX} characters or fewer (it is ${description.length}).`);
  return out;
}

/** The description to store: trimmed, and only when "Other" is ticked (null otherwise). */
export function otherBehaviourToStore(choice: BehaviourChoice): string | null {
  return choice.behaviours.includes(OTHER_BEHAVIOUR) ? (choice.otherBehaviour ?? "").trim() || null : null;
}
