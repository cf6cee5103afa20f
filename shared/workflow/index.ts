// The case workflow's public face.
export { transition, replay, requirements, type TransitionContext } from "./machine";
export type { WorkflowEvent, RestrictionDraft } from "./events";
export type { Transition, Effect } from "./result";
export { newCaseFile, activeRestrictions, lastDecision, openAppeal, type CaseFile, type Actor } from "./state";
export { dueAfterDays, dueAfterMonths, withinWindow, retainUntil } from "./deadlines";
export { isRoleRefusal } from "./guards";
export { referralProblems, localResolutionFirst, type ReferField } from "./early";
export { behaviourChoiceProblems, otherBehaviourToStore, type BehaviourChoice, type BehaviourProblem } from "./behaviours";
