// A Graph client of $batch alone over plain fetch with absolute URLs, for Outlook's event runtime: classic Outlook on
// Windows runs event handlers in a JavaScript-only runtime (fetch and CORS, no DOM, no URL parser to rely on) where
// relative fetch URLs are not supported (Microsoft Learn, "Activate add-ins with events" > "Request external data",
// https://learn.microsoft.com/office/dev/add-ins/develop/event-based-activation), and where a small bundle matters.
import { runBatch, type BatchRequest, type BatchResponse } from "./batch";
import { DataError, fromResponse, toDataError } from "./errors";
import type { TokenSource } from "./factory";

export interface BatchGraph {
  readonly baseUrl: string;
  batch(requests: BatchRequest[]): Promise<BatchResponse[]>;
}

export interface FetchGraphOptions {
  /** Absolute, e.g. "https://graph.microsoft.com/v1.0". */
  baseUrl: string;
  tokens: TokenSource;
  fetch?: typeof fetch;
  /** Attempts for a whole request answered 429/503/504, and for throttled batch parts (as the SDK does). */
  retries?: number;
  wait?: (seconds: number) => Promise<void>;
}

const RETRY_STATUS = new Set([429, 503, 504]);

export function createFetchGraph({ baseUrl, tokens, fetch: doFetch = (...a) => fetch(...a), retries = 3, wait }: FetchGraphOptions): BatchGraph {
  const root = baseUrl.replace(/\/+$/, "");
  if (!/^https?:\/\/[^/]+\/[^/]+$/.test(root)) throw new Error(`The Graph address "${baseUrl}" must be absolute, like https://graph.microsoft.com/v1.0.`);
  const pause = wait ?? ((s: number) => new Promise<void>((r) => setTimeout(r, Math.min(s, 30) * 1000)));

  async function post(body: unknown): Promise<{ responses: BatchResponse[] }> {
    for (let attempt = 0; ; attempt++) {
      let res: Response;
      try {
        res = await doFetch(`${root}/$batch`, {
          method: "POST",
          headers: { Authorization: `Bearer ${await tokens.getToken()}`, "Content-Type": "application/json", Accept: "application/json" },
          body: JSON.stringify(body),
        });
      } catch (e) {
        throw e instanceof DataError ? e : toDataError(e);
      }
      if (RETRY_STATUS.has(res.status) && attempt < retries) {
        const said = Number(res.headers.get("Retry-After") ?? 1);
        await pause(Number.isFinite(said) ? said : 1);
        continue;
      }
      const text = await res.text();
      let parsed: unknown;
      try {
        parsed = text ? JSON.parse(text) : undefined;
      } catch {
        // A non-JSON body (a proxy's error page) is reported by its status alone.
      }
      if (!res.ok) throw fromResponse(res.status, parsed);
      return parsed as { responses: BatchResponse[] };
    }
  }

  return { baseUrl: root, batch: (requests) => runBatch(post, requests, retries, pause) };
}
