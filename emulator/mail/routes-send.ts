// Graph's message: send action: a draft goes to its recipients like sendMail's message, then on to Sent Items.
import { GraphError, type EmulatorContext, type EmuRequest, type Route } from "../core/types";
import { folderRef, idRef, mailboxFor } from "./access";
import type { Delivery } from "./delivery";
import { itemNotFound } from "./errors";
import { FOLDER, noContent, route, USER } from "./routing";
import type { MailStore } from "./store";

/** `/send`, or the action's namespace-qualified name `/microsoft.graph.send`, which OData also accepts. */
const SEND = String.raw`/messages/(?<id>[^/]+)/(?:microsoft\.graph\.)?send`;

/**
 * POST {u}/messages/{id}/send and {u}/mailFolders/{f}/messages/{id}/send, as
 * https://learn.microsoft.com/en-us/graph/api/message-send documents them: no body needed, 202 Accepted without one,
 * Mail.Send for delegated and application callers (a user still reaches only their own mailbox here).
 */
export function sendRoutes(ctx: EmulatorContext, store: MailStore, delivery: Delivery): Route[] {
  const send = (req: EmuRequest) => {
    const { user, mb } = mailboxFor(ctx, store, req, "send");
    if (req.params.folder !== undefined && !mb.folder(folderRef(req.params.folder))) {
      throw new GraphError(404, "ErrorItemNotFound", "The specified folder could not be found in the store.");
    }
    const m = mb.find(idRef(req.params.id));
    const inFolder = req.params.folder === undefined || m?.folderId === mb.folder(folderRef(req.params.folder))?.id;
    // Only drafts are sent. Once sent, a draft's id is gone (its Sent Items copy has a new id), so a second send is
    // ErrorItemNotFound. Sending a message that is not a draft answered the same "The specified object was not found
    // in the store" when seen from the real service (https://github.com/rlrghb/olkcli/issues/118, item 3); we follow
    // that one public observation rather than invent a 400.
    if (!m || !inFolder || !m.isDraft) throw itemNotFound();
    delivery.sendDraft(user, mb, m);
    return noContent(202);
  };
  return [
    route("POST", `${USER}${SEND}`, "/users/{user}/messages/{id}/send", send),
    route("POST", `${USER}${FOLDER}${SEND}`, "/users/{user}/mailFolders/{folder}/messages/{id}/send", send),
  ];
}
