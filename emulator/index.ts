// startEmulator: wires the core, the directory, SharePoint and mail into one local Microsoft Graph.
import { PersistenceStore } from "./core/persistence";
import { EmulatorCore, type EmulatorStats } from "./core/server";
import type { EmulatorContext } from "./core/types";
import { createDirectory } from "./directory";
import { createMailModule } from "./mail";
import { createSharePointModule, SITE_PATH, type SharePointControl } from "./sharepoint";

export { DEMO_USERS, DIRECTORY_GROUPS, DIRECTORY_USERS } from "./directory";
export type { EmulatorStats } from "./core/server";
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
}

type MailControl = ReturnType<typeof createMailModule>["control"];

export interface Emulator {
  origin: string;
  /** Graph base URL: origin + "/v1.0". */
  url: string;
  port: number;
  close(): Promise<void>;
  setChaos(rate: number, latencyMs?: number): void;
  stats(): EmulatorStats;
  resetStats(): void;
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
  const core = new EmulatorCore(
    {
      host,
      port: opts.port ?? 0,
      chaos: opts.chaos ?? 0,
      latencyMs: opts.latencyMs ?? 0,
      retryAfterSeconds: opts.retryAfterSeconds ?? 1,
      restPrefix: SITE_PATH,
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
  const sharepoint = createSharePointModule(ctx, { hostname: host, origin: () => core.origin });
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
    close: () => {
      // Stop notification retries first, so a closed emulator never calls a receiver again.
      mail.control.shutdown();
      closed ??= core.close().then(() => persistence.flushAll());
      return closed;
    },
    setChaos: (rate, latencyMs) => core.setChaos(rate, latencyMs),
    stats: () => core.stats(),
    resetStats: () => core.resetStats(),
    sharepoint: sharepoint.control,
    mail: mail.control,
  };
}
