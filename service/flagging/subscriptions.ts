// Keeping one live subscription per mailbox, however many instances run, so Graph tells us of every new mail.
import { DataError } from "../../graph/client/errors";
import { persistently } from "../../graph/repos/items";
import {
  createInboxSubscription,
  deleteSubscription,
  getSubscription,
  listSubscriptions,
  reauthorizeSubscription,
  renewSubscription,
  subscriptionExists,
  type Subscription,
} from "../../graph/mail";
import { ensureMailboxRow, getMailboxRow, saveMailboxRow } from "../../graph/repos/service-state";
import { errorFields } from "../log";
import { eachLimit } from "./concurrency";
import type { FlaggingContext } from "./context";
import { rowData, type MailboxState, type MailboxUpkeep } from "./mailboxes";
import { secretFingerprint, type LifecycleEvent } from "./notifications";
import type { ReadRounds } from "./rounds";

export class SubscriptionUpkeep {
  private readonly csHash: string;

  constructor(
    private readonly ctx: FlaggingContext,
    private readonly mailboxes: MailboxUpkeep,
    private readonly rounds: ReadRounds,
    private readonly urls: { notificationUrl: string; lifecycleUrl: string },
  ) {
    this.csHash = secretFingerprint(ctx.config.clientState);
  }

  /** Renews what is close to expiry, moves subscriptions to this URL, re-creates any that are gone. */
  async ensure(): Promise<void> {
    let live: Map<string, Subscription>;
    try {
      live = new Map((await persistently(() => listSubscriptions(this.ctx.graph))).map((s) => [s.id, s]));
    } catch (e) {
      this.ctx.log.error("subscriptions.list-failed", errorFields(e));
      return;
    }
    await eachLimit(this.mailboxes.all(), 4, async (m) => {
      try {
        const sub = m.subscriptionId ? live.get(m.subscriptionId) : undefined;
        if (sub && m.clientStateHash === this.csHash) {
          const renewBy = Date.parse(sub.expirationDateTime) - this.ctx.config.renewBeforeMinutes * 60_000;
          const moved = sub.notificationUrl !== this.urls.notificationUrl;
          if (moved || Date.now() >= renewBy) await this.renew(m, sub.id, moved);
          return;
        }
        if (sub) await deleteSubscription(this.ctx.graph, sub.id);
        if (m.subscriptionId) this.drop(m, m.subscriptionId);
        await this.create(m);
        // Mail may have arrived while there was no subscription.
        this.rounds.markDirty(m);
      } catch (e) {
        this.ctx.stats.errors++;
        this.ctx.log.error("subscription.upkeep-failed", { mailbox: m.userId, ...errorFields(e) });
      }
    });
  }

  async onLifecycle(subscriptionId: string, event: LifecycleEvent): Promise<void> {
    const m = this.mailboxes.bySubscription.get(subscriptionId);
    if (!m) return;
    this.ctx.log.info("lifecycle", { event, subscription: subscriptionId, mailbox: m.userId });
    if (event === "reauthorizationRequired") {
      try {
        await persistently(() => reauthorizeSubscription(this.ctx.graph, subscriptionId));
        this.ctx.stats.reauthorized++;
      } catch (e) {
        this.ctx.log.warn("subscription.reauthorize-failed", { subscription: subscriptionId, ...errorFields(e) });
        // Renewing also reauthorises; if even that fails the subscription is replaced.
        try {
          await this.renew(m, subscriptionId, false);
        } catch {
          this.drop(m, subscriptionId);
          await this.create(m);
        }
      }
    } else if (event === "subscriptionRemoved") {
      // Graph removes the subscription before saying so: one it still holds means the notice was not Graph's (a
      // replay, or a leaked clientState), and replacing it would leave two alive. Kept, and counted.
      const alive = await persistently(() => subscriptionExists(this.ctx.graph, subscriptionId)).catch(() => null);
      if (alive) {
        this.ctx.log.repeated("lifecycle.removal-unconfirmed");
        return;
      }
      // Gone, or Graph could not say: whatever is left of it is deleted before its replacement is made.
      if (alive === null) await deleteSubscription(this.ctx.graph, subscriptionId).catch(() => undefined);
      this.drop(m, subscriptionId);
      await this.create(m);
    }
    // Whatever happened, read what may have been missed.
    this.rounds.markDirty(m);
  }

  private drop(m: MailboxState, id: string): void {
    this.mailboxes.bySubscription.delete(id);
    if (m.subscriptionId === id) {
      m.subscriptionId = null;
      m.expiresAt = null;
    }
  }

  private expiry(): Date {
    return new Date(Date.now() + this.ctx.config.subscriptionMinutes * 60_000);
  }

  private async renew(m: MailboxState, id: string, moveHere: boolean): Promise<void> {
    const s = await persistently(() => renewSubscription(this.ctx.graph, id, this.expiry(), moveHere ? this.urls.notificationUrl : undefined));
    this.ctx.stats.subscriptionsRenewed++;
    m.expiresAt = s.expirationDateTime;
    await this.save(m, id, s.expirationDateTime);
  }

  private async create(m: MailboxState): Promise<void> {
    const s = await persistently(() =>
      createInboxSubscription(this.ctx.graph, {
        userId: m.userId,
        notificationUrl: this.urls.notificationUrl,
        lifecycleNotificationUrl: this.urls.lifecycleUrl,
        clientState: this.ctx.config.clientState,
        expiresAt: this.expiry(),
      }),
    );
    this.ctx.stats.subscriptionsCreated++;
    m.subscriptionId = s.id;
    m.expiresAt = s.expirationDateTime;
    m.clientStateHash = this.csHash;
    this.mailboxes.bySubscription.set(s.id, m);
    this.ctx.log.info("subscription.created", { mailbox: m.userId, subscription: s.id });
    await this.save(m, s.id, s.expirationDateTime);
  }

  /**
   * Records a subscription on the mailbox's row with If-Match. If another instance recorded a different live one
   * meanwhile, ours is deleted and theirs adopted, so a mailbox ends with one subscription.
   */
  private async save(m: MailboxState, id: string, expiresAt: string): Promise<void> {
    const { site } = this.ctx;
    if (!m.row) m.row = await ensureMailboxRow(site, m.upn);
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        m.row.etag = await saveMailboxRow(site, m.row.id, m.row.etag, { subscriptionId: id, expiresAt, data: rowData(m) });
        m.row.subscriptionId = id;
        return;
      } catch (e) {
        if (!(e instanceof DataError && e.kind === "Conflict")) throw e;
        const fresh = await persistently(() => getMailboxRow(site, m.row!.id));
        m.row = fresh;
        if (fresh.subscriptionId && fresh.subscriptionId !== id && fresh.data.clientStateHash === this.csHash) {
          const theirs = await getSubscription(this.ctx.graph, fresh.subscriptionId);
          if (theirs) {
            await deleteSubscription(this.ctx.graph, id).catch(() => undefined);
            this.mailboxes.bySubscription.delete(id);
            m.subscriptionId = null;
            this.mailboxes.adoptRow(m, fresh);
            return;
          }
        }
      }
    }
  }
}
