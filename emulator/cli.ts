// Reads the emulator's start-up options from the command line and environment (the start script does the rest).
import type { EmulatorOptions } from "./index";

export interface EmulatorCliOptions extends EmulatorOptions {
  /** EMULATOR_SECRET: what the mail delivery control route asks for (made up when unset). */
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
  };
}
