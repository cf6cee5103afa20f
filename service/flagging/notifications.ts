// Checking what arrives at the notification endpoints: only items carrying our clientState (compared in constant
// time) and naming a subscription of ours are acted on; anything else changes nothing.
import { createHash, timingSafeEqual } from "node:crypto";

export type LifecycleEvent = "missed" | "reauthorizationRequired" | "subscriptionRemoved";
const LIFECYCLE = new Set<string>(["missed", "reauthorizationRequired", "subscriptionRemoved"]);

const digest = (s: string) => createHash("sha256").update(s, "utf8").digest();

/** Constant-time comparison of a received clientState with ours (hashed first, so lengths never leak either). */
export function sameSecret(received: unknown, expected: string): boolean {
  if (typeof received !== "string") return false;
  return timingSafeEqual(digest(received), digest(expected));
}

/** A short fingerprint of the clientState, stored so a changed secret is noticed; it cannot be turned back into the secret. */
export function secretFingerprint(secret: string): string {
  return digest(`upc-client-state:${secret}`).toString("base64url").slice(0, 16);
}

export interface VerifiedNotifications {
  /** Subscriptions with new mail. */
  changes: string[];
  lifecycle: { subscriptionId: string; event: LifecycleEvent }[];
  /** Items with a wrong or missing clientState. */
  forged: number;
  /** Items with our clientState but a subscription we do not (yet) know. */
  unknown: number;
}

/** Null when the body is not a notification collection at all. */
export function verifyNotifications(body: unknown, clientState: string, isOurs: (subscriptionId: string) => boolean): VerifiedNotifications | null {
  const value = (body as { value?: unknown } | null)?.value;
  if (!Array.isArray(value)) return null;
  const out: VerifiedNotifications = { changes: [], lifecycle: [], forged: 0, unknown: 0 };
  for (const raw of value) {
    const item = (raw ?? {}) as { subscriptionId?: unknown; clientState?: unknown; lifecycleEvent?: unknown };
    if (!sameSecret(item.clientState, clientState)) {
      out.forged++;
      continue;
    }
    const id = typeof item.subscriptionId === "string" ? item.subscriptionId : "";
    if (!id || !isOurs(id)) {
      out.unknown++;
      continue;
    }
    if (typeof item.lifecycleEvent === "string") {
      if (LIFECYCLE.has(item.lifecycleEvent)) out.lifecycle.push({ subscriptionId: id, event: item.lifecycleEvent as LifecycleEvent });
    } else if (!out.changes.includes(id)) out.changes.push(id);
  }
  return out;
}
