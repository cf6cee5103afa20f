// The same service as an Azure Functions (v4) app, for a council that wants a scaled, managed host: the FUNCTIONS table
// below (POST /api/notifications and /api/lifecycle, anonymous: Graph authenticates with the clientState; an "upkeep"
// timer every minute; a "scheduler" timer every five minutes). Configuration comes from the app settings (see
// service/config.ts); SERVICE_PUBLIC_URL must be the app's https address including /api. `npm run build:functions`
// turns this file into the deployable folder dist/functions (scripts/build-functions.ts).
import { app, type HttpHandler, type HttpMethod, type HttpRequest, type HttpResponseInit, type InvocationContext, type Timer, type TimerHandler } from "@azure/functions";
import { configFromEnv } from "../config";
import { isApiPath, MAX_API_BODY } from "../cases";
import { readStreamBody } from "../body";
import { healthEndpoint, MAX_BODY_BYTES, notificationEndpoint, tooLargeResponse } from "../handlers";
import { createRuntime, type Runtime } from "../runtime";

type FunctionsApp = Pick<typeof app, "http" | "timer">;

export interface RuntimeSource {
  /** The runtime if it has started, without waiting. */
  peek(): Runtime | null;
  /** Starts it on first use (each Functions instance has its own; state is shared through SharePoint). */
  get(): Promise<Runtime>;
  /** The runtime without waiting for the flagging service to start: enough for the case service's API. */
  built(): Runtime;
}

/** The runtime built from the app settings, started once per instance. */
export function envRuntime(env: Record<string, string | undefined> = process.env): RuntimeSource {
  let ready: Runtime | null = null;
  let made: Runtime | null = null;
  let starting: Promise<Runtime> | null = null;
  const built = () => {
    if (made) return made;
    const config = configFromEnv(env);
    if (!config.publicUrl) throw new Error("SERVICE_PUBLIC_URL must be set to the Functions app's address (https://<app>.azurewebsites.net/api).");
    return (made = createRuntime(config, { publicUrl: config.publicUrl }));
  };
  return {
    peek: () => ready,
    built,
    get() {
      starting ??= (async () => {
        const rt = built();
        await rt.service.start();
        ready = rt;
        return rt;
      })().catch((e) => {
        starting = null;
        throw e;
      });
      return starting;
    },
  };
}

/** The case service's API: the same handler as the Node server's, behind the Functions host's /api prefix. */
async function apiHandler(source: RuntimeSource, request: HttpRequest): Promise<HttpResponseInit> {
  const path = new URL(request.url).pathname.replace(/\/+$/, "");
  if (!isApiPath(path)) return { status: 404, jsonBody: { reason: "There is nothing at this address." } };
  const body = request.method === "GET" || request.method === "OPTIONS" ? "" : await readStreamBody(request, MAX_API_BODY);
  if (body === null) return tooLargeResponse(true, source.peek()?.log);
  const headers: Record<string, string> = {};
  request.headers.forEach((v, k) => (headers[k.toLowerCase()] = v));
  const r = await source.built().cases.api.handle({ method: request.method, path, headers, body });
  return { status: r.status, headers: r.headers, body: r.body };
}

const apiTrigger = (name: string, route: string, methods: HttpMethod[]): HttpFunction => ({
  kind: "http",
  name,
  route,
  methods: [...methods, "OPTIONS"],
  authLevel: "anonymous",
  handler: (source) => (request) => apiHandler(source, request),
});

async function notificationHandler(source: RuntimeSource, request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const query = new URLSearchParams(request.query);
  // The handshake must be answered within 10 s: it never waits for the service to start.
  const body = query.has("validationToken") ? "" : await readStreamBody(request, MAX_BODY_BYTES);
  if (body === null) return tooLargeResponse(false, source.peek()?.log);
  const running = source.peek();
  if (!running && !query.has("validationToken")) {
    // Cold start: acknowledge, and start; start-up reads every mailbox from its delta link, so nothing is lost.
    source.get().catch((e) => context.error(`The service could not start: ${(e as Error).name}`));
  }
  const r = notificationEndpoint(running?.service ?? null, { method: request.method, query, body }, running?.log);
  return { status: r.status, headers: r.headers, body: r.body };
}

