// Putting messages into mailboxes: delivery to an inbox (rules run, notifications fire), drafts, and sendMail.
import type { DirectoryUser, EmulatorContext } from "../core/types";
import type { DeliverInput } from "./control";
import { badRequest, unknownBodyProperty } from "./errors";
import { conversationIdFor, domainOf, newChangeKey, newImmutableId, newInternetMessageId, newMessageId } from "./ids";
import type { AttachmentInfo, FollowupFlag, ItemBody, MessageContent, Recipient, StoredMessage } from "./model";
import { runRules } from "./rules";
import type { Mailbox, MailStore } from "./store";

export function graphTime(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, "Z");
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function recipient(v: unknown, field: string): Recipient {
  const e = isObject(v) && isObject(v.emailAddress) ? v.emailAddress : undefined;
  if (!e || typeof e.address !== "string") throw badRequest(`Property '${field}' needs emailAddress.address.`, "ErrorInvalidRecipients");
  return { emailAddress: { name: typeof e.name === "string" ? e.name : e.address, address: e.address } };
}

function recipients(v: unknown, field: string): Recipient[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw badRequest(`Property '${field}' must be a collection of recipients.`);
  return v.map((r) => recipient(r, field));
}

export function itemBody(v: unknown): ItemBody {
  if (typeof v === "string") return { contentType: "text", content: v };
  if (!isObject(v)) throw badRequest("Property 'body' must be an itemBody.");
  const ct = typeof v.contentType === "string" ? v.contentType.toLowerCase() : "text";
  if (ct !== "text" && ct !== "html") throw badRequest(`'${String(v.contentType)}' is not a valid bodyType.`);
  return { contentType: ct, content: typeof v.content === "string" ? v.content : "" };
}

const FLAG_STATUS = new Set(["notFlagged", "flagged", "complete"]);

export function followupFlag(v: unknown): FollowupFlag {
  if (!isObject(v)) throw badRequest("Property 'flag' must be a followupFlag.");
  const status = v.flagStatus ?? "notFlagged";
  if (typeof status !== "string" || !FLAG_STATUS.has(status)) throw badRequest(`'${String(status)}' is not a valid followupFlagStatus.`);
  const out: FollowupFlag = { flagStatus: status as FollowupFlag["flagStatus"] };
  for (const k of ["startDateTime", "dueDateTime", "completedDateTime"] as const) {
    const d = v[k];
    if (d === undefined || d === null) continue;
    if (!isObject(d) || typeof d.dateTime !== "string") throw badRequest(`Property 'flag.${k}' must be a dateTimeTimeZone.`);
    out[k] = { dateTime: d.dateTime, timeZone: typeof d.timeZone === "string" ? d.timeZone : "UTC" };
  }
  return out;
}

function attachments(v: unknown): AttachmentInfo[] {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw badRequest("Property 'attachments' must be a collection.");
  return v.map((a) => {
    if (!isObject(a)) throw badRequest("Each attachment must be an object.");
    const bytes = typeof a.contentBytes === "string" ? Buffer.from(a.contentBytes, "base64").length : typeof a.size === "number" ? a.size : 0;
    return {
      name: typeof a.name === "string" ? a.name : "attachment",
      contentType: typeof a.contentType === "string" ? a.contentType : "application/octet-stream",
      size: bytes,
    };
  });
}

/** Writable message properties on create, plus the delivery-time ones the emulator lets a simulated sender set. */
const CREATE_FIELDS = new Set([
  "@odata.type",
  "subject",
  "body",
  "from",
  "sender",
  "toRecipients",
  "ccRecipients",
  "bccRecipients",
  "replyTo",
  "categories",
  "importance",
  "isRead",
  "internetMessageId",
  "flag",
  "inferenceClassification",
  "isDeliveryReceiptRequested",
  "isReadReceiptRequested",
  "attachments",
  "receivedDateTime",
  "sentDateTime",
  "hasAttachments",
]);

/** The delivery-time properties are optional: delivery fills in what the sender left out. */
export interface NewMessage extends MessageContent {
  isRead?: boolean;
  internetMessageId?: string;
  receivedDateTime?: string;
  sentDateTime?: string;
}

