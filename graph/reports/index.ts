// Read models for the Teams tab: the queue, the calendar, the case page, change history, reports and subject access.
export { aggregateReport, boardSummary, reportCsv, csvCell, periodOf, inPeriod, behaviourLabel, restrictionKindLabel, INVOCATION_OUTCOMES, type Period, type PeriodKind, type Report, type ReportInput, type Count } from "./aggregate";
export { loadReport, loadReportInput, reportQueries } from "./load";
export { loadQueue, loadCalendar, type QueueEntry, type CalendarEntry } from "./queue";
export { loadCasePage, historyItems, type CasePage, type SensitiveNoteRow } from "./case-page";
export { loadChangeHistory, diffVersions, type HistoryEntry, type FieldChange, type HistoryItem, type ItemVersion } from "./history";
export { exportSubjectAccess, findByCaseRef, type SubjectAccessExport, type ExportedItem } from "./subject-access";
