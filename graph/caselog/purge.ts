// Retention: everything held about a customer is deleted, the contact log and the case log included, once the log's
// own Purge step says so. The Purge step goes last, so a purge cut short is finished the next time it is seen.
import { ensureOk } from "../client/factory";
import { eq } from "../client/odata";
import type { ListKey } from "../schema/lists";
import { customerContacts } from "../repos/contact-windows";
import { itemsPath, persistently, queryAll, type Site } from "../repos/items";

const PEOPLE_LISTS: ListKey[] = ["contacts", "identities", "restrictions", "reviews", "letters", "cases", "sensitive", "outbox"];

async function deleteRows(site: Site, list: ListKey, ids: string[]): Promise<void> {
  for (let i = 0; i < ids.length; i += 20) {
    const res = await persistently(() => site.graph.batch(ids.slice(i, i + 20).map((id, n) => ({ id: String(n), method: "DELETE" as const, url: `${itemsPath(site, list)}/${id}` }))));
    res.forEach((x) => x.status !== 404 && ensureOk(x));
  }
}

/**
 * Deletes every row about the customer and returns how many went from each list (counts only: nothing else about
 * them is kept). `purgeSeq` is the log's Purge step, kept until the very end.
 */
export async function purgeCustomer(site: Site, customerId: string, purgeSeq: number): Promise<Record<string, number>> {
  const byCustomer = eq("CustomerLookupId", Number(customerId));
  const counts: Record<string, number> = {};
  for (const list of PEOPLE_LISTS) {
    // The contact log can pass SharePoint's list view threshold for one customer: it is read by date windows then.
    const rows = await persistently(() => (list === "contacts" ? customerContacts(site, customerId, { order: "asc", select: ["Title"] }) : queryAll(site, list, { filter: byCustomer, select: ["Title"] })));
    counts[list] = rows.length;
    await deleteRows(site, list, rows.map((r) => String(r.id)));
  }
  const events = await persistently(() => queryAll(site, "caseEvents", { filter: byCustomer, select: ["Seq"] }));
  const last = events.filter((e) => Number((e.fields as { Seq?: unknown }).Seq) === purgeSeq).map((e) => String(e.id));
  await deleteRows(site, "caseEvents", events.map((e) => String(e.id)).filter((id) => !last.includes(id)));
  counts.caseEvents = events.length;
  await deleteRows(site, "customers", [customerId]);
  counts.customers = 1;
  await deleteRows(site, "caseEvents", last);
  return counts;
}

/** Purges cut short (the log's Purge step is still there): finished now. Counts of what went, summed. */
export async function finishPurges(site: Site): Promise<Record<string, number>> {
  const left = await persistently(() => queryAll(site, "caseEvents", { filter: eq("Type", "Purge"), select: ["Title", "Seq"] }));
  const totals: Record<string, number> = {};
  for (const e of left) {
    const f = e.fields as { Title?: string; Seq?: unknown };
    const customerId = String(f.Title ?? "").split(":")[0];
    if (!/^\d+$/.test(customerId)) continue;
    const counts = await purgeCustomer(site, customerId, Number(f.Seq));
    for (const [list, n] of Object.entries(counts)) totals[list] = (totals[list] ?? 0) + n;
  }
  return totals;
}