/** Reads a Graph message body (POST …/messages) into a NewMessage; unknown properties are Graph's 400. */
export function newMessageFromGraph(body: unknown): NewMessage {
  if (!isObject(body)) throw badRequest("The request body must be a message object.");
  for (const k of Object.keys(body)) if (!CREATE_FIELDS.has(k)) throw unknownBodyProperty(k, "microsoft.graph.message");
  const importance = body.importance ?? "normal";
  if (importance !== "low" && importance !== "normal" && importance !== "high") throw badRequest(`'${String(importance)}' is not a valid importance.`);
  const cats = body.categories ?? [];
  if (!Array.isArray(cats) || cats.some((c) => typeof c !== "string")) throw badRequest("Property 'categories' must be a collection of strings.");
  for (const k of ["receivedDateTime", "sentDateTime"] as const) {
    if (body[k] !== undefined && (typeof body[k] !== "string" || Number.isNaN(Date.parse(body[k] as string)))) throw badRequest(`Property '${k}' must be a DateTimeOffset.`);
  }
  if (body.internetMessageId !== undefined && typeof body.internetMessageId !== "string") throw badRequest("Property 'internetMessageId' must be a string.");
  if (body.isRead !== undefined && typeof body.isRead !== "boolean") throw badRequest("Property 'isRead' must be a boolean.");
  const inference = body.inferenceClassification ?? "focused";
  if (inference !== "focused" && inference !== "other") throw badRequest(`'${String(inference)}' is not a valid inferenceClassificationType.`);
  return {
    subject: typeof body.subject === "string" ? body.subject : "",
    body: body.body === undefined ? { contentType: "text", content: "" } : itemBody(body.body),
    from: body.from ? recipient(body.from, "from") : null,
    sender: body.sender ? recipient(body.sender, "sender") : null,
    toRecipients: recipients(body.toRecipients, "toRecipients"),
    ccRecipients: recipients(body.ccRecipients, "ccRecipients"),
    bccRecipients: recipients(body.bccRecipients, "bccRecipients"),
    replyTo: recipients(body.replyTo, "replyTo"),
    categories: cats as string[],
    importance,
    isRead: body.isRead as boolean | undefined,
    internetMessageId: body.internetMessageId as string | undefined,
    flag: body.flag ? followupFlag(body.flag) : { flagStatus: "notFlagged" },
    attachments: attachments(body.attachments),
    receivedDateTime: body.receivedDateTime as string | undefined,
    sentDateTime: body.sentDateTime as string | undefined,
    inferenceClassification: inference,
  };
}

export function ownerRecipient(user: DirectoryUser): Recipient {
  return { emailAddress: { name: user.displayName, address: user.mail || user.userPrincipalName } };
}

function record(n: NewMessage, folderId: string, now: Date, opts: { isDraft: boolean; isRead: boolean; internetMessageId: string }): StoredMessage {
  const t = graphTime(now);
  const received = n.receivedDateTime ? graphTime(new Date(n.receivedDateTime)) : t;
  return {
    id: newMessageId(),
    iid: newImmutableId(),
    folderId,
    createdSeq: 0,
    changeSeq: 0,
    changeKey: newChangeKey(),
    createdDateTime: t,
    lastModifiedDateTime: t,
    receivedDateTime: received,
    sentDateTime: n.sentDateTime ? graphTime(new Date(n.sentDateTime)) : received,
    internetMessageId: opts.internetMessageId,
    subject: n.subject,
    body: { ...n.body },
    from: n.from,
    sender: n.sender ?? n.from,
    toRecipients: n.toRecipients,
    ccRecipients: n.ccRecipients,
    bccRecipients: n.bccRecipients,
    replyTo: n.replyTo,
    categories: [...n.categories],
    flag: n.flag,
    isRead: opts.isRead,
    isDraft: opts.isDraft,
    importance: n.importance,
    inferenceClassification: n.inferenceClassification,
    conversationId: conversationIdFor(n.subject),
    hasAttachments: n.attachments.length > 0,
    attachments: n.attachments,
  };
}

export class Delivery {
  constructor(
    private readonly ctx: EmulatorContext,
    private readonly store: MailStore,
  ) {}

  private ownerAddresses(mb: Mailbox): string[] {
    const user = this.ctx.directory.findUser(mb.userId);
    return user ? [user.userPrincipalName, user.mail].filter(Boolean) : [mb.upn];
  }

