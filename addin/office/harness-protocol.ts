// The messages between the task pane and the browser harness, which plays Office.js's part outside Outlook.
import type { HostTheme, InfoBarKind, MailAddress, ReadItem } from "./types";

/** A ReadItem as it crosses postMessage (dates as ISO strings). */
export type WireItem = Omit<ReadItem, "received"> & { received: string | null };

export type HostCall =
  | { method: "hello" }
  | { method: "currentItem" }
  | { method: "showInfoBar"; key: string; kind: InfoBarKind; text: string }
  | { method: "clearInfoBar"; key: string }
  | { method: "forwardAsAttachment"; to: MailAddress; subject: string; body: string }
  | { method: "newMessage"; to: MailAddress[]; subject: string; body: string };

/** Pane → harness. */
export interface HostRequest {
  channel: "upc-host";
  id: number;
  call: HostCall;
}

/** Harness → pane: the answer to one request. */
export interface HostReply {
  channel: "upc-host-reply";
  id: number;
  ok: boolean;
  value?: unknown;
  error?: string;
}

/** Harness → pane: something changed. */
export type HostEvent =
  | { channel: "upc-host-event"; event: "itemChanged" }
  | { channel: "upc-host-event"; event: "theme"; theme: HostTheme };

/** What the harness answers to "hello". */
export interface HelloReply {
  user: string;
  theme: HostTheme;
}

export function isHostRequest(data: unknown): data is HostRequest {
  const d = data as HostRequest | null;
  return !!d && d.channel === "upc-host" && typeof d.id === "number" && !!d.call && typeof d.call.method === "string";
}

export function isHostReply(data: unknown): data is HostReply {
  const d = data as HostReply | null;
  return !!d && d.channel === "upc-host-reply" && typeof d.id === "number";
}

export function isHostEvent(data: unknown): data is HostEvent {
  const d = data as HostEvent | null;
  return !!d && d.channel === "upc-host-event" && typeof d.event === "string";
}
