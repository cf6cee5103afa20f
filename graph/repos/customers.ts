// UpcCustomers and the identities that carry their status: create, read, find by name, change status everywhere at once.
import { customerSchema, type Customer } from "../../shared/domain/records";
import { ALLOWED_CHANNELS, CUSTOMER_KINDS, CUSTOMER_STATUSES, type CustomerStatus } from "../../shared/domain/vocab";
import { problemOf, type RowProblem } from "./problems";
import { DataError } from "../client/errors";
import { ensureOk } from "../client/batch";
import { eq } from "../client/odata";
import { nextCaseRef } from "./case-refs";
import { compact, date, list, str, strOrNull, type Fields } from "./fields";
import { createItem, getItem, itemsPath, persistently, queryAll, queryPage, type ListItem, type Site } from "./items";

export function customerFromItem(item: ListItem): Customer {
  const f = item.fields as Fields;
  return customerSchema.parse({
    id: String(item.id),
    name: str(f, "Title"),
    caseRef: str(f, "CaseRef"),
    kind: str(f, "Kind") || "Individual",
    status: str(f, "Status") || "Observed",
    policyId: str(f, "PolicyId"),
    serviceAreas: str(f, "ServiceAreas"),
    spocUpn: strOrNull(f, "SpocUpn"),
    spocName: strOrNull(f, "SpocName"),
    spocDeputyUpn: strOrNull(f, "SpocDeputyUpn"),
    allowedChannels: list(f, "AllowedChannels"),
    staffGuidance: str(f, "StaffGuidance"),
    adjustments: str(f, "Adjustments"),
    monitoringEnds: date(f, "MonitoringEnds"),
    reviewDue: date(f, "ReviewDue"),
    retainUntil: date(f, "RetainUntil"),
    etag: item.eTag,
  });
}

/**
 * A customer row as best it reads: checked against the schema, and where a value is not as it should be (a case
 * reference typed by hand, a status misspelt) the row is still used, with that value left at its plain default, and
 * the problem added to `problems`.
 */
export function readCustomer(item: ListItem, problems: RowProblem[] = []): Customer & { id: string } {
  try {
    return customerFromItem(item) as Customer & { id: string };
  } catch (e) {
    problems.push(problemOf("customers", item, e));
    const f = item.fields as Fields;
    const pick = <T extends string>(v: string, allowed: readonly T[], fallback: T): T => ((allowed as readonly string[]).includes(v) ? (v as T) : fallback);
    return {
      id: String(item.id),
      name: str(f, "Title") || "(no name)",
      caseRef: str(f, "CaseRef"),
      kind: pick(str(f, "Kind"), CUSTOMER_KINDS, "Individual"),
      status: pick(str(f, "Status"), CUSTOMER_STATUSES, "Observed"),
      policyId: str(f, "PolicyId"),
      serviceAreas: str(f, "ServiceAreas"),
      spocUpn: strOrNull(f, "SpocUpn")?.toLowerCase() ?? null,
      spocName: strOrNull(f, "SpocName"),
      spocDeputyUpn: strOrNull(f, "SpocDeputyUpn")?.toLowerCase() ?? null,
      allowedChannels: list(f, "AllowedChannels").filter((c): c is Customer["allowedChannels"][number] => (ALLOWED_CHANNELS as readonly string[]).includes(c)),
      staffGuidance: str(f, "StaffGuidance"),
      adjustments: str(f, "Adjustments"),
      monitoringEnds: safeDate(f, "MonitoringEnds"),
      reviewDue: safeDate(f, "ReviewDue"),
      retainUntil: safeDate(f, "RetainUntil"),
      etag: item.eTag,
    };
  }
}

function safeDate(f: Fields, k: string): string | null {
  const v = strOrNull(f, k);
  return v && !Number.isNaN(Date.parse(v)) ? new Date(v).toISOString() : null;
}

export function customerToFields(c: Partial<Customer>): Fields {
  return compact({
    Title: c.name,
    CaseRef: c.caseRef,
    Kind: c.kind,
    Status: c.status,
    PolicyId: c.policyId,
    ServiceAreas: c.serviceAreas,
    SpocUpn: c.spocUpn,
    SpocName: c.spocName,
    SpocDeputyUpn: c.spocDeputyUpn,
    AllowedChannels: c.allowedChannels,
    StaffGuidance: c.staffGuidance,
    Adjustments: c.adjustments,
    MonitoringEnds: c.monitoringEnds,
    ReviewDue: c.reviewDue,
    RetainUntil: c.retainUntil,
  });
}

export async function getCustomer(site: Site, id: string): Promise<Customer> {
  return customerFromItem(await getItem(site, "customers", id));
}

/** Customers whose name is exactly this (Title is indexed): the "possible match" check for an unknown address. */
export async function findCustomersByName(site: Site, name: string): Promise<Customer[]> {
  return (await queryPage(site, "customers", { filter: eq("Title", name.trim()), top: 10 })).map((i) => readCustomer(i));
}

export { caseRefFor } from "./case-refs";

/** Creates a customer with a fresh case reference; two officers starting a log at once each get their own. */
export async function createCustomer(site: Site, input: Omit<Customer, "caseRef" | "id" | "etag"> & { caseRef?: string }): Promise<Customer> {
  for (let attempt = 0; attempt < 5; attempt++) {
    const caseRef = input.caseRef ?? (await nextCaseRef(site));
    const candidate = customerSchema.parse({ ...input, caseRef });
    try {
      return customerFromItem(await persistently(() => createItem(site, "customers", customerToFields(candidate))));
    } catch (e) {
      if (!(e instanceof DataError && e.kind === "Duplicate") || input.caseRef) throw e;
    }
  }
  throw new DataError("Conflict", "Could not allocate a case reference; please try again.");
}

/**
 * Changes a customer's status (and other fields) guarded by the ETag, then carries the status to every identity so
 * that sender lookups and the flagging rules see it. The identities follow in one $batch.
 */
export async function updateCustomer(site: Site, id: string, changes: Partial<Customer>, eTag: string | undefined): Promise<Customer> {
  await site.graph.patch(`${itemsPath(site, "customers")}/${encodeURIComponent(id)}/fields`, customerToFields(changes), eTag ? { "If-Match": eTag } : undefined);
  const updated = await getCustomer(site, id);
  if (changes.status !== undefined || changes.name !== undefined) await syncIdentities(site, updated);
  return updated;
}

export async function syncIdentities(site: Site, customer: Customer): Promise<void> {
  const identities = await queryAll<Fields>(site, "identities", { filter: eq("CustomerLookupId", Number(customer.id)), select: ["CustomerStatus", "CustomerName", "CaseRef"] });
  const stale = identities.filter((i) => i.fields.CustomerStatus !== customer.status || i.fields.CustomerName !== customer.name || i.fields.CaseRef !== customer.caseRef);
  for (let i = 0; i < stale.length; i += 20) {
    const chunk = stale.slice(i, i + 20);
    const res = await site.graph.batch(
      chunk.map((it, n) => ({ id: String(n), method: "PATCH", url: `${itemsPath(site, "identities")}/${it.id}/fields`, body: { CustomerStatus: customer.status, CustomerName: customer.name, CaseRef: customer.caseRef } })),
    );
    res.forEach((r) => ensureOk(r));
  }
}

export async function setStatus(site: Site, customer: Customer, status: CustomerStatus): Promise<Customer> {
  return updateCustomer(site, customer.id!, { status }, customer.etag);
}
