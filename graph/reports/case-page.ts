// Everything the Teams tab's case page shows about one customer: the case file replayed from its log with the rows it
// projects (one $batch) and, in a second $batch sent at the same time, the addresses, the contact log and (for deciders
// only) the health and vulnerability notes.
import type { PresetLookup } from "../../shared/register";
import { readRows } from "../repos/problems";
import type { Contact } from "../../shared/domain/records";
import { loadCaseView, type LoadedCase } from "./case-view";
import { eq } from "../client/odata";
import { customerContacts, customerContactsUrl } from "../repos/contact-windows";
import { contactFromItem } from "../repos/contacts";
import { date, lookupId, str, type Fields } from "../repos/fields";
import { identityFromItem, type IdentityRow } from "../repos/identities";
import { queryUrl, type Site } from "../repos/items";
import type { HistoryItem } from "./history";
import { allRows } from "./load";

export interface SensitiveNoteRow {
  id: string;
  customerId: string;
  notes: string;
  recordedBy: string;
  recordedAt: string | null;
}

export interface CasePage {
  loaded: LoadedCase;
  identities: IdentityRow[];
  /** The contact log, newest first. */
  contacts: (Contact & { id: string })[];
  /** Null when not asked for: only deciders may read UpcSensitive, so nobody else's page requests it. */
  sensitive: SensitiveNoteRow[] | null;
}

const NEWEST_FIRST = { order: "desc" as const };

export async function loadCasePage(site: Site, customerId: string, opts: { withSensitive: boolean; presets?: PresetLookup }): Promise<CasePage> {
  const id = Number(customerId);
  const byCustomer = eq("CustomerLookupId", id);
  const extra = site.graph.batch([
    { id: "identities", method: "GET", url: queryUrl(site, "identities", { filter: byCustomer, top: 999 }) },
    { id: "contacts", method: "GET", url: customerContactsUrl(site, customerId, NEWEST_FIRST) },
    ...(opts.withSensitive ? [{ id: "sensitive", method: "GET" as const, url: queryUrl(site, "sensitive", { filter: byCustomer, top: 999 }) }] : []),
  ]);
  const [loaded, [identities, contacts, sensitive]] = await Promise.all([loadCaseView(site, customerId, opts.presets), extra]);
  return {
    loaded,
    identities: readRows("identities", await allRows(site, identities), identityFromItem),
    // A customer with more than 5,000 contacts is read by date windows instead (SharePoint's list view threshold);
    // a contact that does not read (an unknown source typed by hand) is left out of the page, not the page itself.
    contacts: readRows("contacts", await customerContacts(site, customerId, NEWEST_FIRST, contacts), contactFromItem),
    sensitive: sensitive
      ? (await allRows(site, sensitive)).map((i) => {
          const f = i.fields as Fields;
          return { id: String(i.id), customerId: lookupId(f, "Customer"), notes: str(f, "Notes"), recordedBy: str(f, "RecordedBy"), recordedAt: date(f, "RecordedAt") };
        })
      : null,
  };
}

/** The items whose versions make up the case's change history (the contact log is its own history and is left out). */
export function historyItems(page: CasePage): HistoryItem[] {
  const { loaded } = page;
  return [
    { list: "customers", id: loaded.customer.id!, label: `Customer record ${loaded.customer.caseRef}` },
    ...page.identities.map((i) => ({ list: "identities" as const, id: i.id!, label: `Address ${i.value}` })),
    ...loaded.cases.map((k) => ({ list: "cases" as const, id: k.id, label: k.stage === "Referred" ? "Referral" : `Decision: ${k.outcome ?? k.stage}` })),
    ...loaded.restrictions.map((r) => ({ list: "restrictions" as const, id: r.id, label: `Restriction: ${r.title}` })),
    ...loaded.reviews.map((r) => ({ list: "reviews" as const, id: r.id, label: `${r.kind === "Appeal" ? "Appeal" : r.kind === "MonitoringEnd" ? "End of monitoring" : "Scheduled review"}` })),
    ...loaded.letters.map((l) => ({ list: "letters" as const, id: l.id, label: `Letter: ${l.kind}` })),
  ];
}
