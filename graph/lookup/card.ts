// A customer's card for the task pane: the record, restrictions in force and this period's contacts, in one $batch.
import type { Contact, Customer, Restriction } from "../../shared/domain/records";
import { startOfLondonMonth, startOfLondonWeek } from "../../shared/time/london";
import { ensureOk } from "../client/factory";
import { eq } from "../client/odata";
import { customerContacts, customerContactsUrl } from "../repos/contact-windows";
import { contactFromItem } from "../repos/contacts";
import { readCustomer } from "../repos/customers";
import { readRows, type RowProblem } from "../repos/problems";
import { itemsPath, queryUrl, type ListItem, type Site } from "../repos/items";
import { restrictionFromItem } from "../repos/restrictions";

export interface CustomerCard {
  customer: Customer;
  restrictions: (Restriction & { id: string })[];
  /** Contacts since the earlier of the start of this week and this month (UK time), for quotas. */
  periodContacts: (Contact & { id: string })[];
  recentContacts: (Contact & { id: string })[];
  /** Rows that did not read and were left out (a restriction typed by hand, a contact with an unknown source). */
  problems: RowProblem[];
}

export async function loadCustomerCard(site: Site, customerId: string, now = new Date()): Promise<CustomerCard> {
  const id = Number(customerId);
  const from = new Date(Math.min(startOfLondonWeek(now).getTime(), startOfLondonMonth(now).getTime()));
  const periodRange = { from, order: "asc" as const };
  const recentRange = { order: "desc" as const, top: 5 };
  const [customer, restrictions, period, recent] = await site.graph.batch([
    { id: "customer", method: "GET", url: `${itemsPath(site, "customers")}/${id}?$expand=fields` },
    { id: "restrictions", method: "GET", url: queryUrl(site, "restrictions", { filter: `${eq("CustomerLookupId", id)} and ${eq("State", "Active")}`, top: 50 }) },
    { id: "period", method: "GET", url: customerContactsUrl(site, customerId, periodRange) },
    { id: "recent", method: "GET", url: customerContactsUrl(site, customerId, recentRange) },
  ]);
  // A customer with more than 5,000 contacts is refused by customer; those two are then read by date windows.
  const [periodRows, recentRows] = await Promise.all([customerContacts(site, customerId, periodRange, period), customerContacts(site, customerId, recentRange, recent)]);
  const problems: RowProblem[] = [];
  const rows = (r: typeof restrictions) => ensureOk<{ value: ListItem[] }>(r).value;
  return {
    customer: readCustomer(ensureOk<ListItem>(customer), problems),
    restrictions: readRows("restrictions", rows(restrictions), restrictionFromItem, problems),
    periodContacts: readRows("contacts", periodRows, contactFromItem, problems),
    recentContacts: readRows("contacts", recentRows, contactFromItem, []),
    problems,
  };
}
