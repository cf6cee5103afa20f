// `npm run provision -- [--site <id|host:/path>] [--dry-run]`: creates the schema on a site; safe to run again.
import { createGraph } from "../client/factory";
import { devUserTokens } from "../auth/dev-token";
import { provision } from "../provision/provision";
import { DataError } from "../client/errors";
import { progressBar } from "./progress";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const baseUrl = process.env.GRAPH_BASE_URL ?? "http://127.0.0.1:4000/v1.0";
  const site = arg("--site") ?? process.env.UPC_SITE ?? "root";
  const dryRun = process.argv.includes("--dry-run");
  if (!baseUrl.startsWith("http://127.0.0.1") && !baseUrl.startsWith("http://localhost")) {
    // Tenant sign-in for provisioning arrives with the deployment work; refuse rather than send a development token.
    console.error("Provisioning a tenant needs an administrator's sign-in, which this command does not have yet. Point GRAPH_BASE_URL at the emulator.");
    process.exit(2);
  }
  const tokens = devUserTokens(process.env.UPC_ADMIN ?? "admin@upc.test");
  const graph = createGraph({ baseUrl, tokens });
  const report = await provision(graph, { site, dryRun, sharePointTokens: tokens, onProgress: progressBar(dryRun ? "Planning" : "Provisioning") });
  if (!report.changed) console.log(`Nothing to change: ${report.webUrl} already matches the schema.`);
  else {
    console.log(dryRun ? "Would do:" : "Done:");
    for (const s of report.steps) console.log(`  - ${s}`);
  }
}

main().catch((e) => {
  console.error(e instanceof DataError ? `Provisioning stopped: ${e.userMessage}${e.detail ? ` (${e.detail})` : ""}` : `Provisioning stopped: ${(e as Error).message}`);
  process.exit(1);
});
