// Transitions before a decision: logging contact, warnings, local resolution, referral and its withdrawal.
import type { TransitionContext } from "./machine";
import type { Preset } from "../presets/schema";
import { endOfLondonDay, londonDateKey } from "../time/calendar";
import { formatLondonDate } from "../time/london";
import type { WorkflowEvent } from "./events";
import { behaviourChoiceProblems, otherBehaviourToStore } from "./behaviours";
import { firstProblem, mayAct } from "./guards";
import { refused, type Effect, type Transition } from "./result";
import type { CaseFile } from "./state";

type Ctx = TransitionContext;
type Of<T extends WorkflowEvent["type"]> = Extract<WorkflowEvent, { type: T }>;

const ANY_STAFF = { roles: ["Staff", "Manager", "Decider", "Reviewer", "Admin"] as const, title: "a member of staff" };
const MANAGERS = { roles: ["Manager", "Decider"] as const, title: "a manager" };

export function logContact(file: CaseFile, _e: Of<"LogContact">, { preset, actor }: Ctx): Transition {
  const problem = mayAct(preset, { ...ANY_STAFF, roles: [...ANY_STAFF.roles] }, actor, "log a contact");
  if (problem) return refused(problem);
  if (file.purged) return refused("This record has been deleted under the retention rules; start a new record instead.");
  return { ok: true, file: { ...file, contactsLogged: file.contactsLogged + 1 }, effects: [] };
}

export function warn(file: CaseFile, e: Of<"Warn">, { preset, actor, now }: Ctx): Transition {
  const rule = e.level === "Formal" ? MANAGERS : ANY_STAFF;
  const problem = firstProblem(
    mayAct(preset, { ...rule, roles: [...rule.roles] }, actor, `give a ${e.level.toLowerCase()} warning`),
    file.status === "Closed" && file.purged ? "This record has been deleted." : null,
    e.note.trim() ? null : "Say what the warning was about: name the behaviour, with an example.",
  );
  if (problem) return refused(problem);
  const to = file.status === "Observed" || file.status === "Closed" ? "Warned" : file.status;
  const effects: Effect[] = to !== file.status ? [{ type: "StatusChanged", from: file.status, to }] : [];
  if (e.level === "Formal" && preset.letters.some((l) => l.kind === "Warning" && l.required)) {
    effects.push({ type: "LetterOwed", kind: "Warning" });
  }
  return {
    ok: true,
    file: {
      ...file,
      status: to,
      warnings: [...file.warnings, { level: e.level, at: now.toISOString(), by: actor.upn, note: e.note.trim() }],
      lettersOwed: effects.some((x) => x.type === "LetterOwed") ? [...file.lettersOwed, "Warning"] : file.lettersOwed,
    },
    effects,
  };
}

export function localResolutionStep(file: CaseFile, e: Of<"LocalResolutionStep">, { preset, actor, now }: Ctx): Transition {
  const lr = preset.localResolution;
  const known = lr.steps.length === 0 || lr.steps.some((s) => s.id === e.step);
  const problem = firstProblem(
    mayAct(preset, { ...MANAGERS, roles: [...MANAGERS.roles] }, actor, "record a local-resolution attempt"),
    known ? null : `"${e.step}" is not one of the local-resolution steps in this policy: ${lr.steps.map((s) => s.label).join("; ")}.`,
    lr.confirmedInWriting && !e.confirmedInWriting
      ? "This policy says local-resolution attempts must be confirmed to the customer in writing. Confirm it in writing, then record it."
      : null,
    ["Referred", "Restricted"].includes(file.status) ? `Local resolution is for before a referral; this customer is already ${file.status.toLowerCase()}.` : null,
    e.monitorUntil !== undefined && !isDateKey(e.monitorUntil) ? "Give the day the behaviour is watched until as a date, such as 2027-03-31." : null,
    e.monitorUntil !== undefined && isDateKey(e.monitorUntil) && e.monitorUntil <= londonDateKey(now) ? "The day the behaviour is watched until must be after today." : null,
  );
  if (problem) return refused(problem);
  const entry = {
    step: e.step,
    at: now.toISOString(),
    by: actor.upn,
    note: e.note.trim(),
    confirmedInWriting: e.confirmedInWriting,
    ...(e.monitorUntil !== undefined ? { monitorUntil: e.monitorUntil } : {}),
  };
  return { ok: true, file: { ...file, localResolution: [...file.localResolution, entry] }, effects: [] };
}

/** The part of a referral a problem is about, so a form can point at the field. */
export type ReferField = "behaviours" | "otherBehaviour" | "localResolution" | "summary";

/**
 * What is wrong with a referral as written, whatever the case's history: every problem at once, in the order a form
 * shows its fields, so the officer can put them all right before sending.
 */
