// `npm run build:functions`: the flagging service as a deployable Azure Functions (v4) folder, dist/functions/, and the
// same folder zipped, dist/upc-service-functions.zip. The v4 Node.js model loads the file named by package.json "main"
// and registers whatever it registers at load (Microsoft Learn, "Azure Functions Node.js developer guide" > "Registering
// a function", https://learn.microsoft.com/azure/azure-functions/functions-reference-node), so the folder holds:
//   host.json · package.json (main: app.js, dependency @azure/functions) · app.js (our code, bundled, CommonJS) ·
//   node_modules/ with @azure/functions and what it needs, so the zip deploys as it is, with no build on Azure.
import { build } from "esbuild";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { zip } from "../manifest/zip";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
export const FUNCTIONS_ENTRY = join(ROOT, "service/functions/app.ts");
/** Provided at run time by the Functions worker, never installed (azure-functions-nodejs-library's tryGetCoreApiLazy). */
const WORKER_PROVIDED = ["@azure/functions-core"];

export interface FunctionsBuild {
  dir: string;
  zipFile: string;
  main: string;
  /** Packages copied into node_modules, name@version. */
  packages: string[];
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, "utf8")) as T;
}

/** A package and everything it depends on, found in this repository's node_modules. */
function dependencyClosure(names: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const queue = [...names];
  while (queue.length) {
    const name = queue.shift()!;
    if (found.has(name) || WORKER_PROVIDED.includes(name)) continue;
    const dir = join(ROOT, "node_modules", name);
    if (!existsSync(join(dir, "package.json"))) throw new Error(`${name} is not installed: run npm ci first.`);
    found.set(name, dir);
    const pkg = readJson<{ dependencies?: Record<string, string> }>(join(dir, "package.json"));
    queue.push(...Object.keys(pkg.dependencies ?? {}));
  }
  return found;
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = join(dir, name);
    return statSync(full).isDirectory() ? filesUnder(full) : [full];
  });
}

export async function buildFunctions(outRoot = join(ROOT, "dist")): Promise<FunctionsBuild> {
  const dir = join(outRoot, "functions");
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const root = readJson<{ version: string; dependencies: Record<string, string> }>(join(ROOT, "package.json"));

  await build({
    entryPoints: [FUNCTIONS_ENTRY],
    outfile: join(dir, "app.js"),
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    sourcemap: "linked",
    legalComments: "none",
    logLevel: "silent",
    // @azure/functions stays a real dependency (the host reads the programming model from it); the rest is bundled.
    external: ["@azure/functions", ...WORKER_PROVIDED],
  });
  cpSync(join(ROOT, "service/functions/host.json"), join(dir, "host.json"));
  const pkg = {
    name: "upc-manager-service",
    version: root.version,
    private: true,
    description: "UPC Manager flagging and scheduling service (Azure Functions, Node.js v4 programming model)",
    main: "app.js",
    engines: { node: ">=20" },
    dependencies: { "@azure/functions": root.dependencies["@azure/functions"] },
  };
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(pkg, null, 2)}\n`);

  const packages: string[] = [];
  for (const [name, from] of dependencyClosure(Object.keys(pkg.dependencies))) {
    cpSync(from, join(dir, "node_modules", name), { recursive: true, dereference: true });
    packages.push(`${name}@${readJson<{ version: string }>(join(from, "package.json")).version}`);
  }

  // The zip holds the folder's contents at its root, as zip deployment requires (Microsoft Learn, "Zip deployment for
  // Azure Functions" > "Deployment .zip file requirements", https://learn.microsoft.com/azure/azure-functions/deployment-zip-push).
  const zipFile = join(outRoot, "upc-service-functions.zip");
  writeFileSync(zipFile, zip(filesUnder(dir).map((f) => ({ name: relative(dir, f).split("\\").join("/"), data: readFileSync(f) }))));
  return { dir, zipFile, main: pkg.main, packages };
}

async function main(): Promise<void> {
  const built = await buildFunctions();
  console.log(`Functions app built: ${relative(ROOT, built.dir)}/ (main ${built.main}; ${built.packages.join(", ")}) and ${relative(ROOT, built.zipFile)}.`);
}

if (process.argv[1] && /scripts[\\/]build-functions\.ts$/.test(process.argv[1])) {
  main().catch((e) => {
    console.error(`The Functions app did not build: ${(e as Error).message}`);
    process.exit(1);
  });
}
