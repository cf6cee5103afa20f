// `npm run build:functions` produces a folder the Functions host can run: the v4 Node.js model loads package.json's
// "main" and registers what it registers (Microsoft Learn, "Azure Functions Node.js developer guide" > "Registering a
// function", https://learn.microsoft.com/azure/azure-functions/functions-reference-node). Here a child Node process
// loads the built folder the way the worker does — package.json main, with @azure/functions from the folder's own
// node_modules and the worker's @azure/functions-core stood in — and every trigger in FUNCTIONS must be registered.
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { buildFunctions, type FunctionsBuild } from "../../scripts/build-functions";
import { FUNCTIONS } from "../../service/functions/app";

let out: string;
let built: FunctionsBuild;

beforeAll(async () => {
  out = mkdtempSync(join(tmpdir(), "upc-functions-"));
  built = await buildFunctions(out);
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

interface Registered {
  name: string;
  bindings: Record<string, { type: string; direction: string; route?: string; methods?: string[]; authLevel?: string; schedule?: string }>;
}

/** Loads the folder as the worker would and reports the programming model and every registered function. */
function loadAsWorker(dir: string, env: Record<string, string> = {}): { model: { name: string; version: string } | null; registered: Registered[] } {
  const loader = join(out, "load-as-worker.cjs");
  writeFileSync(
    loader,
    `const Module = require("module"); const path = require("path");
const registered = []; let model = null;
// What the worker exposes as @azure/functions-core (azure-functions-nodejs-worker src/setupCoreModule.ts).
const core = {
  version: "stand-in",
  setProgrammingModel(m) { model = m; },
  getProgrammingModel() { return model; },
  registerFunction(metadata) { registered.push({ name: metadata.name, bindings: metadata.bindings }); return { dispose() {} }; },
  registerHook() { return { dispose() {} }; },
  Disposable: class { constructor(f) { this.f = f; } dispose() { this.f && this.f(); } },
};
const load = Module.prototype.require;
Module.prototype.require = function (id) { return id === "@azure/functions-core" ? core : load.apply(this, arguments); };
const dir = process.argv[2];
const main = require(path.join(dir, "package.json")).main;
require(path.join(dir, main));
setImmediate(() => process.stdout.write(JSON.stringify({ model: model && { name: model.name, version: model.version }, registered })));
`,
  );
  const stdout = execFileSync(process.execPath, [loader, dir], { cwd: dir, env: { PATH: process.env.PATH ?? "", ...env }, encoding: "utf8" });
  return JSON.parse(stdout);
}

describe("the built Azure Functions app (dist/functions)", () => {
  it("is a folder with host.json, package.json naming its main file, the built JavaScript and @azure/functions", () => {
    const pkg = JSON.parse(readFileSync(join(built.dir, "package.json"), "utf8"));
    expect(pkg.main).toBe("app.js");
    expect(existsSync(join(built.dir, pkg.main))).toBe(true);
    expect(readFileSync(join(built.dir, "app.js"), "utf8")).not.toMatch(/require\("(zod|@microsoft\/microsoft-graph-client)"\)/);
    expect(JSON.parse(readFileSync(join(built.dir, "host.json"), "utf8"))).toMatchObject({ version: "2.0" });
    const own = JSON.parse(readFileSync(join(built.dir, "node_modules/@azure/functions/package.json"), "utf8"));
    expect(own.version).toBe(pkg.dependencies["@azure/functions"]);
    expect(existsSync(built.zipFile)).toBe(true);
    expect(readFileSync(built.zipFile).subarray(0, 4).toString("hex")).toBe("504b0304");
  });

  it("registers every trigger in FUNCTIONS with the v4 programming model when the host loads it", () => {
    const { model, registered } = loadAsWorker(built.dir, { FUNCTIONS_WORKER_RUNTIME: "node" });
    expect(model).toMatchObject({ name: "@azure/functions" });
    expect(registered.map((r) => r.name).sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
    for (const f of FUNCTIONS) {
      const triggers = Object.values(registered.find((r) => r.name === f.name)!.bindings).filter((b) => b.direction === "in");
      if (f.kind === "http") {
        expect(triggers).toEqual([expect.objectContaining({ type: "httpTrigger", route: f.route, authLevel: f.authLevel, methods: f.methods })]);
      } else {
        expect(triggers).toEqual([expect.objectContaining({ type: "timerTrigger", schedule: f.schedule })]);
      }
    }
  });

  it("registers nothing when loaded outside the Functions host", () => {
    expect(loadAsWorker(built.dir).registered).toEqual([]);
  });
});
