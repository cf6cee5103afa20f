// Graph's JSON for sites, lists, columns, list items and item versions.
import { etagOf, renderFields } from "./fields";
import { isoSeconds, type ColumnDef, type Fields, type Item, type ListState } from "./model";
import { APP_PRINCIPAL_ID, type Principals } from "./principals";

export interface SiteInfo {
  id: string;
  hostname: string;
  siteGuid: string;
  webGuid: string;
  /** Server-relative path of the web, "/sites/upc". */
  path: string;
  displayName: string;
  created: number;
}

export interface RenderContext {
  site: SiteInfo;
  webUrl: string;
  baseUrl: string;
  principals: Principals;
}

export function renderSite(ctx: RenderContext): Record<string, unknown> {
  const s = ctx.site;
  return {
    "@odata.context": `${ctx.baseUrl}/$metadata#sites/$entity`,
    createdDateTime: isoSeconds(s.created),
    description: "Unreasonably persistent customers: cases, contacts and restrictions",
    id: s.id,
    lastModifiedDateTime: isoSeconds(s.created),
    name: s.path.split("/").pop(),
    webUrl: ctx.webUrl,
    displayName: s.displayName,
    root: {},
    siteCollection: { hostname: s.hostname },
  };
}

function listEtag(l: ListState): string {
  return `"${l.id},${l.seq}"`;
}

export function renderColumn(c: ColumnDef): Record<string, unknown> {
  return {
    columnGroup: c.builtIn ? "_Hidden" : "Custom Columns",
    description: c.description,
    displayName: c.displayName,
    enforceUniqueValues: c.unique,
    hidden: c.hidden,
    id: c.id,
    indexed: c.indexed,
    name: c.name,
    readOnly: c.readOnly,
    required: c.required,
    [c.facetName]: c.facet,
  };
}

export function renderList(l: ListState, ctx: RenderContext, expandColumns: boolean): Record<string, unknown> {
  const out: Record<string, unknown> = {
    "@odata.etag": listEtag(l),
    createdDateTime: isoSeconds(l.created),
    description: l.description,
    eTag: listEtag(l),
    id: l.id,
    lastModifiedDateTime: isoSeconds(l.modified),
    name: l.name,
    webUrl: `${ctx.webUrl}/Lists/${encodeURIComponent(l.name)}`,
    displayName: l.displayName,
    createdBy: ctx.principals.identity(l.createdBy),
    // The list's own last editor is not kept: its creator stands in (list-create.md's answer has both).
    lastModifiedBy: ctx.principals.identity(l.createdBy),
    parentReference: { siteId: ctx.site.id },
    list: { contentTypesEnabled: false, hidden: false, template: l.template },
  };
  if (expandColumns) out.columns = l.columns.map(renderColumn);
  return out;
}

export interface ItemRenderOptions {
  expandFields: boolean;
  fieldSelect?: string[];
  select?: string[];
}

function fieldsOf(l: ListState, it: Item, f: Fields, version: number, modified: number, editor: number, select?: string[]) {
  return renderFields(
    l,
    it.id,
    f,
    {
      etag: etagOf(l, it, version),
      version: `${version}.0`,
      authorId: it.a,
      editorId: editor,
      created: it.c,
      modified,
      appAuthored: it.a === APP_PRINCIPAL_ID,
      appEdited: editor === APP_PRINCIPAL_ID,
    },
    select,
  );
}

export function renderItemFields(l: ListState, it: Item, select?: string[]): Record<string, unknown> {
  return fieldsOf(l, it, it.f, it.v, it.m, it.e, select);
}

export function renderItem(l: ListState, it: Item, ctx: RenderContext, opts: ItemRenderOptions): Record<string, unknown> {
  const etag = etagOf(l, it);
  const all: Record<string, unknown> = {
    "@odata.etag": etag,
    createdDateTime: isoSeconds(it.c),
    eTag: etag,
    id: String(it.id),
    lastModifiedDateTime: isoSeconds(it.m),
    webUrl: `${ctx.webUrl}/Lists/${encodeURIComponent(l.name)}/${it.id}_.000`,
    createdBy: ctx.principals.identity(it.a),
    lastModifiedBy: ctx.principals.identity(it.e),
    parentReference: { id: l.id, siteId: ctx.site.id },
    contentType: { id: "0x0100", name: "Item" },
  };
  let out = all;
  if (opts.select) {
    out = { "@odata.etag": etag };
    for (const key of opts.select) if (key in all) out[key] = all[key];
  }
  if (opts.expandFields) out.fields = renderItemFields(l, it, opts.fieldSelect);
  return out;
}

/** Versions newest first, as Graph lists them; "1.0" is the item as first created. */
export function renderVersions(l: ListState, it: Item, ctx: RenderContext, withFields: boolean): Record<string, unknown>[] {
  const all = [...(it.h ?? []), { v: it.v, m: it.m, e: it.e, f: it.f }];
  return all.reverse().map((rec) => renderVersion(l, it, rec, ctx, withFields));
}

export function renderVersion(
  l: ListState,
  it: Item,
  rec: { v: number; m: number; e: number; f: Fields },
  ctx: RenderContext,
  withFields: boolean,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    id: `${rec.v}.0`,
    lastModifiedDateTime: isoSeconds(rec.m),
    lastModifiedBy: ctx.principals.identity(rec.e),
    publication: { level: "published", versionId: `${rec.v}.0` },
  };
  if (withFields) out.fields = fieldsOf(l, it, rec.f, rec.v, rec.m, rec.e);
  return out;
}
