// Flags a restriction that may clash with a recorded reasonable adjustment: a keyword prompt for a human, not a verdict.
import type { RestrictionParams } from "../domain/restriction-params";
import { describeRestriction } from "./describe";
import { moduleFor } from "./kinds";

/** The sentence or line of the adjustment text that contains the match, for quoting back. */
function quoted(text: string, cue: RegExp): string | null {
  const fragments = text.split(/\r?\n|(?<=[.;!?])\s+/).map((f) => f.trim()).filter(Boolean);
  const hit = fragments.find((f) => cue.test(f));
  return hit ? hit.replace(/[.;]+$/, "") : null;
}

function firstQuote(text: string, cues: readonly RegExp[]): string | null {
  for (const cue of cues) {
    const q = quoted(text, cue);
    if (q) return q;
  }
  return null;
}

/**
 * A sentence for the decider when the restriction may undo a recorded reasonable adjustment, e.g. "Letters only
 * conflicts with the recorded adjustment: 'prefers e-mail because of dyslexia'"; null when no cue is found. It is a
 * prompt to think again, found by keywords, never a decision that the restriction is unlawful.
 */
export function conflictsWithAdjustments(params: RestrictionParams, adjustments: string): string | null {
  if (!adjustments.trim()) return null;
  const quote = firstQuote(adjustments, moduleFor(params).adjustmentCues(params));
  return quote ? `${describeRestriction(params)} conflicts with the recorded adjustment: '${quote}'` : null;
}
