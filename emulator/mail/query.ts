// Listing messages with $filter, $orderby, $top/$skip paging and $select, under Exchange's query rules.
import { GraphError, type EmuRequest, type EmuResponse } from "../core/types";
import { badRequest, unknownProperty } from "./errors";
import { filterProperties, parseFilter, requiredEquality, type Expr } from "./filter";
import { evaluate } from "./filter-eval";
import type { StoredMessage } from "./model";
import { checkMessageSelect, MESSAGE_PROPERTIES, MESSAGE_TYPE, messageJson, messageValue, parseSelectParam } from "./shapes";
import type { Mailbox } from "./store";

export const MESSAGE_SCHEMA = { typeName: MESSAGE_TYPE, properties: new Set(MESSAGE_PROPERTIES.map((p) => p.toLowerCase())) };

const DEFAULT_PAGE = 10;
const MAX_PAGE = 1000;

export interface Prefer {
  bodyType?: "text" | "html";
  maxPageSize?: number;
}

/** Reads the Prefer header's outlook.body-content-type and odata.maxpagesize. */
export function parsePrefer(req: EmuRequest): Prefer {
  const raw = req.headers["prefer"] ?? "";
  const out: Prefer = {};
  for (const part of raw.split(",")) {
    const [k, v] = part.split("=").map((s) => s?.trim().replace(/^"|"$/g, ""));
    if (!k || v === undefined) continue;
    if (k.toLowerCase() === "outlook.body-content-type" && (v.toLowerCase() === "text" || v.toLowerCase() === "html")) out.bodyType = v.toLowerCase() as "text" | "html";
    if (k.toLowerCase() === "odata.maxpagesize" && /^\d+$/.test(v) && Number(v) > 0) out.maxPageSize = Number(v);
  }
  return out;
}

/** `Prefer: IdType="ImmutableId"` (https://learn.microsoft.com/en-us/graph/outlook-immutable-id). */
export function prefersImmutableId(req: EmuRequest): boolean {
  return /(?:^|,)\s*IdType\s*=\s*"?ImmutableId"?\s*(?:,|$)/i.test(req.headers["prefer"] ?? "");
}

export function preferenceApplied(p: Prefer): Record<string, string> {
  const parts: string[] = [];
  if (p.bodyType) parts.push(`outlook.body-content-type="${p.bodyType}"`);
  if (p.maxPageSize) parts.push(`odata.maxpagesize=${p.maxPageSize}`);
  return parts.length ? { "Preference-Applied": parts.join(", ") } : {};
}

function nonNegativeInt(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  if (!/^\d+$/.test(raw)) throw badRequest(`Invalid value '${raw}' for query option '${name}'.`, "BadRequest");
  return Number(raw);
}

/** A link back to the same path with some query options replaced, as Graph builds @odata.nextLink. */
export function linkWith(req: EmuRequest, path: string, replace: Record<string, string | undefined>): string {
  const params: Record<string, string> = {};
  for (const [k, v] of Object.entries(req.query)) if (!(k in replace)) params[k] = v;
  for (const [k, v] of Object.entries(replace)) if (v !== undefined) params[k] = v;
  const qs = Object.entries(params)
    .map(([k, v]) => `${k}=${encodeURIComponent(v)}`)
    .join("&");
  return `${req.baseUrl}${path}${qs ? `?${qs}` : ""}`;
}

interface OrderKey {
  segs: string[];
  desc: boolean;
}

function parseOrderBy(raw: string): OrderKey[] {
  return raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean)
    .map((part) => {
      const [path, dir, extra] = part.split(/\s+/);
      const d = (dir ?? "asc").toLowerCase();
      if (!path || extra !== undefined || (d !== "asc" && d !== "desc")) throw badRequest(`Invalid $orderby clause: ${part}`, "BadRequest");
      const segs = path.split("/");
      if (!MESSAGE_SCHEMA.properties.has(segs[0].toLowerCase())) throw unknownProperty(segs[0], MESSAGE_TYPE);
      return { segs, desc: d === "desc" };
    });
}

