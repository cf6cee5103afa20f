// Graph's SharePoint routes: sites, lists, columns, list items (with ETags), item versions and list item delta.
import { parseExpand, parseSelect, parseTop } from "../core/queryOptions";
import { filterObjects, selectProps } from "../core/objectQuery";
import { GraphError, type EmulatorContext, type EmuRequest, type EmuResponse, type Route } from "../core/types";
import { columnFromDefinition } from "./columns";
import { itemsDelta, type DeltaSettings } from "./delta";
import { etagOf } from "./fields";
import { linkWith } from "./links";
import type { Item, ListState } from "./model";
import { accessDenied, PERM, type Permissions } from "./permissions";
import type { Principals } from "./principals";
import { PREFER_NON_INDEXED, runQuery } from "./query";
import { renderColumn, renderItem, renderItemFields, renderList, renderSite, renderVersion, renderVersions, type RenderContext, type SiteInfo } from "./render";
import { itemNotFound, type SiteStore } from "./store";

export interface SpServices {
  delta: DeltaSettings;
  store: SiteStore;
  permissions: Permissions;
  principals: Principals;
  site: SiteInfo;
  ctx: EmulatorContext;
}

/** The site segment: "root", a site id "host,guid,guid", or path addressing "host:/sites/upc:". */
export const SITE = String.raw`(?<site>[^/]+:/sites/[^/:]+:?|[^/]+)`;
const LIST = String.raw`${SITE}/lists/(?<list>[^/]+)`;
const ITEM = String.raw`${LIST}/items/(?<item>[^/]+)`;

export function route(method: Route["method"], pattern: string, name: string, handler: Route["handler"]): Route {
  return { method, pattern: new RegExp(`^/sites/${pattern}$`), name, handler };
}

/** Whether a site segment names this site; anything else is Graph's 404 "Requested site could not be found". */
export function namesSite(ref: string, site: SiteInfo): boolean {
  const byPath = /^[^/]+:(\/sites\/[^/:]+):?$/.exec(ref);
  if (byPath) return byPath[1].toLowerCase() === site.path.toLowerCase();
  if (ref.includes(",")) {
    const [, siteGuid, webGuid] = ref.toLowerCase().split(",");
    return siteGuid === site.siteGuid && (webGuid === undefined || webGuid === site.webGuid);
  }
  return ref.toLowerCase() === "root" || ref.toLowerCase() === site.siteGuid;
}

export function siteNotFound(): GraphError {
  return new GraphError(404, "itemNotFound", "Requested site could not be found");
}

export function webUrlOf(baseUrl: string, site: SiteInfo): string {
  return `${baseUrl.replace(/\/v1\.0$/, "")}${site.path}`;
}

