// Identifiers shaped like Exchange's (opaque, URL-safe) for messages, folders, rules and change keys.
import { createHash, randomBytes, randomUUID } from "node:crypto";

export function newMessageId(): string {
  return `AAMkAG${randomBytes(33).toString("base64url")}`;
}

/** Shaped like Outlook's immutable ids (the Learn page's examples begin "AAkALg"). */
export function newImmutableId(): string {
  return `AAkALg${randomBytes(33).toString("base64url")}`;
}

export function newFolderId(): string {
  return `AQMkAD${randomBytes(24).toString("base64url")}`;
}

export function newRuleId(): string {
  return `AQAAA${randomBytes(6).toString("base64url")}`;
}

export function newChangeKey(): string {
  return `CQAAABYAAA${randomBytes(12).toString("base64url")}`;
}

export function newGuid(): string {
  return randomUUID();
}

/** A GUID that is the same every time for the same seed (tenant id, conversation ids). */
export function stableGuid(seed: string): string {
  const h = createHash("sha1").update(seed).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-5${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

/** Exchange-style conversation id: replies and forwards of one subject share it. */
export function conversationIdFor(subject: string): string {
  const normalised = subject.replace(/^\s*((re|fw|fwd)\s*:\s*)+/i, "").trim().toLowerCase();
  return `AAQkAG${createHash("sha1").update(normalised).digest("base64url")}`;
}

export function newInternetMessageId(domain: string): string {
  return `<${randomBytes(16).toString("hex").toUpperCase()}@${domain}>`;
}

/** The domain part of an address, for generated internetMessageIds. */
export function domainOf(address: string | undefined): string {
  const at = address?.lastIndexOf("@") ?? -1;
  return at >= 0 && address ? address.slice(at + 1) : "emulator.local";
}
