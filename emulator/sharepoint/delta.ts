// listItem delta: every item first, then only what changed since a token; deletions carry the `deleted` facet.
import { GraphError, type EmuRequest, type EmuResponse } from "../core/types";
import type { ListState } from "./model";
import { DEFAULT_PAGE, MAX_PAGE } from "./query";
import { renderItem, type ItemRenderOptions, type RenderContext } from "./render";
import { linkWith } from "./links";

/** What an opaque delta token stands for: changes after `since`, up to `upto`, resuming after `after`. */
interface DeltaState {
  /** When the round's first token was handed out (epoch ms): tokens age out. */
  issued: number;
  /** Initial enumeration (all live items by id) or changes since a sequence number. */
  mode: "all" | "since";
  since: number;
  upto: number;
  /** Resume point within this round: an item id (mode all) or a change sequence (mode since). */
  after: number;
}

function encode(s: DeltaState): string {
  return Buffer.from(JSON.stringify([s.mode === "all" ? 0 : 1, s.since, s.upto, s.after, s.issued])).toString("base64url");
}

function decode(token: string): DeltaState {
  try {
    const [mode, since, upto, after, issued] = JSON.parse(Buffer.from(token, "base64url").toString("utf8")) as number[];
    if (![since, upto, after].every(Number.isInteger)) throw new Error("bad token");
    return { mode: mode === 0 ? "all" : "since", since, upto, after, issued: Number.isFinite(issued) ? issued : 0 };
  } catch {
    throw new GraphError(400, "invalidRequest", "The delta token is not valid.");
  }
}

/** How long a delta token stays usable; Graph names no figure, only that an old token is refused. */
export interface DeltaSettings {
  tokenMaxAgeMs: number;
}

/**
 * A token the service can no longer answer: 410 Gone with one of the two documented codes and a Location header that
 * starts a fresh enumeration (microsoft-graph-docs-contrib api-reference/v1.0/api/listitem-delta.md: "the service
 * returns a 410 Gone response code with an error response that contains one of the following error codes, and a
 * Location header that contains a new nextLink").
 */
function resync(req: EmuRequest): GraphError {
  return new GraphError(410, "resyncChangesApplyDifferences", "The delta token is no longer valid; a full enumeration is needed. Replace local items with the server's versions.", {
    Location: linkWith(req, { token: undefined, $skiptoken: undefined }),
  });
}

export function itemsDelta(req: EmuRequest, list: ListState, rc: RenderContext, opts: ItemRenderOptions, top: number | undefined, now: number, settings: DeltaSettings): EmuResponse {
  const pageSize = Math.min(top ?? DEFAULT_PAGE, MAX_PAGE);
  const token = req.query.token;
  const value: Record<string, unknown>[] = [];
  let state: DeltaState;
  if (token === "latest") {
    state = { mode: "since", since: list.seq, upto: list.seq, after: list.seq, issued: now };
  } else if (!token) {
    state = { mode: "all", since: 0, upto: list.seq, after: 0, issued: now };
  } else {
    state = decode(token);
    // A token from a wiped store, or one older than the change log keeps, cannot be answered.
    if (state.since > list.seq || now - state.issued > settings.tokenMaxAgeMs) throw resync(req);
    if (state.mode === "since" && state.after === state.since && state.upto === state.since) {
      // A deltaLink being called: the round covers everything that changed up to now, and its links are new.
      state = { ...state, upto: list.seq, issued: now };
    }
  }

  let more = false;
  if (state.mode === "all") {
    const idx = list.indexes.get("ID");
    if (idx) {
      for (const [, id] of idx.scan(idx.lowerBound(state.after, Infinity), idx.end())) {
        const it = list.items.get(id);
        if (!it) continue;
        if (value.length === pageSize) {
          more = true;
          break;
        }
        value.push(renderItem(list, it, rc, opts));
        state.after = id;
      }
    }
  } else {
    for (const [id, seq] of list.changes) {
      if (seq <= state.after) continue;
      if (seq > state.upto) break;
      if (value.length === pageSize) {
        more = true;
        break;
      }
      const it = list.items.get(id);
      // A deletion as listitem-delta.md's example shows it: id, parentReference, contentType and the deleted facet.
      value.push(it ? renderItem(list, it, rc, opts) : { id: String(id), parentReference: { siteId: rc.site.id }, contentType: { id: "0x0100", name: "Item" }, deleted: { state: "deleted" } });
      state.after = seq;
    }
  }

  const body: Record<string, unknown> = {
    "@odata.context": `${req.baseUrl}/$metadata#Collection(listItem)`,
    value,
  };
  if (more) {
    body["@odata.nextLink"] = linkWith(req, { token: encode(state) });
  } else {
    const next: DeltaState = { mode: "since", since: state.upto, upto: state.upto, after: state.upto, issued: state.issued };
    body["@odata.deltaLink"] = linkWith(req, { token: encode(next), $skiptoken: undefined });
  }
  return { status: 200, body };
}
