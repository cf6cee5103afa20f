// `npm start`: the product on one machine: the Graph emulator with demo data (the add-in and service join as they land).
import { runEmulator } from "./emulator";

async function main() {
  const emu = await runEmulator(["--seed", "demo", ...process.argv.slice(2)]);
  console.log("\nRunning. Press Ctrl-C to stop.");
  const stop = async () => {
    await emu.close();
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((e) => {
  console.error(`Could not start: ${(e as Error).message}`);
  process.exit(1);
});
