// Change-notification subscriptions on mailbox inboxes: create (Graph validates the URL first), renew, reauthorise.
import { DataError } from "../client/errors";
import type { Graph } from "../client/factory";
import { preferImmutable } from "./immutable-ids";

export interface Subscription {
  id: string;
  resource: string;
  changeType: string;
  notificationUrl: string;
  lifecycleNotificationUrl?: string | null;
  expirationDateTime: string;
}

/** Graph's longest life for a subscription to Outlook messages, in minutes (just under 7 days). */
export const MAX_MAIL_SUBSCRIPTION_MINUTES = 10_080;

export function inboxResource(userId: string): string {
  return `users/${userId}/mailFolders('inbox')/messages`;
}

/** Every subscription this application holds (Graph shows an app only its own). */
export function listSubscriptions(graph: Graph): Promise<Subscription[]> {
  return graph.getAll<Subscription>("/subscriptions");
}

export interface NewSubscription {
  userId: string;
  notificationUrl: string;
  lifecycleNotificationUrl: string;
  /** A secret Graph echoes on every notification; never logged. */
  clientState: string;
  expiresAt: Date;
}

/**
 * New mail in a mailbox's inbox; Graph POSTs a validation token to both URLs before it answers. Made with immutable ids,
 * so any message id a notification carries stays good after the message moves.
 */
export function createInboxSubscription(graph: Graph, s: NewSubscription): Promise<Subscription> {
  return graph.post<Subscription>(
    "/subscriptions",
    {
    changeType: "created",
    resource: inboxResource(s.userId),
    notificationUrl: s.notificationUrl,
    lifecycleNotificationUrl: s.lifecycleNotificationUrl,
    clientState: s.clientState,
    expirationDateTime: s.expiresAt.toISOString(),
    },
    preferImmutable(),
  );
}

/** Renews (which also reauthorises); a changed notificationUrl is validated by Graph first. */
export function renewSubscription(graph: Graph, id: string, expiresAt: Date, notificationUrl?: string): Promise<Subscription> {
  return graph.patch<Subscription>(`/subscriptions/${encodeURIComponent(id)}`, {
    expirationDateTime: expiresAt.toISOString(),
    ...(notificationUrl ? { notificationUrl } : {}),
  });
}

/** A subscription by id, or null when Graph no longer has it. */
export async function getSubscription(graph: Graph, id: string): Promise<Subscription | null> {
  return graph.get<Subscription>(`/subscriptions/${encodeURIComponent(id)}`).catch(() => null);
}

/** Whether Graph still holds the subscription (false only on 404; other failures throw). */
export async function subscriptionExists(graph: Graph, id: string): Promise<boolean> {
  try {
    await graph.get<Subscription>(`/subscriptions/${encodeURIComponent(id)}?$select=id`);
    return true;
  } catch (e) {
    if (e instanceof DataError && e.kind === "NotFound") return false;
    throw e;
  }
}

export async function reauthorizeSubscription(graph: Graph, id: string): Promise<void> {
  await graph.post(`/subscriptions/${encodeURIComponent(id)}/reauthorize`, {});
}

/** Deletes a subscription; one already gone counts as deleted. */
export async function deleteSubscription(graph: Graph, id: string): Promise<void> {
  try {
    await graph.delete(`/subscriptions/${encodeURIComponent(id)}`);
  } catch (e) {
    if (!(e instanceof DataError && e.kind === "NotFound")) throw e;
  }
}