export function referralProblems(
  preset: Preset,
  e: Pick<Of<"Refer">, "behaviours" | "otherBehaviour" | "summary" | "localResolution">,
): { field: ReferField; reason: string }[] {
  const lr = preset.localResolution;
  const unknownSteps = lr.steps.length ? (e.localResolution ?? []).filter((s) => !lr.steps.some((x) => x.id === s.step)) : [];
  const out: { field: ReferField; reason: string }[] = [];
  if (!e.behaviours.length) out.push({ field: "behaviours", reason: "Choose at least one behaviour from the policy that this referral is about." });
  out.push(...behaviourChoiceProblems(preset, e));
  if (unknownSteps.length) out.push({ field: "localResolution", reason: `These are not local-resolution steps in this policy: ${unknownSteps.map((s) => s.step).join(", ")}.` });
  if (!e.summary.trim()) out.push({ field: "summary", reason: "Write a short summary of what has happened, with the evidence." });
  return out;
}

/** The refusal when the policy wants local resolution tried first and none is recorded or reported. */
export function localResolutionFirst(preset: Preset): string {
  const lr = preset.localResolution;
  return `${preset.organisation}'s policy requires local resolution to be tried first (${lr.steps.map((s) => s.label).join("; ")}). Record at least one attempt before referring.`;
}

const isDateKey = (s: unknown): s is string => typeof s === "string" && /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s));

/**
 * southampton-2018, "Dealing with …": after local resolution "The behaviour of the customer should then be monitored
 * for a set period." The text names no length, so the manager sets it with the step; a referral waits for its end.
 */
function setPeriodProblem(preset: Preset, file: CaseFile, now: Date): string | null {
  if (preset.localResolution.monitorForSetPeriod?.value !== true) return null;
  const until = [...file.localResolution].reverse().find((s) => s.monitorUntil)?.monitorUntil;
  if (!until) {
    return `${preset.organisation}'s policy says the customer's behaviour is then monitored for a set period: record the local-resolution step with the day that period ends before referring.`;
  }
  const end = endOfLondonDay(until);
  return now.getTime() <= end.getTime() ? `The set period of monitoring after local resolution runs until ${formatLondonDate(end)}: the case can be referred once it has ended.` : null;
}

export function refer(file: CaseFile, e: Of<"Refer">, { preset, actor, now, replaying }: Ctx): Transition {
  // Attempts the referrer reports are recorded as theirs, not as confirmed in writing: only a recorded step says that.
  const reported = (e.localResolution ?? []).map((s) => ({ step: s.step, at: now.toISOString(), by: actor.upn, note: s.note.trim(), confirmedInWriting: false }));
  const attempts = [...file.localResolution, ...reported];
  const problem = firstProblem(
    mayAct(preset, preset.refer.actor, actor, "refer a case"),
    ["Observed", "Warned", "Closed"].includes(file.status)
      ? null
      : `This customer is already ${file.status.toLowerCase()}: a new referral is not needed.`,
    file.purged ? "This record has been deleted under the retention rules." : null,
    ...referralProblems(preset, e).map((p) => p.reason),
    preset.localResolution.required && attempts.length === 0 ? localResolutionFirst(preset) : null,
    replaying ? null : setPeriodProblem(preset, file, now),
  );
  if (problem) return refused(problem);
  return {
    ok: true,
    file: {
      ...file,
      status: "Referred",
      statusBeforeReferral: file.status,
      localResolution: attempts,
      referral: {
        at: now.toISOString(),
        by: actor.upn,
        behaviours: [...e.behaviours],
        // Kept only when there is one, so a referral without it reads as referrals always have.
        ...(otherBehaviourToStore(e) ? { otherBehaviour: otherBehaviourToStore(e) } : {}),
        serviceArea: e.serviceArea.trim(),
        summary: e.summary.trim(),
        evidenceContactIds: [...(e.evidenceContactIds ?? [])],
      },
      preChecks: { ...file.preChecks, ...(e.preChecks ?? {}) },
      vulnerabilityConsidered: e.vulnerabilityConsidered ?? file.vulnerabilityConsidered,
    },
    effects: [{ type: "StatusChanged", from: file.status, to: "Referred" }],
  };
}

export function withdrawReferral(file: CaseFile, e: Of<"WithdrawReferral">, { preset, actor }: Ctx): Transition {
  const isReferrer = file.referral?.by === actor.upn;
  const problem = firstProblem(
    file.status === "Referred" ? null : "There is no open referral to withdraw.",
    isReferrer ? null : mayAct(preset, { ...MANAGERS, roles: [...MANAGERS.roles] }, actor, "withdraw someone else's referral"),
    e.reason.trim() ? null : "Say why the referral is withdrawn.",
  );
  if (problem) return refused(problem);
  const to = file.statusBeforeReferral ?? "Observed";
  return { ok: true, file: { ...file, status: to, statusBeforeReferral: null }, effects: [{ type: "StatusChanged", from: "Referred", to }] };
}
