// Walks a case through the pure workflow step by step, for the per-policy tests that prove each row of docs/policies.
import type { LetterKind } from "../../shared/domain/vocab";
import type { Preset } from "../../shared/presets/schema";
import { newCaseFile, transition, type Actor, type CaseFile, type Transition, type WorkflowEvent } from "../../shared/workflow";

export type Step = [when: string, actor: Actor, event: WorkflowEvent];

/** Runs steps in order; each must succeed, else the test fails with the refusal in words. */
export function walk(preset: Preset, steps: Step[], start: CaseFile = newCaseFile(preset.id)): CaseFile {
  let file = start;
  for (const [when, actor, event] of steps) {
    const r = transition(file, event, { preset, actor, now: new Date(when) });
    if (!r.ok) throw new Error(`${event.type} on ${when} was refused: ${r.reason}`);
    file = r.file;
  }
  return file;
}

/** One more step, returning the full result so a test can assert a refusal's words or the effects. */
export function attempt(preset: Preset, file: CaseFile, [when, actor, event]: Step): Transition {
  return transition(file, event, { preset, actor, now: new Date(when) });
}

/** The refusal's words; fails the test if the step went through. */
export function refusal(preset: Preset, file: CaseFile, step: Step): string {
  const r = attempt(preset, file, step);
  if (r.ok) throw new Error(`${step[2].type} on ${step[0]} should have been refused`);
  return r.reason;
}

/** Every pre-check answered yes, optionally with some answered no. */
export function checks(p: Preset, no: string[] = []): Record<string, boolean> {
  return Object.fromEntries(p.preChecks.items.map((c) => [c.id, !no.includes(c.id)]));
}

/** A letter of this kind with every element the preset requires. */
export function letter(p: Preset, kind: LetterKind): WorkflowEvent {
  return { type: "LetterSent", kind, elements: p.letters.find((l) => l.kind === kind)?.elements ?? [] };
}