  /**
   * Delivers a message to a mailbox's inbox as Exchange does: inbox rules run first (categories, read state, moves),
   * then the message appears and change notifications are queued. `stored` is false when a rule deleted it permanently.
   */
  toInbox(mb: Mailbox, n: NewMessage, internetMessageId: string): { message: StoredMessage; stored: boolean } {
    const now = this.ctx.now();
    const inbox = mb.wellKnownFolder("inbox");
    const m = record(n, inbox.id, now, { isDraft: false, isRead: n.isRead ?? false, internetMessageId });
    const outcome = runRules(mb, m, this.ownerAddresses(mb));
    if (outcome.permanentDelete) return { message: m, stored: false };
    if (outcome.addCategories.length) m.categories.push(...outcome.addCategories);
    if (outcome.markAsRead) m.isRead = true;
    if (outcome.importance) m.importance = outcome.importance;
    for (const folderId of outcome.copyTo) {
      const copy: StoredMessage = { ...m, id: newMessageId(), iid: newImmutableId(), folderId, categories: [...m.categories] };
      mb.insert(copy);
      this.store.changed(mb, copy, "created");
    }
    if (outcome.delete) m.folderId = mb.wellKnownFolder("deleteditems").id;
    else if (outcome.moveTo) m.folderId = outcome.moveTo;
    mb.insert(m);
    this.store.changed(mb, m, "created");
    return { message: m, stored: true };
  }

  /** A message created in a folder (POST …/messages): a draft, in any folder the inbox included; no rules run. */
  create(mb: Mailbox, n: NewMessage, folderId: string, opts: { isDraft: boolean; isRead?: boolean }): StoredMessage {
    const user = this.ctx.directory.findUser(mb.userId);
    const owner = user ? ownerRecipient(user) : null;
    const m = record({ ...n, from: n.from ?? owner, sender: n.sender ?? n.from ?? owner }, folderId, this.ctx.now(), {
      isDraft: opts.isDraft,
      isRead: opts.isRead ?? n.isRead ?? true,
      internetMessageId: n.internetMessageId ?? newInternetMessageId(domainOf(owner?.emailAddress.address)),
    });
    mb.insert(m);
    this.store.changed(mb, m, "created");
    return m;
  }

  /** One message from an outside sender to several mailboxes: every copy shares the internetMessageId, as real mail does. */
  deliver(input: DeliverInput): { internetMessageId: string; delivered: { upn: string; id: string | null }[] } {
    if (!Array.isArray(input.to) || input.to.length === 0) throw badRequest("'to' must list at least one mailbox.");
    if (!input.from || typeof input.from.address !== "string") throw badRequest("'from' needs an address.");
    const toUsers = input.to.map((who) => {
      const u = this.ctx.directory.findUser(who);
      if (!u) throw badRequest(`'${who}' is not a mailbox in the directory.`);
      return u;
    });
    const ccList = input.cc ?? [];
    const asRecipient = (who: string): Recipient => {
      const u = this.ctx.directory.findUser(who);
      return u ? ownerRecipient(u) : { emailAddress: { name: who, address: who } };
    };
    const from: Recipient = { emailAddress: { name: input.from.name ?? input.from.address, address: input.from.address } };
    const sender: Recipient = input.sender ? { emailAddress: { name: input.sender.name ?? input.sender.address, address: input.sender.address } } : from;
    const internetMessageId = input.internetMessageId ?? newInternetMessageId(domainOf(input.from.address));
    const n: NewMessage = {
      subject: input.subject ?? "",
      body: input.body === undefined ? { contentType: "text", content: "" } : itemBody(input.body),
      from,
      sender,
      toRecipients: toUsers.map(ownerRecipient),
      ccRecipients: ccList.map(asRecipient),
      bccRecipients: [],
      replyTo: [],
      categories: input.categories ?? [],
      importance: "normal",
      flag: { flagStatus: "notFlagged" },
      attachments: (input.attachments ?? []).map((a) => ({ name: a.name, contentType: a.contentType ?? "application/octet-stream", size: a.size ?? 0 })),
      receivedDateTime: input.receivedDateTime,
      sentDateTime: input.sentDateTime,
      inferenceClassification: "focused",
    };
    const targets: DirectoryUser[] = [];
    for (const u of [...toUsers, ...ccList.map((c) => this.ctx.directory.findUser(c)).filter((u): u is DirectoryUser => !!u)]) {
      if (!targets.some((t) => t.id === u.id)) targets.push(u);
    }
    const delivered = targets.map((u) => {
      const r = this.toInbox(this.store.mailboxOf(u), n, internetMessageId);
      return { upn: u.userPrincipalName, id: r.stored ? r.message.id : null };
    });
    return { internetMessageId, delivered };
  }

