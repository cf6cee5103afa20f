// Offices: whether the person taking a step holds the office the policy names, and whether everyone the policy says
// decides jointly or is consulted has been named with the step.
import type { Role } from "../domain/vocab";
import type { Preset } from "../presets/schema";
import type { Check } from "./guards";
import type { Actor } from "./state";

/** Someone named with a step as holding one of the policy's offices. */
export interface Participant {
  office: string;
  upn: string;
}

/** Who holds which offices, as the case service found them when the step was asked for. */
export interface OfficeFacts {
  /** Offices an administrator has named anyone to; absent when the step is replayed from the log. */
  mapped?: readonly string[];
  /** The offices each person named with the step holds; absent when the step is replayed from the log. */
  holders?: Readonly<Record<string, readonly string[]>>;
}

/** A rule as the guards need it: the product's own rules (anyone may refer) name roles only. */
export interface StepRule {
  roles: readonly Role[];
  title: string;
  office?: string;
  jointly?: readonly string[];
  consulted?: readonly string[];
}

export const ADMIN_MAPS_OFFICES = "An administrator names who holds each office in the Teams tab, under Offices.";

export function officeTitle(preset: Preset, id: string): string {
  return preset.offices.find((o) => o.id === id)?.title ?? id;
}

/**
 * Whether the office decides who may act. On a step being taken: once an administrator has named anyone to the office,
 * only they may; until then the product roles stand in (the Offices view says so). On a step replayed from the log:
 * the offices it was recorded with, or failing that the roles it was accepted under (steps from before offices).
 */
export function officeProblem(preset: Preset, rule: StepRule, actor: Actor, doing: string, facts: OfficeFacts | undefined, roleCheck: () => string | null): string | null {
  const office = rule.office!;
  const title = officeTitle(preset, office);
  if (!facts?.mapped) return actor.offices?.includes(office) ? null : roleCheck();
  if (!facts.mapped.includes(office)) {
    const byRole = roleCheck();
    return byRole ? `${byRole} No one has been named as ${title} yet, so the product role stands in. ${ADMIN_MAPS_OFFICES}` : null;
  }
  if (actor.offices?.includes(office)) return null;
  return `Only ${title} may ${doing} under ${preset.organisation}'s policy, and you are not named as ${title}. ${ADMIN_MAPS_OFFICES}`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** Everyone the policy says takes part must be named, once, as a different person who holds that office. */
export function participantsProblem(preset: Preset, rule: StepRule, actor: Actor, named: readonly Participant[] | undefined, facts: OfficeFacts = {}): Check {
  return participantsProblems(preset, rule, actor, named, facts)[0] ?? null;
}

/** Each office still to be named for the step (or named wrongly), in the order the policy gives them. */
export function participantsProblems(preset: Preset, rule: StepRule, actor: Actor, named: readonly Participant[] | undefined, facts: OfficeFacts = {}): string[] {
  // A step recorded before offices existed is replayed as it was accepted.
  if (!facts.mapped && actor.offices === undefined) return [];
  const problems: string[] = [];
  const needs = [...(rule.jointly ?? []).map((id) => ({ id, jointly: true })), ...(rule.consulted ?? []).map((id) => ({ id, jointly: false }))];
  const given = named ?? [];
  for (const p of given) {
    if (!needs.some((n) => n.id === p.office)) problems.push(`${cap(officeTitle(preset, p.office))} does not take part in this step under ${preset.organisation}'s policy.`);
  }
  for (const need of needs) {
    const title = officeTitle(preset, need.id);
    const who = given.filter((p) => p.office === need.id);
    if (!who.length) {
      problems.push(
        need.jointly
          ? `${preset.organisation}'s policy says ${rule.title} decides this jointly with ${title}: name who that is.`
          : `${preset.organisation}'s policy says ${rule.title} consults ${title} on this: name who was consulted.`,
      );
      continue;
    }
    if (who.length > 1) {
      problems.push(`Name one person as ${title}.`);
      continue;
    }
    const upn = who[0].upn.trim().toLowerCase();
    if (upn === actor.upn) problems.push(`You cannot also stand as ${title}: the policy names them as someone else taking part.`);
    // Until the office is mapped anyone may be named to it; once it is, only its holders.
    else if (facts.mapped?.includes(need.id) && facts.holders && !facts.holders[upn]?.includes(need.id)) problems.push(`${upn} is not named as ${title}. ${ADMIN_MAPS_OFFICES}`);
  }
  return problems;
}

/** The people recorded as taking part: the actor and everyone named with the step. */
export function takingPart(actor: Actor, named: readonly Participant[] | undefined, legacy: readonly string[] = []): string[] {
  const all = [actor.upn, ...(named ?? []).map((p) => p.upn), ...legacy].map((u) => u.trim().toLowerCase());
  return all.filter((u, i) => u && all.indexOf(u) === i);
}
