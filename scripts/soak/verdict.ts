// What a soak must show, in words: each failed expectation is one line (none means it passed).
import type { SoakReport } from "./run";

/** Memory is judged only on runs long enough for the heap to have settled. */
export const MEMORY_MINUTES = 5;
export const MEMORY_GROWTH_PCT = 20;

export function soakFailures(r: SoakReport): string[] {
  const out: string[] = [];
  if (r.stuckMailboxes.length) out.push(`rounds stuck: ${r.stuckMailboxes.join(", ")} did not log their last mail once Graph answered again`);
  if (r.flaggedNotLogged) out.push(`${r.flaggedNotLogged} of ${r.flaggedSent} flagged mails were never logged`);
  if (r.flaggedLoggedTwice) out.push(`${r.flaggedLoggedTwice} flagged mails were logged more than once`);
  if (r.unlisted.length) out.push(`bad rows not listed once in Register problems: ${r.unlisted.join("; ")}`);
  if (r.listedTwice.length) out.push(`bad rows listed twice: ${r.listedTwice.join(", ")}`);
  if (r.unexplained.length) out.push(`rows listed that read well: ${r.unexplained.join("; ")}`);
  if (r.badRows === 0) out.push("no row was malformed: the soak tested nothing");
  if (r.tab && r.tab.pageErrors) out.push(`the Teams tab threw ${r.tab.pageErrors} script errors`);
  if (r.tab && r.tab.listedInTab !== r.listedOnce) out.push(`the Teams tab lists ${r.tab.listedInTab ?? "nothing readable"} rows to mend, the register ${r.listedOnce}`);
  if (r.minutes >= MEMORY_MINUTES) {
    if (!r.heapMb) out.push("the service's memory was not sampled");
    else if (Math.abs(r.heapMb.growthPct) > MEMORY_GROWTH_PCT) out.push(`the service's heap moved ${r.heapMb.growthPct}% (${r.heapMb.early} MB → ${r.heapMb.late} MB), more than ${MEMORY_GROWTH_PCT}%`);
  }
  return out;
}

export function describeSoak(r: SoakReport): string[] {
  return [
    `ran ${r.minutes} min (${r.seconds} s in all) with ${Math.round(r.chaos * 100)}% of Graph requests throttled or failed; ${r.graphRequests} Graph requests`,
    `register: ${Object.entries(r.rows).map(([l, n]) => `${l} ${n}`).join(", ")}`,
    `malformed: ${r.badRows} rows (${Object.entries(r.badByList).map(([l, n]) => `${l} ${n}`).join(", ")})`,
    `Register problems: ${r.listedOnce} still bad and listed once; ${r.repaired} put back from the log by the service and not listed`,
    `mail: ${r.flaggedSent} flagged (${r.flaggedLoggedOnce} logged once, ${r.flaggedNotLogged} not logged, ${r.flaggedLoggedTwice} twice), ${r.unflaggedSent} unflagged; ${r.rounds} rounds, ${r.serviceErrors} errors counted by the service; stuck mailboxes: ${r.stuckMailboxes.length}`,
    r.heapMb ? `service heap: ${r.heapMb.early} MB early, ${r.heapMb.late} MB late (${r.heapMb.growthPct >= 0 ? "+" : ""}${r.heapMb.growthPct}%)` : "service heap: not enough samples",
    r.tab ? `Teams tab: ${r.tab.reloads} reloads, ${r.tab.pageErrors} script errors, ${r.tab.listedInTab ?? "?"} rows to mend shown` : "Teams tab: not run",
  ];
}
