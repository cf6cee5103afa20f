// `npm run bench`: the numbers DESIGN.md requires, printed one per line as `name: value unit`.
import { benchDataLayer } from "./data-layer";

async function main() {
  console.log("Data layer (emulator in-process, 2-core machine)");
  await benchDataLayer();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`The benchmark stopped: ${(e as Error).stack ?? e}`);
    process.exit(1);
  },
);
