// Reads everything the workflow needs about one customer from the lists, in one $batch, as a CaseFile.
import type { Case, Customer, Restriction, Review } from "../../shared/domain/records";
import type { CustomerStatus, LetterKind } from "../../shared/domain/vocab";
import { newCaseFile, type CaseFile } from "../../shared/workflow";
import type { DecisionRecord, ReviewRecord, RestrictionTerm } from "../../shared/workflow/state";
import { ensureOk } from "../client/factory";
import { eq } from "../client/odata";
import { caseFromItem } from "../repos/cases";
import { customerFromItem } from "../repos/customers";
import { json, str, type Fields } from "../repos/fields";
import { itemsPath, queryUrl, type ListItem, type Site } from "../repos/items";
import { letterFromItem, type LetterRow } from "../repos/letters";
import { restrictionFromItem } from "../repos/restrictions";
import { reviewFromItem } from "../repos/reviews";

/** The case file and the rows it was read from, so a save can write back only what changed. */
export interface LoadedCase {
  file: CaseFile;
  customer: Customer;
  cases: (Case & { id: string; priorStatus: CustomerStatus | null; participants: string[] })[];
  restrictions: (Restriction & { id: string })[];
  reviews: (Review & { id: string; receivedAt?: string })[];
  letters: LetterRow[];
}

export async function loadCaseFile(site: Site, customerId: string): Promise<LoadedCase> {
  const id = Number(customerId);
  const byCustomer = (list: "cases" | "restrictions" | "reviews" | "letters") => queryUrl(site, list, { filter: eq("CustomerLookupId", id), top: 999 });
  const [c, cs, rs, rv, ls] = await site.graph.batch([
    { id: "customer", method: "GET", url: `${itemsPath(site, "customers")}/${id}?$expand=fields` },
    { id: "cases", method: "GET", url: byCustomer("cases") },
    { id: "restrictions", method: "GET", url: byCustomer("restrictions") },
    { id: "reviews", method: "GET", url: byCustomer("reviews") },
    { id: "letters", method: "GET", url: byCustomer("letters") },
  ]);
  const customerItem = ensureOk<ListItem>(c);
  const customer = customerFromItem(customerItem);
  const cases = ensureOk<{ value: ListItem[] }>(cs).value.map((item) => ({
    ...caseFromItem(item),
    priorStatus: (str(item.fields as Fields, "PriorStatus") || null) as CustomerStatus | null,
    participants: json<string[]>(item.fields as Fields, "Participants", []),
    warningException: json<{ id: string; reason: string } | null>(item.fields as Fields, "WarningException", null),
  }));
  const restrictions = ensureOk<{ value: ListItem[] }>(rs).value.map(restrictionFromItem);
  const reviews = ensureOk<{ value: ListItem[] }>(rv).value.map((item) => ({ ...reviewFromItem(item), receivedAt: str(item.fields as Fields, "ReceivedAt") || undefined }));
  const letters = ensureOk<{ value: ListItem[] }>(ls).value.map(letterFromItem);
  const f = customerItem.fields as Fields;
  return { file: toCaseFile(customer, f, cases, restrictions, reviews, letters), customer, cases, restrictions, reviews, letters };
}

function toCaseFile(
  customer: Customer,
  f: Fields,
  cases: LoadedCase["cases"] & { warningException: { id: string; reason: string } | null }[],
  restrictions: LoadedCase["restrictions"],
  reviews: LoadedCase["reviews"],
  letters: LetterRow[],
): CaseFile {
  const byTime = [...cases].sort((a, b) => (a.decidedAt ?? a.referredAt).localeCompare(b.decidedAt ?? b.referredAt));
  const open = byTime.find((k) => k.stage === "Referred");
  const latest = open ?? byTime.at(-1);
  const decisions: DecisionRecord[] = byTime
    .filter((k) => k.stage === "Decided" && k.outcome && k.decidedAt)
    .map((k) => ({ outcome: k.outcome!, at: k.decidedAt!, by: k.decidedBy ?? "", participants: k.participants.length ? k.participants : [k.decidedBy ?? ""], reasons: k.reasons ?? "" }));
  const monitorDecision = [...decisions].reverse().find((d) => d.outcome === "Monitor" || d.outcome === "Extend");
  const lastMonitorEnd = [...reviews].filter((r) => r.kind === "MonitoringEnd").sort((a, b) => a.openedAt.localeCompare(b.openedAt)).at(-1);
  const monitoringEnds = customer.monitoringEnds ?? null;
  const terms: RestrictionTerm[] = restrictions.map((r) => ({ kind: r.kind, params: r.params, startsAt: r.startsAt, endsAt: r.endsAt ?? null, state: r.state }));
  const reviewRecords: ReviewRecord[] = reviews.map((r) => ({
    kind: r.kind,
    openedAt: r.openedAt,
    dueBy: r.dueBy,
    outcome: r.outcome ?? null,
    by: r.reviewer ?? null,
    decidedAt: r.decidedAt ?? null,
    reasons: r.reasons ?? null,
    ...(r.receivedAt ? { receivedAt: r.receivedAt } : {}),
  }));
  return {
    ...newCaseFile(customer.policyId, customer.status),
    statusBeforeReferral: open?.priorStatus ?? null,
    warnings: letters.filter((l) => l.kind === "Warning" && !l.withheldReason).map((l) => ({ level: l.channel === "Letter" || l.channel === "Email" ? "Formal" : "Informal", at: l.sentAt ?? "", by: "", note: l.title })),
    localResolution: (latest?.localResolution ?? []).map((s) => ({ step: s.step, at: s.at, by: "", note: s.note, confirmedInWriting: true })),
    referral: latest ? { at: latest.referredAt, by: latest.referredBy, behaviours: latest.behaviours, serviceArea: latest.serviceArea, summary: latest.summary, evidenceContactIds: latest.evidenceContactIds } : null,
    preChecks: latest?.preChecks ?? {},
    vulnerabilityConsidered: latest?.vulnerabilityConsidered ?? false,
    warningException: (latest as { warningException?: { id: string; reason: string } | null } | undefined)?.warningException ?? null,
    decisions,
    monitoring:
      monitorDecision && monitoringEnds
        ? { startsAt: monitorDecision.at, endsAt: monitoringEnds, outcome: lastMonitorEnd?.outcome === "Ended" ? "Acceptable" : lastMonitorEnd?.outcome === "Upheld" ? "Unacceptable" : null }
        : null,
    restrictions: terms,
    reviewDue: customer.reviewDue ?? null,
    reviews: reviewRecords,
    lettersOwed: str(f, "LettersOwed").split(",").map((s) => s.trim()).filter(Boolean) as LetterKind[],
    letters: letters.map((l) => ({ kind: l.kind, at: l.sentAt ?? "", by: "", elements: l.elements, withheldReason: l.withheldReason })),
    extensionCommentInvitedAt: str(f, "ExtensionInvitedAt") || null,
    closedAt: str(f, "ClosedAt") || null,
    retainUntil: customer.retainUntil ?? null,
  };
}
