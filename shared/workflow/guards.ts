// Guards shared by the transitions: who may act, what must be recorded first, and the policy's missing settings.
import { ROLE_GROUPS } from "../domain/vocab";
import type { Preset } from "../presets/schema";
import { officeProblem, type OfficeFacts, type StepRule } from "./offices";
import type { Actor } from "./state";

/** A reason to refuse, or null to go ahead. */
export type Check = string | null;

export function mayAct(preset: Preset, rule: StepRule, actor: Actor, doing: string, facts?: OfficeFacts): Check {
  const byRole = (): Check => {
    if (!actor.system && actor.roles.some((r) => rule.roles.includes(r))) return null;
    const groups = rule.roles.map((r) => ROLE_GROUPS[r]).join(" or ");
    return `Only ${rule.title} (${groups}) may ${doing} under ${preset.organisation}'s policy.`;
  };
  if (!actor.system && rule.office) return officeProblem(preset, rule, actor, doing, facts, byRole);
  return byRole();
}

/** The words used when only the scheduler or an administrator may take a step. */
export const SYSTEM_ONLY = "Only the scheduler or an administrator can do this.";

/**
 * Whether a refusal is about who is asking rather than about the case: the case service answers those 403, the rest
 * 422. It recognises exactly the sentences mayAct and SYSTEM_ONLY produce, so the two stay in this one file.
 */
export function isRoleRefusal(reason: string): boolean {
  return (
    reason === SYSTEM_ONLY ||
    /^Only .+ \(UPC [^)]+\) may .+ under .+'s policy\.( No one has been named as .+ yet, so the product role stands in\. An administrator names who holds each office in the Teams tab, under Offices\.)?$/s.test(reason) ||
    /^Only .+ may .+ under .+'s policy, and you are not named as .+\. An administrator names who holds each office/s.test(reason) ||
    /^Only the scheduler /.test(reason)
  );
}

export function needsSetting<T>(preset: Preset, value: T | null, what: string): Check {
  if (value !== null) return null;
  return `${preset.organisation}'s policy does not say ${what}. An administrator must set it in the policy settings before this step can be taken.`;
}

export function needsReasons(reasons: string | undefined, doing: string): Check {
  return reasons && reasons.trim().length >= 3 ? null : `Give the reasons for ${doing}: they are recorded and may be seen by the customer, a reviewer or the Ombudsman.`;
}

/** Every problem, in order: for a form that lists all that is missing at once. */
export function allProblems(...checks: Check[]): string[] {
  return checks.filter((c): c is string => c !== null);
}

export function firstProblem(...checks: Check[]): Check {
  return checks.find((c) => c !== null) ?? null;
}
