// The flagging service's own rows in UpcServiceState (per-mailbox subscription and delta link, the scheduler's lease,
// retention summaries), and the register as the scheduler reads and changes it. Every update is ETag-guarded, because
// several instances of the service may run at once.
import type { Customer } from "../../shared/domain/records";
import { DataError } from "../client/errors";
import { eq, odataDate, odataString } from "../client/odata";
import { readCustomer } from "./customers";
import { json, lookupId, str, strOrNull, date, type Fields } from "./fields";
import { createItem, itemsPath, persistently, queryAll, queryPage, type ListItem, type Site } from "./items";

// ---------------------------------------------------------------------------------------------------------------
// Per-mailbox state
// ---------------------------------------------------------------------------------------------------------------

const MAILBOX = "mailbox:";

export interface MailboxData {
  /** A hash of the clientState the subscription was made with, so a changed secret means a new subscription. */
  clientStateHash?: string;
  /** The newest receivedDateTime processed: where a new delta round starts if the stored link has expired. */
  lastReceived?: string;
}

export interface MailboxRow {
  id: string;
  etag: string;
  mailbox: string;
  subscriptionId: string | null;
  expiresAt: string | null;
  deltaLink: string | null;
  data: MailboxData;
}

function mailboxRow(item: ListItem): MailboxRow {
  const f = item.fields as Fields;
  return {
    id: String(item.id),
    etag: item.eTag ?? String(f["@odata.etag"] ?? ""),
    mailbox: str(f, "Mailbox"),
    subscriptionId: strOrNull(f, "SubscriptionId"),
    expiresAt: date(f, "ExpiresAt"),
    deltaLink: strOrNull(f, "DeltaLink"),
    data: json<MailboxData>(f, "Data", {}),
  };
}

/** Every mailbox row, by mailbox (lower case). */
export async function readMailboxRows(site: Site): Promise<Map<string, MailboxRow>> {
  const items = await queryAll(site, "serviceState", { filter: `startswith(fields/Title,${odataString(MAILBOX)})` });
  const out = new Map<string, MailboxRow>();
  for (const it of items) {
    const row = mailboxRow(it);
    const key = row.mailbox.toLowerCase();
    const seen = out.get(key);
    if (!seen || Number(row.id) < Number(seen.id)) out.set(key, row);
  }
  return out;
}

export async function getMailboxRow(site: Site, id: string): Promise<MailboxRow> {
  return mailboxRow(await site.graph.get<ListItem>(`${itemsPath(site, "serviceState")}/${encodeURIComponent(id)}?$expand=fields`));
}

/** The mailbox's row, created if missing; Title is unique, so two instances creating it at once end with one row. */
export async function ensureMailboxRow(site: Site, mailbox: string): Promise<MailboxRow> {
  const title = `${MAILBOX}${mailbox.toLowerCase()}`;
  try {
    return mailboxRow(await persistently(() => createItem(site, "serviceState", { Title: title, Mailbox: mailbox.toLowerCase(), Data: "{}" })));
  } catch (e) {
    if (!(e instanceof DataError && e.kind === "Duplicate")) throw e;
  }
  const [it] = await queryPage(site, "serviceState", { filter: eq("Title", title), top: 1 });
  if (!it) throw new DataError("Conflict", "The service's state for a mailbox was created and removed at once; it will be tried again.");
  return mailboxRow(it);
}

export interface MailboxChanges {
  subscriptionId?: string | null;
  expiresAt?: string | null;
  deltaLink?: string | null;
  data?: MailboxData;
}

/**
 * Writes the changes only if nobody changed the row since `etag` (a Conflict DataError otherwise); returns the new
 * ETag. Only the named columns are sent, so a delta link written here never overwrites a subscription written there.
 */
export async function saveMailboxRow(site: Site, id: string, etag: string, changes: MailboxChanges): Promise<string> {
  const fields: Fields = {};
  if (changes.subscriptionId !== undefined) fields.SubscriptionId = changes.subscriptionId;
  if (changes.expiresAt !== undefined) fields.ExpiresAt = changes.expiresAt;
  if (changes.deltaLink !== undefined) fields.DeltaLink = changes.deltaLink;
  if (changes.data !== undefined) fields.Data = JSON.stringify(changes.data);
  const res = await persistently(() => site.graph.patch<Fields>(`${itemsPath(site, "serviceState")}/${encodeURIComponent(id)}/fields`, fields, { "If-Match": etag }));
  return String(res?.["@odata.etag"] ?? "");
}

