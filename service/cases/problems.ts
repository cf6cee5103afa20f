// Register problems: every row that does not read, found by whatever part of the service read it, recorded once for
// the administrators' Register problems view, logged without any value from the row, and counted for /health.
import { clearProblem, problemTitle, readProblems, recordProblem } from "../../graph/repos/problem-rows";
import { problemFields, type RowProblem } from "../../graph/repos/problems";
import type { Site } from "../../graph/repos/items";
import { errorFields, type Logger } from "../log";

export class ProblemLedger {
  /** Title → the problem and its row id, as last recorded. */
  private known: Map<string, { id: string; problem: string; column: string }> | null = null;
  private loading: Promise<void> | null = null;
  /** Reports and clears run one at a time, so two finders of the same row do not both write it. */
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly deps: { site: Site; log: Logger }) {}

  private async load(): Promise<Map<string, { id: string; problem: string; column: string }>> {
    if (this.known) return this.known;
    this.loading ??= (async () => {
      const rows = await readProblems(this.deps.site);
      this.known = new Map(rows.map((r) => [problemTitle(r), { id: r.id, problem: r.problem, column: r.column }]));
    })().finally(() => (this.loading = null));
    await this.loading;
    return this.known!;
  }

  /** How many rows are listed as problems (for /health). */
  get count(): number {
    return this.known?.size ?? 0;
  }

  private serial(work: () => Promise<void>): Promise<void> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  /**
   * Reads what is listed now (other instances list and clear too), so a row mended after another instance listed it
   * is still taken off; one request.
   */
  async loaded(): Promise<void> {
    try {
      await this.serial(async () => {
        this.known = null;
        await this.load();
      });
    } catch (e) {
      this.deps.log.error("register.problems-not-read", errorFields(e));
    }
  }

  /** Records problems not already listed in the same words; never throws (the work that found them goes on). */
  report(problems: RowProblem[]): Promise<void> {
    if (!problems.length) return Promise.resolve();
    return this.serial(() => this.record(problems));
  }

  private async record(problems: RowProblem[]): Promise<void> {
    try {
      const known = await this.load();
      for (const p of problems) {
        const title = problemTitle(p);
        const had = known.get(title);
        if (had && had.problem === p.problem && had.column === p.column) continue;
        const id = await recordProblem(this.deps.site, p, had?.id);
        known.set(title, { id: id || had?.id || "", problem: p.problem, column: p.column });
        if (!had) this.deps.log.warn("register.problem", problemFields(p));
      }
    } catch (e) {
      this.deps.log.error("register.problem-not-recorded", errorFields(e));
    }
  }

  /** A row reads again (mended, or deleted): it is no longer listed. */
  clear(list: string, itemId: string): Promise<void> {
    return this.serial(() => this.unlist(list, itemId));
  }

  private async unlist(list: string, itemId: string): Promise<void> {
    try {
      const known = await this.load();
      const title = problemTitle({ list, itemId });
      const had = known.get(title);
      if (!had) return;
      if (had.id) await clearProblem(this.deps.site, had.id);
      known.delete(title);
      this.deps.log.info("register.problem-cleared", { list, item: itemId });
    } catch (e) {
      this.deps.log.error("register.problem-not-cleared", errorFields(e));
    }
  }
}