/** An entity tag as compared: quotes, W/ and braces off, the GUID in one case (SharePoint's GUIDs are not case-sensitive). */
function etagKey(etag: string): string {
  return etag
    .trim()
    .replace(/^W\//, "")
    .replace(/^\\?"/, "")
    .replace(/\\?"$/, "")
    .replace(/[{}]/g, "")
    .toUpperCase();
}

/**
 * If-Match: "*" always matches; otherwise the eTag handed out ("{GUID},version") must name the current version. An
 * empty If-Match is not a wildcard: RFC 9110 §13.1.1 has no empty entity-tag, so it matches nothing.
 */
function checkIfMatch(req: EmuRequest, list: ListState, it: Item): void {
  const header = req.headers["if-match"];
  if (header === undefined || header.trim() === "*") return;
  const current = etagOf(list, it);
  if (!header.trim() || etagKey(header) !== etagKey(current)) {
    throw new GraphError(412, "preconditionFailed", `The request ETag value '${header.trim()}' does not match the object's ETag value '${current}'.`);
  }
}

function fieldsBody(body: unknown): unknown {
  const fields = (body as { fields?: unknown } | undefined)?.fields;
  if (fields === undefined) throw new GraphError(400, "invalidRequest", "The request body must hold a 'fields' object.");
  return fields;
}

export function sharePointRoutes(s: SpServices): Route[] {
  const { store, permissions, principals, site, ctx } = s;
  const rc = (req: EmuRequest): RenderContext => ({ site, webUrl: webUrlOf(req.baseUrl, site), baseUrl: req.baseUrl, principals });
  const dirty = () => ctx.markDirty("sharepoint");
  const now = () => ctx.now().getTime();

  const resolveSite = (req: EmuRequest): void => {
    if (!namesSite(req.params.site, site)) throw siteNotFound();
    if (!permissions.canSeeSite(req.principal, store.lists.values())) throw accessDenied();
  };
  const listOf = (req: EmuRequest, perm: number): ListState => {
    resolveSite(req);
    const list = store.getList(req.params.list);
    permissions.require(req.principal, perm, list);
    return list;
  };
  const itemOf = (list: ListState, ref: string): Item => {
    const id = /^\d+$/.test(ref) ? Number(ref) : NaN;
    const it = list.items.get(id);
    if (!it) throw itemNotFound();
    return it;
  };
  const itemOptions = (req: EmuRequest) => {
    const expand = parseExpand(req.query.$expand);
    return { expandFields: "fields" in expand, fieldSelect: expand.fields?.select, select: parseSelect(req.query.$select) };
  };
  const columnOf = (list: ListState, ref: string) => {
    const col = list.columns.find((c) => c.id === ref.toLowerCase() || c.name === ref) ?? list.columns.find((c) => c.name.toLowerCase() === ref.toLowerCase());
    if (!col) throw new GraphError(404, "itemNotFound", "The resource could not be found.");
    return col;
  };

  const getSite = (req: EmuRequest): EmuResponse => {
    resolveSite(req);
    return { status: 200, body: selectProps(renderSite(rc(req)), req.query.$select, "site") };
  };

  return [
    route("GET", SITE, "/sites/{site}", getSite),
    route("GET", `${SITE}/lists`, "/sites/{site}/lists", (req) => {
      resolveSite(req);
      const expandColumns = "columns" in parseExpand(req.query.$expand);
      const visible = [...store.lists.values()].filter((l) => permissions.has(req.principal, PERM.ViewListItems, l));
      const rendered = visible.map((l) => renderList(l, rc(req), expandColumns));
      const filtered = filterObjects(rendered, req.query.$filter, ["id", "name", "displayName"], "list");
      return {
        status: 200,
        body: {
          "@odata.context": `${req.baseUrl}/$metadata#sites('${site.id}')/lists`,
          value: filtered.map((l) => (req.query.$select ? selectProps(l, req.query.$select, "list") : l)),
        },
      };
    }),
    route("POST", `${SITE}/lists`, "/sites/{site}/lists", (req) => {
      resolveSite(req);
      permissions.require(req.principal, PERM.ManageLists);
      const b = (req.body ?? {}) as { displayName?: unknown; description?: unknown; columns?: unknown; list?: { template?: unknown } };
      if (typeof b.displayName !== "string" || !b.displayName.trim()) throw new GraphError(400, "invalidRequest", "A list needs a displayName.");
      const template = typeof b.list?.template === "string" ? b.list.template : "genericList";
      if (template !== "genericList") throw new GraphError(400, "invalidRequest", `List template '${template}' is not supported by the emulator.`);
      if (b.columns !== undefined && !Array.isArray(b.columns)) throw new GraphError(400, "invalidRequest", "columns must be an array.");
      const cols = ((b.columns as unknown[] | undefined) ?? []).map((c) => columnFromDefinition(c, (id) => !!store.findList(id)));
      const list = store.createList(b.displayName.trim(), typeof b.description === "string" ? b.description : "", template, principals.of(req.principal).id, now());
      try {
        for (const c of cols) store.addColumn(list, c);
      } catch (err) {
        store.deleteList(list);
        throw err;
      }
      dirty();
      return { status: 201, body: renderList(list, rc(req), false) };
    }),
    route("GET", LIST, "/sites/{site}/lists/{list}", (req) => {
      const list = listOf(req, PERM.ViewListItems);
      const expandColumns = "columns" in parseExpand(req.query.$expand);
      return { status: 200, body: selectProps(renderList(list, rc(req), expandColumns), req.query.$select, "list") };
    }),
    route("DELETE", LIST, "/sites/{site}/lists/{list}", (req) => {
      const list = listOf(req, PERM.ManageLists);
      store.deleteList(list);
      dirty();
      return { status: 204 };
    }),
    route("GET", `${LIST}/columns`, "/sites/{site}/lists/{list}/columns", (req) => {
      const list = listOf(req, PERM.ViewListItems);
      return { status: 200, body: { value: list.columns.map(renderColumn) } };
    }),
    route("POST", `${LIST}/columns`, "/sites/{site}/lists/{list}/columns", (req) => {
      const list = listOf(req, PERM.ManageLists);
      const col = columnFromDefinition(req.body, (id) => !!store.findList(id));
      store.addColumn(list, col);
      dirty();
      return { status: 201, body: renderColumn(col) };
    }),
    route("GET", `${LIST}/columns/(?<column>[^/]+)`, "/sites/{site}/lists/{list}/columns/{column}", (req) => {
      const list = listOf(req, PERM.ViewListItems);
      return { status: 200, body: renderColumn(columnOf(list, req.params.column)) };
    }),
    route("PATCH", `${LIST}/columns/(?<column>[^/]+)`, "/sites/{site}/lists/{list}/columns/{column}", (req) => {
      const list = listOf(req, PERM.ManageLists);
      const col = columnOf(list, req.params.column);
      const b = (req.body ?? {}) as Record<string, unknown>;
      const indexed = typeof b.indexed === "boolean" ? b.indexed : col.indexed;
      const unique = typeof b.enforceUniqueValues === "boolean" ? b.enforceUniqueValues : col.unique;
      store.setColumnFlags(list, col, indexed, unique);
      if (!col.builtIn || col.name === "Title") {
        if (typeof b.required === "boolean") col.required = b.required;
        if (typeof b.hidden === "boolean") col.hidden = b.hidden;
        if (typeof b.displayName === "string") col.displayName = b.displayName;
        if (typeof b.description === "string") col.description = b.description;
        const facet = b[col.facetName];
        if (facet && typeof facet === "object" && !Array.isArray(facet)) col.facet = { ...col.facet, ...(facet as Record<string, unknown>) };
      }
      dirty();
      return { status: 200, body: renderColumn(col) };
    }),
    route("DELETE", `${LIST}/columns/(?<column>[^/]+)`, "/sites/{site}/lists/{list}/columns/{column}", (req) => {
      const list = listOf(req, PERM.ManageLists);
      const col = columnOf(list, req.params.column);
      if (col.builtIn) throw new GraphError(400, "invalidRequest", "A built-in column cannot be deleted.");
      store.removeColumn(list, col);
      dirty();
      return { status: 204 };
    }),
    route("GET", `${LIST}/items/delta(?:\\(\\))?`, "/sites/{site}/lists/{list}/items/delta", (req) => {
      const list = listOf(req, PERM.ViewListItems);
      return itemsDelta(req, list, rc(req), itemOptions(req), parseTop(req.query.$top), now(), s.delta);
    }),
    route("GET", `${LIST}/items`, "/sites/{site}/lists/{list}/items", (req) => {
      const list = listOf(req, PERM.ViewListItems);
      const prefer = (req.headers.prefer ?? "").toLowerCase();
      const result = runQuery(list, {
        filter: req.query.$filter,
        orderby: req.query.$orderby,
        top: parseTop(req.query.$top),
        skiptoken: req.query.$skiptoken,
        allowNonIndexed: prefer.includes(PREFER_NON_INDEXED),
      });
      const opts = itemOptions(req);
      const r = rc(req);
      const body: Record<string, unknown> = {
        "@odata.context": `${req.baseUrl}/$metadata#sites('${site.id}')/lists('${list.id}')/items`,
        value: result.items.map((it) => renderItem(list, it, r, opts)),
      };
      if (result.next) body["@odata.nextLink"] = linkWith(req, { $skiptoken: result.next });
      return { status: 200, body };
    }),
    route("POST", `${LIST}/items`, "/sites/{site}/lists/{list}/items", (req) => {
      const list = listOf(req, PERM.AddListItems);
      const it = store.createItem(list, fieldsBody(req.body), principals.of(req.principal).id, now());
      dirty();
      const body = renderItem(list, it, rc(req), { expandFields: true });
      return { status: 201, headers: { ETag: String(body.eTag), Location: `${req.baseUrl}${encodeURI(req.path)}/${it.id}` }, body };
    }),
    route("GET", ITEM, "/sites/{site}/lists/{list}/items/{item}", (req) => {
      const list = listOf(req, PERM.ViewListItems);
      const body = renderItem(list, itemOf(list, req.params.item), rc(req), itemOptions(req));
      return { status: 200, headers: { ETag: String(body["@odata.etag"]) }, body };
    }),
    route("PATCH", ITEM, "/sites/{site}/lists/{list}/items/{item}", (req) => {
      const list = listOf(req, PERM.EditListItems);
      const it = itemOf(list, req.params.item);
      checkIfMatch(req, list, it);
      store.updateItem(list, it, fieldsBody(req.body), principals.of(req.principal).id, now());
      dirty();
      const body = renderItem(list, it, rc(req), { expandFields: true });
      return { status: 200, headers: { ETag: String(body.eTag) }, body };
    }),
    route("DELETE", ITEM, "/sites/{site}/lists/{list}/items/{item}", (req) => {
      const list = listOf(req, PERM.DeleteListItems);
      const it = itemOf(list, req.params.item);
      checkIfMatch(req, list, it);
      store.deleteItem(list, it, now());
      dirty();
      return { status: 204 };
    }),
    route("GET", `${ITEM}/fields`, "/sites/{site}/lists/{list}/items/{item}/fields", (req) => {
      const list = listOf(req, PERM.ViewListItems);
      return { status: 200, body: renderItemFields(list, itemOf(list, req.params.item), parseSelect(req.query.$select)) };
    }),
    route("PATCH", `${ITEM}/fields`, "/sites/{site}/lists/{list}/items/{item}/fields", (req) => {
      const list = listOf(req, PERM.EditListItems);
      const it = itemOf(list, req.params.item);
      checkIfMatch(req, list, it);
      store.updateItem(list, it, req.body, principals.of(req.principal).id, now());
      dirty();
      const body = renderItemFields(list, it);
      return { status: 200, headers: { ETag: String(body["@odata.etag"]) }, body };
    }),
    route("GET", `${ITEM}/versions`, "/sites/{site}/lists/{list}/items/{item}/versions", (req) => {
      const list = listOf(req, PERM.ViewListItems);
      const it = itemOf(list, req.params.item);
      return { status: 200, body: { value: renderVersions(list, it, rc(req), itemOptions(req).expandFields) } };
    }),
    route("GET", `${ITEM}/versions/(?<version>[^/]+)`, "/sites/{site}/lists/{list}/items/{item}/versions/{version}", (req) => {
      const list = listOf(req, PERM.ViewListItems);
      const it = itemOf(list, req.params.item);
      const v = /^(\d+)(?:\.0)?$/.exec(req.params.version);
      const n = v ? Number(v[1]) : NaN;
      const rec = n === it.v ? { v: it.v, m: it.m, e: it.e, f: it.f } : it.h?.find((h) => h.v === n);
      if (!rec) throw new GraphError(404, "itemNotFound", "The resource could not be found.");
      return { status: 200, body: renderVersion(list, it, rec, rc(req), true) };
    }),
  ];
}
