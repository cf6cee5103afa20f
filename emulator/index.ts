// startEmulator: wires the core, the directory, SharePoint and mail into one local Microsoft Graph.
import { randomBytes } from "node:crypto";
import { PersistenceStore } from "./core/persistence";
import { EmulatorCore, type EmulatorStats } from "./core/server";
import type { ThrottleOptions, TenantThrottle } from "./core/throttle";
import type { EmulatorContext } from "./core/types";
import { createDirectory } from "./directory";
import { createMailModule } from "./mail";
import { createSharePointModule, SITE_PATH, type SharePointControl } from "./sharepoint";

export { DEMO_USERS, DIRECTORY_GROUPS, DIRECTORY_USERS } from "./directory";
export type { EmulatorStats } from "./core/server";
export type { ThrottleOptions, ThrottleStats } from "./core/throttle";
export { SHAREPOINT_TIERS, sharePointTier, MAILBOX_REQUESTS_PER_10_MIN, MAILBOX_CONCURRENCY, SHAREPOINT_USER_REQUESTS_PER_5_MIN } from "./core/throttle";
export type { SharePointControl } from "./sharepoint";

export interface EmulatorOptions {
  /** 0 picks a free port. */
  port?: number;
  host?: string;
  /** Folder for state that survives a restart; null keeps everything in memory. */
  dataDir?: string | null;
  /** Start clean: forget (and delete) saved state. */
  reset?: boolean;
  /** Fraction 0..1 of Graph requests answered 429 or 503 (half each). */
  chaos?: number;
  /** Delay added to each top-level Graph request. */
  latencyMs?: number;
  retryAfterSeconds?: number;
  /**
   * The tenant's throttling: SharePoint's resource-unit budgets for this many licences, Exchange's per-mailbox limits.
   * On by default (5,000 licences, a council of 5,000 staff); false answers everything.
   */
  throttle?: ThrottleOptions | false;
  /** How long a list item delta token stays usable (default 30 days). */
  deltaTokenMaxAgeMs?: number;
  /** What every control route below /_emulator needs in X-Emulator-Secret (health aside); random when not given (read `secret`). */
  secret?: string;
  /** Browser origins besides this machine's own (loopback) that may call the emulator (EMULATOR_ORIGINS). */
  origins?: string[];
}

/** The tenant size the emulator models unless told otherwise. */
export const DEFAULT_THROTTLE: ThrottleOptions = { licences: 5_000 };

type MailControl = ReturnType<typeof createMailModule>["control"];

export interface Emulator {
  origin: string;
  /** Graph base URL: origin + "/v1.0". */
  url: string;
  port: number;
  /** The secret the control routes ask for. */
  readonly secret: string;
  close(): Promise<void>;
  setChaos(rate: number, latencyMs?: number): void;
  stats(): EmulatorStats;
  resetStats(): void;
  /** The tenant's throttling in force, or null when off. */
  readonly throttle: TenantThrottle | null;
  /** Changes the tenant's throttling (false: off), budgets full again: benchmarks load data first, then measure. */
  setThrottle(options: ThrottleOptions | false): void;
  sharepoint: SharePointControl;
  mail: MailControl;
}

async function postOut(url: string, body: unknown, timeoutMs = 10_000): Promise<{ status: number; text: string }> {
  try {
    const res = await fetch(url, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(timeoutMs),
    });
    return { status: res.status, text: await res.text() };
  } catch (err) {
    return { status: 0, text: err instanceof Error ? err.name : "error" };
  }
}

export async function startEmulator(opts: EmulatorOptions = {}): Promise<Emulator> {
  const host = opts.host ?? "127.0.0.1";
  const directory = createDirectory();
  const persistence = new PersistenceStore(opts.dataDir ?? null);
  const secret = opts.secret && opts.secret.trim() ? opts.secret : randomBytes(24).toString("base64url");
  const core = new EmulatorCore(
    {
      secret,
      origins: opts.origins ?? [],
      host,
      port: opts.port ?? 0,
      chaos: opts.chaos ?? 0,
      latencyMs: opts.latencyMs ?? 0,
      retryAfterSeconds: opts.retryAfterSeconds ?? 1,
      restPrefix: SITE_PATH,
      throttle: opts.throttle === false ? null : (opts.throttle ?? DEFAULT_THROTTLE),
    },
    directory.api,
  );
  const ctx: EmulatorContext = {
    now: () => new Date(),
    directory: directory.api,
    markDirty: (name) => persistence.markDirty(name),
    persist: (p) => persistence.register(p),
    postOut,
  };
  const sharepoint = createSharePointModule(ctx, { hostname: host, origin: () => core.origin, deltaTokenMaxAgeMs: opts.deltaTokenMaxAgeMs });
  const mail = createMailModule(ctx);
  core.addModule(directory.module);
  core.addModule(sharepoint);
  core.addModule(mail);
  persistence.loadAll(opts.reset ?? false);
  await core.listen();

  let closed: Promise<void> | undefined;
  return {
    origin: core.origin,
    url: `${core.origin}/v1.0`,
    port: core.port,
    secret,
    close: () => {
      // Stop notification retries first, so a closed emulator never calls a receiver again.
      mail.control.shutdown();
      closed ??= core.close().then(() => persistence.flushAll());
      return closed;
    },
    setChaos: (rate, latencyMs) => core.setChaos(rate, latencyMs),
    stats: () => core.stats(),
    resetStats: () => core.resetStats(),
    get throttle() {
      return core.throttle;
    },
    setThrottle: (options) => core.setThrottle(options || null),
    sharepoint: sharepoint.control,
    mail: mail.control,
  };
}
