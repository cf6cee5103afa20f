// Finding the customer a subject access request is about: by case reference, by an address they are known by (the
// pane's own sender lookup), or by the start of their name. Each match comes with its status and every address.
import { classifySubjectQuery } from "../../shared/access/search-query";
import type { CustomerStatus } from "../../shared/domain/vocab";
import { DataError } from "../client/errors";
import { ensureOk } from "../client/factory";
import { eq, odataString } from "../client/odata";
import { lookupSender } from "../lookup/sender";
import { readCustomer } from "../repos/customers";
import { identityFromItem } from "../repos/identities";
import { itemsPath, queryPage, queryUrl, type ListItem, type Site } from "../repos/items";
import { chunks } from "./history";

export interface SubjectMatch {
  id: string;
  name: string;
  caseRef: string;
  status: CustomerStatus;
  addresses: string[];
}

export interface SubjectSearch {
  /** What the search was taken to be, so the page can say "no customer has the address …". */
  kind: "caseRef" | "email" | "phone" | "domain" | "name";
  value: string;
  matches: SubjectMatch[];
  /** More customers matched than are listed: the officer should type more of the name. */
  more: boolean;
}

export const MAX_MATCHES = 20;

/** The customers' rows (when not already read) and their addresses, ten customers to a $batch. */
async function withAddresses(site: Site, ids: string[], known: Map<string, ListItem> = new Map()): Promise<SubjectMatch[]> {
  const out: SubjectMatch[] = [];
  for (const part of chunks(ids, 10)) {
    const res = await site.graph.batch(
      part.flatMap((id) => [
        ...(known.has(id) ? [] : [{ id: `c${id}`, method: "GET" as const, url: `${itemsPath(site, "customers")}/${id}?$expand=fields` }]),
        { id: `i${id}`, method: "GET" as const, url: queryUrl(site, "identities", { filter: eq("CustomerLookupId", Number(id)), top: 50 }) },
      ]),
    );
    const byId = new Map(res.map((r) => [r.id, r]));
    for (const id of part) {
      // An address can outlive its customer (deleted by hand): it finds no one.
      const customer = known.get(id) ?? (byId.get(`c${id}`)?.status === 404 ? undefined : ensureOk<ListItem>(byId.get(`c${id}`)!));
      if (!customer) continue;
      const c = readCustomer(customer);
      const identities = ensureOk<{ value: ListItem[] }>(byId.get(`i${id}`)!).value.map(identityFromItem);
      out.push({ id: c.id, name: c.name, caseRef: c.caseRef, status: c.status, addresses: identities.map((i) => i.value).sort() });
    }
  }
  return out;
}

/**
 * Searches as the text reads: a case reference (CaseRef is unique), an e-mail address (the sender lookup: the exact
 * address, then the whole domain it belongs to), a UK telephone number, a whole domain, or else a name. A name matches
 * customers whose recorded name begins with it, compared as SharePoint compares text (ignoring case), on the indexed
 * Title column.
 * What cannot be searched for (a malformed address) is refused in words as an Invalid DataError.
 */
export async function searchSubjects(site: Site, typed: string): Promise<SubjectSearch> {
  const q = classifySubjectQuery(typed);
  if (q.kind === "invalid") throw new DataError("Invalid", q.reason);
  let ids: string[] = [];
  const known = new Map<string, ListItem>();
  let more = false;
  if (q.kind === "caseRef" || q.kind === "name") {
    const filter = q.kind === "caseRef" ? eq("CaseRef", q.value) : `startswith(fields/Title,${odataString(q.value)})`;
    const items = await queryPage(site, "customers", { filter, top: MAX_MATCHES + 1 });
    more = items.length > MAX_MATCHES;
    for (const item of items.slice(0, MAX_MATCHES)) {
      ids.push(String(item.id));
      known.set(String(item.id), item);
    }
  } else if (q.kind === "email") {
    const found = await lookupSender(site, { from: q.value });
    ids = [...new Set(found.matches.map((m) => m.customerId).filter(Boolean))];
  } else {
    // A telephone number or a domain is stored normalised, so it is one indexed equality on the identity's Title.
    const items = await queryPage(site, "identities", { filter: eq("Title", q.value), top: 5 });
    ids = [...new Set(items.map((i) => identityFromItem(i).customerId).filter(Boolean))];
  }
  const matches = await withAddresses(site, ids, known);
  if (q.kind === "name") matches.sort((a, b) => a.name.localeCompare(b.name, "en-GB"));
  return { kind: q.kind, value: q.value, matches, more };
}
