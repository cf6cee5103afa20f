// UpcCases: referrals and their decisions; the referral queue is read oldest first through indexed columns.
import { readRows } from "./problems";
import { caseSchema, type Case } from "../../shared/domain/records";
import { eq } from "../client/odata";
import { compact, bool, date, json, list, lookupId, str, strOrNull, type Fields } from "./fields";
import { createItem, getItem, persistently, queryAll, updateFields, type ListItem, type Site } from "./items";

export function caseFromItem(item: ListItem): Case & { id: string } {
  const f = item.fields as Fields;
  return caseSchema.parse({
    id: String(item.id),
    title: str(f, "Title"),
    customerId: lookupId(f, "Customer"),
    stage: str(f, "Stage") || "Referred",
    outcome: strOrNull(f, "Outcome"),
    referredBy: str(f, "ReferredBy"),
    referredAt: date(f, "ReferredAt") ?? new Date(0).toISOString(),
    serviceArea: str(f, "ServiceArea"),
    behaviours: list(f, "Behaviours"),
    otherBehaviour: str(f, "OtherBehaviour") || undefined,
    summary: str(f, "Summary"),
    localResolution: json(f, "LocalResolution", []),
    preChecks: json(f, "PreChecks", {}),
    vulnerabilityConsidered: bool(f, "VulnerabilityConsidered"),
    evidenceContactIds: json(f, "Evidence", []),
    decidedBy: strOrNull(f, "DecidedBy"),
    decidedAt: date(f, "DecidedAt"),
    reasons: strOrNull(f, "Reasons"),
    etag: item.eTag,
  }) as Case & { id: string };
}

export function caseToFields(c: Partial<Case>): Fields {
  return compact({
    Title: c.title?.slice(0, 255),
    CustomerLookupId: c.customerId === undefined ? undefined : Number(c.customerId),
    Stage: c.stage,
    Outcome: c.outcome,
    ReferredBy: c.referredBy,
    ReferredAt: c.referredAt,
    ServiceArea: c.serviceArea,
    Behaviours: c.behaviours,
    OtherBehaviour: c.otherBehaviour || undefined,
    Summary: c.summary,
    LocalResolution: c.localResolution === undefined ? undefined : JSON.stringify(c.localResolution),
    PreChecks: c.preChecks === undefined ? undefined : JSON.stringify(c.preChecks),
    VulnerabilityConsidered: c.vulnerabilityConsidered,
    Evidence: c.evidenceContactIds === undefined ? undefined : JSON.stringify(c.evidenceContactIds),
    DecidedBy: c.decidedBy,
    DecidedAt: c.decidedAt,
    Reasons: c.reasons,
  });
}

/** `extra` carries columns the domain type does not hold (PriorStatus, Participants), written in the same create. */
export async function createCase(site: Site, c: Case, extra: Fields = {}): Promise<Case & { id: string }> {
  const parsed = caseSchema.parse(c);
  return caseFromItem(await persistently(() => createItem(site, "cases", { ...caseToFields(parsed), ...extra })));
}

export async function getCase(site: Site, id: string): Promise<Case & { id: string }> {
  return caseFromItem(await getItem(site, "cases", id));
}

export async function updateCase(site: Site, id: string, changes: Partial<Case>, eTag: string | undefined): Promise<void> {
  await updateFields(site, "cases", id, caseToFields(changes), eTag);
}

/** Open referrals, oldest first (Stage and ReferredAt are indexed). */
export async function referralQueue(site: Site): Promise<(Case & { id: string })[]> {
  return (await queryAll(site, "cases", { filter: eq("Stage", "Referred"), orderby: "fields/ReferredAt asc", top: 500 })).flatMap((i) => readRows("cases", [i], caseFromItem));
}

export async function casesOf(site: Site, customerId: string): Promise<(Case & { id: string })[]> {
  return (await queryAll(site, "cases", { filter: eq("CustomerLookupId", Number(customerId)) })).flatMap((i) => readRows("cases", [i], caseFromItem));
}
