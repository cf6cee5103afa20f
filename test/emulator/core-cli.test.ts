// The emulator's start-up options from the command line and environment (issue 3: EMULATOR_PORT, EMULATOR_DATA, --reset, --seed demo).
import { describe, expect, it } from "vitest";
import { parseEmulatorArgs } from "../../emulator/cli";

describe("parseEmulatorArgs", () => {
  it("defaults to port 4000 and the .emulator-data folder", () => {
    expect(parseEmulatorArgs([], {})).toEqual({ port: 4000, dataDir: ".emulator-data", reset: false, seed: null, chaos: 0, latencyMs: 0, throttle: { licences: 5000 }, origins: [] });
  });

  it("reads the environment and the flags", () => {
    const opts = parseEmulatorArgs(["--reset", "--seed", "demo"], { EMULATOR_PORT: "4100", EMULATOR_DATA: "/tmp/x", EMULATOR_CHAOS: "0.3", EMULATOR_LATENCY_MS: "25", EMULATOR_LICENCES: "50000", EMULATOR_SECRET: "s", EMULATOR_ORIGINS: "https://devbox.example:3000, https://upc.example" });
    expect(opts).toEqual({ port: 4100, dataDir: "/tmp/x", reset: true, seed: "demo", chaos: 0.3, latencyMs: 25, throttle: { licences: 50000 }, secret: "s", origins: ["https://devbox.example:3000", "https://upc.example"] });
    expect(parseEmulatorArgs([], { EMULATOR_THROTTLE: "off" }).throttle).toBe(false);
    expect(parseEmulatorArgs(["--seed=demo"], {}).seed).toBe("demo");
  });

  it("refuses unknown flags, seeds and out-of-range numbers", () => {
    expect(() => parseEmulatorArgs(["--fast"], {})).toThrow();
    expect(() => parseEmulatorArgs(["--seed", "prod"], {})).toThrow();
    expect(() => parseEmulatorArgs([], { EMULATOR_CHAOS: "2" })).toThrow();
    expect(() => parseEmulatorArgs([], { EMULATOR_PORT: "http" })).toThrow();
    expect(() => parseEmulatorArgs([], { EMULATOR_ORIGINS: "https://devbox.example:3000/teams.html" })).toThrow(/not an origin/);
    expect(() => parseEmulatorArgs([], { EMULATOR_ORIGINS: "*" })).toThrow(/not an origin/);
  });
});
