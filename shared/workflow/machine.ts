// The case workflow: one pure function from (case file, event) to the next case file or a refusal in plain words.
import type { Preset } from "../presets/schema";
import { DEFAULT_SETTINGS, withSettings, type OrganisationSettings } from "../settings/organisation";
import { appealDecided, appealLodged } from "./appeals";
import { decide, decisionRequirements } from "./decide";
import { noticeAudience } from "./follow-ups";
import { localResolutionStep, logContact, refer, warn, withdrawReferral } from "./early";
import type { WorkflowEvent } from "./events";
import { inviteExtensionComment, letterSent, letterWithheld } from "./letters";
import { purge, restrictionExpired } from "./lifecycle";
import { refused, type Transition } from "./result";
import { monitoringEnded, openMonitoringEndReview, reviewDecided } from "./reviews";
import type { OfficeFacts } from "./offices";
import type { Actor, CaseFile } from "./state";

export interface TransitionContext {
  preset: Preset;
  actor: Actor;
  now: Date;
  /** Who holds which offices, found by the case service for this step; absent when a stored step is replayed. */
  offices?: OfficeFacts;
  /** The organisation's own choices where no policy speaks (all off unless given). */
  settings?: OrganisationSettings;
  /**
   * A step from the log, replayed. It was accepted when taken, so the checks added since (a set period after local
   * resolution, the day a posted letter is received, a lapse the organisation has since turned off) do not refuse it,
   * and a RestrictionExpired logged before `basis` existed replays as the lapse it then was.
   */
  replaying?: boolean;
}

export function transition(file: CaseFile, event: WorkflowEvent, ctx: TransitionContext): Transition {
  const t = step(file, event, ctx);
  if (!t.ok) return t;
  // The staff notice owed goes to the audiences of the step that owed it; once sent or withheld, to no one.
  const audience = noticeAudience(t.effects);
  if (audience.length) return { ...t, file: { ...t.file, staffNoticeTo: audience } };
  if (!t.file.lettersOwed.includes("StaffNotice") && t.file.staffNoticeTo?.length) return { ...t, file: { ...t.file, staffNoticeTo: [] } };
  return t;
}

function step(file: CaseFile, event: WorkflowEvent, ctx: TransitionContext): Transition {
  if (file.presetId !== ctx.preset.id) return refused("This case is under a different policy from the one given.");
  const actor = { ...ctx.actor, upn: ctx.actor.upn.trim().toLowerCase() };
  const settings = ctx.settings ?? DEFAULT_SETTINGS;
  // The organisation's letter choice is applied once here, so every letter check sees the same rules.
  const c = { ...ctx, actor, settings, preset: withSettings(ctx.preset, settings) };
  try {
    switch (event.type) {
      case "LogContact": return logContact(file, event, c);
      case "Warn": return warn(file, event, c);
      case "LocalResolutionStep": return localResolutionStep(file, event, c);
      case "Refer": return refer(file, event, c);
      case "WithdrawReferral": return withdrawReferral(file, event, c);
      case "Decide": return decide(file, event, c);
      case "InviteExtensionComment": return inviteExtensionComment(file, event, c);
      case "LetterSent": return letterSent(file, event, c);
      case "LetterWithheld": return letterWithheld(file, event, c);
      case "MonitoringEnded": return monitoringEnded(file, event, c);
      case "ReviewDecided": return reviewDecided(file, event, c);
      case "AppealLodged": return appealLodged(file, event, c);
      case "AppealDecided": return appealDecided(file, event, c);
      case "RestrictionExpired": return restrictionExpired(file, event, c);
      case "Purge": return purge(file, event, c);
      case "OpenMonitoringEndReview": return openMonitoringEndReview(file, event, c);
      default: return refused("That is not a step this product knows.");
    }
  } catch {
    // Malformed input from a caller must still come back as a refusal, never a bare error.
    return refused("That request could not be understood; nothing was changed.");
  }
}

/**
 * What a step still needs, in words, all at once (empty when the workflow would take it): the UI asks this instead
 * of repeating the workflow's guards. For a decision every missing answer is listed; for other steps, the refusal.
 */
export function requirements(file: CaseFile, event: WorkflowEvent, ctx: TransitionContext): string[] {
  if (event.type === "Decide") {
    const actor = { ...ctx.actor, upn: ctx.actor.upn.trim().toLowerCase() };
    return decisionRequirements(file, event, { ...ctx, actor });
  }
  const t = transition(file, event, ctx);
  return t.ok ? [] : [t.reason];
}

/** Applies events in turn, stopping at the first refusal (used by lifecycle walks and imports). */
export function replay(file: CaseFile, steps: { event: WorkflowEvent; actor: Actor; now: Date }[], preset: Preset, settings?: OrganisationSettings): Transition {
  let current: Transition = { ok: true, file, effects: [] };
  for (const step of steps) {
    if (!current.ok) return current;
    current = transition(current.file, step.event, { preset, actor: step.actor, now: step.now, settings });
  }
  return current;
}
