// Reading new mail in rounds: triggers are coalesced, so at volume one message delta per mailbox covers many mails.
import { DeltaLinkExpired, inboxDeltaStart, readInboxDelta, type DeltaRound } from "../../graph/mail";
import { errorFields } from "../log";
import { eachLimit, sleep } from "./concurrency";
import type { FlaggingContext } from "./context";
import type { FlaggedIndex } from "./flag-index";
import { FLAG_CATEGORIES, type MailboxState, type MailboxUpkeep } from "./mailboxes";
import type { FlaggedCopy, FlaggedMail, MailProcessor } from "./processor";

export class ReadRounds {
  private readonly dirty = new Set<MailboxState>();
  private loop: Promise<void> | null = null;
  private lastRoundAt = 0;
  private failures = 0;

  constructor(
    private readonly ctx: FlaggingContext,
    private readonly mailboxes: MailboxUpkeep,
    private readonly index: FlaggedIndex,
    private readonly processor: MailProcessor,
  ) {}

  get busy(): boolean {
    return this.dirty.size > 0 || this.loop !== null;
  }

  get running(): Promise<void> | null {
    return this.loop;
  }

  /** Every mailbox is read from its delta link: on start-up, after a `missed`, and on the periodic sweep. */
  catchUpAll(): void {
    for (const m of this.mailboxes.all()) this.markDirty(m);
  }

  markDirty(m: MailboxState): void {
    if (this.ctx.closed) return;
    this.dirty.add(m);
    if (this.ctx.started) this.kick();
  }

  async settle(): Promise<void> {
    await this.loop?.catch(() => undefined);
  }

  private kick(): void {
    if (this.loop || this.ctx.closed) return;
    this.loop = this.runLoop().finally(() => {
      this.loop = null;
      if (this.dirty.size && !this.ctx.closed) this.kick();
    });
  }

  private async runLoop(): Promise<void> {
    const { config, stats, log } = this.ctx;
    while (this.dirty.size && !this.ctx.closed) {
      // Triggers are coalesced: a round reads each dirty mailbox once, at most one round per readIntervalMs.
      const wait = Math.max(config.coalesceMs, this.lastRoundAt + config.readIntervalMs - Date.now());
      if (wait > 0) await sleep(wait);
      if (this.ctx.closed) return;
      const batch = [...this.dirty];
      this.dirty.clear();
      this.lastRoundAt = Date.now();
      try {
        await this.round(batch);
        this.failures = 0;
      } catch (e) {
        this.failures++;
        stats.errors++;
        this.processor.forget();
        for (const m of batch) this.dirty.add(m);
        log.warn("round.failed", { mailboxes: batch.length, attempt: this.failures, ...errorFields(e) });
        await sleep(Math.min(30_000, 200 * 2 ** Math.min(this.failures, 8)));
      }
    }
  }

  private async readDelta(m: MailboxState): Promise<DeltaRound> {
    const lookback = new Date(Date.now() - this.ctx.config.initialLookbackHours * 3_600_000);
    try {
      return await readInboxDelta(this.ctx.graph, m.deltaLink ?? inboxDeltaStart(m.upn, lookback));
    } catch (e) {
      if (!(e instanceof DeltaLinkExpired)) throw e;
      // Start a new round from a little before the newest mail already seen (repeats are logged once anyway).
      const since = m.lastReceived ? new Date(Date.parse(m.lastReceived) - 3_600_000) : lookback;
      this.ctx.log.warn("delta.restarted", { mailbox: m.userId });
      return readInboxDelta(this.ctx.graph, inboxDeltaStart(m.upn, since));
    }
  }

  /** One round: read each mailbox's new mail, match senders in memory, process what is flagged, then move on. */
  private async round(batch: MailboxState[]): Promise<void> {
    const { stats } = this.ctx;
    stats.rounds++;
    const reads: { m: MailboxState; r: DeltaRound }[] = [];
    await eachLimit(batch, 8, async (m) => {
      reads.push({ m, r: await this.readDelta(m) });
    });
    const flagged = new Map<string, FlaggedMail>();
    const wronglyColoured: FlaggedCopy[] = [];
    const ours = new Set(Object.values(FLAG_CATEGORIES).map((c) => c.displayName.toLowerCase()));
    for (const { m, r } of reads) {
      stats.deltaRequests += r.requests;
      stats.messages += r.messages.length;
      for (const msg of r.messages) {
        const match = this.index.match(msg.from, msg.sender);
        if (!match) {
          if (msg.categories.some((c) => ours.has(c.toLowerCase()))) wronglyColoured.push({ mailbox: m.upn, message: msg });
          continue;
        }
        stats.flagged++;
        const key = msg.internetMessageId ?? `urn:upc:message:${m.userId}:${msg.id}`;
        const mail = flagged.get(key) ?? { messageId: key, match, copies: [] };
        mail.copies.push({ mailbox: m.upn, message: msg });
        flagged.set(key, mail);
      }
    }
    if (flagged.size || wronglyColoured.length) await this.processor.process([...flagged.values()], wronglyColoured);
    // Only now, with everything handled, does each mailbox move past what it read.
    for (const { m, r } of reads) {
      m.deltaLink = r.deltaLink;
      for (const msg of r.messages) if (!m.lastReceived || msg.receivedDateTime > m.lastReceived) m.lastReceived = msg.receivedDateTime;
      this.mailboxes.schedulePersist(m);
    }
  }
}
