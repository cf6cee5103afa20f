// The contract between the emulator's core (HTTP, auth, batching, chaos, persistence) and its feature modules.

/** Who is calling: a signed-in user (delegated token) or the application itself (app-only token). */
export type Principal =
  | { kind: "user"; userId: string; upn: string; name: string; /** The client app the user signed in to (its budgets are charged). */ appId?: string }
  | { kind: "app"; appId: string; roles: string[] };

/** A request as a feature module sees it, after auth and body parsing. Also used for each $batch sub-request. */
export interface EmuRequest {
  method: string;
  /** Path below /v1.0 without the query string, e.g. "/sites/root/lists/UpcCustomers/items". */
  path: string;
  /** Named groups captured by the route's pattern. */
  params: Record<string, string>;
  /** Decoded query string parameters ($filter, $select, $top …). */
  query: Record<string, string>;
  /** Lower-cased header names. */
  headers: Record<string, string>;
  /** Parsed JSON body, or undefined. */
  body: unknown;
  principal: Principal;
  /** Absolute base URL of the Graph endpoint, e.g. "http://127.0.0.1:4000/v1.0", for nextLink/deltaLink. */
  baseUrl: string;
}

export interface EmuResponse {
  status: number;
  headers?: Record<string, string>;
  /** Serialised as JSON unless it is a string (then sent as is with the given content-type). */
  body?: unknown;
}

export interface Route {
  method: "GET" | "POST" | "PATCH" | "PUT" | "DELETE";
  /** Matched against EmuRequest.path; named groups become params. */
  pattern: RegExp;
  handler: (req: EmuRequest) => EmuResponse | Promise<EmuResponse>;
  /** Label for stats' byRoute, e.g. "GET /sites/{site}/lists/{list}/items"; derived from the pattern when absent. */
  name?: string;
}

/** Thrown by handlers to answer with Graph's error body: { error: { code, message, innerError } }. */
export class GraphError extends Error {
  constructor(
    public readonly status: number,
    public readonly code: string,
    message: string,
    public readonly headers: Record<string, string> = {},
  ) {
    super(message);
  }
}

/** State a module keeps, saved in the data folder and loaded again on start. */
export interface Persistable {
  /** File-safe name, e.g. "sharepoint" or "mail". */
  name: string;
  dump(): unknown;
  load(data: unknown): void;
  /** Forget everything (used by --reset). */
  clear(): void;
}

export interface DirectoryUser {
  id: string;
  userPrincipalName: string;
  displayName: string;
  mail: string;
  groupIds: string[];
}

export interface DirectoryGroup {
  id: string;
  displayName: string;
  /** A mail-enabled group's address (a distribution list); absent for security groups. */
  mail?: string;
}

/** What the core gives every feature module. */
export interface EmulatorContext {
  now(): Date;
  directory: {
    users(): DirectoryUser[];
    groups(): DirectoryGroup[];
    /** By id, UPN or mail (case-insensitive). */
    findUser(idOrUpn: string): DirectoryUser | undefined;
    groupsOf(userId: string): DirectoryGroup[];
  };
  /** Marks module state as changed so the core saves it (debounced). */
  markDirty(moduleName: string): void;
  /** Registers state to persist; called once per module at start-up. */
  persist(p: Persistable): void;
  /** POSTs JSON to an outside URL (notification endpoints); resolves with status and text, never throws. */
  postOut(url: string, body: unknown, timeoutMs?: number): Promise<{ status: number; text: string }>;
}

export interface EmulatorModule {
  /** Graph routes below /v1.0: authenticated, counted, subject to chaos and latency. */
  routes: Route[];
  /** Test-control routes below /_emulator: no auth, not counted, never throttled. principal is the app. */
  controlRoutes?: Route[];
  /**
   * SharePoint REST routes below the site's web URL path (EmuRequest.path is e.g. "/_api/web/roledefinitions"):
   * authenticated like Graph, counted in byRoute only, never throttled.
   */
  restRoutes?: Route[];
}
