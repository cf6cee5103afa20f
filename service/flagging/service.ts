// The flagging service as one object over its parts, so the server, the Functions app and tests drive it as one.
import type { Graph } from "../../graph/client/factory";
import type { Site } from "../../graph/repos/items";
import { persistently } from "../../graph/repos/items";
import { groupMemberUpns, resolveMailboxes } from "../../graph/mail";
import type { Owe } from "../../graph/caselog";
import type { ServiceConfig } from "../config";
import type { Logger } from "../log";
import { sleep } from "./concurrency";
import { createContext, type FlaggingContext } from "./context";
import { FlaggedIndex } from "./flag-index";
import { FLAG_CATEGORIES, MailboxUpkeep } from "./mailboxes";
import { verifyNotifications } from "./notifications";
import { MailProcessor } from "./processor";
import type { Verifier } from "./register-view";
import { ReadRounds } from "./rounds";
import { RuleUpkeep } from "./rules";
import type { ServiceStats } from "./stats";
import { SubscriptionUpkeep } from "./subscriptions";

export { FLAG_CATEGORIES };

export interface ServiceParts {
  config: ServiceConfig;
  graph: Graph;
  log: Logger;
  /** Where Graph reaches this service (the Node server's or the Functions app's address). */
  publicUrl: string;
  /** Composes the notices a breach owes (the case service's). */
  owe: Owe;
  /** A breach was recorded: the outbox has a notice to send. */
  onOwed(): void;
  /** Checks customers against their logs (the case service's watch): the index believes nothing else. */
  verify: Verifier;
}

export class FlaggingService {
  readonly stats: ServiceStats;
  readonly index = new FlaggedIndex();
  readonly site: Site;
  readonly notificationUrl: string;
  readonly lifecycleUrl: string;
  private readonly ctx: FlaggingContext;
  private readonly mailboxes: MailboxUpkeep;
  private readonly rounds: ReadRounds;
  private readonly subscriptions: SubscriptionUpkeep;
  private readonly rules: RuleUpkeep;
  private escalation: { at: number; upns: string[] } | null = null;
  private noticeMailbox = "";

  constructor(parts: ServiceParts) {
    const ctx = createContext(parts.config, parts.graph, parts.log);
    this.ctx = ctx;
    this.stats = ctx.stats;
    this.site = ctx.site;
    const base = parts.publicUrl.replace(/\/+$/, "");
    this.notificationUrl = `${base}/notifications`;
    this.lifecycleUrl = `${base}/lifecycle`;
    const processor = new MailProcessor({
      site: ctx.site,
      graph: ctx.graph,
      log: ctx.log,
      stats: ctx.stats,
      categoryFor: (s) => FLAG_CATEGORIES[s].displayName,
      flagCategories: () => Object.values(FLAG_CATEGORIES).map((c) => c.displayName),
      owe: parts.owe,
      onOwed: parts.onOwed,
      cardCacheMs: ctx.config.cardCacheMs,
    });
    this.mailboxes = new MailboxUpkeep(ctx);
    this.rounds = new ReadRounds(ctx, this.mailboxes, this.index, processor);
    this.subscriptions = new SubscriptionUpkeep(ctx, this.mailboxes, this.rounds, { notificationUrl: this.notificationUrl, lifecycleUrl: this.lifecycleUrl });
    this.rules = new RuleUpkeep(ctx, this.mailboxes, this.index, processor, parts.verify);
  }

  get isStarted(): boolean {
    return this.ctx.started;
  }

  /** Mailboxes watched, for the health page and tests. */
  watched(): { upn: string; subscriptionId: string | null }[] {
    return this.mailboxes.all().map((m) => ({ upn: m.upn, subscriptionId: m.subscriptionId }));
  }

  /** The mailbox notices are sent from (before start-up has checked the mailboxes: the one configured). */
  get noticeFrom(): string {
    return this.noticeMailbox || this.ctx.config.noticeFrom || this.ctx.config.mailboxes?.[0] || "";
  }

