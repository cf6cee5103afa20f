// Keeping what the service believes, and what the lists show, true to the log. Every row that changes is traced to its
// customer and checked against the customer's log: a step appended but not yet projected is finished, and a row
// changed by hand (drift) is reported and put back. The flagging service takes each customer's status and addresses
// from here, so no edit of a row can colour or uncolour anyone's mail.
import { loadLogs, loadRegister, migrateLegacy, projectCustomer, type RowChange } from "../../graph/caselog";
import { persistently, type Site } from "../../graph/repos/items";
import { readDelta } from "../../graph/repos/delta";
import type { ListKey } from "../../graph/schema/lists";
import { getPreset } from "../../shared/presets/registry";
import { projectLog, replayLog, type PresetLookup } from "../../shared/register";
import { customerDrift } from "../../graph/caselog/compare";
import type { FlagState } from "../flagging/flag-index";
import { errorFields, type Logger } from "../log";
import type { ProblemLedger } from "./problems";
import { LISTS } from "../../graph/schema/lists";
import { readPosition, savePosition, writeSummary } from "../../graph/repos/service-state";

/** What the rows say about a customer, from the flagging service's register delta. */
export interface ProjectedState {
  status: string;
  projectedSeq: number;
  identities: { kind: string; value: string }[];
  /** The customer row is there at all. */
  exists: boolean;
  /** The row's columns as just read, when it changed this round: any that differ from the log is a hand edit. */
  fields?: Record<string, unknown>;
}

/** "keep": nothing reliable is known (a log that cannot be read): what was believed stays. */
export type Verified = FlagState | null | "keep";

export interface WatchStats {
  verified: number;
  /** Customers whose rows had been changed by hand, and were put back. */
  drift: number;
  /** Steps that had been appended but not yet shown in the rows, finished. */
  caughtUp: number;
  /** Logs that cannot be replayed, or rows that cannot be mended. */
  problems: number;
}

/** Rows traced to their customer, at most (oldest forgotten first): enough for a deletion seen soon after. */
const MAX_OWNERS = 50_000;
/** Customers carried to the next sweep at most (the rest are checked when they next change). */
const MAX_RETRY = 1_000;

const WATCHED: ListKey[] = ["cases", "restrictions", "reviews", "letters", "caseEvents"];

const sameIdentities = (a: { kind: string; value: string }[], b: { kind: string; value: string }[]) =>
  a.map((i) => `${i.kind}:${i.value}`).sort().join(",") === b.map((i) => `${i.kind}:${i.value.trim().toLowerCase()}`).sort().join(",");

export class RegisterWatch {
  readonly stats: WatchStats = { verified: 0, drift: 0, caughtUp: 0, problems: 0 };
  private links: Partial<Record<ListKey, string>> | null = null;
  /** Item id → customer id per watched list, so a deleted row can still be traced. */
  private readonly owners = new Map<string, string>();
  private running: Promise<void> | null = null;
  /** Customers whose last repair did not finish: tried again at the next sweep. */
  private retry = new Set<string>();

  constructor(private readonly deps: { site: Site; log: Logger; ledger: ProblemLedger; presets?: () => Promise<PresetLookup> }) {}

  /** Each customer's state from its log; rows that say otherwise are brought back into line (and reported). */
  async verify(ids: string[], projected: (id: string) => ProjectedState | undefined): Promise<Map<string, Verified>> {
    const out = new Map<string, Verified>();
    if (!ids.length) return out;
    const logs = await persistently(() => loadLogs(this.deps.site, ids));
    for (const id of ids) {
      try {
        out.set(id, await this.verifyOne(id, logs.get(id)?.events ?? [], projected(id)));
      } catch (e) {
        this.stats.problems++;
        this.deps.log.warn("verify.failed", { customer: id, ...errorFields(e) });
        out.set(id, "keep");
      }
    }
    return out;
  }

