// Letter completeness: which elements a preset requires in each kind of letter, in words for the person writing it.
import type { LetterKind } from "../domain/vocab";
import type { LetterElement, LetterRule, Preset } from "../presets/schema";

export const LETTER_ELEMENT_LABELS: Record<LetterElement, string> = {
  why: "why the policy is being applied",
  behaviour: "the behaviour that caused concern",
  what: "what it means for their contact with us",
  expectations: "what we expect of their future contact and behaviour",
  howLong: "how long it will last",
  monitoringPeriod: "how long their contact will be monitored",
  spoc: "the name and contact details of their single point of contact",
  potentialOutcome: "what may happen if the behaviour does not change",
  reviewDate: "when it will be reviewed",
  howToAppeal: "how to challenge or appeal the decision",
  appealBy: "the date by which to appeal",
  ombudsman: "their right to go to the Ombudsman",
  policyCopy: "a copy of the policy",
  changes: "what has changed as a result",
};

export function letterRule(preset: Preset, kind: LetterKind): LetterRule | undefined {
  return preset.letters.find((l) => l.kind === kind);
}

/** The elements still missing from a letter, in the order the preset lists them. */
export function missingElements(preset: Preset, kind: LetterKind, present: readonly LetterElement[]): LetterElement[] {
  const rule = letterRule(preset, kind);
  if (!rule) return [];
  const have = new Set(present);
  return rule.elements.filter((e) => !have.has(e));
}

/** "how to challenge or appeal the decision and a copy of the policy" */
export function listInWords(elements: readonly LetterElement[]): string {
  const words = elements.map((e) => LETTER_ELEMENT_LABELS[e]);
  if (words.length <= 1) return words.join("");
  return `${words.slice(0, -1).join(", ")} and ${words[words.length - 1]}`;
}
