// The register's log: records, the steps it holds, their replay and the rows they stand for.
export { applyStep, type StepContext, type RecordTransition } from "./apply";
export { parseStepEvent, isRegisterEvent, REGISTER_EVENT_TYPES, type RegisterEvent, type StepEvent, type StepType, type DetailChanges } from "./events";
export { replayLog, presetAsLogged, type StoredEvent, type OwedMail, type Replayed, type ReplayedStep, type PresetLookup } from "./log";
export { projectLog, type Projection, type CustomerProjection, type CaseProjection, type RestrictionProjection, type ReviewProjection, type LetterProjection, type OutboxProjection } from "./projection";
export { emptyRecord, blankDetails, detailsOf, type CaseRecord, type CustomerDetails, type IdentityEntry } from "./record";
export { historyOf, type LogEntry } from "./history";
export { freshStepProblem, asLogged } from "./fresh";
