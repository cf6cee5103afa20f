// Entry of commands.js, the send-time check (OnMessageSend, Smart Alerts). scripts/commands-bundle.js builds it as one
// self-contained file: classic Outlook on Windows runs it in a JavaScript-only runtime that loads only this file, with
// no DOM, no web storage and no page address (Microsoft Learn, "Activate add-ins with events",
// https://learn.microsoft.com/office/dev/add-ins/develop/event-based-activation); the web, new Outlook and Mac load it
// from commands.html. Configuration comes from the build, never from an address.
import { createFetchGraph } from "../../graph/client/fetch-graph";
import { DEFAULT_EMULATOR_GRAPH, DEFAULT_TENANT_GRAPH, readConfig, type AppConfig } from "../auth/config";
import { createEventAccountManager } from "../auth/event";
import type { AccountManager } from "../auth/index";
import { createComposeItem } from "../office/outlook";
import { BUILD } from "../pane-data/build-settings";
import { guardSend, type SendEvent } from "./guard";
import { restrictedRecipients } from "../../graph/lookup/recipients";
import { installEventRuntimeShims } from "./runtime-shims";

/** The function name the manifest's OnMessageSend autorun event names. */
export const SEND_HANDLER = "onMessageSendHandler";

/** The page this runs in, where there is one (browser runtimes); the JavaScript-only runtime has no location. */
function currentPage(): URL | null {
  const href = (globalThis as { location?: { href?: unknown } }).location?.href;
  return typeof href === "string" && /^https?:/.test(href) ? new URL(href) : null;
}

/** The handler's configuration: a tenant build's settings alone; development builds may use the page's proxy. */
export function eventConfig(me?: string): AppConfig {
  const page = BUILD.mode === "tenant" ? null : currentPage();
  return readConfig(page, {
    mode: BUILD.mode,
    graphBaseUrl: BUILD.graphBaseUrl || (BUILD.mode === "tenant" ? DEFAULT_TENANT_GRAPH : page ? `${page.origin}/graph/v1.0` : DEFAULT_EMULATOR_GRAPH),
    site: BUILD.site,
    ...(BUILD.tenantId ? { tenantId: BUILD.tenantId } : {}),
    ...(BUILD.clientId ? { clientId: BUILD.clientId } : {}),
    ...(me ? { user: me } : {}),
  });
}

let accounts: { key: string; manager: AccountManager } | undefined;

/** One account manager per runtime, so a second send in the same compose window signs in from memory. */
function accountFor(config: AppConfig): AccountManager {
  const key = `${config.mode}|${config.tenantId ?? ""}|${config.clientId ?? ""}|${config.user ?? ""}`;
  if (accounts?.key !== key) accounts = { key, manager: createEventAccountManager(config) };
  return accounts.manager;
}

export function onMessageSend(event: SendEvent): void {
  const me = (Office.context?.mailbox?.userProfile?.emailAddress ?? "").toLowerCase();
  void guardSend(event, {
    compose: createComposeItem(Office),
    me,
    restricted: async (addresses) => {
      // A configuration or sign-in problem is a failed check: the guard lets the mail go with a notice.
      const config = eventConfig(me || undefined);
      const graph = createFetchGraph({ baseUrl: config.graphBaseUrl, tokens: accountFor(config) });
      return restrictedRecipients({ graph, siteId: config.site }, addresses);
    },
  });
}

installEventRuntimeShims();
if (typeof Office !== "undefined") {
  // Browser runtimes wait for onReady; the JavaScript-only runtime runs the associated handler without it.
  Office.onReady(() => undefined);
  Office.actions?.associate(SEND_HANDLER, onMessageSend);
}
