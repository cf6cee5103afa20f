// What importing the register would change on the site, worked out by reading only: which rows are customers already
// on record (by case reference, else by an address), what each still lacks, and what conflicts with the record.
import { describeRestriction } from "../../shared/restrictions";
import type { Customer, Restriction } from "../../shared/domain/records";
import { formatLondonDate } from "../../shared/time/london";
import type { RestrictionParams } from "../../shared/domain/restriction-params";
import { ensureOk, type BatchRequest } from "../client/factory";
import { eq } from "../client/odata";
import { customerFromItem } from "../repos/customers";
import type { Fields } from "../repos/fields";
import { identityFromItem, type IdentityRow } from "../repos/identities";
import { itemsPath, queryAll, queryUrl, type ListItem, type Site } from "../repos/items";
import { restrictionFromItem } from "../repos/restrictions";
import { reviewFromItem } from "../repos/reviews";
import type { Problem, RegisterIdentity, RegisterRow } from "./rows";

export interface RowPlan {
  source: RegisterRow;
  /** The customer already on record, when the row matches one. */
  existing?: Customer;
  identities: RegisterIdentity[];
  restrictions: RestrictionParams[];
  reviews: RegisterRow["reviews"];
  /** Where the sheet and the record differ (the record is kept). */
  differences: string[];
}

export interface ImportPlan {
  rows: RowPlan[];
  problems: Problem[];
}

const sameParams = (a: RestrictionParams, b: RestrictionParams) => JSON.stringify(sortKeys(a)) === JSON.stringify(sortKeys(b));
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys);
  if (v && typeof v === "object") return Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)).map(([k, x]) => [k, sortKeys(x)]));
  return v;
}
const day = (iso: string) => iso.slice(0, 10);

/** Runs GETs twenty at a time in $batch and returns each response's body. */
async function getMany<T>(site: Site, urls: string[]): Promise<T[]> {
  const out: T[] = [];
  for (let i = 0; i < urls.length; i += 20) {
    const chunk: BatchRequest[] = urls.slice(i, i + 20).map((url, n) => ({ id: String(n), method: "GET", url }));
    const responses = await site.graph.batch(chunk);
    for (const r of responses) out.push(ensureOk<T>(r));
  }
  return out;
}

