// The flag for the open mail: who the sender is on the register, from one sender lookup (none when seen recently).
import type { Customer } from "../../shared/domain/records";
import { DataError } from "../../graph/client/errors";
import { cachedSenderLookup, type SenderQuery, type SenderResult } from "../../graph/lookup/sender";
import type { IdentityRow } from "../../graph/repos/identities";
import type { Site } from "../../graph/repos/items";
import type { ReadItem } from "../office/types";

export type Flag =
  | { kind: "noSender" }
  /** The address cannot be looked up (e.g. an internal Exchange address): said in words, never "no record". */
  | { kind: "uncheckable"; address: string; reason: string }
  | { kind: "unknown"; address: string; name: string }
  | { kind: "possible"; address: string; name: string; candidates: Customer[] }
  | { kind: "flagged"; address: string; name: string; primary: IdentityRow; others: IdentityRow[]; byDomain: boolean };

/** The info bar from the flag alone (≤ 150 characters), before the card has loaded; null to clear it. */
export function flagInfoBar(flag: Flag): string | null {
  if (flag.kind !== "flagged") return null;
  const p = flag.primary;
  return `UPC ${p.customerStatus.toLowerCase()}: ${p.customerName} (${p.caseRef}). Open the UPC pane before replying.`;
}

export function senderQuery(item: ReadItem): SenderQuery | null {
  const from = item.from?.address || item.sender?.address;
  if (!from) return null;
  const sender = item.sender?.address && item.sender.address.toLowerCase() !== from.toLowerCase() ? item.sender.address : undefined;
  const displayName = (item.from?.name || item.sender?.name || "").trim();
  return { from, sender, displayName: displayName || undefined };
}

/** One row per customer: the best match first (an exact address before a whole-domain identity). */
export function flagFrom(item: ReadItem, result: SenderResult): Flag {
  const address = (item.from?.address || item.sender?.address || "").trim();
  const name = (item.from?.name || item.sender?.name || "").trim();
  if (result.matches.length) {
    const seen = new Set<string>();
    const rows = result.matches.filter((m) => (seen.has(m.customerId) ? false : (seen.add(m.customerId), true)));
    const [primary, ...others] = rows;
    return { kind: "flagged", address, name, primary, others, byDomain: primary.kind === "Domain" };
  }
  if (result.possible.length) return { kind: "possible", address, name, candidates: result.possible };
  return { kind: "unknown", address, name };
}

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

const PREFIX = "upc.sender.";

/**
 * Sender lookups, remembered for a few minutes in memory (cachedSenderLookup) and in the pane's session storage, so
 * that a pane Outlook reloads for each mail still costs no request for a sender seen in the last few minutes.
 */
export function senderLookups(site: Site, opts: { storage?: StorageLike | null; ttlMs?: number; now?: () => number } = {}) {
  const ttlMs = opts.ttlMs ?? 5 * 60_000;
  const now = opts.now ?? Date.now;
  const memory = cachedSenderLookup(site, ttlMs, now);
  const storage = opts.storage ?? null;
  const keyOf = (q: SenderQuery) => PREFIX + JSON.stringify([q.from.toLowerCase().trim(), q.sender?.toLowerCase().trim() ?? "", q.displayName?.trim() ?? ""]);

  const read = (key: string): SenderResult | null => {
    try {
      const raw = storage?.getItem(key);
      if (!raw) return null;
      const { at, result } = JSON.parse(raw) as { at: number; result: SenderResult };
      if (now() - at < ttlMs) return result;
      storage?.removeItem(key);
    } catch {
      /* storage unavailable or corrupt: ask the register */
    }
    return null;
  };
  const write = (key: string, result: SenderResult) => {
    try {
      storage?.setItem(key, JSON.stringify({ at: now(), result }));
    } catch {
      /* storage full or blocked: the memory cache still works */
    }
  };

  return {
    async lookup(q: SenderQuery): Promise<SenderResult> {
      const key = keyOf(q);
      const stored = read(key);
      if (stored) return stored;
      const result = await memory.lookup(q);
      write(key, result);
      return result;
    },
    /** After a change to the register (a log started, an address added) every sender is looked up afresh. */
    forget(): void {
      memory.forget();
      if (!storage) return;
      try {
        const keys: string[] = [];
        for (let i = 0; i < storage.length; i++) {
          const k = storage.key(i);
          if (k?.startsWith(PREFIX)) keys.push(k);
        }
        keys.forEach((k) => storage.removeItem(k));
      } catch {
        /* nothing stored */
      }
    },
  };
}

export type SenderLookups = ReturnType<typeof senderLookups>;

/** The flag for a mail: one Graph request at most, none when the sender was seen recently. */
export async function flagFor(lookups: SenderLookups, item: ReadItem): Promise<Flag> {
  const q = senderQuery(item);
  if (!q) return { kind: "noSender" };
  try {
    return flagFrom(item, await lookups.lookup(q));
  } catch (e) {
    // An address the register cannot hold is refused before any request is made (no HTTP status).
    if (e instanceof DataError && e.kind === "Invalid" && e.status === undefined) {
      return { kind: "uncheckable", address: q.from, reason: e.userMessage };
    }
    throw e;
  }
}
