// The Teams tab's lists: the referral queue and the review and appeal calendar, each with its customers, in one $batch.
import { behaviourWords } from "../../shared/presets/other-behaviour";
import type { Case, Customer, Review } from "../../shared/domain/records";
import { getPreset } from "../../shared/presets/registry";
import { DataError } from "../client/errors";
import { ensureOk, type BatchResponse } from "../client/factory";
import { eq, odataDate } from "../client/odata";
import { caseFromItem } from "../repos/cases";
import { readCustomer } from "../repos/customers";
import { readRows } from "../repos/problems";
import { itemsPath, queryUrl, type ListItem, type Site } from "../repos/items";
import { reviewFromItem } from "../repos/reviews";
import { allRows } from "./load";

const DAY = 86_400_000;

export interface QueueEntry {
  caseId: string;
  customerId: string;
  caseRef: string;
  customerName: string;
  policyId: string;
  organisation: string;
  serviceArea: string;
  behaviours: { id: string; label: string }[];
  evidenceCount: number;
  referredAt: string;
  referredBy: string;
  ageDays: number;
  summary: string;
}

/** Customers not already read in the batch, fetched by id twenty at a time. */
async function customersById(site: Site, have: Map<string, Customer>, ids: string[]): Promise<Map<string, Customer>> {
  const missing = [...new Set(ids)].filter((id) => id && !have.has(id));
  for (let i = 0; i < missing.length; i += 20) {
    const res = await site.graph.batch(missing.slice(i, i + 20).map((id, n) => ({ id: String(n), method: "GET" as const, url: `${itemsPath(site, "customers")}/${id}?$expand=fields` })));
    res.forEach((r, n) => {
      if (r.status === 200) have.set(missing[i + n], readCustomer(ensureOk<ListItem>(r)));
    });
  }
  return have;
}

/**
 * The rows of a read of customers by status, or none when more customers hold that status than SharePoint's list view
 * threshold lets one query read: the customers the queue or calendar names are then fetched by id instead.
 */
async function rowsUnlessTooBroad(site: Site, res: BatchResponse): Promise<ListItem[]> {
  try {
    return await allRows(site, res);
  } catch (e) {
    if (e instanceof DataError && e.kind === "TooBroad") return [];
    throw e;
  }
}

function byId(items: ListItem[]): Map<string, Customer> {
  return new Map(items.map((i) => [String(i.id), readCustomer(i)]));
}

export function queueEntry(k: Case & { id: string }, c: Customer | undefined, now: Date): QueueEntry {
  const preset = c ? getPreset(c.policyId) : undefined;
  const label = (id: string) => behaviourWords(id, preset?.behaviours.items, k.otherBehaviour);
  return {
    caseId: k.id,
    customerId: k.customerId,
    caseRef: c?.caseRef ?? "",
    customerName: c?.name ?? "(customer record not found)",
    policyId: c?.policyId ?? "",
    organisation: preset?.organisation ?? "",
    serviceArea: k.serviceArea,
    behaviours: k.behaviours.map((id) => ({ id, label: label(id) })),
    evidenceCount: k.evidenceContactIds.length,
    referredAt: k.referredAt,
    referredBy: k.referredBy,
    ageDays: Math.max(0, Math.floor((now.getTime() - Date.parse(k.referredAt)) / DAY)),
    summary: k.summary,
  };
}

/**
 * Open referrals, oldest first, with their customers: the queue (Stage, ReferredAt) and the referred customers
 * (Status) are both indexed reads, sent together as one request.
 */
export async function loadQueue(site: Site, now = new Date()): Promise<QueueEntry[]> {
  const [cases, customers] = await site.graph.batch([
    { id: "queue", method: "GET", url: queryUrl(site, "cases", { filter: eq("Stage", "Referred"), orderby: "fields/ReferredAt asc", top: 500 }) },
    { id: "customers", method: "GET", url: queryUrl(site, "customers", { filter: eq("Status", "Referred"), top: 999 }) },
  ]);
  // A referral row that does not read (no customer, say) is left out; the case service lists it for an administrator.
  const queue = readRows("cases", await allRows(site, cases), caseFromItem);
  const people = await customersById(site, byId(await rowsUnlessTooBroad(site, customers)), queue.map((k) => k.customerId));
  return queue.map((k) => queueEntry(k, people.get(k.customerId), now));
}

export interface CalendarEntry {
  reviewId: string;
  kind: Review["kind"];
  customerId: string;
  caseRef: string;
  customerName: string;
  policyId: string;
  openedAt: string;
  dueBy: string;
  reviewer: string | null;
  overdue: boolean;
  /** Negative when overdue. */
  daysLeft: number;
}

/**
 * What is due by `horizon`, overdue first: scheduled reviews, ends of monitoring and appeals, with their customers
 * (restricted and monitored customers are read by the indexed Status in the same batch).
 */
export async function loadCalendar(site: Site, now = new Date(), horizon = new Date(now.getTime() + 92 * DAY)): Promise<CalendarEntry[]> {
  const [reviews, restricted, monitored] = await site.graph.batch([
    { id: "reviews", method: "GET", url: queryUrl(site, "reviews", { filter: `${eq("State", "Open")} and fields/DueBy le ${odataDate(horizon)}`, orderby: "fields/DueBy asc", top: 500 }) },
    { id: "restricted", method: "GET", url: queryUrl(site, "customers", { filter: eq("Status", "Restricted"), top: 999 }) },
    { id: "monitored", method: "GET", url: queryUrl(site, "customers", { filter: eq("Status", "Monitoring"), top: 999 }) },
  ]);
  const due = readRows("reviews", await allRows(site, reviews), reviewFromItem);
  const have = byId([...(await rowsUnlessTooBroad(site, restricted)), ...(await rowsUnlessTooBroad(site, monitored))]);
  const people = await customersById(site, have, due.map((r) => r.customerId));
  return due.map((r) => {
    const c = people.get(r.customerId);
    const left = Math.floor((Date.parse(r.dueBy) - now.getTime()) / DAY);
    return {
      reviewId: r.id,
      kind: r.kind,
      customerId: r.customerId,
      caseRef: c?.caseRef ?? "",
      customerName: c?.name ?? "(customer record not found)",
      policyId: c?.policyId ?? "",
      openedAt: r.openedAt,
      dueBy: r.dueBy,
      reviewer: r.reviewer ?? null,
      overdue: Date.parse(r.dueBy) < now.getTime(),
      daysLeft: left,
    };
  });
}
