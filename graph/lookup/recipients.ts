// Which recipients of a mail being sent are restricted customers: identities in one request, their records in one more.
import { domainOfEmail, normaliseEmail } from "../../shared/address";
import type { Customer, Restriction } from "../../shared/domain/records";
import { ensureOk } from "../client/batch";
import type { BatchGraph } from "../client/fetch-graph";
import { anyOf, eq } from "../client/odata";
import { customerFromItem } from "../repos/customers";
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
  const restricted = new Map<string, IdentityRow>();
  for (const i of identities.sort((a, b) => Number(a.kind === "Domain") - Number(b.kind === "Domain"))) {
    if (i.customerStatus === "Restricted" && !restricted.has(i.customerId)) restricted.set(i.customerId, i);
  }
  const ids = [...restricted.keys()].slice(0, MAX_CUSTOMERS);
  if (ids.length === 0) return [];
  const records = await site.graph.batch(
    ids.flatMap((id) => [
      { id: `c${id}`, method: "GET" as const, url: `${itemsPath(site, "customers")}/${Number(id)}?$expand=fields` },
      { id: `r${id}`, method: "GET" as const, url: queryUrl(site, "restrictions", { filter: `${eq("CustomerLookupId", Number(id))} and ${eq("State", "Active")}`, top: 50 }) },
    ]),
  );
  const byId = new Map(records.map((r) => [r.id, r]));
  return ids.map((id) => {
    const identity = restricted.get(id)!;
    return {
      matched: identity.value,
      identity,
      customer: customerFromItem(ensureOk<ListItem>(byId.get(`c${id}`)!)),
      restrictions: ensureOk<{ value: ListItem[] }>(byId.get(`r${id}`)!).value.map(restrictionFromItem),
    };
  });
}
