// The SharePoint module: one site (/sites/upc, also "root") with lists, permissions, Graph routes and REST routes.
import type { EmulatorContext, EmulatorModule } from "../core/types";
import { GROUPS } from "../directory/seed";
import { Permissions } from "./permissions";
import { APP_PRINCIPAL_ID, Principals } from "./principals";
import type { SiteInfo } from "./render";
import { sharePointRestRoutes } from "./rest";
import { sharePointRoutes, webUrlOf } from "./routes";
import { siteGrantRoutes } from "./site-grants";
import type { Item, ListState } from "./model";
import { SiteStore } from "./store";

export interface SharePointControl {
  /** Graph's site id, "host,siteGuid,webGuid". */
  readonly siteId: string;
  /** The site's web URL, e.g. http://127.0.0.1:4000/sites/upc; SharePoint REST lives below it at /_api. */
  readonly webUrl: string;
  /**
   * Inserts many items in-process (benchmarks with hundreds of thousands of rows), with the same value coercion,
   * unique checks and indexes as Graph writes. Rows use Graph's field names (XLookupId, ISO dates); multi-choice
   * arrays need no @odata.type here. Written as the given user, else as the app.
   */
  bulkInsert(listIdOrDisplayName: string, fields: Record<string, unknown>[], byUpn?: string): void;
  /** How long a list item delta token stays usable before Graph's 410 resync answer (tests age tokens out quickly). */
  setDeltaTokenMaxAge(ms: number): void;
  /** Calls `listener` with the stored values of each item created in the list through Graph; returns an unsubscribe. */
  onItemCreated(listIdOrDisplayName: string, listener: (fields: Record<string, unknown>) => void): () => void;
}

/**
 * Graph documents that an old delta token gets 410 but names no age; 30 days is our assumption (the README's list of
 * differences says so), long enough never to trouble a service that reads at least daily.
 */
export const DEFAULT_DELTA_TOKEN_MAX_AGE_MS = 30 * 86_400_000;

export const SITE_PATH = "/sites/upc";
const SITE_GUID = "3f0c2a91-5b7e-4d2c-9a61-0e4b8c7d5f12";
const WEB_GUID = "8d2e6b40-1c9a-4f73-b5e8-27a9c3d1e604";

export function createSharePointModule(
  ctx: EmulatorContext,
  opts: { hostname: string; origin: () => string; deltaTokenMaxAgeMs?: number },
): EmulatorModule & { control: SharePointControl } {
  const site: SiteInfo = {
    id: `${opts.hostname},${SITE_GUID},${WEB_GUID}`,
    hostname: opts.hostname,
    siteGuid: SITE_GUID,
    webGuid: WEB_GUID,
    path: SITE_PATH,
    displayName: "UPC",
    created: Date.parse("2024-01-01T00:00:00Z"),
  };
  const principals = new Principals(ctx.directory);
  const permissions = new Permissions(principals, GROUPS.admins.id);
  const store = new SiteStore(permissions);
  ctx.persist({ name: "sharepoint", dump: () => store.dump(), load: (d) => store.load(d), clear: () => store.clear() });
  const delta = { tokenMaxAgeMs: opts.deltaTokenMaxAgeMs ?? DEFAULT_DELTA_TOKEN_MAX_AGE_MS };
  const services = { store, permissions, principals, site, ctx, delta };

  const control: SharePointControl = {
    siteId: site.id,
    get webUrl() {
      return webUrlOf(`${opts.origin()}/v1.0`, site);
    },
    bulkInsert(listRef, rows, byUpn) {
      const list = store.getList(listRef);
      let by = APP_PRINCIPAL_ID;
      if (byUpn) {
        const user = ctx.directory.findUser(byUpn);
        if (!user) throw new Error(`bulkInsert: no directory user ${byUpn}`);
        by = principals.of({ kind: "user", userId: user.id, upn: user.userPrincipalName, name: user.displayName }).id;
      }
      store.bulkInsert(list, rows, by, ctx.now().getTime());
      ctx.markDirty("sharepoint");
    },
    onItemCreated(listRef, listener) {
      const list = store.getList(listRef);
      const hook = (l: ListState, it: Item) => {
        if (l === list) listener({ ...it.f });
      };
      store.created.push(hook);
      return () => {
        const i = store.created.indexOf(hook);
        if (i >= 0) store.created.splice(i, 1);
      };
    },
    setDeltaTokenMaxAge(ms) {
      if (!(ms >= 0)) throw new RangeError("a token age must be zero or more milliseconds");
      delta.tokenMaxAgeMs = ms;
    },
  };

  return { routes: [...sharePointRoutes(services), ...siteGrantRoutes(services)], restRoutes: sharePointRestRoutes(services), control };
}
