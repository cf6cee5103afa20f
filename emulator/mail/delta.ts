// Message delta for one folder: rounds of pages ending in a deltaLink whose token holds the mailbox change counter.
import { GraphError, type EmuRequest, type EmuResponse } from "../core/types";
import { badRequest } from "./errors";
import type { Expr } from "./filter";
import { evaluate } from "./filter-eval";
import type { StoredMessage, Tombstone } from "./model";
import { compileFilter, parsePrefer, preferenceApplied, prefersImmutableId } from "./query";
import { checkMessageSelect, MESSAGE_TYPE, messageJson, messageValue, parseSelectParam } from "./shapes";
import type { Mailbox } from "./store";

const DEFAULT_PAGE = 10;
const MAX_PAGE = 1000;

/**
 * What a state token carries. Tokens are self-contained (no server-side sync state), so they stay valid across
 * restarts as long as the mailbox's change counter and epoch are persisted.
 */
interface DeltaToken {
  v: 1;
  /** When the round began (epoch ms): an old token's sync state is gone. */
  i?: number;
  /** Mailbox epoch: a token from a wiped store must not be trusted. */
  e: string;
  u: string;
  f: string;
  /** Changes after this counter value belong to the round. */
  s: number;
  /** Round upper bound (skip tokens only): later changes wait for the next round. */
  t?: number;
  /** Cursor (skip tokens only): entries up to this counter value were already returned. */
  a?: number;
  sel?: string;
  ct?: "created" | "updated" | "deleted";
  flt?: string;
  ps?: number;
}

function encode(t: DeltaToken): string {
  return Buffer.from(JSON.stringify(t)).toString("base64url");
}

function decode(raw: string): DeltaToken {
  try {
    const t = JSON.parse(Buffer.from(raw, "base64url").toString("utf8")) as DeltaToken;
    if (t.v !== 1 || typeof t.s !== "number") throw new Error("bad");
    return t;
  } catch {
    throw badRequest("The delta or skip token is not valid.", "BadRequest");
  }
}

/** Only `receivedDateTime ge|gt {value}` is supported in a message delta $filter. */
function checkDeltaFilter(raw: string): void {
  if (!/^\s*receivedDateTime\s+(ge|gt)\s+\S+\s*$/i.test(raw)) {
    throw badRequest("The only $filter supported in a message delta query is receivedDateTime ge|gt {value}.", "BadRequest");
  }
}

type Entry = { seq: number; m?: StoredMessage; gone?: Tombstone };

/**
 * Exchange keeps a delta round's sync state for no fixed time ("tokens expire when the token cache evicts them",
 * GRAPH-FIDELITY.md MAIL-delta-expired); seven days is our stand-in, and tests set it shorter.
 */
export const DEFAULT_MAIL_DELTA_TOKEN_MAX_AGE_MS = 7 * 86_400_000;

export interface DeltaConfig {
  tokenMaxAgeMs: number;
}