function valueAt(m: StoredMessage, mb: Mailbox, segs: string[]): unknown {
  let v: unknown = messageValue(m, mb, segs[0].toLowerCase());
  for (const s of segs.slice(1)) {
    if (v === null || typeof v !== "object") return undefined;
    const key = Object.keys(v).find((k) => k.toLowerCase() === s.toLowerCase());
    v = key === undefined ? undefined : (v as Record<string, unknown>)[key];
  }
  return v;
}

function cmpValues(a: unknown, b: unknown): number {
  if (a === b) return 0;
  if (a === undefined || a === null) return -1;
  if (b === undefined || b === null) return 1;
  if (typeof a === "string" && typeof b === "string") {
    const la = a.toLowerCase();
    const lb = b.toLowerCase();
    return la < lb ? -1 : la > lb ? 1 : 0;
  }
  if (typeof a === "boolean" && typeof b === "boolean") return a === b ? 0 : a ? 1 : -1;
  return Number(a) - Number(b);
}

/**
 * Exchange refuses $orderby with $filter unless the ordered properties also appear in the filter, in the same
 * order and before any others ("InefficientFilter").
 */
function checkFilterOrder(filter: Expr, order: OrderKey[]): void {
  const seen: string[] = [];
  for (const p of filterProperties(filter)) if (!seen.includes(p)) seen.push(p);
  const ordered = order.map((k) => k.segs[0].toLowerCase());
  if (ordered.some((p, i) => seen[i] !== p)) {
    throw new GraphError(400, "InefficientFilter", "The restriction or sort order is too complex for this operation.");
  }
}

export function compileFilter(raw: string | undefined): Expr | undefined {
  return raw === undefined || raw.trim() === "" ? undefined : parseFilter(raw, MESSAGE_SCHEMA);
}

/** GET …/messages and …/mailFolders/{id}/messages. */
export function listMessages(req: EmuRequest, mb: Mailbox, folderId: string | undefined, contextPath: string): EmuResponse {
  const q = req.query;
  if (q.$search !== undefined) throw badRequest("$search is not supported by the emulator; use $filter.", "BadRequest");
  const prefer = parsePrefer(req);
  const select = checkMessageSelect(parseSelectParam(q.$select));
  const filter = compileFilter(q.$filter);
  const order = q.$orderby ? parseOrderBy(q.$orderby) : undefined;
  if (filter && order) checkFilterOrder(filter, order);
  const top = nonNegativeInt(q.$top, "$top");
  if (top === 0) throw badRequest("The value of $top must be between 1 and 1000.", "BadRequest");
  const pageSize = Math.min(top ?? DEFAULT_PAGE, MAX_PAGE);
  const skip = nonNegativeInt(q.$skip, "$skip") ?? 0;

  const wanted = filter ? requiredEquality(filter, "internetmessageid") : undefined;
  let candidates = wanted !== undefined ? mb.byInternetMessageId(wanted) : mb.messagesIn(folderId);
  if (wanted !== undefined && folderId !== undefined) candidates = candidates.filter((m) => m.folderId === folderId);
  const matched = filter ? candidates.filter((m) => evaluate(filter, (p) => messageValue(m, mb, p))) : candidates;
  const keys = order ?? [{ segs: ["receivedDateTime"], desc: true }];
  matched.sort((a, b) => {
    for (const k of keys) {
      const c = cmpValues(valueAt(a, mb, k.segs), valueAt(b, mb, k.segs));
      if (c !== 0) return k.desc ? -c : c;
    }
    return b.createdSeq - a.createdSeq;
  });
  const page = matched.slice(skip, skip + pageSize);
  const body: Record<string, unknown> = {
    "@odata.context": `${req.baseUrl}/$metadata#${contextPath}${select ? `(${select.join(",")})` : ""}`,
  };
  if (q.$count === "true") body["@odata.count"] = matched.length;
  body.value = page.map((m) => messageJson(m, mb, { select, bodyType: prefer.bodyType ?? "html", immutable: prefersImmutableId(req) }));
  if (skip + pageSize < matched.length) body["@odata.nextLink"] = linkWith(req, req.path, { $skip: String(skip + pageSize) });
  return { status: 200, headers: preferenceApplied(prefer), body };
}
