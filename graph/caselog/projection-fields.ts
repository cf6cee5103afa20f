// The rows a projection stands for, as SharePoint fields: the one place that says which column holds what.
import type { CaseProjection, CustomerProjection, LetterProjection, OutboxProjection, RestrictionProjection, ReviewProjection } from "../../shared/register";
import type { IdentityEntry } from "../../shared/register";
import type { ListKey } from "../schema/lists";
import type { Fields } from "../repos/fields";

const cut = (s: string | null | undefined, n = 255) => (s == null ? null : s.slice(0, n));
const json = (v: unknown) => JSON.stringify(v);

/** Columns whose text holds JSON: compared by meaning, not by spacing or key order. */
export const JSON_COLUMNS = new Set(["Params", "LocalResolution", "PreChecks", "Evidence", "Participants", "WarningException", "Elements"]);

export function customerFields(c: CustomerProjection): Fields {
  return {
    Title: cut(c.name),
    CaseRef: c.caseRef,
    Kind: c.kind,
    Status: c.status,
    PolicyId: c.policyId,
    ServiceAreas: cut(c.serviceAreas),
    SpocUpn: c.spocUpn,
    SpocName: cut(c.spocName),
    SpocDeputyUpn: c.spocDeputyUpn,
    AllowedChannels: c.allowedChannels,
    StaffGuidance: c.staffGuidance,
    Adjustments: c.adjustments,
    MonitoringEnds: c.monitoringEnds,
    ReviewDue: c.reviewDue,
    RetainUntil: c.retainUntil,
    LettersOwed: cut(c.lettersOwed.join(",")),
    ExtensionInvitedAt: c.extensionInvitedAt,
    ClosedAt: c.closedAt,
    ProjectedSeq: c.seq,
  };
}

/** Every column a customer row's projection writes (what a drift check must read). */
export const CUSTOMER_COLUMNS: readonly string[] = Object.keys(customerFields({ lettersOwed: [] } as unknown as CustomerProjection));

export function identityFields(i: IdentityEntry, c: CustomerProjection, customerId: string): Fields {
  return { Title: i.value, Kind: i.kind, CustomerLookupId: Number(customerId), CustomerStatus: c.status, CustomerName: cut(c.name), CaseRef: c.caseRef };
}

export function caseFields(k: CaseProjection, customerId: string, key: string): Fields {
  return {
    Title: cut(k.title),
    CustomerLookupId: Number(customerId),
    Stage: k.stage,
    Outcome: k.outcome,
    ReferredBy: cut(k.referredBy),
    ReferredAt: k.referredAt,
    ServiceArea: cut(k.serviceArea),
    Behaviours: k.behaviours,
    OtherBehaviour: k.otherBehaviour,
    Summary: k.summary,
    LocalResolution: json(k.localResolution),
    PreChecks: json(k.preChecks),
    VulnerabilityConsidered: k.vulnerabilityConsidered,
    Evidence: json(k.evidenceContactIds),
    DecidedBy: cut(k.decidedBy),
    DecidedAt: k.decidedAt,
    Reasons: k.reasons,
    Participants: json(k.participants),
    PriorStatus: k.priorStatus,
    WarningException: k.warningException ? json(k.warningException) : null,
    Key: key,
  };
}

export function restrictionFields(r: RestrictionProjection, customerId: string, key: string, caseId: string | null): Fields {
  return {
    Title: cut(r.title),
    CustomerLookupId: Number(customerId),
    CaseLookupId: caseId === null ? null : Number(caseId),
    Kind: r.kind,
    Params: json(r.params),
    StartsAt: r.startsAt,
    EndsAt: r.endsAt,
    ReviewDue: r.reviewDue,
    State: r.state,
    Key: key,
  };
}

export function reviewFields(r: ReviewProjection, customerId: string, key: string, caseId: string | null): Fields {
  return {
    Title: cut(r.title),
    CustomerLookupId: Number(customerId),
    CaseLookupId: caseId === null ? null : Number(caseId),
    Kind: r.kind,
    OpenedAt: r.openedAt,
    ReceivedAt: r.receivedAt,
    DueBy: r.dueBy,
    Reviewer: r.reviewer,
    Outcome: r.outcome,
    DecidedAt: r.decidedAt,
    Reasons: r.reasons,
    State: r.outcome ? "Decided" : "Open",
    Key: key,
  };
}

export function letterFields(l: LetterProjection, customerId: string, key: string, caseId: string | null): Fields {
  return {
    Title: cut(l.title),
    CustomerLookupId: Number(customerId),
    CaseLookupId: caseId === null ? null : Number(caseId),
    Kind: l.kind,
    SentAt: l.sentAt,
    Channel: l.channel,
    Body: l.body,
    Complete: l.complete,
    Elements: json(l.elements),
    WithheldReason: l.withheldReason,
    Key: key,
  };
}

export function outboxFields(o: OutboxProjection, customerId: string, key: string): Fields {
  return {
    Title: key,
    CustomerLookupId: Number(customerId),
    Kind: o.kind,
    Recipients: o.to.join("\n"),
    Subject: cut(o.subject),
    Body: o.text,
    State: "Owed",
    Attempts: 0,
  };
}

/** Keys are unique across a list, so each is prefixed with the customer's id. */
export function rowKey(customerId: string, key: string): string {
  return `${customerId}/${key}`;
}

export type ProjectedList = Extract<ListKey, "customers" | "identities" | "cases" | "restrictions" | "reviews" | "letters" | "outbox">;