export async function planImport(site: Site, rows: RegisterRow[]): Promise<ImportPlan> {
  const problems: Problem[] = [];
  // One request per case reference and per address, over indexed columns (CaseRef, Title), in batches.
  const refs = rows.map((r) => r.customer.caseRef).filter((r): r is string => !!r);
  const values = rows.flatMap((r) => r.identities.map((i) => i.value));
  const found = (await getMany<{ value: ListItem[] }>(site, [
    ...refs.map((ref) => queryUrl(site, "customers", { filter: eq("CaseRef", ref), top: 1 })),
    ...values.map((v) => queryUrl(site, "identities", { filter: eq("Title", v), top: 1 })),
  ])).map((page) => page.value);
  const byRef = new Map<string, Customer>();
  refs.forEach((ref, i) => {
    const item = found[i][0];
    if (item) byRef.set(ref, customerFromItem(item));
  });
  const byAddress = new Map<string, IdentityRow>();
  values.forEach((v, i) => {
    const item = found[refs.length + i][0];
    if (item) byAddress.set(v, identityFromItem(item));
  });

  // Customers matched only through an address are read too (their case reference and name go in messages).
  const customerIds = new Set<string>();
  for (const r of rows) if (!r.customer.caseRef || !byRef.has(r.customer.caseRef)) for (const i of r.identities) if (byAddress.has(i.value)) customerIds.add(byAddress.get(i.value)!.customerId);
  const byId = new Map<string, Customer>([...byRef.values()].map((c) => [c.id!, c]));
  const missingIds = [...customerIds].filter((id) => !byId.has(id));
  if (missingIds.length) {
    const items = await getMany<ListItem>(site, missingIds.map((id) => `${itemsPath(site, "customers")}/${encodeURIComponent(id)}?$expand=fields`));
    for (const item of items) byId.set(String(item.id), customerFromItem(item));
  }
  const label = (id: string) => {
    const c = byId.get(id);
    return c ? `${c.caseRef} (${c.name})` : `customer ${id}`;
  };

  const plans: RowPlan[] = [];
  for (const r of rows) {
    const rowProblems: Problem[] = [];
    const claimed = r.customer.caseRef;
    const byCaseRef = claimed ? byRef.get(claimed) : undefined;
    const owners = new Set(r.identities.map((i) => byAddress.get(i.value)?.customerId).filter((id): id is string => !!id));
    const sameName = (c: Customer) => c.name.trim().toLowerCase() === r.customer.name.trim().toLowerCase();
    let existing = byCaseRef;
    if (byCaseRef) {
      // The row names its case: every address on record must be that customer's.
      for (const i of r.identities) {
        const owner = byAddress.get(i.value)?.customerId;
        if (owner && owner !== byCaseRef.id) rowProblems.push({ row: r.row, column: i.column, message: `${i.value} is already recorded against ${label(owner)}, not ${byCaseRef.caseRef}.` });
      }
    } else if (claimed) {
      // A case reference the site does not have yet is a new customer: none of its addresses may be on record.
      for (const i of r.identities) {
        const owner = byAddress.get(i.value)?.customerId;
        if (owner) rowProblems.push({ row: r.row, column: i.column, message: `${i.value} is already recorded against ${label(owner)}, not ${claimed}.` });
      }
    } else if (owners.size > 1) {
      rowProblems.push({ row: r.row, column: null, message: `the row's addresses belong to different customers on record (${[...owners].map(label).join(", ")}).` });
    } else if (owners.size === 1) {
      // Matched by an address alone: only when the name agrees, so that one shared address cannot merge two people.
      const owner = [...owners][0];
      const c = byId.get(owner);
      if (c && sameName(c)) existing = c;
      else {
        const i = r.identities.find((x) => byAddress.get(x.value)?.customerId === owner)!;
        rowProblems.push({ row: r.row, column: i.column, message: `${i.value} is already recorded against ${label(owner)}; if this row is that customer, give it that case reference (or the same name).` });
      }
    }
    if (rowProblems.length) {
      problems.push(...rowProblems);
      continue;
    }
    if (!existing) {
      plans.push({ source: r, identities: r.identities, restrictions: r.restrictions, reviews: r.reviews, differences: [] });
      continue;
    }
    // Already on record: only what is missing is added; the record's own details are kept.
    const [restrictionItems, reviewItems] = await Promise.all([
      queryAll<Fields>(site, "restrictions", { filter: `${eq("CustomerLookupId", Number(existing.id))} and ${eq("State", "Active")}` }),
      queryAll<Fields>(site, "reviews", { filter: eq("CustomerLookupId", Number(existing.id)) }),
    ]);
    const haveRestrictions = restrictionItems.map(restrictionFromItem);
    const haveReviews = reviewItems.map(reviewFromItem);
    const differences: string[] = [];
    if (existing.status !== r.customer.status) differences.push(`Status (${existing.status} on record)`);
    if (existing.name !== r.customer.name) differences.push(`Name (${existing.name} on record)`);
    plans.push({
      source: r,
      existing,
      identities: r.identities.filter((i) => !byAddress.has(i.value)),
      restrictions: r.restrictions.filter((p) => !haveRestrictions.some((h) => sameParams(h.params, p))),
      reviews: r.reviews.filter((rv) => !haveReviews.some((h) => h.kind === rv.kind && day(h.dueBy) === day(rv.dueBy))),
      differences,
    });
  }
  return { rows: plans, problems };
}

/** The restriction as it will be stored (its title needs the dates: "No contact until 1 December 2027"). */
export function restrictionFor(r: RegisterRow, params: RestrictionParams, customerId: string): Restriction {
  return {
    title: "",
    customerId,
    caseId: null,
    kind: params.kind,
    params,
    startsAt: r.restrictionsFrom,
    endsAt: r.restrictionsUntil,
    reviewDue: r.customer.reviewDue ?? null,
    state: "Active",
  };
}

/** The changes a row plan stands for, in words (for --dry-run and the summary). */
export function describeRowPlan(p: RowPlan): string[] {
  const c = p.source.customer;
  const who = p.existing ? `${p.existing.caseRef} ${p.existing.name}` : c.caseRef ? `${c.caseRef} ${c.name}` : c.name;
  const out: string[] = [];
  if (!p.existing) out.push(`Row ${p.source.row}: add ${who}${c.caseRef ? "" : " with the next free case reference"} (${c.status}, ${c.policyId})`);
  for (const i of p.identities) out.push(`Row ${p.source.row}: record ${i.value} for ${who}`);
  for (const r of p.restrictions) out.push(`Row ${p.source.row}: restrict ${who}: ${describeRestriction(restrictionFor(p.source, r, p.existing?.id ?? "0"))}`);
  for (const r of p.reviews) out.push(`Row ${p.source.row}: ${r.kind === "ScheduledReview" ? "review" : "end of monitoring"} for ${who} due ${formatLondonDate(new Date(r.dueBy))}`);
  return out;
}

/** True when the plan would write nothing. */
export function planIsEmpty(plan: ImportPlan): boolean {
  return plan.rows.every((p) => p.existing && !p.identities.length && !p.restrictions.length && !p.reviews.length);
}

