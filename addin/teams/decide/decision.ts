// The decision form's answers, what is still missing from them under the policy, and the step they make (no React).
import type { DecisionOutcome } from "../../../shared/domain/vocab";
import type { Preset } from "../../../shared/presets/schema";
import { requirements, type Actor, type CaseFile, type WorkflowEvent } from "../../../shared/workflow";
import type { Participant } from "../../../shared/workflow/offices";
import type { DraftsSummary } from "./drafts";

export type Answer = "yes" | "no" | "";

export interface DecisionAnswers {
  outcome: DecisionOutcome | "";
  answers: Record<string, Answer>;
  vulnerability: boolean;
  exception: string;
  exceptionReason: string;
  reasons: string;
  /** Everyone the policy says decides jointly or is consulted, as named in their pickers. */
  participants?: Participant[];
  formsCount: number;
  conflictsSeen: boolean;
  /** Monitor, where the policy allows "or less": a shorter period in months (blank for the policy's own), and why. */
  shorterMonths?: string;
  shorterReason?: string;
  /** Restrict or Extend, where the policy allows it: this customer's review period in months (blank for the policy's), and why. */
  reviewMonths?: string;
  reviewReason?: string;
}

const wholeIn = (s: string, max: number) => /^\d+$/.test(s.trim()) && Number(s) >= 1 && Number(s) <= max;

/** What the chosen outcome asks of the decider under this policy, for this case as it stands. */
export function decisionNeeds(preset: Preset, file: CaseFile, outcome: DecisionOutcome | "") {
  const applying = outcome === "Monitor" || outcome === "Restrict";
  const buildsRestrictions = outcome === "Restrict" || (outcome === "Extend" && file.status === "Restricted");
  const warningNeeded = applying && preset.warning.required && file.warnings.length === 0 && !file.warningException;
  const needsInvite = outcome === "Extend" && file.status === "Restricted" && preset.extensionNeedsComment.value === true && !file.extensionCommentInvitedAt;
  const own = preset.monitoringPeriod.value;
  // A shorter period is offered only where the text says "or less" and the policy's period is in months.
  const mayShorten = outcome === "Monitor" && preset.monitoringPeriod.orLess?.value === true && own?.unit === "months" && own.count > 1;
  const mayAdjustReview = buildsRestrictions && preset.reviewAdjustable?.value === true;
  return { applying, buildsRestrictions, warningNeeded, needsInvite, mayShorten, mayAdjustReview };
}

/**
 * What is still missing, in the words shown to the decider, worked out afresh on every change. The form checks only
 * what it alone knows (numbers typed, each restriction's own fields, the clash confirmation); everything the policy
 * requires comes from the workflow's own requirements(), so the two cannot disagree. Who else must be named is asked
 * by the pickers beside each office, so the workflow is asked without the office map here.
 */
export function missingFromDecision(preset: Preset, file: CaseFile, a: DecisionAnswers, summary: DraftsSummary, actor: Actor = { upn: "", roles: ["Decider"] }, now = new Date()): string[] {
  const { buildsRestrictions, mayShorten, mayAdjustReview } = decisionNeeds(preset, file, a.outcome);
  const missing: string[] = [];
  const own = preset.monitoringPeriod.value;
  if (mayShorten && own && a.shorterMonths?.trim()) {
    if (!wholeIn(a.shorterMonths, own.count - 1)) missing.push(`A shorter monitoring period must be a whole number of months from 1 to ${own.count - 1}.`);
    if ((a.shorterReason ?? "").trim().length < 3) missing.push("Give the reason monitoring is shorter than the policy's period.");
  }
  if (mayAdjustReview && a.reviewMonths?.trim()) {
    if (!wholeIn(a.reviewMonths, 60)) missing.push("This customer's review period must be a whole number of months from 1 to 60.");
    if ((a.reviewReason ?? "").trim().length < 3) missing.push("Give the reason the review period is adjusted for this customer.");
  }
  if (!a.outcome) return [...missing, "Choose a decision."];
  const formProblems = buildsRestrictions ? summary.problems.length : 0;
  if (buildsRestrictions) {
    if (a.outcome === "Restrict" && !a.formsCount) missing.push("Add at least one restriction and set it out.");
    for (const p of summary.problems) missing.push(`Restriction ${p.index + 1}: ${p.problems.join(" ")}`);
    if (summary.conflicts.length && !a.conflictsSeen) missing.push("A restriction may clash with a recorded reasonable adjustment: confirm you have considered it.");
  }
  const event = decisionEvent(preset, file, { ...a, outcome: a.outcome }, summary);
  const asked = { ...actor, offices: undefined };
  for (const need of requirements(file, event, { preset, actor: asked, now })) {
    // Already said in the form's own words, beside the restriction or the number concerned.
    if ((formProblems || !a.formsCount) && /^Choose at least one restriction|^The .+ restriction is not complete/.test(need)) continue;
    if (missing.some((m) => m.includes("period")) && /period/.test(need)) continue;
    if (!missing.includes(need)) missing.push(need);
  }
  return missing;
}

/** The Decide step for complete answers. */
export function decisionEvent(preset: Preset, file: CaseFile, a: DecisionAnswers & { outcome: DecisionOutcome }, summary: DraftsSummary): WorkflowEvent {
  const { applying, buildsRestrictions, warningNeeded, mayShorten, mayAdjustReview } = decisionNeeds(preset, file, a.outcome);
  return {
    type: "Decide",
    outcome: a.outcome,
    reasons: a.reasons.trim(),
    ...(applying
      ? {
          // Only what was answered: an unanswered check is left for the workflow to ask for, not taken as "no".
          preChecks: Object.fromEntries(preset.preChecks.items.filter((c) => a.answers[c.id]).map((c) => [c.id, a.answers[c.id] === "yes"])),
          vulnerabilityConsidered: a.vulnerability,
          ...(warningNeeded && a.exception ? { warningException: { id: a.exception, reason: a.exceptionReason.trim() } } : {}),
        }
      : {}),
    ...(buildsRestrictions && summary.drafts.length ? { restrictions: summary.drafts } : {}),
    ...(mayShorten && a.shorterMonths?.trim() ? { period: { months: Number(a.shorterMonths), reason: (a.shorterReason ?? "").trim() } } : {}),
    ...(mayAdjustReview && a.reviewMonths?.trim() ? { reviewPeriod: { months: Number(a.reviewMonths), reason: (a.reviewReason ?? "").trim() } } : {}),
    ...(a.participants?.length ? { participants: a.participants } : {}),
  };
}