  private async verifyOne(id: string, events: Parameters<typeof replayLog>[0], rows: ProjectedState | undefined): Promise<Verified> {
    this.stats.verified++;
    if (!events.length) {
      if (!rows?.exists) return null;
      // A customer from before the log (or written by an import or a flow): brought into the log once.
      const migrated = await migrateLegacy(this.deps.site, await persistently(() => loadRegister(this.deps.site, id)));
      if (!migrated.ok) {
        this.stats.problems++;
        await this.deps.ledger.report([migrated.problem ?? { list: LISTS.customers, itemId: id, column: "", problem: migrated.reason }]);
        return rows.projectedSeq === 0 ? null : "keep";
      }
      return this.project(id);
    }
    // The presets as the organisation runs them, as every step was judged.
    const replay = replayLog(events, (await this.deps.presets?.().catch(() => null)) ?? getPreset);
    if (replay.problem) {
      this.stats.problems++;
      await this.deps.ledger.report([{ list: LISTS.customers, itemId: id, column: "", problem: `The case's log cannot be replayed past step ${replay.seq}: ${replay.problem}` }]);
    }
    if (replay.record.file.purged) return null;
    const state: FlagState = { status: replay.record.file.status, identities: replay.record.identities };
    const edited = !!rows?.fields && replay.seq > 0 && customerDrift(projectLog(replay.steps).customer, rows.fields).length > 0;
    const differs = !rows || !rows.exists || edited || rows.status !== state.status || rows.projectedSeq !== replay.seq || !sameIdentities(replay.record.identities, rows.identities);
    if (differs && !replay.problem) await this.project(id);
    return state;
  }

  /** Brings one customer's rows up to its log, saying whether that was finishing a step or undoing a hand edit. */
  private async project(id: string): Promise<Verified> {
    const r = await projectCustomer(this.deps.site, id);
    if (r.problem) {
      this.stats.problems++;
      await this.deps.ledger.report([{ list: LISTS.customers, itemId: id, column: "", problem: r.problem }]);
    }
    if (r.drift) await this.reportDrift(id, r.changes);
    else if (r.changes.length) this.stats.caughtUp++;
    await this.deps.ledger.report(r.problems);
    if (r.purged || r.record.file.purged) return null;
    return r.seq ? { status: r.record.file.status, identities: r.record.identities } : "keep";
  }

  private async reportDrift(id: string, changes: RowChange[]): Promise<void> {
    this.stats.drift++;
    for (const c of changes) this.deps.log.warn("drift.repaired", { customer: id, list: c.list, item: c.itemId, op: c.op, columns: c.columns.join(",").slice(0, 200) });
    await writeSummary(this.deps.site, "drift", { customer: id, rows: changes.length, detail: JSON.stringify(changes.map((c) => ({ list: c.list, item: c.itemId, op: c.op, columns: c.columns }))).slice(0, 8000) }).catch(() => undefined);
  }

  /**
   * The other lists' changes since the last look (from now on: what was there before is checked when its customer
   * next changes): each customer whose rows or log changed is projected again, which repairs and reports drift.
   */
  sweep(): Promise<void> {
    this.running ??= this.sweepOnce().finally(() => (this.running = null));
    return this.running;
  }

  private async sweepOnce(): Promise<void> {
    // The position is shared, and carries the customers a round could not finish (throttled, say), so whichever
    // instance looks next tries them again: one slow customer never holds back the others' repairs.
    const saved = this.links ? null : await persistently(() => readPosition(this.deps.site, "watch"));
    if (saved) {
      const { retry = "", ...links } = saved;
      this.links = links as Partial<Record<ListKey, string>>;
      for (const id of retry.split(",").filter(Boolean)) this.retry.add(id);
    }
    const round = await persistently(() => readDelta(this.deps.site, WATCHED.map((list) => ({ list, fields: ["CustomerLookupId", "Title"], fromNow: true })), this.links!));
    const customers = new Set<string>(this.retry);
    for (const c of round.changes) {
      const key = `${c.list}:${c.id}`;
      const owner = c.deleted ? this.owners.get(key) : String(c.fields.CustomerLookupId ?? "") || String(c.fields.Title ?? "").split(/[:/]/)[0];
      // Remembered so a deletion can be traced, but not for ever: the oldest are forgotten first.
      if (!c.deleted && owner) {
        this.owners.delete(key);
        this.owners.set(key, owner);
        if (this.owners.size > MAX_OWNERS) this.owners.delete(this.owners.keys().next().value!);
      }
      if (owner && /^\d+$/.test(owner)) customers.add(owner);
    }
    const failed: string[] = [];
    for (const id of customers) {
      try {
        await this.project(id);
      } catch (e) {
        failed.push(id);
        this.stats.problems++;
        // Once in words; after that a count, so a customer failing every sweep cannot flood the log.
        if (this.retry.has(id)) this.deps.log.repeated("verify.failed-again");
        else this.deps.log.warn("verify.failed", { customer: id, ...errorFields(e) });
      }
    }
    this.retry = new Set(failed.slice(0, MAX_RETRY));
    this.links = round.links;
    await persistently(() => savePosition(this.deps.site, "watch", { ...(round.links as Record<string, string>), retry: [...this.retry].join(",") }));
  }
}
