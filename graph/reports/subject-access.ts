// A subject access export: everything the register holds about one customer, from every list, with every version.
import type { RawExport } from "../../shared/access/raw";
import { DataError } from "../client/errors";
import { ensureOk } from "../client/factory";
import { eq } from "../client/odata";
import { LISTS, type ListKey } from "../schema/lists";
import { itemsPath, queryUrl, type ListItem, type Site } from "../repos/items";
import { chunks, type ItemVersion } from "./history";
import { allRows } from "./load";
import { customerContacts, customerContactsUrl } from "../repos/contact-windows";
import { eventsUrl } from "../caselog/load";

const OLDEST_FIRST = { order: "asc" as const };

export interface ExportedItem {
  id: string;
  createdDateTime?: string;
  lastModifiedDateTime?: string;
  fields: Record<string, unknown>;
  /** Every version SharePoint keeps, newest first, each with the fields as they stood. */
  versions: ItemVersion[];
}

/** Also the input of the readable bundle (shared/access), which is built from exactly this. */
export interface SubjectAccessExport extends RawExport {
  kind: "UPC subject access export";
  exportedAt: string;
  exportedBy: string;
  customerId: string;
  caseRef: string;
  /** List name → the items about this customer. A list the exporter may not read says so instead. */
  lists: Record<string, ExportedItem[] | { withheld: string }>;
  counts: Record<string, number>;
  notes: string[];
}

/** Lists that hold rows about a customer, through their indexed Customer lookup. */
const BY_CUSTOMER: ListKey[] = ["identities", "contacts", "cases", "restrictions", "reviews", "letters", "caseEvents", "outbox", "sensitive"];

/**
 * Lists read without versions. The case's log is appended and never changed, so each row has one version, which is the
 * row itself: asking for it would double the requests for a log of hundreds of steps and add nothing. The outbox's
 * later versions only record the service sending the notice (who claimed it, how many tries, when it was done), and
 * the notice itself (to whom, subject, text) is written once; the row as it stands holds everything about the person,
 * and how it was sent is the service's bookkeeping, not about them.
 */
const ROWS_ONLY: ListKey[] = ["caseEvents", "outbox"];

const asIs = (items: ListItem[]): ExportedItem[] =>
  items.map((it) => ({ id: String(it.id), createdDateTime: it.createdDateTime, lastModifiedDateTime: it.lastModifiedDateTime, fields: it.fields as Record<string, unknown>, versions: [] }));

function rowsUrl(site: Site, list: ListKey, customerId: string): string {
  if (list === "contacts") return customerContactsUrl(site, customerId, OLDEST_FIRST);
  // The log as the case service reads it, in step order.
  if (list === "caseEvents") return eventsUrl(site, customerId);
  return queryUrl(site, list, { filter: eq("CustomerLookupId", Number(customerId)), top: 999 });
}

async function withVersions(site: Site, list: ListKey, items: ListItem[]): Promise<ExportedItem[]> {
  const out: ExportedItem[] = [];
  for (const chunk of chunks(items, 20)) {
    const res = await site.graph.batch(chunk.map((it, n) => ({ id: String(n), method: "GET" as const, url: `${itemsPath(site, list)}/${it.id}/versions?$expand=fields` })));
    res.forEach((r, n) => {
      const it = chunk[n];
      const versions = r.status === 200 ? ensureOk<{ value: ItemVersion[] }>(r).value : [];
      out.push({ id: String(it.id), createdDateTime: it.createdDateTime, lastModifiedDateTime: it.lastModifiedDateTime, fields: it.fields as Record<string, unknown>, versions });
    });
  }
  return out;
}

/**
 * Reads every row about the customer from every list (every page of each), then each row's versions (twenty to a
 * $batch), but for the log and the outbox (ROWS_ONLY). UpcSensitive is
 * read only when `includeSensitive` (deciders): for anyone else the export records that it was not included.
 */
export async function exportSubjectAccess(site: Site, customerId: string, opts: { exportedBy: string; includeSensitive: boolean; now?: Date }): Promise<SubjectAccessExport> {
  const id = Number(customerId);
  const lists = BY_CUSTOMER.filter((l) => l !== "sensitive" || opts.includeSensitive);
  const res = await site.graph.batch([
    { id: "customer", method: "GET", url: `${itemsPath(site, "customers")}/${id}?$expand=fields` },
    ...lists.map((l) => ({ id: l, method: "GET" as const, url: rowsUrl(site, l, customerId) })),
  ]);
  const customer = ensureOk<ListItem>(res[0]);
  const out: SubjectAccessExport = {
    kind: "UPC subject access export",
    exportedAt: (opts.now ?? new Date()).toISOString(),
    exportedBy: opts.exportedBy,
    customerId: String(customer.id),
    caseRef: String((customer.fields as Record<string, unknown>).CaseRef ?? ""),
    lists: {},
    counts: {},
    notes: [
      "Every list item held about the customer, with SharePoint's version history of each (who changed it and when). The case's log is never changed once written, so it has no history of changes; notices sent are shown as they stand.",
      "Mail in staff mailboxes is not part of this export: search the mailboxes for the customer's addresses as well.",
    ],
  };
  out.lists[LISTS.customers] = await withVersions(site, "customers", [customer]);
  for (const [n, list] of lists.entries()) {
    const part = res[n + 1];
    if (part.status === 403) {
      out.lists[LISTS[list]] = { withheld: "You do not have permission to read this list; ask a decider to run the export." };
      continue;
    }
    // The contact log of a customer past 5,000 contacts is read by date windows (SharePoint's list view threshold).
    const rows = list === "contacts" ? await customerContacts(site, customerId, OLDEST_FIRST, part) : await allRows(site, part);
    out.lists[LISTS[list]] = ROWS_ONLY.includes(list) ? asIs(rows) : await withVersions(site, list, rows);
  }
  if (!opts.includeSensitive) {
    out.lists[LISTS.sensitive] = { withheld: "Health and vulnerability notes are readable by deciders only: ask a decider to run the export to include them." };
  }
  for (const [name, v] of Object.entries(out.lists)) out.counts[name] = Array.isArray(v) ? v.length : 0;
  if (!out.caseRef) throw new DataError("NotFound");
  return out;
}

/** The customer with this case reference (CaseRef is unique, so indexed), or null. */
export async function findByCaseRef(site: Site, caseRef: string): Promise<{ id: string; name: string; caseRef: string } | null> {
  const [item] = (await site.graph.get<{ value: ListItem[] }>(queryUrl(site, "customers", { filter: eq("CaseRef", caseRef.trim().toUpperCase()), select: ["Title", "CaseRef"], top: 1 }))).value;
  if (!item) return null;
  const f = item.fields as Record<string, unknown>;
  return { id: String(item.id), name: String(f.Title ?? ""), caseRef: String(f.CaseRef ?? "") };
}
