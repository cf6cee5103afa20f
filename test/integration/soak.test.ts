// The soak, short: the service (its own process) and the Teams tab (Chromium) against a register with 1% of every
// list malformed and 30% of Graph requests throttled or failed. No round stuck, every flagged mail logged once, every
// bad row listed once (or put back from the log), the tab showing the same count. `npm run soak -- --minutes 10` is
// the long run, which also judges memory.
import { runSoak } from "../../scripts/soak/run";
import { describeSoak, soakFailures } from "../../scripts/soak/verdict";

it("keeps working through malformed rows and throttling, and lists each bad row once", { timeout: 600_000 }, async () => {
  const report = await runSoak({ minutes: 0.5, customers: 60, chaos: 0.3, mailsPerMinute: 60, browser: true, auditMs: 3_000 });
  console.log(describeSoak(report).join("\n"));
  expect(soakFailures(report)).toEqual([]);
  expect(report.badRows).toBeGreaterThanOrEqual(9);
  expect(report.flaggedSent).toBeGreaterThan(10);
});
