// Graph routes for mail folders, messages (list, get, create, update, move, delete), message delta and sendMail.
import { GraphError, type EmulatorContext, type EmuRequest, type Route } from "../core/types";
import { folderRef, idRef, mailboxFor, type Need } from "./access";
import { messageDelta, type DeltaConfig } from "./delta";
import { followupFlag, graphTime, itemBody, newMessageFromGraph, recipient, type Delivery } from "./delivery";
import { badRequest, itemNotFound, unknownBodyProperty } from "./errors";
import { newChangeKey, newFolderId } from "./ids";
import type { StoredFolder, StoredMessage } from "./model";
import { linkWith, listMessages, parsePrefer, preferenceApplied, prefersImmutableId } from "./query";
import { FOLDER, noContent, ok, route, USER } from "./routing";
import { checkMessageSelect, folderJson, MESSAGE_PROPERTIES, messageJson, parseSelectParam } from "./shapes";
import type { Mailbox, MailStore } from "./store";

const MSG = String.raw`/messages/(?<id>[^/]+)`;
const KNOWN_MESSAGE_PROPS = new Set<string>(MESSAGE_PROPERTIES);
const ALWAYS_UPDATABLE = new Set(["categories", "flag", "isRead", "importance", "inferenceClassification"]);
const DRAFT_UPDATABLE = new Set(["subject", "body", "toRecipients", "ccRecipients", "bccRecipients", "replyTo", "from", "sender", "internetMessageId"]);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export function messageRoutes(ctx: EmulatorContext, store: MailStore, delivery: Delivery, delta: DeltaConfig): Route[] {
  const access = (req: EmuRequest, need: Need) => mailboxFor(ctx, store, req, need);

  const folderOf = (mb: Mailbox, req: EmuRequest): StoredFolder => {
    const f = mb.folder(folderRef(req.params.folder));
    if (!f) throw new GraphError(404, "ErrorItemNotFound", "The specified folder could not be found in the store.");
    return f;
  };

  /** The message named in the path (by its regular or its immutable id); under a folder path it must be in that folder. */
  const messageOf = (mb: Mailbox, req: EmuRequest): StoredMessage => {
    const m = mb.find(idRef(req.params.id));
    if (!m) throw itemNotFound();
    if (req.params.folder !== undefined && m.folderId !== folderOf(mb, req).id) throw itemNotFound();
    return m;
  };

  const getMessage = (req: EmuRequest) => {
    const { mb } = access(req, "read");
    const m = messageOf(mb, req);
    const prefer = parsePrefer(req);
    const select = checkMessageSelect(parseSelectParam(req.query.$select));
    return ok(
      { "@odata.context": `${req.baseUrl}/$metadata#users('${mb.userId}')/messages/$entity`, ...messageJson(m, mb, { select, bodyType: prefer.bodyType ?? "html", immutable: prefersImmutableId(req) }) },
      200,
      preferenceApplied(prefer),
    );
  };

  const patchMessage = (req: EmuRequest) => {
    const { mb } = access(req, "write");
    const m = messageOf(mb, req);
    const body = req.body;
    if (!isObject(body)) throw badRequest("The request body must be a message object.");
    for (const [k, v] of Object.entries(body)) {
      if (k === "@odata.type") continue;
      if (!KNOWN_MESSAGE_PROPS.has(k)) throw unknownBodyProperty(k, "microsoft.graph.message");
      if (DRAFT_UPDATABLE.has(k) && !m.isDraft) {
        throw new GraphError(400, "ErrorInvalidPropertyUpdateSentMessage", "Update operation is invalid for property of a sent message.");
      }
      if (!ALWAYS_UPDATABLE.has(k) && !DRAFT_UPDATABLE.has(k)) continue; // read-only properties are ignored, as Graph does
      switch (k) {
        case "categories":
          if (!Array.isArray(v) || v.some((c) => typeof c !== "string")) throw badRequest("Property 'categories' must be a collection of strings.");
          m.categories = [...(v as string[])];
          break;
        case "flag":
          m.flag = followupFlag(v);
          break;
        case "isRead":
          if (typeof v !== "boolean") throw badRequest("Property 'isRead' must be a boolean.");
          m.isRead = v;
          break;
        case "importance":
          if (v !== "low" && v !== "normal" && v !== "high") throw badRequest(`'${String(v)}' is not a valid importance.`);
          m.importance = v;
          break;
        case "inferenceClassification":
          if (v !== "focused" && v !== "other") throw badRequest(`'${String(v)}' is not a valid inferenceClassificationType.`);
          m.inferenceClassification = v;
          break;
        case "subject":
          if (typeof v !== "string") throw badRequest("Property 'subject' must be a string.");
          m.subject = v;
          break;
        case "body":
          m.body = itemBody(v);
          break;
        case "from":
        case "sender":
          m[k] = v === null ? null : recipient(v, k);
          break;
        case "internetMessageId": {
          if (typeof v !== "string") throw badRequest("Property 'internetMessageId' must be a string.");
          const previous = m.internetMessageId;
          m.internetMessageId = v;
          mb.reindex(m, previous);
          break;
        }
        default:
          if (!Array.isArray(v)) throw badRequest(`Property '${k}' must be a collection of recipients.`);
          (m as unknown as Record<string, unknown>)[k] = v.map((r) => recipient(r, k));
      }
    }
    m.changeKey = newChangeKey();
    m.lastModifiedDateTime = graphTime(ctx.now());
    m.changeSeq = mb.nextSeq();
    store.changed(mb, m, "updated");
    const prefer = parsePrefer(req);
    return ok(messageJson(m, mb, { bodyType: prefer.bodyType ?? "html", immutable: prefersImmutableId(req) }), 200, preferenceApplied(prefer));
  };

  /**
   * POST …/messages/{id}/move (https://learn.microsoft.com/graph/api/message-move): 201 with the message in its new
   * folder. Its id changes unless the caller asks for immutable ids (learn.microsoft.com/graph/outlook-immutable-id).
   */
  const moveMessage = (req: EmuRequest) => {
    const { mb } = access(req, "write");
    const m = messageOf(mb, req);
    const body = req.body;
    if (!isObject(body) || typeof body.destinationId !== "string") throw badRequest("The request body must carry a 'destinationId'.", "ErrorInvalidIdMalformed");
    const f = mb.folder(folderRef(body.destinationId));
    if (!f || f.id === mb.rootId) throw new GraphError(404, "ErrorItemNotFound", "The specified folder could not be found in the store.");
    const from = m.folderId;
    if (from !== f.id) {
      store.changed(mb, m, "deleted", from);
      mb.move(m, f.id);
      m.changeKey = newChangeKey();
      m.lastModifiedDateTime = graphTime(ctx.now());
      store.changed(mb, m, "created");
    }
    const prefer = parsePrefer(req);
    return ok(messageJson(m, mb, { bodyType: prefer.bodyType ?? "html", immutable: prefersImmutableId(req) }), 201, preferenceApplied(prefer));
  };

  const deleteMessage = (req: EmuRequest) => {
    const { mb } = access(req, "write");
    const m = messageOf(mb, req);
    mb.remove(m);
    store.changed(mb, m, "deleted");
    return noContent();
  };

  const listFolders = (req: EmuRequest, parentId: string) => {
    const { mb } = access(req, "read");
    const all = [...mb.folders.values()].filter((f) => f.parentFolderId === parentId && (!f.isHidden || req.query.includeHiddenFolders === "true"));
    const top = req.query.$top !== undefined && /^\d+$/.test(req.query.$top) ? Math.max(1, Math.min(Number(req.query.$top), 1000)) : 10;
    const skip = req.query.$skip !== undefined && /^\d+$/.test(req.query.$skip) ? Number(req.query.$skip) : 0;
    const body: Record<string, unknown> = {
      "@odata.context": `${req.baseUrl}/$metadata#users('${mb.userId}')/mailFolders`,
      value: all.slice(skip, skip + top).map((f) => folderJson(f, mb)),
    };
    if (skip + top < all.length) body["@odata.nextLink"] = linkWith(req, req.path, { $skip: String(skip + top) });
    return ok(body);
  };

  const createFolder = (req: EmuRequest, parentId: string) => {
    const { mb } = access(req, "write");
    const body = req.body;
    if (!isObject(body) || typeof body.displayName !== "string" || !body.displayName.trim()) throw badRequest("Property 'displayName' is required.");
    const name = body.displayName;
    for (const f of mb.folders.values()) {
      if (f.parentFolderId === parentId && f.displayName.toLowerCase() === name.toLowerCase()) {
        throw new GraphError(409, "ErrorFolderExists", "A folder with the specified name already exists.");
      }
    }
    const f: StoredFolder = { id: newFolderId(), displayName: name, parentFolderId: parentId, isHidden: body.isHidden === true };
    mb.addFolder(f);
    store.dirty();
    return ok(folderJson(f, mb), 201);
  };

  return [
    route("GET", `${USER}/mailFolders`, "/users/{user}/mailFolders", (req) => listFolders(req, access(req, "read").mb.rootId)),
    route("POST", `${USER}/mailFolders`, "/users/{user}/mailFolders", (req) => createFolder(req, access(req, "write").mb.rootId)),
    route("GET", `${USER}${FOLDER}`, "/users/{user}/mailFolders/{folder}", (req) => {
      const { mb } = access(req, "read");
      return ok({ "@odata.context": `${req.baseUrl}/$metadata#users('${mb.userId}')/mailFolders/$entity`, ...folderJson(folderOf(mb, req), mb) });
    }),
    route("GET", `${USER}${FOLDER}/childFolders`, "/users/{user}/mailFolders/{folder}/childFolders", (req) =>
      listFolders(req, folderOf(access(req, "read").mb, req).id),
    ),
    route("POST", `${USER}${FOLDER}/childFolders`, "/users/{user}/mailFolders/{folder}/childFolders", (req) =>
      createFolder(req, folderOf(access(req, "write").mb, req).id),
    ),
    route("GET", `${USER}${FOLDER}/messages/delta`, "/users/{user}/mailFolders/{folder}/messages/delta", (req) => {
      const { mb } = access(req, "read");
      return messageDelta(req, mb, folderOf(mb, req).id, ctx.now().getTime(), delta);
    }),
    route("GET", `${USER}${FOLDER}/messages`, "/users/{user}/mailFolders/{folder}/messages", (req) => {
      const { mb } = access(req, "read");
      const f = folderOf(mb, req);
      return listMessages(req, mb, f.id, `users('${mb.userId}')/mailFolders('${f.id}')/messages`);
    }),
    // "Use this API to create a new Message in a mailfolder" creates a draft (https://learn.microsoft.com/graph/api/mailfolder-post-messages),
    // the inbox included: no transport, no rules. Incoming mail arrives through the control route /_emulator/deliver.
    route("POST", `${USER}${FOLDER}/messages`, "/users/{user}/mailFolders/{folder}/messages", (req) => {
      const { mb } = access(req, "write");
      const f = folderOf(mb, req);
      const n = newMessageFromGraph(req.body);
      const prefer = parsePrefer(req);
      const view = { bodyType: prefer.bodyType ?? ("html" as const), immutable: prefersImmutableId(req) };
      const context = { "@odata.context": `${req.baseUrl}/$metadata#users('${mb.userId}')/messages/$entity` };
      return ok({ ...context, ...messageJson(delivery.create(mb, n, f.id, { isDraft: true }), mb, view) }, 201, preferenceApplied(prefer));
    }),
    route("GET", `${USER}${FOLDER}${MSG}`, "/users/{user}/mailFolders/{folder}/messages/{id}", getMessage),
    route("PATCH", `${USER}${FOLDER}${MSG}`, "/users/{user}/mailFolders/{folder}/messages/{id}", patchMessage),
    route("DELETE", `${USER}${FOLDER}${MSG}`, "/users/{user}/mailFolders/{folder}/messages/{id}", deleteMessage),
    route("POST", `${USER}${FOLDER}${MSG}/(?:microsoft\\.graph\\.)?move`, "/users/{user}/mailFolders/{folder}/messages/{id}/move", moveMessage),
    route("GET", `${USER}/messages`, "/users/{user}/messages", (req) => {
      const { mb } = access(req, "read");
      return listMessages(req, mb, undefined, `users('${mb.userId}')/messages`);
    }),
    route("POST", `${USER}/messages`, "/users/{user}/messages", (req) => {
      const { mb } = access(req, "write");
      const n = newMessageFromGraph(req.body);
      const prefer = parsePrefer(req);
      const m = delivery.create(mb, n, mb.wellKnownFolder("drafts").id, { isDraft: true });
      // user-post-messages.md's example answer carries the entity's @odata.context.
      const context = { "@odata.context": `${req.baseUrl}/$metadata#users('${mb.userId}')/messages/$entity` };
      return ok({ ...context, ...messageJson(m, mb, { bodyType: prefer.bodyType ?? "html", immutable: prefersImmutableId(req) }) }, 201, preferenceApplied(prefer));
    }),
    route("GET", `${USER}${MSG}`, "/users/{user}/messages/{id}", getMessage),
    route("PATCH", `${USER}${MSG}`, "/users/{user}/messages/{id}", patchMessage),
    route("DELETE", `${USER}${MSG}`, "/users/{user}/messages/{id}", deleteMessage),
    route("POST", `${USER}${MSG}/(?:microsoft\\.graph\\.)?move`, "/users/{user}/messages/{id}/move", moveMessage),
    route("POST", `${USER}/sendMail`, "/users/{user}/sendMail", (req) => {
      const { user } = access(req, "send");
      const body = req.body;
      if (!isObject(body) || !isObject(body.message)) throw badRequest("The request body must carry a 'message'.", "ErrorInvalidParameter");
      for (const k of Object.keys(body)) if (k !== "message" && k !== "saveToSentItems") throw unknownBodyProperty(k, "microsoft.graph.sendMail");
      const save = body.saveToSentItems === undefined ? true : body.saveToSentItems === true || body.saveToSentItems === "true";
      delivery.sendMail(user, newMessageFromGraph(body.message), save);
      return noContent(202);
    }),
  ];
}
