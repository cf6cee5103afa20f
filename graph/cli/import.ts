// `npm run import -- register.csv [--dry-run] [--policy <preset id>] [--site <address>]`: brings an existing register
// (a spreadsheet saved as CSV UTF-8; any other encoding is refused with the line and how to fix it) into the UPC lists. Every row is checked first; if any has a problem, each one is
// listed by row and column and nothing is written. Running it again adds only what is missing.
// The emulator by default (development tokens); a tenant with the same sign-in as provisioning (DEPLOY.md).
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { adminTarget, type Env } from "../auth/admin-cli";
import { TokenError } from "../auth/env-token";
import { SiteError } from "../auth/site";
import { DataError } from "../client/errors";
import { createGraph } from "../client/factory";
import { importRegister } from "../import";
import { progressBar } from "./progress";

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

const FLAGS_WITH_VALUES = new Set(["--policy", "--site"]);

export interface ImportRun {
  argv: string[];
  env?: Env;
  out?: (line: string) => void;
  err?: (line: string) => void;
  progress?: (done: number, total: number, step: string) => void;
  now?: Date;
}

export async function runImport({ argv, env = process.env, out = console.log, err = console.error, progress, now }: ImportRun): Promise<number> {
  const file = argv.find((a, i) => !a.startsWith("--") && !FLAGS_WITH_VALUES.has(argv[i - 1]));
  if (!file) {
    err("Give the register to import: npm run import -- register.csv [--dry-run] [--policy council-ccm-2014] [--site https://contoso.sharepoint.com/sites/upc]");
    return 2;
  }
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(file);
  } catch (e) {
    err(`Cannot read ${file}: ${(e as Error).message}`);
    return 2;
  }
  const dryRun = argv.includes("--dry-run");
  try {
    const target = adminTarget({ site: arg(argv, "--site"), env, print: out });
    for (const w of target.warnings) err(`Warning: ${w}`);
    const graph = createGraph({ baseUrl: target.graphBaseUrl, tokens: target.graphTokens });
    const site = { graph, siteId: (await graph.get<{ id: string }>(`/sites/${target.site.graphSite}?$select=id`)).id };
    out(`${dryRun ? "Checking (dry run: nothing will be written)" : "Importing"} ${file} into ${target.describe}.`);
    const result = await importRegister(site, bytes, { dryRun, defaultPolicy: arg(argv, "--policy") ?? env.UPC_DEFAULT_POLICY, now, onProgress: progress ?? progressBar("Importing") });
    for (const n of result.notes) out(`Note: ${n}`);
    if (result.outcome === "invalid") {
      err(`${result.problems.length} problem${result.problems.length === 1 ? "" : "s"} found; nothing was written. Rows are numbered as in the spreadsheet (the header is row 1).`);
      for (const p of result.problems) err(`  - ${p}`);
      return 1;
    }
    if (result.changes.length === 0) {
      out(`Nothing to change: all ${result.rows} rows are already on the site.`);
      return 0;
    }
    out(result.outcome === "planned" ? `All ${result.rows} rows are valid. Would do:` : "Done:");
    for (const c of result.changes) out(`  - ${c}`);
    if (result.outcome === "written") {
      const s = result.summary;
      out(`Imported ${s.customers} customers, ${s.identities} addresses, ${s.restrictions} restrictions and ${s.reviews} reviews.`);
    }
    return 0;
  } catch (e) {
    if (e instanceof TokenError || e instanceof SiteError) err(`Import stopped: ${e.message}`);
    else if (e instanceof DataError) err(`Import stopped: ${e.userMessage}${e.detail ? ` (${e.detail})` : ""}. Rows written before this are kept; run the import again to finish.`);
    else err(`Import stopped: ${(e as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runImport({ argv: process.argv.slice(2) }).then((code) => process.exit(code));
}
