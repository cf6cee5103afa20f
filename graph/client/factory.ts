// The one Graph client per app: the SDK with its default middleware (RetryHandler honours Retry-After), plus batching.
import { Client, MiddlewareFactory, RetryHandler, RetryHandlerOptions, type AuthenticationProvider, type Middleware } from "@microsoft/microsoft-graph-client";
import { ensureOk, MAX_BATCH, runBatch, type BatchRequest, type BatchResponse } from "./batch";
import { DataError, toDataError } from "./errors";
import { isGraphUrl, isLoopbackUrl } from "../../shared/endpoints/graph-hosts";
import { LoopbackAuthenticationHandler } from "./loopback-auth";
import { MailboxGate, slotsFor } from "./mailbox-gate";
import { budgetOf, ThrottleGate, ThrottleGateHandler } from "./throttle-gate";

/** Where tokens come from: MSAL in the add-in, client credentials in the service, development tokens on the emulator. */
export interface TokenSource {
  getToken(): Promise<string>;
}

export interface Graph {
  /** The SDK client, for anything the helpers below do not cover. */
  readonly client: Client;
  readonly baseUrl: string;
  get<T>(path: string, headers?: Record<string, string>): Promise<T>;
  post<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  patch<T>(path: string, body: unknown, headers?: Record<string, string>): Promise<T>;
  delete(path: string, headers?: Record<string, string>): Promise<void>;
  /** Every page of a collection, following @odata.nextLink. */
  getAll<T>(path: string, headers?: Record<string, string>): Promise<T[]>;
  /** One $batch (at most 20); throttled parts are retried after their Retry-After, as the SDK does for whole requests. */
  batch(requests: BatchRequest[]): Promise<BatchResponse[]>;
  /** A nextLink/deltaLink made relative to the version root, so it goes through the same client. */
  relative(link: string): string;
}

export interface GraphOptions {
  /** e.g. "https://graph.microsoft.com/v1.0" or the emulator's "http://127.0.0.1:4000/v1.0". */
  baseUrl: string;
  tokens: TokenSource;
  /** Attempts for throttled batch parts (the SDK retries whole requests 3 times). */
  batchRetries?: number;
}

export { ensureOk, MAX_BATCH, type BatchRequest, type BatchResponse };

export function createGraph({ baseUrl, tokens, batchRetries = 5 }: GraphOptions): Graph {
  const url = new URL(baseUrl.replace(/\/+$/, ""));
  const version = url.pathname.replace(/^\/+/, "") || "v1.0";
  const root = `${url.protocol}//${url.host}/`;
  // A token goes to Microsoft Graph or to this machine's emulator, never to an address someone configured elsewhere.
  const graphHost = isGraphUrl(url);
  if (!graphHost && !isLoopbackUrl(url)) throw new Error(`${url.origin} is neither Microsoft Graph nor the local emulator; no token is sent there.`);
  const provider: AuthenticationProvider = { getAccessToken: () => tokens.getToken() };
  const middleware: Middleware[] = MiddlewareFactory.getDefaultMiddlewareChain(provider);
  // The SDK's RetryHandler, told to try as often as it allows (a tenant may throttle for a while) and to leave alone a
  // 429 without Retry-After: that is SharePoint refusing a query over its list view threshold, which waiting never fixes.
  const retry = middleware.findIndex((m) => m instanceof RetryHandler);
  if (retry >= 0) middleware[retry] = new RetryHandler(new RetryHandlerOptions(3, 10, (_delay, _attempt, _request, _options, response) => !(response.status === 429 && !response.headers.get("Retry-After"))));
  // Below it, each attempt waits while its budget is throttled, and a 429 holds the budget for everyone.
  const throttle = new ThrottleGate();
  if (retry >= 0) middleware.splice(retry + 1, 0, new ThrottleGateHandler(throttle));
  // The SDK signs only https requests to Microsoft's Graph hosts; the emulator (direct or behind the dev server's
  // proxy) needs the same token added by our own handler, which signs loopback requests only.
  if (!graphHost) middleware[0] = new LoopbackAuthenticationHandler(provider);
  const client = Client.initWithMiddleware({ baseUrl: root, defaultVersion: version, middleware });
  const versionRoot = `${root}${version}`;

  const relative = (link: string) => {
    if (link.startsWith(versionRoot)) return link.slice(versionRoot.length);
    // A next or delta link elsewhere is never followed: the request (and its token) stays with this Graph.
    if (/^[a-z][a-z0-9+.-]*:/i.test(link)) throw new DataError("Invalid", "Graph answered with a link to another address; it was not followed.");
    return link;
  };
  const request = (path: string, headers?: Record<string, string>) => {
    const r = client.api(relative(path));
    if (headers) r.headers(headers);
    return r;
  };
  async function call<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (e) {
      throw toDataError(e);
    }
  }
  // At most four requests in flight to one mailbox from this client (Outlook's per-app, per-mailbox limit).
  const gate = new MailboxGate();
  const gated = <T>(paths: string[], fn: () => Promise<T>): Promise<T> => gate.run(slotsFor(paths.map(relative)), () => call(fn));

  const batch = (requests: BatchRequest[]): Promise<BatchResponse[]> =>
    runBatch(
      async (body) => {
        const urls = (body.requests as { url: string }[]).map((r) => r.url);
        await throttle.clear(new Set(urls.map(budgetOf)));
        return gated(urls, () => client.api("/$batch").post(body)) as Promise<{ responses: BatchResponse[] }>;
      },
      requests,
      batchRetries,
      undefined,
      (url, seconds) => throttle.throttled(budgetOf(url), seconds),
    );

  return {
    client,
    baseUrl: versionRoot,
    relative,
    get: (path, headers) => gated([path], () => request(path, headers).get()),
    post: (path, body, headers) => gated([path], () => request(path, headers).post(body)),
    patch: (path, body, headers) => gated([path], () => request(path, headers).patch(body)),
    delete: (path, headers) => gated([path], () => request(path, headers).delete()),
    async getAll<T>(path: string, headers?: Record<string, string>) {
      const out: T[] = [];
      let next: string | undefined = path;
      while (next) {
        const at: string = next;
        const page: { value: T[]; "@odata.nextLink"?: string } = await gated([at], () => request(at, headers).get());
        out.push(...page.value);
        next = page["@odata.nextLink"];
      }
      return out;
    },
    batch,
  };
}