// ---------------------------------------------------------------------------------------------------------------
// Leases: one instance runs the scheduler at a time (each job is also safe to repeat). The row holds who has it and
// an epoch bumped by every take and renewal; whether a holder has gone quiet is judged by the caller from the row's
// eTag over time (service/leases), never from a time written by the holder's clock.
// ---------------------------------------------------------------------------------------------------------------

interface LeaseData {
  holder?: string;
  epoch?: number;
}

export interface LeaseRow {
  id: string;
  etag: string;
  holder: string | null;
  epoch: number;
}

async function readLease(site: Site, name: string): Promise<LeaseRow | null> {
  const [it] = await queryPage(site, "serviceState", { filter: eq("Title", `lease:${name}`), top: 1 });
  if (!it) return null;
  const d = json<LeaseData>(it.fields as Fields, "Data", {});
  return { id: String(it.id), etag: String(it.eTag ?? ""), holder: typeof d.holder === "string" && d.holder ? d.holder : null, epoch: Number.isInteger(d.epoch) ? d.epoch! : 0 };
}

/**
 * Takes a named lease when it is free, already ours, or `abandoned` says its holder has gone quiet; false when
 * another holds it or changed the row first (If-Match on the eTag that was judged).
 */
export async function tryLease(site: Site, name: string, holder: string, abandoned: (etag: string) => boolean): Promise<boolean> {
  let row = await readLease(site, name);
  if (!row) {
    try {
      await persistently(() => createItem(site, "serviceState", { Title: `lease:${name}`, Data: JSON.stringify({ holder, epoch: 1 }) }));
      return true;
    } catch (e) {
      if (!(e instanceof DataError && e.kind === "Duplicate")) throw e;
      row = await readLease(site, name);
      if (!row) return false;
    }
  }
  if (row.holder && row.holder !== holder && !abandoned(row.etag)) return false;
  return writeLease(site, row, { holder, epoch: row.epoch + 1 });
}

/** Shows the holder is alive (a new eTag); false when the lease was taken over meanwhile. */
export async function renewLease(site: Site, name: string, holder: string): Promise<boolean> {
  const row = await readLease(site, name);
  if (!row || row.holder !== holder) return false;
  return writeLease(site, row, { holder, epoch: row.epoch + 1 });
}

/** Gives a lease back early, so the next instance need not wait for it to be judged abandoned. */
export async function releaseLease(site: Site, name: string, holder: string): Promise<void> {
  const row = await readLease(site, name);
  if (!row || row.holder !== holder) return;
  await writeLease(site, row, { epoch: row.epoch + 1 });
}

async function writeLease(site: Site, row: LeaseRow, data: LeaseData): Promise<boolean> {
  try {
    await site.graph.patch(`${itemsPath(site, "serviceState")}/${row.id}/fields`, { Data: JSON.stringify(data) }, { "If-Match": row.etag || "*" });
    return true;
  } catch (e) {
    if (e instanceof DataError && (e.kind === "Conflict" || e.kind === "NotFound")) return false;
    throw e;
  }
}

/** A record of what a job did, in counts only (never names or addresses): e.g. what retention removed. */
export async function writeSummary(site: Site, kind: string, counts: Record<string, number | string>, now = new Date()): Promise<void> {
  const title = `${kind}:${now.toISOString()}:${Math.random().toString(36).slice(2, 8)}`;
  await persistently(() => createItem(site, "serviceState", { Title: title, Data: JSON.stringify(counts) }));
}

export async function readSummaries(site: Site, kind: string): Promise<{ at: string; counts: Record<string, number | string> }[]> {
  const items = await queryAll(site, "serviceState", { filter: `startswith(fields/Title,${odataString(`${kind}:`)})` });
  return items.map((it) => ({ at: str(it.fields as Fields, "Title").split(":").slice(1, -1).join(":"), counts: json(it.fields as Fields, "Data", {}) }));
}

