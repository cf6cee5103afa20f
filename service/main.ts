// `npm run service`: the service as a Node server: the case service (the register's one writer, its API at /api) and
// the flagging service. Against the emulator (the default GRAPH_BASE_URL) it needs no other configuration and watches
// every demo mailbox; on a tenant see service/config.ts for the variables.
import { ConfigError, configFromEnv } from "./config";
import { startService } from "./server";

async function main() {
  const config = configFromEnv();
  const running = await startService(config);
  console.log(
    `UPC service listening on ${running.url}: case service at ${running.url}/api/customers` +
      (config.flagging ? `; flagging (Graph posts to ${running.publicUrl}/notifications), watching ${running.service.watched().length} mailboxes.` : "; flagging off."),
  );
  const stop = () => running.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  if (e instanceof ConfigError) console.error(e.message);
  else console.error(`The flagging service could not start: ${(e as Error).message}`);
  process.exit(1);
});
