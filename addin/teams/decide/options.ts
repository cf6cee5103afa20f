// What the signed-in person may do next on a case, worked out from the preset, the case file, their roles and offices. Pure.
// It only shapes the screen: the workflow guards and SharePoint's permissions decide what is accepted.
import type { DecisionOutcome, Role } from "../../../shared/domain/vocab";
import type { ActorRule, Preset } from "../../../shared/presets/schema";
import { lastDecision, openAppeal, type CaseFile } from "../../../shared/workflow";
import { independenceProblem } from "../../../shared/workflow/independence";

export const OUTCOME_WORDS: Record<DecisionOutcome, { label: string; hint: string }> = {
  Declined: { label: "Decline the referral", hint: "The policy is not applied; the customer goes back to their earlier status." },
  Monitor: { label: "Monitor their contact", hint: "Every contact is logged for the policy's monitoring period, then judged." },
  Restrict: { label: "Restrict their contact", hint: "Set out each restriction below; a review date follows from the policy." },
  Extend: { label: "Extend", hint: "Extend the monitoring period, or the restrictions in force, with a new review date." },
  Lift: { label: "Lift", hint: "End the monitoring or the restrictions now; the case is closed." },
};

/** Who is acting, as the case service sees them: roles, the offices they hold, and the offices anyone holds yet. */
export interface Acting {
  upn: string;
  roles: readonly Role[];
  offices: readonly string[];
  mapped: readonly string[];
}

/** Once an administrator has named anyone to the rule's office, only its holders may act; until then, the roles. */
export function mayActAs(rule: ActorRule | null | undefined, who: readonly Role[] | Pick<Acting, "roles" | "offices" | "mapped">): boolean {
  if (!rule) return false;
  const acting = Array.isArray(who) ? { roles: who as readonly Role[], offices: [], mapped: [] } : (who as Pick<Acting, "roles" | "offices" | "mapped">);
  if (rule.office && acting.mapped.includes(rule.office)) return acting.offices.includes(rule.office);
  return acting.roles.some((r) => rule.roles.includes(r));
}

const VERBS: Record<DecisionOutcome, string> = {
  Declined: "decline a referral",
  Monitor: "decide to monitor contact",
  Restrict: "decide to restrict contact",
  Extend: "extend monitoring or restrictions",
  Lift: "lift monitoring or restrictions",
};

/** For each outcome at this stage the person may not decide: who the policy says does, in its words. */
export function othersDecide(preset: Preset, file: CaseFile, who: readonly Role[] | Pick<Acting, "roles" | "offices" | "mapped">): string[] {
  return outcomesForStage(preset, file)
    .map((o) => ({ o, rule: preset.decisions.find((d) => d.outcome === o)!.actor }))
    .filter(({ rule }) => !mayActAs(rule, who))
    .map(({ o, rule }) => `Only ${rule.title} may ${VERBS[o]} under this policy.`);
}

/** Outcomes that fit the case's stage, whoever decides them. */
export function outcomesForStage(preset: Preset, file: CaseFile): DecisionOutcome[] {
  const afterMonitoring = file.status === "Monitoring" && file.monitoring?.outcome === "Unacceptable";
  const fits: Record<DecisionOutcome, boolean> = {
    Declined: file.status === "Referred",
    Monitor: file.status === "Referred" || (file.status === "Restricted" && file.restrictions.some((r) => r.state === "Active" && r.kind === "NoContact")),
    Restrict: (file.status === "Referred" && preset.restrictOnlyAfterMonitoring?.value !== true) || afterMonitoring,
    Extend: afterMonitoring || file.status === "Restricted",
    Lift: file.status === "Restricted" || file.status === "Monitoring",
  };
  return preset.decisions.map((d) => d.outcome).filter((o) => fits[o]);
}

/** Outcomes this person may decide now: the stage fits and the preset names their role for it. */
export function decidableOutcomes(preset: Preset, file: CaseFile, who: readonly Role[] | Pick<Acting, "roles" | "offices" | "mapped">): DecisionOutcome[] {
  return outcomesForStage(preset, file).filter((o) => mayActAs(preset.decisions.find((d) => d.outcome === o)?.actor, who));
}

/** Who decides each outcome fitting this stage, in the policy's words, for those who may not. */
export function decidersInWords(preset: Preset, file: CaseFile): string[] {
  return [...new Set(outcomesForStage(preset, file).map((o) => preset.decisions.find((d) => d.outcome === o)!.actor.title))];
}

export const LETTER_WRITERS: Role[] = ["Manager", "Decider", "Reviewer"];

export interface ReviewOptions {
  appeal: ReturnType<typeof openAppeal> | undefined;
  /** The person may hear the open appeal (role and independence). */
  canHearAppeal: boolean;
  /** Why not, when they hold the role but took part in the decision. */
  appealConflict: string | null;
  canLodgeAppeal: boolean;
  scheduledReview: CaseFile["reviews"][number] | undefined;
  canReview: boolean;
  reviewConflict: string | null;
  monitoringOpen: boolean;
  canJudgeMonitoring: boolean;
  canInviteComment: boolean;
}

export function reviewOptions(preset: Preset, file: CaseFile, me: { upn: string; roles: readonly Role[]; offices?: readonly string[]; mapped?: readonly string[] }): ReviewOptions {
  const actor = { upn: me.upn, roles: [...me.roles] };
  const who = { roles: me.roles, offices: me.offices ?? [], mapped: me.mapped ?? [] };
  const decision = lastDecision(file, ["Restrict", "Extend"]);
  const appeal = openAppeal(file);
  const hearer = preset.appeal.actor;
  const appealConflict = appeal && mayActAs(hearer, who) ? independenceProblem(file, actor, "appeal") : null;
  const scheduledReview = file.status === "Restricted" ? file.reviews.find((r) => r.kind === "ScheduledReview" && r.outcome === null) : undefined;
  const reviewer = preset.reviewer?.actor;
  const reviewConflict = scheduledReview && preset.reviewer?.independent && mayActAs(reviewer, who) ? independenceProblem(file, actor, "review") : null;
  const judge = preset.monitoringEnd?.actor ?? preset.decisions.find((d) => d.outcome === "Monitor")?.actor;
  const monitoringOpen = file.status === "Monitoring" && !!file.monitoring && file.monitoring.outcome === null;
  return {
    appeal,
    canHearAppeal: !!appeal && mayActAs(hearer, who) && !appealConflict,
    appealConflict,
    canLodgeAppeal: file.status === "Restricted" && !appeal && preset.appeal.available.value === true && !!decision,
    scheduledReview,
    canReview: !!scheduledReview && mayActAs(reviewer, who) && !reviewConflict,
    reviewConflict,
    monitoringOpen,
    canJudgeMonitoring: monitoringOpen && mayActAs(judge, who),
    canInviteComment: file.status === "Restricted" && preset.extensionNeedsComment.value === true && mayActAs(preset.decisions.find((d) => d.outcome === "Extend")?.actor, who),
  };
}
