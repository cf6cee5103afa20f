// Reading a mailbox's new mail by message delta, and the writes the flagging service makes to messages.
import { DataError } from "../client/errors";
import type { BatchRequest, Graph } from "../client/factory";
import { query } from "../client/odata";
import { preferImmutable } from "./immutable-ids";

/** Only what the flagging service needs: who sent it, to whom, what it is called and how it is marked. */
export const DELTA_SELECT = ["from", "sender", "toRecipients", "ccRecipients", "subject", "internetMessageId", "receivedDateTime", "categories"];

/** Graph's page size for message delta is 10 unless asked; 1000 keeps one request per mailbox per round at volume. */
export const DELTA_PAGE_SIZE = 1000;

interface GraphRecipient {
  emailAddress?: { name?: string; address?: string };
}

interface GraphDeltaMessage {
  id: string;
  "@removed"?: unknown;
  from?: GraphRecipient;
  sender?: GraphRecipient;
  toRecipients?: GraphRecipient[];
  ccRecipients?: GraphRecipient[];
  subject?: string | null;
  internetMessageId?: string | null;
  receivedDateTime?: string | null;
  categories?: string[] | null;
}

export interface InboxMessage {
  id: string;
  /** The From address as Graph gives it (not normalised). */
  from: string | null;
  /** The Sender address, when someone sent on another's behalf. */
  sender: string | null;
  to: string[];
  cc: string[];
  subject: string;
  /** Exactly as Graph gives it, angle brackets included. */
  internetMessageId: string | null;
  receivedDateTime: string;
  categories: string[];
}

export interface DeltaRound {
  messages: InboxMessage[];
  /** Where the next round starts. */
  deltaLink: string;
  /** Requests this round took (pages). */
  requests: number;
}

/** The sync state behind a delta link is gone (Graph's 410 SyncStateNotFound): start a new round. */
export class DeltaLinkExpired extends Error {
  constructor() {
    super("The mailbox's delta link is no longer valid; a new delta round is needed.");
    this.name = "DeltaLinkExpired";
  }
}

const addr = (r: GraphRecipient | undefined): string | null => r?.emailAddress?.address?.trim() || null;

function toMessage(m: GraphDeltaMessage): InboxMessage {
  return {
    id: m.id,
    from: addr(m.from),
    sender: addr(m.sender),
    to: (m.toRecipients ?? []).map(addr).filter((a): a is string => !!a),
    cc: (m.ccRecipients ?? []).map(addr).filter((a): a is string => !!a),
    subject: m.subject ?? "",
    internetMessageId: m.internetMessageId ?? null,
    receivedDateTime: m.receivedDateTime ?? new Date().toISOString(),
    categories: m.categories ?? [],
  };
}

/**
 * The first delta request for a mailbox's inbox: new messages only (changeType=created), received since `since`
 * so that a first start does not walk years of mail.
 */
export function inboxDeltaStart(mailbox: string, since: Date): string {
  const filter = `receivedDateTime ge ${since.toISOString().replace(/\.\d{3}Z$/, "Z")}`;
  return `/users/${encodeURIComponent(mailbox)}/mailFolders/inbox/messages/delta${query({ $select: DELTA_SELECT.join(","), changeType: "created", $filter: filter })}`;
}

/** Reads one round of message delta from a link (a start URL or a stored delta link), following its pages. */
export async function readInboxDelta(graph: Graph, link: string): Promise<DeltaRound> {
  const messages: InboxMessage[] = [];
  let next: string | undefined = graph.relative(link);
  let requests = 0;
  for (;;) {
    let page: { value: GraphDeltaMessage[]; "@odata.nextLink"?: string; "@odata.deltaLink"?: string };
    try {
      // Immutable ids: the service PATCHes categories by id later, and by then the owner may have filed the message.
      page = await graph.get(next, preferImmutable(`odata.maxpagesize=${DELTA_PAGE_SIZE}`));
    } catch (e) {
      if (e instanceof DataError && (e.status === 410 || /SyncStateNotFound|resyncRequired/i.test(e.code ?? ""))) throw new DeltaLinkExpired();
      throw e;
    }
    requests++;
    for (const m of page.value) if (!m["@removed"]) messages.push(toMessage(m));
    if (page["@odata.nextLink"]) next = graph.relative(page["@odata.nextLink"]);
    else if (page["@odata.deltaLink"]) return { messages, deltaLink: page["@odata.deltaLink"], requests };
    else throw new DataError("Invalid", undefined, 200, undefined, "A message delta page had neither a nextLink nor a deltaLink.");
  }
}

/**
 * Sets a message's flag category: `wanted` (or none) among `flagCategories`, every other category left as it is.
 * Null when the message already has exactly that. A $batch part, so many go in one request.
 */
export function flagCategoryRequest(id: string, mailbox: string, messageId: string, existing: string[], flagCategories: string[], wanted: string | null): BatchRequest | null {
  const ours = new Set(flagCategories.map((c) => c.toLowerCase()));
  const have = existing.filter((c) => ours.has(c.toLowerCase()));
  if (have.length === (wanted ? 1 : 0) && (!wanted || have[0].toLowerCase() === wanted.toLowerCase())) return null;
  const kept = existing.filter((c) => !ours.has(c.toLowerCase()));
  return {
    id,
    method: "PATCH",
    url: `/users/${encodeURIComponent(mailbox)}/messages/${encodeURIComponent(messageId)}`,
    body: { categories: wanted ? [...kept, wanted] : kept },
    headers: preferImmutable(),
  };
}

export interface OutgoingMail {
  to: string[];
  subject: string;
  /** Plain text. */
  text: string;
}

/** Sends a plain-text mail from a mailbox (app-only needs Mail.Send). */
export async function sendMail(graph: Graph, from: string, mail: OutgoingMail): Promise<void> {
  await graph.post(`/users/${encodeURIComponent(from)}/sendMail`, {
    message: {
      subject: mail.subject.slice(0, 255),
      body: { contentType: "Text", content: mail.text },
      toRecipients: mail.to.map((address) => ({ emailAddress: { address } })),
    },
    saveToSentItems: true,
  });
}
