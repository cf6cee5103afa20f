// Bringing a customer's rows up to its log: replay, work out the rows, write what differs. Used after every step, to
// finish a step cut short, and to repair rows edited by hand (drift), which it reports.
import { getPreset } from "../../shared/presets/registry";
import { projectLog, replayLog, type CaseRecord, type PresetLookup } from "../../shared/register";
import { DataError } from "../client/errors";
import type { Site } from "../repos/items";
import type { RowProblem } from "./event-rows";
import { loadRegister, type LoadedRegister } from "./load";
import { purgeCustomer } from "./purge";
import { reconcile, type RowChange } from "./reconcile";

export interface ProjectOutcome {
  customerId: string;
  /** The last step the rows now show. */
  seq: number;
  changes: RowChange[];
  /** The rows already claimed to show the whole log, yet differed: someone changed them by hand. */
  drift: boolean;
  problems: RowProblem[];
  /** Why the log could not be replayed (the rows are left as they are), in words. */
  problem: string | null;
  /** Retention ran: counts of what was deleted. */
  purged: Record<string, number> | null;
  /** The record the log holds (as far as it could be replayed). */
  record: CaseRecord;
  requests: number;
}

/**
 * Projects one customer. `preloaded` saves a read when the caller has just loaded the register (a step); if a row
 * changed under us the register is read again and the projection redone, a few times at most.
 */
export async function projectCustomer(site: Site, customerId: string, preloaded?: LoadedRegister, presets: PresetLookup = getPreset, opts: { dryRun?: boolean } = {}): Promise<ProjectOutcome> {
  let loaded = preloaded;
  let requests = 0;
  for (let attempt = 0; ; attempt++) {
    if (!loaded) {
      loaded = await loadRegister(site, customerId);
      requests++;
    }
    const replay = replayLog(loaded.events, presets);
    const base = { customerId, seq: replay.seq, changes: [], drift: false, problems: loaded.problems, problem: replay.problem, purged: null, record: replay.record, requests };
    if (replay.problem || replay.seq === 0) return base;
    if (replay.record.file.purged) return opts.dryRun ? base : { ...base, purged: await purgeCustomer(site, customerId, replay.seq) };
    if (!loaded.customer) return { ...base, problem: "The customer row is missing although the log is not closed by retention." };
    const claimed = Number(loaded.customer.fields.ProjectedSeq ?? 0) || 0;
    try {
      const r = await reconcile(site, loaded, projectLog(replay.steps), opts);
      return { ...base, changes: r.changes, drift: claimed >= replay.seq && r.changes.length > 0, problems: [...loaded.problems, ...r.problems], requests: requests + r.requests };
    } catch (e) {
      if (!(e instanceof DataError && e.kind === "Conflict") || attempt >= 4) throw e;
      loaded = undefined;
    }
  }
}
