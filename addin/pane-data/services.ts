// The pane's one Graph client, the site, the sender lookups and who the officer is: created once per pane.
import { DataError, kindForStatus, toDataError } from "../../graph/client/errors";
import { createGraph, type Graph } from "../../graph/client/factory";
import { whoAmI, type Me } from "../../graph/directory/roles";
import type { Site } from "../../graph/repos/items";
import { createAccountManager, createCaseServiceTokens, type AppConfig, type AuthSurface } from "../auth";
import { createCaseServiceClient, type CaseServiceClient } from "../../graph/case-service/client";
import { BUILD, pageConfig } from "./build";
import { senderLookups, type SenderLookups, type StorageLike } from "./flag";

export { hasRole } from "./roles";

export interface PaneServices {
  graph: Graph;
  site: Site;
  /** Every change to the register but a logged contact goes through the case service. */
  cases: CaseServiceClient;
  lookups: SenderLookups;
  /** The officer's profile and roles (one $batch, remembered for the session). */
  me(): Promise<Me>;
  defaultPolicy: string;
}

const ME_KEY = "upc.me";
const ME_TTL = 10 * 60_000;

function sessionStore(): StorageLike | null {
  try {
    return typeof sessionStorage === "undefined" ? null : sessionStorage;
  } catch {
    return null;
  }
}

export function createPaneServices(config: AppConfig, surface: AuthSurface, defaultPolicy: string, storage: StorageLike | null = sessionStore()): PaneServices {
  const tokens = createAccountManager(config, surface);
  const graph = createGraph({ baseUrl: config.graphBaseUrl, tokens });
  const site: Site = { graph, siteId: config.site };
  const cases = createCaseServiceClient({ baseUrl: config.caseServiceUrl ?? "", tokens: createCaseServiceTokens(config, surface) });
  let mine: Promise<Me> | null = null;
  const key = `${ME_KEY}.${config.user ?? config.clientId ?? ""}`;
  return {
    graph,
    site,
    cases,
    lookups: senderLookups(site, { storage }),
    defaultPolicy,
    me() {
      if (!mine) {
        mine = (async () => {
          try {
            const raw = storage?.getItem(key);
            if (raw) {
              const { at, me } = JSON.parse(raw) as { at: number; me: Me };
              if (Date.now() - at < ME_TTL) return me;
            }
          } catch {
            /* ask Graph */
          }
          try {
            const me = await whoAmI(graph);
            try {
              storage?.setItem(key, JSON.stringify({ at: Date.now(), me }));
            } catch {
              /* not remembered */
            }
            return me;
          } catch (e) {
            mine = null; // let Retry ask again
            throw profileError(e);
          }
        })();
      }
      return mine;
    },
  };
}

/** whoAmI reports a refused profile read as "Could not read your profile (503)": keep the status's meaning. */
function profileError(e: unknown): DataError {
  const status = !(e instanceof DataError) && e instanceof Error ? /\((\d{3})\)/.exec(e.message)?.[1] : undefined;
  return status ? new DataError(kindForStatus(Number(status)), undefined, Number(status)) : toDataError(e);
}

/**
 * The task pane's services for the page at `url`, signed in as the mailbox's user. This module (with sign-in) is loaded
 * on demand, so the pane paints before it arrives.
 */
export function startPaneServices(url: URL, user: string | undefined): PaneServices {
  return createPaneServices(pageConfig(url, user), "taskpane", BUILD.defaultPolicy);
}
