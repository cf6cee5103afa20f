// The register's log in SharePoint: reading it, appending steps, and keeping every other list a projection of it.
export { takeStep, migrateLegacy, wholeSecond, type StepRequest, type StepOutcome, type Owe } from "./steps";
export { openCustomer, type OpenRequest } from "./open";
export { projectCustomer, type ProjectOutcome } from "./project";
export { loadLog, loadLogs, loadRegister, findByIdempotencyKey, type LoadedLog, type LoadedRegister, type RowRef } from "./load";
export { appendEvent } from "./append";
export { purgeCustomer } from "./purge";
export type { RowProblem } from "./event-rows";
export type { RowChange } from "./reconcile";