  /** The message as it leaves the sender: from the owner unless set, sender always the owner, sent and received now. */
  private outgoing(senderUser: DirectoryUser, n: NewMessage): NewMessage {
    const all = [...n.toRecipients, ...n.ccRecipients, ...n.bccRecipients];
    if (all.length === 0) throw badRequest("At least one recipient is required, but none were found.", "ErrorInvalidRecipients");
    const owner = ownerRecipient(senderUser);
    const now = graphTime(this.ctx.now());
    return { ...n, from: n.from ?? owner, sender: owner, sentDateTime: now, receivedDateTime: now };
  }

  /** A copy in each directory recipient's inbox (To, Cc, Bcc; once per mailbox), delivered with rules and notifications. */
  private transmit(sent: NewMessage, internetMessageId: string): void {
    const seen = new Set<string>();
    for (const r of [...sent.toRecipients, ...sent.ccRecipients, ...sent.bccRecipients]) {
      const u = this.ctx.directory.findUser(r.emailAddress.address);
      if (!u || seen.has(u.id)) continue;
      seen.add(u.id);
      // Bcc is not visible to recipients.
      this.toInbox(this.store.mailboxOf(u), { ...sent, bccRecipients: [], categories: [], isRead: false, flag: { flagStatus: "notFlagged" } }, internetMessageId);
    }
  }

  /** POST /users/{u}/sendMail: a copy in each directory recipient's inbox and one in the sender's Sent Items. */
  sendMail(senderUser: DirectoryUser, n: NewMessage, saveToSentItems: boolean): void {
    const sent = this.outgoing(senderUser, n);
    const internetMessageId = n.internetMessageId ?? newInternetMessageId(domainOf(ownerRecipient(senderUser).emailAddress.address));
    this.transmit(sent, internetMessageId);
    if (saveToSentItems) {
      const mb = this.store.mailboxOf(senderUser);
      const m = record(sent, mb.wellKnownFolder("sentitems").id, this.ctx.now(), { isDraft: false, isRead: true, internetMessageId });
      mb.insert(m);
      this.store.changed(mb, m, "created");
    }
  }

  /**
   * POST /users/{u}/messages/{id}/send: the draft goes to its recipients exactly as sendMail's message does, then leaves
   * its folder for Sent Items as a sent message with the same internetMessageId. A moved item gets a new id, so the
   * Sent Items copy has a new regular id and keeps the draft's immutable id: a draft's id read under
   * `Prefer: IdType="ImmutableId"` finds the sent message (https://learn.microsoft.com/en-us/graph/outlook-immutable-id,
   * "Immutable ID with sending mail").
   */
  sendDraft(senderUser: DirectoryUser, mb: Mailbox, draft: StoredMessage): StoredMessage {
    const { subject, body, from, toRecipients, ccRecipients, bccRecipients, replyTo, categories, flag, importance, inferenceClassification, attachments } = draft;
    const content: NewMessage = { subject, body, from, sender: null, toRecipients, ccRecipients, bccRecipients, replyTo, categories, flag, importance, inferenceClassification, attachments };
    const sent = this.outgoing(senderUser, content);
    this.transmit(sent, draft.internetMessageId);
    mb.remove(draft);
    this.store.changed(mb, draft, "deleted");
    const now = this.ctx.now();
    const copy: StoredMessage = {
      ...draft,
      id: newMessageId(),
      folderId: mb.wellKnownFolder("sentitems").id,
      changeKey: newChangeKey(),
      lastModifiedDateTime: graphTime(now),
      sentDateTime: sent.sentDateTime as string,
      receivedDateTime: sent.receivedDateTime as string,
      from: sent.from,
      sender: sent.sender,
      categories: [...draft.categories],
      isDraft: false,
      isRead: true,
    };
    mb.insert(copy);
    this.store.changed(mb, copy, "created");
    return copy;
  }
}