export function messageDelta(req: EmuRequest, mb: Mailbox, folderId: string, now: number, config: DeltaConfig): EmuResponse {
  const q = req.query;
  const prefer = parsePrefer(req);
  let token: DeltaToken;
  let since: number;
  let upto: number;
  let after: number;
  if (q.$deltatoken !== undefined || q.$skiptoken !== undefined) {
    const isSkip = q.$skiptoken !== undefined;
    token = decode((isSkip ? q.$skiptoken : q.$deltatoken) as string);
    // 410 SyncStateNotFound (learn.microsoft.com/graph/delta-query-overview, "synchronization state"): a token from a
    // wiped store, another folder, or one older than the sync state is kept.
    if (token.e !== mb.epoch || token.u !== mb.userId || token.f !== folderId || (token.i !== undefined && now - token.i > config.tokenMaxAgeMs)) {
      throw new GraphError(410, "SyncStateNotFound", "The sync state is no longer valid for this folder; start a new delta round without a token.");
    }
    since = token.s;
    upto = isSkip ? (token.t ?? mb.seq) : mb.seq;
    after = isSkip ? (token.a ?? since) : since;
    if (since > 0 && since < mb.tombstoneFloor) {
      throw new GraphError(410, "SyncStateNotFound", "The sync state is too old; start a new delta round without a token.");
    }
  } else {
    const select = checkMessageSelect(parseSelectParam(q.$select));
    const ct = q.changeType;
    if (ct !== undefined && ct !== "created" && ct !== "updated" && ct !== "deleted") throw badRequest(`'${ct}' is not a valid changeType.`, "BadRequest");
    if (q.$filter !== undefined) checkDeltaFilter(q.$filter);
    if (q.$orderby !== undefined && !/^\s*receivedDateTime\s+desc\s*$/i.test(q.$orderby)) {
      throw badRequest("The only $orderby supported in a message delta query is receivedDateTime desc.", "BadRequest");
    }
    const top = q.$top !== undefined && /^\d+$/.test(q.$top) ? Number(q.$top) : undefined;
    token = { v: 1, i: now, e: mb.epoch, u: mb.userId, f: folderId, s: 0, sel: select?.join(","), ct, flt: q.$filter, ps: top };
    since = 0;
    upto = mb.seq;
    after = 0;
  }
  const pageSize = Math.min(prefer.maxPageSize ?? token.ps ?? DEFAULT_PAGE, MAX_PAGE);
  const select = token.sel ? token.sel.split(",") : undefined;
  const filter: Expr | undefined = compileFilter(token.flt);
  const initial = since === 0;

  const entries: Entry[] = [];
  if (initial || token.ct !== "deleted") {
    for (const m of mb.byId.values()) {
      if (m.folderId !== folderId || m.changeSeq <= after || m.changeSeq > upto) continue;
      if (!initial && token.ct === "created" && m.createdSeq <= since) continue;
      if (!initial && token.ct === "updated" && m.createdSeq > since) continue;
      if (filter && !evaluate(filter, (p) => messageValue(m, mb, p))) continue;
      entries.push({ seq: m.changeSeq, m });
    }
  }
  if (!initial && (token.ct === undefined || token.ct === "deleted")) {
    for (const t of mb.tombstones) if (t.folderId === folderId && t.seq > after && t.seq <= upto) entries.push({ seq: t.seq, gone: t });
  }
  entries.sort((a, b) => a.seq - b.seq);
  const page = entries.slice(0, pageSize);
  const more = entries.length > pageSize;
  const bodyType = prefer.bodyType ?? "html";
  // The Prefer header applies to the request that carries it (learn.microsoft.com/graph/outlook-immutable-id).
  const immutable = prefersImmutableId(req);
  const value = page.map((e) =>
    e.m
      ? messageJson(e.m, mb, { select, bodyType, withType: true, immutable })
      : { "@odata.type": `#${MESSAGE_TYPE}`, id: immutable ? ((e.gone as Tombstone).iid ?? (e.gone as Tombstone).id) : (e.gone as Tombstone).id, "@removed": { reason: "deleted" } },
  );
  const base = `${req.baseUrl}/users/${mb.userId}/mailFolders/${encodeURIComponent(folderId)}/messages/delta`;
  const body: Record<string, unknown> = { "@odata.context": `${req.baseUrl}/$metadata#Collection(message)` };
  if (more) body["@odata.nextLink"] = `${base}?$skiptoken=${encode({ ...token, s: since, t: upto, a: page[page.length - 1].seq })}`;
  else {
    // The deltaLink begins the next round: its sync state is as old as this answer.
    const next: DeltaToken = { ...token, s: upto, i: now };
    delete next.t;
    delete next.a;
    body["@odata.deltaLink"] = `${base}?$deltatoken=${encode(next)}`;
  }
  body.value = value;
  return { status: 200, headers: preferenceApplied(prefer), body };
}
