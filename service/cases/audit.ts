// The register audit: every row of every list the product reads is checked once, then each row again when it changes
// (list delta from a position every instance shares), so every row that does not read is listed once in Register
// problems, and taken off the list when it is mended or deleted.
import { persistently, type ListItem, type Site } from "../../graph/repos/items";
import { readDelta } from "../../graph/repos/delta";
import { CHECKED_LISTS, checkRow } from "../../graph/repos/row-check";
import { readPosition, savePosition } from "../../graph/repos/service-state";
import { LISTS, type ListKey } from "../../graph/schema/lists";
import type { ProblemLedger } from "./problems";

export class RegisterAudit {
  private links: Partial<Record<ListKey, string>> | null = null;
  private running: Promise<void> | null = null;
  /** Rows checked since this instance started. */
  checked = 0;

  constructor(private readonly deps: { site: Site; ledger: ProblemLedger }) {}

  sweep(): Promise<void> {
    this.running ??= this.once().finally(() => (this.running = null));
    return this.running;
  }

  private async once(): Promise<void> {
    this.links ??= (await persistently(() => readPosition(this.deps.site, "audit"))) as Partial<Record<ListKey, string>>;
    // The first round reads every row (no fields left out); later rounds only what changed.
    const round = await persistently(() => readDelta(this.deps.site, CHECKED_LISTS.map((list) => ({ list, fields: [] })), this.links!));
    if (round.changes.length || this.checked === 0) await this.deps.ledger.loaded();
    for (const c of round.changes) {
      this.checked++;
      if (c.deleted) {
        await this.deps.ledger.clear(LISTS[c.list], c.id);
        continue;
      }
      const problem = checkRow(c.list, { id: c.id, fields: c.fields } as ListItem);
      if (problem) await this.deps.ledger.report([problem]);
      else await this.deps.ledger.clear(LISTS[c.list], c.id);
    }
    this.links = round.links;
    await persistently(() => savePosition(this.deps.site, "audit", round.links as Record<string, string>));
  }
}
