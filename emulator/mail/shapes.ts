// Stored records rendered as Graph v1.0 JSON (message, mailFolder, outlookCategory, messageRule), with $select.
import { unknownProperty } from "./errors";
import type { ItemBody, OutlookCategory, StoredFolder, StoredMessage, StoredRule } from "./model";
import type { Mailbox } from "./store";

/** Message properties in the order Graph returns them. */
export const MESSAGE_PROPERTIES = [
  "id",
  "createdDateTime",
  "lastModifiedDateTime",
  "changeKey",
  "categories",
  "receivedDateTime",
  "sentDateTime",
  "hasAttachments",
  "internetMessageId",
  "subject",
  "bodyPreview",
  "importance",
  "parentFolderId",
  "conversationId",
  "isDeliveryReceiptRequested",
  "isReadReceiptRequested",
  "isRead",
  "isDraft",
  "webLink",
  "inferenceClassification",
  "body",
  "sender",
  "from",
  "toRecipients",
  "ccRecipients",
  "bccRecipients",
  "replyTo",
  "flag",
] as const;

export const MESSAGE_TYPE = "microsoft.graph.message";

const CANONICAL = new Map(MESSAGE_PROPERTIES.map((p) => [p.toLowerCase(), p]));

export function etagOf(m: StoredMessage): string {
  return `W/"${m.changeKey}"`;
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

export function htmlToText(html: string): string {
  return html
    .replace(/<(style|script|head)[^>]*>[\s\S]*?<\/\1>/gi, "")
    .replace(/<br\s*\/?>/gi, "\n")
    .replace(/<\/(p|div|li|tr|h\d)>/gi, "\n")
    .replace(/<[^>]+>/g, "")
    .replace(/&nbsp;/g, " ")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, "&")
    .trim();
}

export function textToHtml(text: string): string {
  return `<html><head>\r\n<meta http-equiv="Content-Type" content="text/html; charset=utf-8"></head><body><div>${escapeHtml(text).replace(/\r?\n/g, "<br>")}</div></body></html>`;
}

/** The body in the requested format; Graph returns HTML unless `Prefer: outlook.body-content-type="text"`. */
export function bodyAs(body: ItemBody, want: "text" | "html"): ItemBody {
  if (body.contentType === want) return body;
  return want === "text" ? { contentType: "text", content: htmlToText(body.content) } : { contentType: "html", content: textToHtml(body.content) };
}

export function previewOf(body: ItemBody): string {
  const text = body.contentType === "html" ? htmlToText(body.content) : body.content;
  return text.replace(/\s+/g, " ").trim().slice(0, 255);
}

/** Resolves a message property by lower-case name, for $filter and $orderby without building the whole JSON. */
export function messageValue(m: StoredMessage, mb: Mailbox, lower: string): unknown {
  switch (lower) {
    case "parentfolderid":
      return m.folderId;
    case "bodypreview":
      return previewOf(m.body);
    case "weblink":
      return webLinkOf(m, mb);
    case "isdeliveryreceiptrequested":
    case "isreadreceiptrequested":
      return false;
    default: {
      const name = CANONICAL.get(lower);
      return name ? (m as unknown as Record<string, unknown>)[name] : undefined;
    }
  }
}

function webLinkOf(m: StoredMessage, mb: Mailbox): string {
  return `https://outlook.office365.com/owa/?ItemID=${encodeURIComponent(m.id)}&exvsurl=1&viewmodel=ReadMessageItem&mailbox=${encodeURIComponent(mb.upn)}`;
}

/** Checks a $select list and returns canonical names; unknown names are Graph's 400. */
export function resolveSelect(select: string[] | undefined, known: Map<string, string>, typeName: string): string[] | undefined {
  if (!select) return undefined;
  return select.map((s) => {
    const name = known.get(s.toLowerCase());
    if (!name) throw unknownProperty(s, typeName);
    return name;
  });
}

export function parseSelectParam(raw: string | undefined): string[] | undefined {
  if (raw === undefined) return undefined;
  const list = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return list.length ? list : undefined;
}

export function checkMessageSelect(select: string[] | undefined): string[] | undefined {
  return resolveSelect(select, CANONICAL, MESSAGE_TYPE);
}

export interface MessageView {
  select?: string[];
  /** The request sent `Prefer: IdType="ImmutableId"`: `id` is the immutable id. */
  immutable?: boolean;
  bodyType: "text" | "html";
  /** Delta pages carry "@odata.type" on each item. */
  withType?: boolean;
}

export function messageJson(m: StoredMessage, mb: Mailbox, view: MessageView): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  if (view.withType) out["@odata.type"] = `#${MESSAGE_TYPE}`;
  out["@odata.etag"] = etagOf(m);
  const wanted = view.select ? new Set(["id", ...view.select]) : undefined;
  for (const p of MESSAGE_PROPERTIES) {
    if (wanted && !wanted.has(p)) continue;
    switch (p) {
      case "body":
        out.body = bodyAs(m.body, view.bodyType);
        break;
      case "bodyPreview":
        out.bodyPreview = previewOf(m.body);
        break;
      case "parentFolderId":
        out.parentFolderId = m.folderId;
        break;
      case "webLink":
        out.webLink = webLinkOf(m, mb);
        break;
      case "isDeliveryReceiptRequested":
      case "isReadReceiptRequested":
        out[p] = false;
        break;
      case "categories":
        out.categories = [...m.categories];
        break;
      case "id":
        out.id = view.immutable ? m.iid : m.id;
        break;
      default:
        out[p] = (m as unknown as Record<string, unknown>)[p];
    }
  }
  return out;
}

export function folderJson(f: StoredFolder, mb: Mailbox): Record<string, unknown> {
  let total = 0;
  let unread = 0;
  for (const m of mb.byId.values()) {
    if (m.folderId !== f.id) continue;
    total++;
    if (!m.isRead) unread++;
  }
  let children = 0;
  for (const c of mb.folders.values()) if (c.parentFolderId === f.id) children++;
  return {
    id: f.id,
    displayName: f.displayName,
    parentFolderId: f.parentFolderId,
    childFolderCount: children,
    unreadItemCount: unread,
    totalItemCount: total,
    isHidden: f.isHidden,
  };
}

export function categoryJson(c: OutlookCategory): Record<string, unknown> {
  return { id: c.id, displayName: c.displayName, color: c.color };
}

export function ruleJson(r: StoredRule): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: r.id,
    displayName: r.displayName,
    sequence: r.sequence,
    isEnabled: r.isEnabled,
    hasError: r.hasError,
    isReadOnly: r.isReadOnly,
  };
  if (r.conditions) out.conditions = r.conditions;
  if (r.exceptions) out.exceptions = r.exceptions;
  out.actions = r.actions;
  return out;
}
