// `npm start`: the product on one machine: the Graph emulator with demo data (port 4000), the flagging service
// (port 4100) and the add-in on https://localhost:3000 (Office development certificate), with the
// browser harness. Ctrl-C stops everything.
import { join } from "node:path";
import { DEMO_USERS } from "../emulator/directory/seed";
import { devAppTokens } from "../graph/auth/dev-token";
import { createGraph } from "../graph/client/factory";
import { DEMO_OFFICE_MAP, seedDemoOffices } from "./demo/offices";
import { watchAddin } from "./build-addin";
import { ensureDevCerts } from "./certs";
import { startDevServer } from "./dev-server";
import { runEmulator } from "./emulator";
import { startService } from "../service/server";

const ADDIN_PORT = Number(process.env.ADDIN_PORT ?? 3000);
const SERVICE_PORT = Number(process.env.SERVICE_PORT ?? 4100);

interface Stoppable {
  name: string;
  close(): Promise<void>;
}

async function main() {
  const running: Stoppable[] = [];
  let stopping = false;
  const stop = async (code = 0) => {
    if (stopping) return;
    stopping = true;
    console.log("\nStopping…");
    for (const s of [...running].reverse()) {
      try {
        await s.close();
      } catch (e) {
        console.error(`Could not stop the ${s.name} cleanly: ${(e as Error).message}`);
      }
    }
    process.exit(code);
  };
  process.on("SIGINT", () => void stop(0));
  process.on("SIGTERM", () => void stop(0));

  try {
    const emu = await runEmulator(["--seed", "demo", ...process.argv.slice(2)]);
    running.push({ name: "emulator", close: () => emu.close() });
    // Who holds each office, so the demo shows steps taken by the offices the policies name (tests map their own).
    if (await seedDemoOffices(createGraph({ baseUrl: emu.url, tokens: devAppTokens() }))) console.log("Demo office holders named (change them in the Teams tab, under Offices).");

    // The flagging service watches every demo mailbox, so mail is coloured and logged with no pane open.
    const service = await startService({ graphBaseUrl: emu.url, port: SERVICE_PORT });
    running.push({ name: "flagging service", close: () => service.close() });

    const certs = await ensureDevCerts(undefined, (line) => console.log(line));
    const outDir = join(process.cwd(), "dist");
    let first = true;
    let announce: () => void = () => undefined;
    const ready = new Promise<void>((ok) => (announce = ok));
    const watcher = await watchAddin({ outDir, mode: "development" }, (result) => {
      if (result instanceof Error) console.error(`The add-in did not build:\n${result.message}`);
      else if (first) {
        first = false;
        console.log(`Built the add-in in ${(result.ms / 1000).toFixed(1)} s; rebuilding on change.`);
        announce();
      } else console.log(`Rebuilt the add-in in ${(result.ms / 1000).toFixed(1)} s.`);
    });
    running.push({ name: "add-in build", close: () => watcher.close() });
    await ready;

    const server = await startDevServer({ port: ADDIN_PORT, root: outDir, graphOrigin: emu.origin, serviceOrigin: service.url, tls: certs });
    running.push({ name: "add-in server", close: () => server.close() });

    const people = DEMO_USERS.filter((u) => u.groups.length);
    const pick = (upn: string) => `${server.origin}/harness.html?user=${encodeURIComponent(upn)}`;
    console.log(`
Running:
  Graph emulator     ${emu.url}
  Flagging service   ${service.url}
  Case service       ${service.url}/api/customers   (proxied at ${server.origin}/api)
  Add-in (https)     ${server.origin}/taskpane.html   (Graph proxied at ${server.origin}/graph/v1.0)
  Send-time guard    ${server.origin}/commands.html
  Browser harness    ${pick("sam.officer@upc.test")}
    as the SPOC      ${pick("kim.officer@upc.test")}
    as a decider     ${pick("dee.decider@upc.test")}
  Teams tab          ${server.origin}/teams.html?user=dee.decider%40upc.test
    other users      ${people.map((u) => u.userPrincipalName).join(", ")}
  Office holders     ${Object.entries(DEMO_OFFICE_MAP).filter(([, h]) => h.people.length).map(([id, h]) => `${id}: ${h.people.join(" and ")}`).join("; ")}
The certificate is ${certs.dir}/ca.crt; if the browser warns, trust it or proceed for localhost.
Press Ctrl-C to stop.`);
  } catch (e) {
    console.error(`Could not start: ${(e as Error).message}`);
    await stop(1);
  }
}

void main();