// ---------------------------------------------------------------------------------------------------------------
// The register as the scheduler sees it
// ---------------------------------------------------------------------------------------------------------------

export interface DueReview {
  id: string;
  etag: string;
  title: string;
  customerId: string;
  kind: string;
  dueBy: string;
  reviewer: string | null;
}

/** Open reviews and appeals due by `by`, overdue included (State and DueBy are indexed). */
export async function openReviewsDueBy(site: Site, by: Date): Promise<DueReview[]> {
  const items = await queryAll(site, "reviews", { filter: `${eq("State", "Open")} and fields/DueBy le ${odataDate(by)}`, orderby: "fields/DueBy asc", top: 500 });
  return items.map((it) => {
    const f = it.fields as Fields;
    return {
      id: String(it.id),
      etag: it.eTag ?? "",
      title: str(f, "Title"),
      customerId: lookupId(f, "Customer"),
      kind: str(f, "Kind") || "ScheduledReview",
      dueBy: date(f, "DueBy") ?? new Date(0).toISOString(),
      reviewer: strOrNull(f, "Reviewer")?.toLowerCase() ?? null,
    };
  });
}

export async function customersWithStatus(site: Site, status: Customer["status"]): Promise<Customer[]> {
  return (await queryAll(site, "customers", { filter: eq("Status", status) })).map((i) => readCustomer(i));
}

/** Restricted customers whose review date has passed (Status and ReviewDue are indexed). */
export async function restrictedPastReview(site: Site, now: Date): Promise<Customer[]> {
  return (await queryAll(site, "customers", { filter: `${eq("Status", "Restricted")} and fields/ReviewDue lt ${odataDate(now)}` })).map((i) => readCustomer(i));
}

/** Customers whose records are past their retention date (RetainUntil is indexed). */
export async function pastRetention(site: Site, now: Date): Promise<(Customer & { closedAt: string | null })[]> {
  return (await queryAll(site, "customers", { filter: `fields/RetainUntil lt ${odataDate(now)}` })).map((it) => ({
    ...readCustomer(it),
    closedAt: date(it.fields as Fields, "ClosedAt"),
  }));
}

/** A customer's reviews of every kind and state (Customer is indexed). */
export async function reviewKindsOf(site: Site, customerId: string): Promise<{ id: string; kind: string; state: string; dueBy: string | null; openedAt: string | null }[]> {
  const items = await queryAll(site, "reviews", { filter: eq("CustomerLookupId", Number(customerId)) });
  return items.map((it) => {
    const f = it.fields as Fields;
    return { id: String(it.id), kind: str(f, "Kind"), state: str(f, "State") || "Open", dueBy: date(f, "DueBy"), openedAt: date(f, "OpenedAt") };
  });
}

// ---------------------------------------------------------------------------------------------------------------
// Positions kept for every instance: where the case service's watch has read the lists' changes up to
// ---------------------------------------------------------------------------------------------------------------

/** A named position (delta links by list), shared by instances: whoever resumes continues from the last one saved. */
export async function readPosition(site: Site, name: string): Promise<Record<string, string>> {
  const [it] = await queryPage(site, "serviceState", { filter: eq("Title", `position:${name}`), top: 1 });
  return it ? json<Record<string, string>>(it.fields as Fields, "Data", {}) : {};
}

/** Saved only after what was read has been handled, so an instance stopped in between reads it again. */
export async function savePosition(site: Site, name: string, links: Record<string, string>): Promise<void> {
  const title = `position:${name}`;
  const [it] = await queryPage(site, "serviceState", { filter: eq("Title", title), top: 1 });
  if (it) {
    await site.graph.patch(`${itemsPath(site, "serviceState")}/${it.id}/fields`, { Data: JSON.stringify(links) });
    return;
  }
  try {
    await createItem(site, "serviceState", { Title: title, Data: JSON.stringify(links) });
  } catch (e) {
    if (!(e instanceof DataError && e.kind === "Duplicate")) throw e;
  }
}
