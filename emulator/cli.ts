// Reads the emulator's start-up options from the command line and environment (the start script does the rest).
import type { EmulatorOptions } from "./index";

export interface EmulatorCliOptions extends EmulatorOptions {
  /** EMULATOR_SECRET: what the control routes ask for (made up when unset). */
  secret?: string;
  port: number;
  dataDir: string;
  reset: boolean;
  chaos: number;
  latencyMs: number;
  /** "--seed demo" asks the start-up script to load the demo data. */
  seed: "demo" | null;
}

function numberFrom(value: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (value === undefined || value.trim() === "") return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} must be a number from ${min} to ${max}`);
  return n;
}

function originsFrom(value: string | undefined): string[] {
  const list = (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
  for (const o of list) {
    let ok: boolean;
    try {
      const u = new URL(o);
      ok = (u.protocol === "https:" || u.protocol === "http:") && u.origin === o;
    } catch {
      ok = false;
    }
    if (!ok) throw new Error(`EMULATOR_ORIGINS: '${o}' is not an origin such as https://devbox.example:3000 (scheme, host and port, no path)`);
  }
  return list;
}

export function parseEmulatorArgs(argv: readonly string[], env: Record<string, string | undefined>): EmulatorCliOptions {
  let reset = false;
  let seed: "demo" | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === "--reset") reset = true;
    else if (arg === "--seed" || arg.startsWith("--seed=")) {
      const value = arg === "--seed" ? argv[++i] : arg.slice("--seed=".length);
      if (value !== "demo") throw new Error(`unknown seed '${value ?? ""}' (only "demo" exists)`);
      seed = "demo";
    } else {
      throw new Error(`unknown argument '${arg}' (use --reset and --seed demo)`);
    }
  }
  return {
    port: numberFrom(env.EMULATOR_PORT, 4000, "EMULATOR_PORT", 0, 65535),
    dataDir: env.EMULATOR_DATA && env.EMULATOR_DATA.trim() ? env.EMULATOR_DATA : ".emulator-data",
    reset,
    seed,
    chaos: numberFrom(env.EMULATOR_CHAOS, 0, "EMULATOR_CHAOS", 0, 1),
    latencyMs: numberFrom(env.EMULATOR_LATENCY_MS, 0, "EMULATOR_LATENCY_MS", 0, 600_000),
    // The tenant's throttling is on unless EMULATOR_THROTTLE=off; EMULATOR_LICENCES picks its size (SharePoint's budgets).
    throttle: env.EMULATOR_THROTTLE === "off" ? false : { licences: numberFrom(env.EMULATOR_LICENCES, 5_000, "EMULATOR_LICENCES", 1, 10_000_000) },
    ...(env.EMULATOR_SECRET && env.EMULATOR_SECRET.trim() ? { secret: env.EMULATOR_SECRET } : {}),
    // Pages on this machine may always call it; EMULATOR_ORIGINS (comma-separated) names any others, such as a dev
    // server reached by another host name.
    origins: originsFrom(env.EMULATOR_ORIGINS),
  };
}
