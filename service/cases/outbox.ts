// The outbox: every notice a step owes (and every reminder the scheduler owes) is a row; this sends each exactly
// once. A row is claimed for a while (If-Match), sent through a draft whose message id is the row's, and marked done;
// an instance killed half-way leaves a claim that others take over once its row has sat unchanged for the claim's
// length, and the next try finds the mail it already sent.
import { claimRow, markDone, releaseRow, rowsToSend, type OutboxRow } from "../../graph/caselog/outbox-rows";
import { DataError } from "../../graph/client/errors";
import type { Graph } from "../../graph/client/factory";
import { messageIdFor, sendOnce } from "../../graph/mail";
import { persistently, type Site } from "../../graph/repos/items";
import { StaleWatch } from "../leases/stale-watch";
import { errorFields, type Logger } from "../log";

export interface OutboxDeps {
  site: Site;
  graph: Graph;
  log: Logger;
  instanceId: string;
  /** The mailbox notices are sent from. */
  from(): string;
  /** How long a claim lasts: longer than a send takes, and than Exchange takes to move a sent draft. */
  claimMs?: number;
  /** This process's monotonic clock in ms (tests move it on). */
  elapsed?: () => number;
}

const CLAIM_MS = 120_000;

export interface OutboxStats {
  sent: number;
  alreadySent: number;
  failed: number;
  sweeps: number;
}

export class Outbox {
  readonly stats: OutboxStats = { sent: 0, alreadySent: 0, failed: 0, sweeps: 0 };
  private running: Promise<void> | null = null;
  private again = false;
  /** Rows another instance is sending: taken over only once unchanged for a claim's length, by this process's clock. */
  private readonly claims: StaleWatch;

  constructor(private readonly deps: OutboxDeps) {
    this.claims = new StaleWatch(deps.claimMs ?? CLAIM_MS, deps.elapsed);
  }

  /** Sends what is owed; a call while a sweep runs makes it go round once more. */
  sweep(now?: () => Date): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        await this.once(now ? now() : new Date());
      } while (this.again);
    })().finally(() => (this.running = null));
    return this.running;
  }

  /** Resolves once no sweep is running. */
  async idle(): Promise<void> {
    while (this.running) await this.running.catch(() => undefined);
  }

  private async once(now: Date): Promise<void> {
    this.stats.sweeps++;
    for (let round = 0; round < 20; round++) {
      const { rows: found, more } = await persistently(() => rowsToSend(this.deps.site));
      const sending = found.filter((r) => r.state === "Sending");
      if (round === 0) this.claims.keepOnly(sending.map((r) => r.id));
      // A row being sent by another instance is left to it while its row keeps changing or its claim is young.
      const rows = found.filter((r) => r.state !== "Sending" || this.claims.isStale(r.id, r.etag));
      let progressed = false;
      for (const row of rows) progressed = (await this.send(row, now)) || progressed;
      if (!more || !progressed) return;
    }
  }

  private async send(row: OutboxRow, now: Date): Promise<boolean> {
    const claimMs = this.deps.claimMs ?? CLAIM_MS;
    // ClaimedUntil is for people reading the list; no instance judges a claim by it.
    const etag = await persistently(() => claimRow(this.deps.site, row, this.deps.instanceId, new Date(now.getTime() + claimMs)));
    if (etag === null) return false;
    const from = this.deps.from();
    const id = messageIdFor(row.key, from);
    try {
      if (!row.to.length) throw new DataError("Invalid", "The notice has nobody to go to.");
      // Never claimed before: no earlier try can have left a mail behind, so the first attempt need not look for one
      // (a retry after a throttled send must, since that attempt may have made the draft).
      let firstTry = row.attempts === 0;
      const r = await persistently(() => {
        const first = firstTry;
        firstTry = false;
        return sendOnce(this.deps.graph, from, { to: row.to, subject: row.subject, text: row.text }, id, { firstTry: first });
      });
      await persistently(() => markDone(this.deps.site, row, id, new Date()));
      if (r === "sent") this.stats.sent++;
      else this.stats.alreadySent++;
      return true;
    } catch (e) {
      this.stats.failed++;
      this.deps.log.error("outbox.send-failed", { row: row.id, kind: row.kind, ...errorFields(e) });
      // Given back at once when it may work later; otherwise its claim runs out and it is tried again then.
      if (e instanceof DataError && e.retryable) await releaseRow(this.deps.site, row).catch(() => undefined);
      return false;
    }
  }
}
