// The one Graph client per app: the SDK with its default middleware (RetryHandler honours Retry-After), plus batching.
import { Client, MiddlewareFactory, type AuthenticationProvider, type Middleware } from "@microsoft/microsoft-graph-client";
import { ensureOk, MAX_BATCH, runBatch, type BatchRequest, type BatchResponse } from "./batch";
import { DataError, toDataError } from "./errors";
import { isGraphUrl, isLoopbackUrl } from "../../shared/endpoints/graph-hosts";
import { LoopbackAuthenticationHandler } from "./loopback-auth";

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

  const batch = (requests: BatchRequest[]): Promise<BatchResponse[]> =>
    runBatch((body) => call(() => client.api("/$batch").post(body)) as Promise<{ responses: BatchResponse[] }>, requests, batchRetries);

  return {
    client,
    baseUrl: versionRoot,
    relative,
    get: (path, headers) => call(() => request(path, headers).get()),
    post: (path, body, headers) => call(() => request(path, headers).post(body)),
    patch: (path, body, headers) => call(() => request(path, headers).patch(body)),
    delete: (path, headers) => call(() => request(path, headers).delete()),
    async getAll<T>(path: string, headers?: Record<string, string>) {
      const out: T[] = [];
      let next: string | undefined = path;
      while (next) {
        const page: { value: T[]; "@odata.nextLink"?: string } = await call(() => request(next!, headers).get());
        out.push(...page.value);
        next = page["@odata.nextLink"];
      }
      return out;
    },
    batch,
  };
}
