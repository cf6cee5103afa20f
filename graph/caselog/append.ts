// Appending a step to the log. The Title "<customerId>:<seq>" and the IdempotencyKey are unique columns, so of two
// writers racing for the same seq one is refused by SharePoint itself, and a step retried after a lost answer is
// recognised by its key instead of being stored twice.
import type { StoredEvent } from "../../shared/register";
import { DataError } from "../client/errors";
import { createItem, persistently, type Site } from "../repos/items";
import { eventToFields } from "./event-rows";
import { findByIdempotencyKey } from "./load";

export type AppendResult =
  | { ok: true; event: StoredEvent }
  /** The same step (same idempotency key) is already stored, perhaps under another seq or customer. */
  | { ok: false; reason: "stored"; customerId: string; event: StoredEvent }
  /** Someone else took this seq first: reload and decide again. */
  | { ok: false; reason: "race" };

export async function appendEvent(site: Site, customerId: string, event: StoredEvent): Promise<AppendResult> {
  try {
    await persistently(() => createItem(site, "caseEvents", eventToFields(customerId, event)));
    return { ok: true, event };
  } catch (e) {
    if (!(e instanceof DataError && e.kind === "Duplicate")) throw e;
  }
  const stored = await persistently(() => findByIdempotencyKey(site, event.idempotencyKey));
  if (!stored) return { ok: false, reason: "race" };
  // Our own earlier try may have landed before its answer was lost: then it is this very step.
  if (stored.customerId === customerId && stored.event.seq === event.seq && JSON.stringify(stored.event.event) === JSON.stringify(event.event)) return { ok: true, event: stored.event };
  return { ok: false, reason: "stored", customerId: stored.customerId, event: stored.event };
}
