// A customer from before the log (an older register, or rows written by an import or a flow): its rows are read once
// into an Imported step that carries everything they hold, and each row is given the key the log will know it by, so
// its version history stays with it.
import type { CustomerStatus, LetterKind } from "../../shared/domain/vocab";
import { detailsOf, type IdentityEntry, type RegisterEvent } from "../../shared/register";
import { newCaseFile, type CaseFile } from "../../shared/workflow";
import type { DecisionRecord, ReviewRecord, RestrictionTerm } from "../../shared/workflow/state";
import { caseFromItem } from "../repos/cases";
import { customerFromItem } from "../repos/customers";
import { json, str, type Fields } from "../repos/fields";
import { identityFromItem } from "../repos/identities";
import type { ListItem } from "../repos/items";
import { letterFromItem } from "../repos/letters";
import { restrictionFromItem } from "../repos/restrictions";
import { reviewFromItem } from "../repos/reviews";
import type { RowProblem } from "./event-rows";
import { problemOf } from "../repos/problems";
import type { ListKey } from "../schema/lists";
import type { LoadedRegister, RowRef } from "./load";
import { rowKey } from "./projection-fields";

export interface LegacyImport {
  event: Extract<RegisterEvent, { type: "Imported" }>;
  /** Row id → the key the Imported step's projection gives it, per list. */
  keys: { list: "cases" | "restrictions" | "reviews" | "letters"; id: string; key: string }[];
  problems: RowProblem[];
}

const item = (r: RowRef): ListItem => ({ id: r.id, eTag: r.etag, fields: r.fields });

/** Reads each row with its list's own mapper; a row that does not read is left out and named. */
function readAll<T>(rows: RowRef[], list: ListKey, read: (i: ListItem) => T, problems: RowProblem[]): { row: RowRef; value: T }[] {
  const out: { row: RowRef; value: T }[] = [];
  for (const row of rows) {
    try {
      out.push({ row, value: read(item(row)) });
    } catch (e) {
      problems.push(problemOf(list, row, e));
    }
  }
  return out;
}

