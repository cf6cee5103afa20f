// Starts one emulator per test file and gives fetch helpers signed in as a seeded user, as the app, or as nobody.
import { afterAll, beforeAll } from "vitest";
import { startEmulator, type Emulator, type EmulatorOptions } from "../../emulator";
import { TEST_THROTTLE } from "./throttle";
import { APP_ROLES, appToken, userToken } from "./tokens";

/** Response bodies are Graph JSON of many shapes; tests read them loosely. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Json = any;

export interface Reply {
  status: number;
  headers: Headers;
  body: Json;
}

export interface Caller {
  /** Paths are below /v1.0 ("/sites/root") unless they are absolute URLs. */
  send(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  get(path: string, headers?: Record<string, string>): Promise<Reply>;
  post(path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
  patch(path: string, body: unknown, headers?: Record<string, string>): Promise<Reply>;
  del(path: string, headers?: Record<string, string>): Promise<Reply>;
  /** SharePoint REST below the site's web URL, e.g. rest("GET", "/_api/web/roledefinitions"). */
  rest(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Reply>;
}

export interface TestEmulator {
  readonly emu: Emulator;
  as(upn: string): Caller;
  app(roles?: string[]): Caller;
  anonymous(): Caller;
}

async function call(url: string, method: string, token: string | undefined, body: unknown, headers: Record<string, string>): Promise<Reply> {
  const res = await fetch(url, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body !== undefined ? { "Content-Type": "application/json" } : {}),
      ...headers,
    },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const text = await res.text();
  let parsed: Json = undefined;
  if (text) {
    try {
      parsed = JSON.parse(text);
    } catch {
      parsed = text;
    }
  }
  return { status: res.status, headers: res.headers, body: parsed };
}

export function callerFor(emu: Emulator, token: string | undefined): Caller {
  const url = (path: string) => (/^https?:/.test(path) ? path : `${emu.url}${path}`);
  const send = (method: string, path: string, body?: unknown, headers: Record<string, string> = {}) => call(url(path), method, token, body, headers);
  return {
    send,
    get: (path, headers) => send("GET", path, undefined, headers),
    post: (path, body, headers) => send("POST", path, body, headers),
    patch: (path, body, headers) => send("PATCH", path, body, headers),
    del: (path, headers) => send("DELETE", path, undefined, headers),
    rest: (method, path, body, headers = {}) =>
      call(`${emu.sharepoint.webUrl}${path}`, method, token, body, { Accept: "application/json;odata=nometadata", ...headers }),
  };
}

/** Registers beforeAll/afterAll hooks for a fresh in-memory emulator on a random port. */
export function useEmulator(opts: EmulatorOptions = {}): TestEmulator {
  let emu: Emulator | undefined;
  beforeAll(async () => {
    emu = await startEmulator({ port: 0, dataDir: null, throttle: TEST_THROTTLE, ...opts });
  });
  afterAll(async () => {
    await emu?.close();
  });
  const current = () => {
    if (!emu) throw new Error("the emulator has not started yet");
    return emu;
  };
  return {
    get emu() {
      return current();
    },
    as: (upn) => callerFor(current(), userToken(upn)),
    app: (roles = APP_ROLES) => callerFor(current(), appToken(roles)),
    anonymous: () => callerFor(current(), undefined),
  };
}

/** Creates a list as the administrator, with the given Graph column definitions. */
export async function createList(t: TestEmulator, displayName: string, columns: unknown[]): Promise<Json> {
  const res = await t.as("admin@upc.test").post("/sites/root/lists", { displayName, columns, list: { template: "genericList" } });
  if (res.status !== 201) throw new Error(`creating ${displayName} failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body;
}
