// Which recipients of a mail being sent are restricted customers: identities in one request, their records in one more.
import { domainOfEmail, normaliseEmail } from "../../shared/address";
import type { Customer, Restriction } from "../../shared/domain/records";
import { ensureOk } from "../client/batch";
import type { BatchGraph } from "../client/fetch-graph";
import { anyOf, eq } from "../client/odata";
import { readCustomer } from "../repos/customers";
import { readRows } from "../repos/problems";
import { identityFromItem, type IdentityRow } from "../repos/identities";
import { itemsPath, queryUrl, type ListItem } from "../repos/items";
import { restrictionFromItem } from "../repos/restrictions";

export interface RestrictedRecipient {
  /** The recipient address (or domain) that matched. */
  matched: string;
  identity: IdentityRow;
  customer: Customer;
  restrictions: Restriction[];
}

/** Where the register is: any client that can send a $batch (the SDK client, or the event runtime's fetch client). */
export interface LookupSite {
  graph: Pick<BatchGraph, "batch">;
  siteId: string;
}

const PER_FILTER = 15;
const MAX_CUSTOMERS = 10;

/** Normalised addresses and their domains, as identities are stored. */
export function lookupValues(addresses: readonly string[]): string[] {
  const emails = addresses.map((a) => normaliseEmail(a)).filter((r) => r.ok).map((r) => (r as { value: string }).value);
  return [...new Set([...emails, ...emails.map(domainOfEmail)])];
}

/** Restricted customers among the recipients; an empty list when none is on the register as Restricted. */
export async function restrictedRecipients(site: LookupSite, addresses: readonly string[]): Promise<RestrictedRecipient[]> {
  const values = lookupValues(addresses);
  if (values.length === 0) return [];
  const chunks: string[][] = [];
  for (let i = 0; i < values.length && chunks.length < 20; i += PER_FILTER) chunks.push(values.slice(i, i + PER_FILTER));
  const answers = await site.graph.batch(chunks.map((c, i) => ({ id: `ids${i}`, method: "GET" as const, url: queryUrl(site, "identities", { filter: anyOf("Title", c), top: 50 }) })));
  const identities = answers.flatMap((a) => ensureOk<{ value: ListItem[] }>(a).value.map(identityFromItem));
  // The identity's copy of the status only says whose records to read: the customer row decides (a copy can be stale,
  // or missing on a customer written by an import or a flow).
  const matched = new Map<string, IdentityRow>();
  for (const i of identities.sort((a, b) => Number(a.kind === "Domain") - Number(b.kind === "Domain"))) {
    if (i.customerId && !matched.has(i.customerId)) matched.set(i.customerId, i);
  }
  const ids = [...matched.keys()].slice(0, MAX_CUSTOMERS);
  if (ids.length === 0) return [];
  const records = await site.graph.batch(
    ids.flatMap((id) => [
      { id: `c${id}`, method: "GET" as const, url: `${itemsPath(site, "customers")}/${Number(id)}?$expand=fields` },
      { id: `r${id}`, method: "GET" as const, url: queryUrl(site, "restrictions", { filter: `${eq("CustomerLookupId", Number(id))} and ${eq("State", "Active")}`, top: 50 }) },
    ]),
  );
  const byId = new Map(records.map((r) => [r.id, r]));
  const out: RestrictedRecipient[] = [];
  for (const id of ids) {
    const record = byId.get(`c${id}`)!;
    if (record.status === 404) continue;
    const customer = readCustomer(ensureOk<ListItem>(record));
    if (customer.status !== "Restricted") continue;
    const identity = matched.get(id)!;
    out.push({ matched: identity.value, identity, customer, restrictions: readRows("restrictions", ensureOk<{ value: ListItem[] }>(byId.get(`r${id}`)!).value, restrictionFromItem) });
  }
  return out;
}
