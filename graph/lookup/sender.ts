// Who is this sender? One request (a $batch when a display name is checked too) over indexed columns; cached briefly.
import { domainOfEmail, normaliseEmail } from "../../shared/address";
import type { Customer } from "../../shared/domain/records";
import { DataError } from "../client/errors";
import { ensureOk } from "../client/batch";
import { anyOf, eq } from "../client/odata";
import { readCustomer } from "../repos/customers";
import { identityFromItem, type IdentityRow } from "../repos/identities";
import { queryUrl, type ListItem, type Site } from "../repos/items";

export interface SenderQuery {
  /** The From address, and the Sender when someone sends on another's behalf. */
  from: string;
  sender?: string;
  /** The display name on the mail, checked against customers' names for a "possible match". */
  displayName?: string;
}

export interface SenderResult {
  /** The normalised addresses and domains looked up. */
  looked: string[];
  /** Identities on record for those addresses; an exact address comes before a whole-domain match. */
  matches: IdentityRow[];
  /** Customers with the same name as the sender whose address is not on record. */
  possible: Customer[];
}

function addressesOf(q: SenderQuery): string[] {
  const emails = [q.from, q.sender].filter((a): a is string => !!a).map(normaliseEmail);
  const valid = emails.filter((e) => e.ok).map((e) => (e as { value: string }).value);
  if (valid.length === 0) {
    const first = emails.find((e) => !e.ok) as { error: string } | undefined;
    throw new DataError("Invalid", first?.error ?? "The message has no sender address to look up.");
  }
  return [...new Set([...valid, ...valid.map(domainOfEmail)])];
}

export async function lookupSender(site: Site, q: SenderQuery): Promise<SenderResult> {
  const looked = addressesOf(q);
  const identitiesUrl = queryUrl(site, "identities", { filter: anyOf("Title", looked), top: 20 });
  const name = q.displayName?.trim();
  let identityItems: ListItem[];
  let possible: Customer[] = [];
  if (name && !name.includes("@")) {
    const [ids, byName] = await site.graph.batch([
      { id: "identities", method: "GET", url: identitiesUrl },
      { id: "byName", method: "GET", url: queryUrl(site, "customers", { filter: eq("Title", name), top: 5 }) },
    ]);
    identityItems = ensureOk<{ value: ListItem[] }>(ids).value;
    possible = ensureOk<{ value: ListItem[] }>(byName).value.map((i) => readCustomer(i));
  } else {
    identityItems = (await site.graph.get<{ value: ListItem[] }>(identitiesUrl)).value;
  }
  const matches = identityItems.map(identityFromItem).sort((a, b) => Number(a.kind === "Domain") - Number(b.kind === "Domain"));
  const known = new Set(matches.map((m) => m.customerId));
  return { looked, matches, possible: possible.filter((c) => !known.has(c.id!) && c.status !== "Closed") };
}

/** Remembers answers for a few minutes so reopening a mail from the same sender costs no request. */
export function cachedSenderLookup(site: Site, ttlMs = 5 * 60_000, now: () => number = Date.now) {
  const cache = new Map<string, { at: number; result: SenderResult }>();
  return {
    async lookup(q: SenderQuery): Promise<SenderResult> {
      const key = JSON.stringify([q.from.toLowerCase().trim(), q.sender?.toLowerCase().trim() ?? "", q.displayName?.trim() ?? ""]);
      const hit = cache.get(key);
      if (hit && now() - hit.at < ttlMs) return hit.result;
      const result = await lookupSender(site, q);
      cache.set(key, { at: now(), result });
      return result;
    },
    /** After a change (a log started, an identity added) the next lookup must go to the register. */
    forget(): void {
      cache.clear();
    },
  };
}
