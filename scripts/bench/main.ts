// `npm run bench`: the numbers DESIGN.md requires, printed one per line as `name: value unit`.
import { benchDataLayer } from "./data-layer";
import { benchTaskpane } from "./taskpane";
import { benchService } from "./service";
import { benchTeams } from "./teams";
import { benchCases } from "./cases";
import { benchTenant } from "./tenant";

async function main() {
  console.log("Data layer (emulator in-process, 2-core machine)");
  await benchDataLayer();
  console.log("\nTask pane (production build, Chromium against the emulator)");
  await benchTaskpane();
  console.log("Flagging service (emulator and service in one process)");
  await benchService();
  await benchTeams();
  console.log("\nCase service (HTTP, emulator in-process)");
  await benchCases();
  // The tenant sizes the issue names: a small council (about 1,000 licences) and a large one (50,000).
  await benchTenant(1_000);
  await benchTenant(50_000);
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`The benchmark stopped: ${(e as Error).stack ?? e}`);
    process.exit(1);
  },
);