/** Null when the customer row itself cannot be read: then nothing is imported and the problem is reported. */
export function legacyImport(loaded: LoadedRegister): LegacyImport | { problem: RowProblem } {
  const problems: RowProblem[] = [];
  const id = loaded.customerId;
  if (!loaded.customer) return { problem: { list: "UpcCustomers", itemId: id, column: "", problem: "The customer row is missing." } };
  let customer;
  try {
    customer = customerFromItem(item(loaded.customer));
  } catch (e) {
    return { problem: problemOf("customers", { id, fields: loaded.customer.fields }, e) };
  }
  const f = loaded.customer.fields;
  const cases = readAll(loaded.rows.cases, "cases", (i) => ({ ...caseFromItem(i), priorStatus: (str(i.fields as Fields, "PriorStatus") || null) as CustomerStatus | null, participants: json<string[]>(i.fields as Fields, "Participants", []), warningException: json<{ id: string; reason: string } | null>(i.fields as Fields, "WarningException", null) }), problems);
  const restrictions = readAll(loaded.rows.restrictions, "restrictions", restrictionFromItem, problems);
  const reviews = readAll(loaded.rows.reviews, "reviews", (i) => ({ ...reviewFromItem(i), receivedAt: str(i.fields as Fields, "ReceivedAt") || undefined }), problems);
  const letters = readAll(loaded.rows.letters, "letters", letterFromItem, problems);
  const identities: IdentityEntry[] = readAll(loaded.rows.identities, "identities", identityFromItem, problems).map(({ value: i }) => ({ kind: i.kind, value: i.value }));
  const keys: LegacyImport["keys"] = [];

  const byTime = [...cases].sort((a, b) => (a.value.decidedAt ?? a.value.referredAt).localeCompare(b.value.decidedAt ?? b.value.referredAt));
  const open = byTime.find((k) => k.value.stage === "Referred");
  const latest = open ?? byTime.at(-1);
  const decided = byTime.filter((k) => k.value.stage === "Decided" && k.value.outcome && k.value.decidedAt);
  const decisions: DecisionRecord[] = decided.map(({ value: k }) => ({ outcome: k.outcome!, at: k.decidedAt!, by: k.decidedBy ?? "", participants: k.participants.length ? k.participants : [k.decidedBy ?? ""], reasons: k.reasons ?? "" }));
  decided.forEach(({ row }, i) => keys.push({ list: "cases", id: row.id, key: rowKey(id, `dec:1:${i}`) }));
  if (open && customer.status === "Referred") keys.push({ list: "cases", id: open.row.id, key: rowKey(id, "ref:1") });
  // Withdrawn referrals are history the case file does not hold: kept as they are, under a key of their own.
  for (const { row, value } of cases) if (!keys.some((k) => k.id === row.id) && value.stage !== "Decided") keys.push({ list: "cases", id: row.id, key: rowKey(id, `legacy:${row.id}`) });

  const monitorDecision = [...decisions].reverse().find((d) => d.outcome === "Monitor" || d.outcome === "Extend");
  const lastMonitorEnd = [...reviews].map((r) => r.value).filter((r) => r.kind === "MonitoringEnd").sort((a, b) => a.openedAt.localeCompare(b.openedAt)).at(-1);
  const terms: RestrictionTerm[] = restrictions.map(({ row, value: r }, i) => {
    keys.push({ list: "restrictions", id: row.id, key: rowKey(id, `res:${i}`) });
    return { kind: r.kind, params: r.params, startsAt: r.startsAt, endsAt: r.endsAt ?? null, state: r.state };
  });
  const reviewRecords: ReviewRecord[] = reviews.map(({ row, value: r }, i) => {
    keys.push({ list: "reviews", id: row.id, key: rowKey(id, `rev:${i}`) });
    // An open review's Reviewer is who is to do it; a decided one's, who did.
    const open = !r.outcome;
    return { kind: r.kind, openedAt: r.openedAt, dueBy: r.dueBy, outcome: r.outcome ?? null, by: open ? null : (r.reviewer ?? null), decidedAt: r.decidedAt ?? null, reasons: r.reasons ?? null, ...(r.receivedAt ? { receivedAt: r.receivedAt } : {}), ...(open && r.reviewer ? { assignedTo: r.reviewer } : {}) };
  });
  // A warning was kept as a letter of kind Warning; the log holds warnings and letters apart.
  const warningRows = letters.filter(({ value: l }) => l.kind === "Warning" && !l.withheldReason);
  const letterRows = letters.filter((l) => !warningRows.includes(l));
  warningRows.forEach(({ row }, i) => keys.push({ list: "letters", id: row.id, key: rowKey(id, `warn:${i}`) }));
  letterRows.forEach(({ row }, i) => keys.push({ list: "letters", id: row.id, key: rowKey(id, `let:${i}`) }));

  const file: CaseFile = {
    ...newCaseFile(customer.policyId, customer.status),
    statusBeforeReferral: open?.value.priorStatus ?? null,
    warnings: warningRows.map(({ value: l }) => ({ level: l.channel === "Letter" || l.channel === "Email" ? "Formal" : "Informal", at: l.sentAt ?? "", by: "", note: l.body || l.title })),
    localResolution: (latest?.value.localResolution ?? []).map((s) => ({ step: s.step, at: s.at, by: "", note: s.note, confirmedInWriting: true })),
    referral: latest ? { at: latest.value.referredAt, by: latest.value.referredBy, behaviours: latest.value.behaviours, ...(latest.value.otherBehaviour ? { otherBehaviour: latest.value.otherBehaviour } : {}), serviceArea: latest.value.serviceArea, summary: latest.value.summary, evidenceContactIds: latest.value.evidenceContactIds } : null,
    preChecks: latest?.value.preChecks ?? {},
    vulnerabilityConsidered: latest?.value.vulnerabilityConsidered ?? false,
    warningException: latest?.value.warningException ?? null,
    decisions,
    // A period with no decision row to say when it began is taken as known only by its end.
    monitoring:
      customer.monitoringEnds && (monitorDecision || customer.status === "Monitoring")
        ? { startsAt: monitorDecision?.at ?? customer.monitoringEnds, endsAt: customer.monitoringEnds, outcome: lastMonitorEnd?.outcome === "Ended" ? "Acceptable" : lastMonitorEnd?.outcome === "Upheld" ? "Unacceptable" : null }
        : null,
    restrictions: terms,
    reviewDue: customer.reviewDue ?? null,
    reviews: reviewRecords,
    lettersOwed: str(f, "LettersOwed").split(",").map((s) => s.trim()).filter(Boolean) as LetterKind[],
    letters: letterRows.map(({ value: l }) => ({ kind: l.kind, at: l.sentAt ?? "", by: "", elements: l.elements, withheldReason: l.withheldReason })),
    extensionCommentInvitedAt: str(f, "ExtensionInvitedAt") || null,
    closedAt: str(f, "ClosedAt") || null,
    retainUntil: customer.retainUntil ?? null,
  };
  return { event: { type: "Imported", customer: detailsOf(customer), identities, file, source: "the register as it stood before the case log" }, keys, problems };
}
