// The inbox's messages as Graph gives them, and as the Office.js stand-in hands them to the pane.
import type { WireItem } from "../office/harness-protocol";
import type { MailAddress } from "../office/types";

export interface GraphAddress {
  emailAddress?: { name?: string; address?: string };
}

export interface GraphMessage {
  id: string;
  subject?: string;
  from?: GraphAddress;
  sender?: GraphAddress;
  toRecipients?: GraphAddress[];
  ccRecipients?: GraphAddress[];
  receivedDateTime?: string;
  internetMessageId?: string;
  bodyPreview?: string;
  categories?: string[];
}

export interface DemoUser {
  upn: string;
  name: string;
  groups: string[];
}

export const SELECT = "id,subject,from,sender,toRecipients,ccRecipients,receivedDateTime,internetMessageId,bodyPreview,categories";

export const address = (a?: GraphAddress): MailAddress | null => (a?.emailAddress?.address ? { name: a.emailAddress.name ?? "", address: a.emailAddress.address } : null);
export const addresses = (l?: GraphAddress[]) => (l ?? []).map(address).filter((a): a is MailAddress => !!a);
export const show = (a: MailAddress | null) => (a ? (a.name ? `${a.name} <${a.address}>` : a.address) : "");

export function toWire(m: GraphMessage): WireItem {
  return {
    restId: m.id,
    internetMessageId: m.internetMessageId ?? "",
    subject: m.subject ?? "",
    from: address(m.from),
    sender: address(m.sender),
    to: addresses(m.toRecipients),
    cc: addresses(m.ccRecipients),
    received: m.receivedDateTime ?? null,
  };
}