  /** Loads state and the register, makes sure of categories, rules and subscriptions, then catches every mailbox up. */
  async start(): Promise<void> {
    const { config, graph, log } = this.ctx;
    const { mailboxes, missing } = await persistently(() => resolveMailboxes(graph, config.mailboxes));
    if (missing.length) log.warn("mailboxes.unknown", { count: missing.length });
    if (mailboxes.length === 0) throw new Error("None of the configured mailboxes exists in the directory.");
    const preferred = config.noticeFrom ?? (config.mailboxes ? mailboxes[0].upn : (mailboxes.find((m) => m.upn.startsWith("complaints@")) ?? mailboxes[0]).upn);
    this.noticeMailbox = preferred;

    await this.mailboxes.load(mailboxes);
    await this.refreshRegister();
    await this.mailboxes.ensureMasterCategories();
    await this.syncRules();
    await this.ensureSubscriptions();
    this.ctx.started = true;
    log.info("service.started", { mailboxes: this.mailboxes.byUpn.size, identities: this.index.size.identities, customers: this.index.size.customers });
    this.catchUpAll();
  }

  /**
   * Takes a notification body (change or lifecycle): checks each item, queues the work and returns at once, so the
   * endpoint can answer 202 within Graph's time. Returns null for a body that is not a notification collection.
   */
  accept(body: unknown): { accepted: number; rejected: number } | null {
    const { config, stats, log } = this.ctx;
    const v = verifyNotifications(body, config.clientState, (id) => this.mailboxes.bySubscription.has(id));
    if (!v) return null;
    stats.rejected += v.forged + v.unknown;
    if (v.forged) log.repeated("notification.forged", v.forged);
    if (v.unknown) {
      log.repeated("notification.unknown-subscription", v.unknown);
      this.mailboxes.refreshRowsSoon((m) => this.rounds.markDirty(m));
    }
    for (const id of v.changes) {
      const m = this.mailboxes.bySubscription.get(id)!;
      stats.notifications++;
      this.rounds.markDirty(m);
    }
    for (const l of v.lifecycle) {
      stats.lifecycle++;
      this.ctx.track(this.subscriptions.onLifecycle(l.subscriptionId, l.event));
    }
    return { accepted: v.changes.length + v.lifecycle.length, rejected: v.forged + v.unknown };
  }

  catchUpAll(): void {
    this.rounds.catchUpAll();
  }

  ensureSubscriptions(): Promise<void> {
    return this.subscriptions.ensure();
  }

  refreshRegister(): Promise<void> {
    return this.rules.refreshRegister();
  }

  syncRules(): Promise<void> {
    return this.rules.syncRules();
  }

  /** Escalations (and breaches with no SPOC) go to SERVICE_ESCALATE_TO, else the UPC Managers group; cached 10 min. */
  async escalationRecipients(): Promise<string[]> {
    const { config, graph } = this.ctx;
    if (config.escalateTo) return config.escalateTo.map((x) => x.toLowerCase());
    if (this.escalation && Date.now() - this.escalation.at < 600_000) return this.escalation.upns;
    const upns = await persistently(() => groupMemberUpns(graph, "UPC Managers"));
    this.escalation = { at: Date.now(), upns };
    return upns;
  }

  /** Resolves when nothing is queued, being read or being handled (for tests, benchmarks and the Functions timer). */
  async idle(timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (!this.rounds.busy && !this.ctx.tasks.size && !this.rules.busy) return;
      await Promise.race([this.rounds.running, ...this.ctx.tasks, this.rules.running, sleep(20)]);
      await sleep(5);
    }
    throw new Error("The flagging service did not become idle in time.");
  }

  flush(): Promise<void> {
    return this.mailboxes.flush();
  }

  /** Stops reading and saves positions; subscriptions stay, so Graph keeps (and retries) what arrives meanwhile. */
  async close(): Promise<void> {
    if (this.ctx.closed) return;
    this.ctx.closed = true;
    this.rules.stopTimer();
    await this.rounds.settle();
    await Promise.allSettled([...this.ctx.tasks]);
    await this.rules.settle();
    await this.flush();
  }
}