export interface HttpFunction {
  kind: "http";
  name: string;
  route: string;
  methods: HttpMethod[];
  /** "anonymous" where the caller proves itself another way (Graph: the clientState; people: their bearer token). */
  authLevel: "anonymous" | "function" | "admin";
  handler: (source: RuntimeSource) => HttpHandler;
}

export interface TimerFunction {
  kind: "timer";
  name: string;
  /** NCRONTAB with seconds, as the Functions timer trigger takes it. */
  schedule: string;
  handler: (source: RuntimeSource) => TimerHandler;
}

export type FunctionSpec = HttpFunction | TimerFunction;

const notificationTrigger = (name: string): HttpFunction => ({
  kind: "http",
  name,
  route: name,
  methods: ["POST"],
  authLevel: "anonymous",
  handler: (source) => (request, context) => notificationHandler(source, request, context),
});

/**
 * Every function of the app, in one table: a new trigger is added here and nowhere else (registerFunctions and the
 * test of the built app both read it).
 */
export const FUNCTIONS: readonly FunctionSpec[] = [
  notificationTrigger("notifications"),
  notificationTrigger("lifecycle"),
  // The case service: people's steps, with their own bearer tokens (checked by the service, not by function keys).
  apiTrigger("openCustomer", "customers", ["POST"]),
  apiTrigger("getCustomer", "customers/{customerId}", ["GET"]),
  apiTrigger("takeStep", "customers/{customerId}/steps", ["POST"]),
  apiTrigger("whoAmI", "me", ["GET"]),
  apiTrigger("readSettings", "settings", ["GET"]),
  apiTrigger("saveSetting", "settings/{key}", ["PUT"]),
  // Counts only (mail handled, notices sent, rows put back after a hand edit); behind a function key.
  {
    kind: "http",
    name: "health",
    route: "health",
    methods: ["GET"],
    authLevel: "function",
    handler: (source) => async () => {
      const rt = source.peek();
      const r = healthEndpoint(rt?.service ?? null, rt?.cases ?? null);
      return { status: r.status, headers: r.headers, body: r.body };
    },
  },
  {
    kind: "timer",
    name: "upkeep",
    schedule: "0 * * * * *",
    handler: (source) => async (_timer: Timer, context: InvocationContext) => {
      const rt = await source.get();
      await rt.upkeep();
      context.log(`upkeep: ${rt.service.stats.rounds} rounds, ${rt.service.stats.logged} contacts logged so far`);
    },
  },
  {
    kind: "timer",
    name: "scheduler",
    schedule: "0 */5 * * * *",
    handler: (source) => async (_timer: Timer, context: InvocationContext) => {
      const rt = await source.get();
      const report = await rt.runScheduler();
      context.log(`scheduler: ${report.ran ? "ran" : "skipped (another instance holds the lease)"}; ${report.reminders} reminders, ${report.escalations} escalations, ${report.expired} expired`);
    },
  },
];

/** Registers the functions on `target` (the real `app`, or a stand-in in tests). */
export function registerFunctions(target: FunctionsApp = app, source: RuntimeSource = envRuntime(), functions: readonly FunctionSpec[] = FUNCTIONS): void {
  for (const f of functions) {
    if (f.kind === "http") target.http(f.name, { methods: f.methods, authLevel: f.authLevel, route: f.route, handler: f.handler(source) });
    else target.timer(f.name, { schedule: f.schedule, handler: f.handler(source) });
  }
}

// The Functions host sets FUNCTIONS_WORKER_RUNTIME; importing this file anywhere else registers nothing.
if (process.env.FUNCTIONS_WORKER_RUNTIME) registerFunctions();
