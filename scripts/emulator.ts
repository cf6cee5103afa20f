// `npm run emulator -- [--reset] [--seed demo]`: the local Graph emulator, provisioned with the schema when empty.
import { provisionDevSite } from "../graph/provision/dev-site";
import { startEmulator } from "../emulator";
import { parseEmulatorArgs } from "../emulator/cli";
import { DEMO_USERS } from "../emulator/directory/seed";
import { createGraph } from "../graph/client/factory";
import { devAppTokens, devUserTokens } from "../graph/auth/dev-token";
import { queryPage } from "../graph/repos/items";
import { emulatorDelivery } from "./demo/deliver";
import { seedDemo } from "./demo/seed";

export async function runEmulator(argv = process.argv.slice(2), env = process.env) {
  const opts = parseEmulatorArgs(argv, env);
  const emu = await startEmulator(opts);
  // The delivery control route's secret: made up when unset, and handed on to whatever this process starts.
  env.EMULATOR_SECRET = emu.secret;
  const admin = createGraph({ baseUrl: emu.url, tokens: devUserTokens("admin@upc.test") });
  const report = await provisionDevSite(admin);
  if (report.changed) console.log(`Provisioned the site with the schema (${report.steps.length} steps).`);
  if (opts.seed === "demo") {
    const site = { graph: admin, siteId: "root" };
    const any = await queryPage(site, "customers", { top: 1 });
    if (any.length === 0) {
      const s = await seedDemo(createGraph({ baseUrl: emu.url, tokens: devAppTokens() }), emulatorDelivery(emu));
      console.log(`Demo data: ${s.customers} customers, ${s.identities} addresses, ${s.contacts} contacts, ${s.referrals} open referrals, ${s.restrictions} restrictions, ${s.messages} mails.`);
    } else console.log("Demo data already present (use --reset to start again).");
  }
  console.log(`Graph emulator ready at ${emu.url}`);
  console.log("Demo users (sign in with ?user=<address>):");
  for (const u of DEMO_USERS) console.log(`  ${u.userPrincipalName.padEnd(30)} ${u.groups.join(", ") || "shared mailbox"}`);
  return emu;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  runEmulator().then(
    (emu) => {
      const stop = () => emu.close().then(() => process.exit(0));
      process.on("SIGINT", stop);
      process.on("SIGTERM", stop);
    },
    (e) => {
      console.error(`The emulator could not start: ${(e as Error).message}`);
      process.exit(1);
    },
  );
}
