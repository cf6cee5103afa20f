// `npm run soak -- --minutes 10`: the soak against the emulator (see run.ts), printing its figures and exiting 1 when
// any expectation fails. Options: --customers N, --chaos 0.3, --mails-per-minute N, --no-browser.
import { runSoak } from "./run";
import { describeSoak, soakFailures } from "./verdict";

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  if (i < 0) return fallback;
  const v = Number(process.argv[i + 1]);
  if (!Number.isFinite(v) || v < 0) {
    console.error(`${name} takes a number, e.g. ${name} ${fallback}`);
    process.exit(2);
  }
  return v;
}

async function main() {
  const minutes = option("--minutes", 10);
  const report = await runSoak({
    minutes,
    customers: option("--customers", 200),
    chaos: option("--chaos", 0.3),
    mailsPerMinute: option("--mails-per-minute", 60),
    browser: !process.argv.includes("--no-browser"),
    log: (l) => console.log(`soak: ${l}`),
  });
  for (const line of describeSoak(report)) console.log(line);
  const failures = soakFailures(report);
  for (const f of failures) console.error(`FAILED: ${f}`);
  console.log(failures.length ? `Soak failed (${failures.length}).` : "Soak passed.");
  process.exit(failures.length ? 1 : 0);
}

main().catch((e) => {
  console.error(`The soak could not run: ${(e as Error).message}`);
  process.exit(1);
});
