// The same service as an Azure Functions (v4) app, for a council that wants a scaled, managed host:
//   POST /api/notifications and /api/lifecycle (http, anonymous: Graph authenticates with the clientState),
//   an "upkeep" timer every minute (register → rules, subscriptions, catch-up of every mailbox), and
//   a "scheduler" timer every five minutes. Configuration comes from the app settings (see service/config.ts);
//   SERVICE_PUBLIC_URL must be the app's https address including /api.
import { app, type HttpRequest, type HttpResponseInit, type InvocationContext, type Timer } from "@azure/functions";
import { configFromEnv } from "../config";
import { notificationEndpoint } from "../handlers";
import { createRuntime, type Runtime } from "../runtime";

type FunctionsApp = Pick<typeof app, "http" | "timer">;

export interface RuntimeSource {
  /** The runtime if it has started, without waiting. */
  peek(): Runtime | null;
  /** Starts it on first use (each Functions instance has its own; state is shared through SharePoint). */
  get(): Promise<Runtime>;
}

/** The runtime built from the app settings, started once per instance. */
export function envRuntime(env: Record<string, string | undefined> = process.env): RuntimeSource {
  let ready: Runtime | null = null;
  let starting: Promise<Runtime> | null = null;
  return {
    peek: () => ready,
    get() {
      starting ??= (async () => {
        const config = configFromEnv(env);
        if (!config.publicUrl) throw new Error("SERVICE_PUBLIC_URL must be set to the Functions app's address (https://<app>.azurewebsites.net/api).");
        const rt = createRuntime(config, { publicUrl: config.publicUrl });
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

async function notificationHandler(source: RuntimeSource, request: HttpRequest, context: InvocationContext): Promise<HttpResponseInit> {
  const query = new URLSearchParams(request.query);
  // The handshake must be answered within 10 s: it never waits for the service to start.
  const body = query.has("validationToken") ? "" : await request.text();
  const running = source.peek();
  if (!running && !query.has("validationToken")) {
    // Cold start: acknowledge, and start; start-up reads every mailbox from its delta link, so nothing is lost.
    source.get().catch((e) => context.error(`The service could not start: ${(e as Error).name}`));
  }
  const r = notificationEndpoint(running?.service ?? null, { method: request.method, query, body });
  return { status: r.status, headers: r.headers, body: r.body };
}

/** Registers the functions on `target` (the real `app`, or a stand-in in tests). */
export function registerFunctions(target: FunctionsApp = app, source: RuntimeSource = envRuntime()): void {
  for (const name of ["notifications", "lifecycle"]) {
    target.http(name, {
      methods: ["POST"],
      authLevel: "anonymous",
      route: name,
      handler: (request, context) => notificationHandler(source, request, context),
    });
  }
  target.timer("upkeep", {
    schedule: "0 * * * * *",
    handler: async (_timer: Timer, context: InvocationContext) => {
      const rt = await source.get();
      await rt.upkeep();
      context.log(`upkeep: ${rt.service.stats.rounds} rounds, ${rt.service.stats.logged} contacts logged so far`);
    },
  });
  target.timer("scheduler", {
    schedule: "0 */5 * * * *",
    handler: async (_timer: Timer, context: InvocationContext) => {
      const rt = await source.get();
      const report = await rt.runScheduler();
      context.log(`scheduler: ${report.ran ? "ran" : "skipped (another instance holds the lease)"}; ${report.reminders} reminders, ${report.escalations} escalations, ${report.expired} expired`);
    },
  });
}

// The Functions host sets FUNCTIONS_WORKER_RUNTIME; importing this file anywhere else registers nothing.
if (process.env.FUNCTIONS_WORKER_RUNTIME) registerFunctions();
