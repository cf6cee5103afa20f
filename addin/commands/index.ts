// The event handlers' runtime: registers the OnMessageSend handler (Smart Alerts) with Office.actions.associate.
import { createGraph } from "../../graph/client/factory";
import { createAccountManager } from "../auth";
import { createComposeItem } from "../office/outlook";
import { pageConfig } from "../pane-data/build";
import { guardSend, type SendEvent } from "./guard";
import { restrictedRecipients } from "./recipients";

/** The function name the manifest's OnMessageSend autorun event names. */
export const SEND_HANDLER = "onMessageSendHandler";

function pageUrl(): URL {
  // Classic Outlook on Windows runs handlers in a JavaScript-only runtime that may have no location.
  return new URL(typeof location !== "undefined" ? location.href : "https://localhost/commands.html");
}

export function onMessageSend(event: SendEvent): void {
  const me = (Office.context?.mailbox?.userProfile?.emailAddress ?? "").toLowerCase();
  void guardSend(event, {
    compose: createComposeItem(Office),
    me,
    restricted: async (addresses) => {
      // A configuration or sign-in problem is a failed check: the guard lets the mail go with a notice.
      const config = pageConfig(pageUrl(), me || undefined);
      const graph = createGraph({ baseUrl: config.graphBaseUrl, tokens: createAccountManager(config, "event") });
      return restrictedRecipients({ graph, siteId: config.site }, addresses);
    },
  });
}

if (typeof Office !== "undefined") {
  Office.onReady(() => undefined);
  Office.actions?.associate(SEND_HANDLER, onMessageSend);
}
