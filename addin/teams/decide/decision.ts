// The decision form's answers, what is still missing from them under the policy, and the step they make (no React).
import type { DecisionOutcome } from "../../../shared/domain/vocab";
import type { Preset } from "../../../shared/presets/schema";
import type { CaseFile, WorkflowEvent } from "../../../shared/workflow";
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

/** What is still missing, in the words shown to the decider, worked out afresh on every change. */
export function missingFromDecision(preset: Preset, file: CaseFile, a: DecisionAnswers, summary: DraftsSummary): string[] {
  const { applying, buildsRestrictions, warningNeeded, needsInvite, mayShorten, mayAdjustReview } = decisionNeeds(preset, file, a.outcome);
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
  if (!a.outcome) missing.push("Choose a decision.");
  if (applying) {
    const unanswered = preset.preChecks.items.filter((c) => !a.answers[c.id]);
    if (unanswered.length) missing.push(`Answer each check the policy requires: ${unanswered.map((c) => c.label).join("; ")}.`);
    if (preset.vulnerabilityMustBeConsidered.value && !a.vulnerability) missing.push("Confirm that the customer's vulnerability, health and support needs, including reasonable adjustments, have been considered.");
    if (warningNeeded && !a.exception) missing.push("No warning has been recorded: choose the exception the policy allows, or record the warning first.");
    if (warningNeeded && a.exception && a.exceptionReason.trim().length < 3) missing.push("Give the reason no warning was given.");
  }
  if (needsInvite) missing.push("Invite the customer to comment on the proposed extension, and record it, first.");
  if (a.reasons.trim().length < 3) missing.push("Give the reasons for this decision: they are recorded and may be seen by the customer, a reviewer or the Ombudsman.");
  if (buildsRestrictions) {
    if (a.outcome === "Restrict" && !a.formsCount) missing.push("Add at least one restriction and set it out.");
    for (const p of summary.problems) missing.push(`Restriction ${p.index + 1}: ${p.problems.join(" ")}`);
    if (summary.conflicts.length && !a.conflictsSeen) missing.push("A restriction may clash with a recorded reasonable adjustment: confirm you have considered it.");
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
          preChecks: Object.fromEntries(preset.preChecks.items.map((c) => [c.id, a.answers[c.id] === "yes"])),
          vulnerabilityConsidered: a.vulnerability,
          ...(warningNeeded ? { warningException: { id: a.exception, reason: a.exceptionReason.trim() } } : {}),
        }
      : {}),
    ...(buildsRestrictions && summary.drafts.length ? { restrictions: summary.drafts } : {}),
    ...(mayShorten && a.shorterMonths?.trim() ? { period: { months: Number(a.shorterMonths), reason: (a.shorterReason ?? "").trim() } } : {}),
    ...(mayAdjustReview && a.reviewMonths?.trim() ? { reviewPeriod: { months: Number(a.reviewMonths), reason: (a.reviewReason ?? "").trim() } } : {}),
    ...(a.participants?.length ? { participants: a.participants } : {}),
  };
}
