// The flagging service: keeps each mailbox's categories, rules and subscription, turns notifications into reads of
// new mail (one message delta per mailbox per round), and hands mail from flagged customers to the processor.
// Its state (delta links, subscription ids) lives in UpcServiceState, so a restart, or another instance, carries on.
import type { Graph } from "../../graph/client/factory";
import { DataError } from "../../graph/client/errors";
import type { Site } from "../../graph/repos/items";
import { persistently } from "../../graph/repos/items";
import {
  createInboxSubscription,
  deleteSubscription,
  getSubscription,
  DeltaLinkExpired,
  ensureCategories,
  groupMemberUpns,
  inboxDeltaStart,
  listInboxRules,
  listSubscriptions,
  planFlagRules,
  readInboxDelta,
  reauthorizeSubscription,
  renewSubscription,
  resolveMailboxes,
  RULE_PREFIX,
  ruleBytes,
  RULES_MARGIN_BYTES,
  RULES_QUOTA_BYTES,
  syncInboxRules,
  type CategoryDef,
  type DeltaRound,
  type ExistingRule,
  type Subscription,
} from "../../graph/mail";
import type { Owe } from "../../graph/caselog";
import { ensureMailboxRow, getMailboxRow, readMailboxRows, saveMailboxRow, type MailboxRow } from "../../graph/repos/service-state";
import type { ServiceConfig } from "../config";
import { errorFields, type Logger } from "../log";
import { FlaggedIndex, type FlaggedStatus } from "./flag-index";
import { RegisterView, type Verifier } from "./register-view";
import { secretFingerprint, verifyNotifications, type LifecycleEvent } from "./notifications";
import { MailProcessor, type FlaggedCopy, type FlaggedMail } from "./processor";
import { newStats, type ServiceStats } from "./stats";

/** The master categories the service keeps in every watched mailbox: one per flagged status, in distinct colours. */
export const FLAG_CATEGORIES: Record<FlaggedStatus, CategoryDef> = {
  Restricted: { displayName: "UPC Restricted", color: "preset0" },
  Monitoring: { displayName: "UPC Monitoring", color: "preset1" },
};

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

async function eachLimit<T>(items: T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await fn(items[next++]);
    }),
  );
}

interface MailboxState {
  upn: string;
  userId: string;
  row: MailboxRow | null;
  subscriptionId: string | null;
  expiresAt: string | null;
  /** Where this instance's next read starts, and what is saved in the register. */
  deltaLink: string | null;
  savedDeltaLink: string | null;
  lastReceived: string | null;
  clientStateHash: string | null;
  /** Bytes taken by the owner's own rules (counted against the same quota). */
  otherRulesBytes: number;
  rulesVersion: number;
  persistTimer: NodeJS.Timeout | null;
}

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
  readonly stats: ServiceStats = newStats();
  readonly index = new FlaggedIndex();
  readonly site: Site;
  private readonly config: ServiceConfig;
  private readonly graph: Graph;
  private readonly log: Logger;
  private readonly processor: MailProcessor;
  private readonly mailboxes = new Map<string, MailboxState>();
  private readonly bySubscription = new Map<string, MailboxState>();
  private readonly dirty = new Set<MailboxState>();
  private readonly register: RegisterView;
  private loop: Promise<void> | null = null;
  private lastRoundAt = 0;
  private failures = 0;
  private readonly tasks = new Set<Promise<unknown>>();
  private ruleTimer: NodeJS.Timeout | null = null;
  private rulesRunning: Promise<void> | null = null;
  private registerRunning: Promise<void> | null = null;
  private lastRowRefresh = 0;
  private escalation: { at: number; upns: string[] } | null = null;
  private noticeMailbox = "";
  private started = false;
  private closed = false;
  readonly notificationUrl: string;
  readonly lifecycleUrl: string;
  private readonly csHash: string;

  constructor(parts: ServiceParts) {
    this.config = parts.config;
    this.graph = parts.graph;
    this.log = parts.log;
    this.site = { graph: parts.graph, siteId: parts.config.siteId };
    const base = parts.publicUrl.replace(/\/+$/, "");
    this.notificationUrl = `${base}/notifications`;
    this.lifecycleUrl = `${base}/lifecycle`;
    this.csHash = secretFingerprint(parts.config.clientState);
    this.register = new RegisterView(this.site, this.index, parts.verify);
    this.processor = new MailProcessor({
      site: this.site,
      graph: this.graph,
      log: this.log,
      stats: this.stats,
      categoryFor: (s) => FLAG_CATEGORIES[s].displayName,
      flagCategories: () => Object.values(FLAG_CATEGORIES).map((c) => c.displayName),
      owe: parts.owe,
      onOwed: parts.onOwed,
      cardCacheMs: this.config.cardCacheMs,
    });
  }

  get isStarted(): boolean {
    return this.started;
  }

  /** Mailboxes watched, for the health page and tests. */
  watched(): { upn: string; subscriptionId: string | null }[] {
    return [...this.mailboxes.values()].map((m) => ({ upn: m.upn, subscriptionId: m.subscriptionId }));
  }

  /** The mailbox notices are sent from (before start-up has checked the mailboxes: the one configured). */
  get noticeFrom(): string {
    return this.noticeMailbox || this.config.noticeFrom || this.config.mailboxes?.[0] || "";
  }

  // -------------------------------------------------------------------------------------------------------------
  // Start-up
  // -------------------------------------------------------------------------------------------------------------

  /** Loads state and the register, makes sure of categories, rules and subscriptions, then catches every mailbox up. */
  async start(): Promise<void> {
    const { mailboxes, missing } = await persistently(() => resolveMailboxes(this.graph, this.config.mailboxes));
    if (missing.length) this.log.warn("mailboxes.unknown", { count: missing.length });
    if (mailboxes.length === 0) throw new Error("None of the configured mailboxes exists in the directory.");
    const preferred = this.config.noticeFrom ?? (this.config.mailboxes ? mailboxes[0].upn : (mailboxes.find((m) => m.upn.startsWith("complaints@")) ?? mailboxes[0]).upn);
    this.noticeMailbox = preferred;

    const rows = await persistently(() => readMailboxRows(this.site));
    for (const m of mailboxes) {
      const row = rows.get(m.upn) ?? null;
      const state: MailboxState = {
        upn: m.upn,
        userId: m.userId,
        row,
        subscriptionId: row?.subscriptionId ?? null,
        expiresAt: row?.expiresAt ?? null,
        deltaLink: row?.deltaLink ?? null,
        savedDeltaLink: row?.deltaLink ?? null,
        lastReceived: row?.data.lastReceived ?? null,
        clientStateHash: row?.data.clientStateHash ?? null,
        otherRulesBytes: 0,
        rulesVersion: -1,
        persistTimer: null,
      };
      this.mailboxes.set(m.upn, state);
      if (state.subscriptionId) this.bySubscription.set(state.subscriptionId, state);
    }
    await eachLimit([...this.mailboxes.values()].filter((m) => !m.row), 4, async (m) => {
      m.row = await ensureMailboxRow(this.site, m.upn);
      this.adoptRow(m, m.row);
    });

    await this.refreshRegister();
    await eachLimit([...this.mailboxes.values()], 4, async (m) => {
      try {
        await persistently(() => ensureCategories(this.graph, m.upn, Object.values(FLAG_CATEGORIES)));
      } catch (e) {
        this.log.error("categories.failed", { mailbox: m.userId, ...errorFields(e) });
      }
    });
    await this.syncRules();
    await this.ensureSubscriptions();
    this.started = true;
    this.log.info("service.started", { mailboxes: this.mailboxes.size, identities: this.index.size.identities, customers: this.index.size.customers });
    this.catchUpAll();
  }

  private adoptRow(m: MailboxState, row: MailboxRow): void {
    m.row = row;
    if (row.subscriptionId && row.subscriptionId !== m.subscriptionId) {
      if (m.subscriptionId) this.bySubscription.delete(m.subscriptionId);
      m.subscriptionId = row.subscriptionId;
      m.expiresAt = row.expiresAt;
      this.bySubscription.set(row.subscriptionId, m);
    }
    if (row.data.clientStateHash) m.clientStateHash = row.data.clientStateHash;
    if (!m.deltaLink && row.deltaLink) {
      m.deltaLink = row.deltaLink;
      m.savedDeltaLink = row.deltaLink;
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Notifications
  // -------------------------------------------------------------------------------------------------------------

  /**
   * Takes a notification body (change or lifecycle): checks each item, queues the work and returns at once, so the
   * endpoint can answer 202 within Graph's time. Returns null for a body that is not a notification collection.
   */
  accept(body: unknown): { accepted: number; rejected: number } | null {
    const v = verifyNotifications(body, this.config.clientState, (id) => this.bySubscription.has(id));
    if (!v) return null;
    this.stats.rejected += v.forged + v.unknown;
    if (v.forged) this.log.warn("notification.forged", { count: v.forged });
    if (v.unknown) {
      this.log.info("notification.unknown-subscription", { count: v.unknown });
      this.refreshRowsSoon();
    }
    for (const id of v.changes) {
      const m = this.bySubscription.get(id)!;
      this.stats.notifications++;
      this.markDirty(m);
    }
    for (const l of v.lifecycle) {
      this.stats.lifecycle++;
      this.track(this.onLifecycle(l.subscriptionId, l.event));
    }
    return { accepted: v.changes.length + v.lifecycle.length, rejected: v.forged + v.unknown };
  }

  private track<T>(p: Promise<T>): void {
    const t = p.catch((e) => {
      this.stats.errors++;
      this.log.error("task.failed", errorFields(e));
    });
    this.tasks.add(t);
    void t.finally(() => this.tasks.delete(t));
  }

  /** Another instance may have made a subscription we have not heard of: re-read the rows, at most every 30 s. */
  private refreshRowsSoon(): void {
    if (!this.started || Date.now() - this.lastRowRefresh < 30_000) return;
    this.lastRowRefresh = Date.now();
    this.track(
      (async () => {
        const rows = await readMailboxRows(this.site);
        for (const m of this.mailboxes.values()) {
          const row = rows.get(m.upn);
          if (row) this.adoptRow(m, row);
        }
      })(),
    );
  }

  private async onLifecycle(subscriptionId: string, event: LifecycleEvent): Promise<void> {
    const m = this.bySubscription.get(subscriptionId);
    if (!m) return;
    this.log.info("lifecycle", { event, subscription: subscriptionId, mailbox: m.userId });
    if (event === "reauthorizationRequired") {
      try {
        await persistently(() => reauthorizeSubscription(this.graph, subscriptionId));
        this.stats.reauthorized++;
      } catch (e) {
        this.log.warn("subscription.reauthorize-failed", { subscription: subscriptionId, ...errorFields(e) });
        // Renewing also reauthorises; if even that fails the subscription is replaced.
        try {
          await this.renew(m, subscriptionId, false);
        } catch {
          this.dropSubscription(m, subscriptionId);
          await this.createSubscription(m);
        }
      }
    } else if (event === "subscriptionRemoved") {
      this.dropSubscription(m, subscriptionId);
      await this.createSubscription(m);
    }
    // Whatever happened, read what may have been missed.
    this.markDirty(m);
  }

  private dropSubscription(m: MailboxState, id: string): void {
    this.bySubscription.delete(id);
    if (m.subscriptionId === id) {
      m.subscriptionId = null;
      m.expiresAt = null;
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Reading mail
  // -------------------------------------------------------------------------------------------------------------

  /** Every mailbox is read from its delta link: on start-up, after a `missed`, and on the periodic sweep. */
  catchUpAll(): void {
    for (const m of this.mailboxes.values()) this.markDirty(m);
  }

  private markDirty(m: MailboxState): void {
    if (this.closed) return;
    this.dirty.add(m);
    if (this.started) this.kick();
  }

  private kick(): void {
    if (this.loop || this.closed) return;
    this.loop = this.runLoop().finally(() => {
      this.loop = null;
      if (this.dirty.size && !this.closed) this.kick();
    });
  }

  private async runLoop(): Promise<void> {
    while (this.dirty.size && !this.closed) {
      // Triggers are coalesced: a round reads each dirty mailbox once, at most one round per readIntervalMs.
      const wait = Math.max(this.config.coalesceMs, this.lastRoundAt + this.config.readIntervalMs - Date.now());
      if (wait > 0) await sleep(wait);
      if (this.closed) return;
      const batch = [...this.dirty];
      this.dirty.clear();
      this.lastRoundAt = Date.now();
      try {
        await this.round(batch);
        this.failures = 0;
      } catch (e) {
        this.failures++;
        this.stats.errors++;
        this.processor.forget();
        for (const m of batch) this.dirty.add(m);
        this.log.warn("round.failed", { mailboxes: batch.length, attempt: this.failures, ...errorFields(e) });
        await sleep(Math.min(30_000, 200 * 2 ** Math.min(this.failures, 8)));
      }
    }
  }

  private async readDelta(m: MailboxState): Promise<DeltaRound> {
    const lookback = new Date(Date.now() - this.config.initialLookbackHours * 3_600_000);
    try {
      return await readInboxDelta(this.graph, m.deltaLink ?? inboxDeltaStart(m.upn, lookback));
    } catch (e) {
      if (!(e instanceof DeltaLinkExpired)) throw e;
      // Start a new round from a little before the newest mail already seen (repeats are logged once anyway).
      const since = m.lastReceived ? new Date(Date.parse(m.lastReceived) - 3_600_000) : lookback;
      this.log.warn("delta.restarted", { mailbox: m.userId });
      return readInboxDelta(this.graph, inboxDeltaStart(m.upn, since));
    }
  }

  /** One round: read each mailbox's new mail, match senders in memory, process what is flagged, then move on. */
  private async round(batch: MailboxState[]): Promise<void> {
    this.stats.rounds++;
    const reads: { m: MailboxState; r: DeltaRound }[] = [];
    await eachLimit(batch, 8, async (m) => {
      reads.push({ m, r: await this.readDelta(m) });
    });
    const flagged = new Map<string, FlaggedMail>();
    const wronglyColoured: FlaggedCopy[] = [];
    const ours = new Set(Object.values(FLAG_CATEGORIES).map((c) => c.displayName.toLowerCase()));
    for (const { m, r } of reads) {
      this.stats.deltaRequests += r.requests;
      this.stats.messages += r.messages.length;
      for (const msg of r.messages) {
        const match = this.index.match(msg.from, msg.sender);
        if (!match) {
          if (msg.categories.some((c) => ours.has(c.toLowerCase()))) wronglyColoured.push({ mailbox: m.upn, message: msg });
          continue;
        }
        this.stats.flagged++;
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
      this.schedulePersist(m);
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // Persisting the mailbox rows (ETag-guarded: several instances may run)
  // -------------------------------------------------------------------------------------------------------------

  private schedulePersist(m: MailboxState): void {
    if (m.deltaLink === m.savedDeltaLink || m.persistTimer || this.closed) return;
    m.persistTimer = setTimeout(() => {
      m.persistTimer = null;
      this.track(this.persist(m));
    }, this.config.persistMs);
    m.persistTimer.unref?.();
  }

  private async persist(m: MailboxState): Promise<void> {
    if (!m.row || m.deltaLink === m.savedDeltaLink) return;
    const link = m.deltaLink;
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        m.row.etag = await saveMailboxRow(this.site, m.row.id, m.row.etag, { deltaLink: link, data: this.rowData(m) });
        m.savedDeltaLink = link;
        return;
      } catch (e) {
        if (!(e instanceof DataError && e.kind === "Conflict")) throw e;
        // Another instance wrote the row: take its subscription news, keep our own reading position, write again.
        this.adoptRow(m, await persistently(() => getMailboxRow(this.site, m.row!.id)));
      }
    }
  }

  private rowData(m: MailboxState) {
    return { clientStateHash: m.clientStateHash ?? undefined, lastReceived: m.lastReceived ?? undefined };
  }

  // -------------------------------------------------------------------------------------------------------------
  // Subscriptions
  // -------------------------------------------------------------------------------------------------------------

  /** Renews what is close to expiry, moves subscriptions to this URL, re-creates any that are gone. */
  async ensureSubscriptions(): Promise<void> {
    let live: Map<string, Subscription>;
    try {
      live = new Map((await persistently(() => listSubscriptions(this.graph))).map((s) => [s.id, s]));
    } catch (e) {
      this.log.error("subscriptions.list-failed", errorFields(e));
      return;
    }
    await eachLimit([...this.mailboxes.values()], 4, async (m) => {
      try {
        const sub = m.subscriptionId ? live.get(m.subscriptionId) : undefined;
        if (sub && m.clientStateHash === this.csHash) {
          const renewBy = Date.parse(sub.expirationDateTime) - this.config.renewBeforeMinutes * 60_000;
          const moved = sub.notificationUrl !== this.notificationUrl;
          if (moved || Date.now() >= renewBy) await this.renew(m, sub.id, moved);
          return;
        }
        if (sub) await deleteSubscription(this.graph, sub.id);
        if (m.subscriptionId) this.dropSubscription(m, m.subscriptionId);
        await this.createSubscription(m);
        // Mail may have arrived while there was no subscription.
        this.markDirty(m);
      } catch (e) {
        this.stats.errors++;
        this.log.error("subscription.upkeep-failed", { mailbox: m.userId, ...errorFields(e) });
      }
    });
  }

  private expiry(): Date {
    return new Date(Date.now() + this.config.subscriptionMinutes * 60_000);
  }

  private async renew(m: MailboxState, id: string, moveHere: boolean): Promise<void> {
    const s = await persistently(() => renewSubscription(this.graph, id, this.expiry(), moveHere ? this.notificationUrl : undefined));
    this.stats.subscriptionsRenewed++;
    m.expiresAt = s.expirationDateTime;
    await this.saveSubscription(m, id, s.expirationDateTime);
  }

  private async createSubscription(m: MailboxState): Promise<void> {
    const s = await persistently(() =>
      createInboxSubscription(this.graph, {
        userId: m.userId,
        notificationUrl: this.notificationUrl,
        lifecycleNotificationUrl: this.lifecycleUrl,
        clientState: this.config.clientState,
        expiresAt: this.expiry(),
      }),
    );
    this.stats.subscriptionsCreated++;
    m.subscriptionId = s.id;
    m.expiresAt = s.expirationDateTime;
    m.clientStateHash = this.csHash;
    this.bySubscription.set(s.id, m);
    this.log.info("subscription.created", { mailbox: m.userId, subscription: s.id });
    await this.saveSubscription(m, s.id, s.expirationDateTime);
  }

  /**
   * Records a subscription on the mailbox's row with If-Match. If another instance recorded a different live one
   * meanwhile, ours is deleted and theirs adopted, so a mailbox ends with one subscription.
   */
  private async saveSubscription(m: MailboxState, id: string, expiresAt: string): Promise<void> {
    if (!m.row) m.row = await ensureMailboxRow(this.site, m.upn);
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        m.row.etag = await saveMailboxRow(this.site, m.row.id, m.row.etag, { subscriptionId: id, expiresAt, data: this.rowData(m) });
        m.row.subscriptionId = id;
        return;
      } catch (e) {
        if (!(e instanceof DataError && e.kind === "Conflict")) throw e;
        const fresh = await persistently(() => getMailboxRow(this.site, m.row!.id));
        m.row = fresh;
        if (fresh.subscriptionId && fresh.subscriptionId !== id && fresh.data.clientStateHash === this.csHash) {
          const theirs = await getSubscription(this.graph, fresh.subscriptionId);
          if (theirs) {
            await deleteSubscription(this.graph, id).catch(() => undefined);
            this.bySubscription.delete(id);
            m.subscriptionId = null;
            this.adoptRow(m, fresh);
            return;
          }
        }
      }
    }
  }

  // -------------------------------------------------------------------------------------------------------------
  // The register and the rules
  // -------------------------------------------------------------------------------------------------------------

  /** Reads the register's changes (one $batch when nothing changed); rules follow within a second of a change. */
  async refreshRegister(): Promise<void> {
    if (this.registerRunning) return this.registerRunning;
    this.registerRunning = (async () => {
      const changed = await this.register.refresh();
      if (changed && this.started) {
        this.processor.forget();
        this.scheduleRuleSync();
      }
    })().finally(() => (this.registerRunning = null));
    return this.registerRunning;
  }

  private scheduleRuleSync(): void {
    if (this.ruleTimer || this.closed) return;
    this.ruleTimer = setTimeout(() => {
      this.ruleTimer = null;
      this.track(this.syncRules());
    }, 500);
    this.ruleTimer.unref?.();
  }

  /** Rebuilds each mailbox's flag rules from the index, where the index changed since that mailbox was last done. */
  async syncRules(): Promise<void> {
    if (this.rulesRunning) {
      await this.rulesRunning;
      if (![...this.mailboxes.values()].some((m) => m.rulesVersion !== this.index.version)) return;
    }
    this.rulesRunning = (async () => {
      const version = this.index.version;
      const groups = this.index.groups((s) => FLAG_CATEGORIES[s].displayName);
      await eachLimit([...this.mailboxes.values()].filter((m) => m.rulesVersion !== version), 4, async (m) => {
        try {
          const current = await persistently(() => listInboxRules(this.graph, m.upn));
          const others = current.filter((r) => !r.displayName.startsWith(RULE_PREFIX));
          m.otherRulesBytes = others.reduce((s, r) => s + ruleBytes(r as ExistingRule), 0);
          const plan = planFlagRules(groups, RULES_QUOTA_BYTES - RULES_MARGIN_BYTES - m.otherRulesBytes);
          const res = await syncInboxRules(this.graph, m.upn, plan.rules, current);
          m.rulesVersion = version;
          this.stats.ruleSyncs++;
          if (res.created + res.updated + res.deleted) this.log.info("rules.synced", { mailbox: m.userId, rules: plan.rules.length, created: res.created, updated: res.updated, deleted: res.deleted });
          if (plan.omitted || res.refused) this.log.warn("rules.quota", { mailbox: m.userId, omitted: plan.omitted, refused: res.refused });
        } catch (e) {
          this.stats.errors++;
          this.log.error("rules.failed", { mailbox: m.userId, ...errorFields(e) });
        }
      });
    })().finally(() => (this.rulesRunning = null));
    return this.rulesRunning;
  }

  // -------------------------------------------------------------------------------------------------------------
  // People to tell
  // -------------------------------------------------------------------------------------------------------------

  /** Escalations (and breaches with no SPOC) go to SERVICE_ESCALATE_TO, else the UPC Managers group; cached 10 min. */
  async escalationRecipients(): Promise<string[]> {
    if (this.config.escalateTo) return this.config.escalateTo.map((x) => x.toLowerCase());
    if (this.escalation && Date.now() - this.escalation.at < 600_000) return this.escalation.upns;
    const upns = await persistently(() => groupMemberUpns(this.graph, "UPC Managers"));
    this.escalation = { at: Date.now(), upns };
    return upns;
  }

  // -------------------------------------------------------------------------------------------------------------
  // Waiting and stopping
  // -------------------------------------------------------------------------------------------------------------

  /** Resolves when nothing is queued, being read or being handled (for tests, benchmarks and the Functions timer). */
  async idle(timeoutMs = 60_000): Promise<void> {
    const until = Date.now() + timeoutMs;
    while (Date.now() < until) {
      if (!this.dirty.size && !this.loop && !this.tasks.size && !this.rulesRunning && !this.ruleTimer && !this.registerRunning) return;
      await Promise.race([this.loop, ...this.tasks, this.rulesRunning, sleep(20)]);
      await sleep(5);
    }
    throw new Error("The flagging service did not become idle in time.");
  }

  /** Saves every mailbox's reading position now. */
  async flush(): Promise<void> {
    await eachLimit([...this.mailboxes.values()], 4, async (m) => {
      if (m.persistTimer) clearTimeout(m.persistTimer);
      m.persistTimer = null;
      try {
        await this.persist(m);
      } catch (e) {
        this.log.error("state.save-failed", { mailbox: m.userId, ...errorFields(e) });
      }
    });
  }

  /** Stops reading and saves positions; subscriptions stay, so Graph keeps (and retries) what arrives meanwhile. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    if (this.ruleTimer) clearTimeout(this.ruleTimer);
    this.ruleTimer = null;
    await this.loop?.catch(() => undefined);
    await Promise.allSettled([...this.tasks]);
    await this.rulesRunning?.catch(() => undefined);
    await this.registerRunning?.catch(() => undefined);
    await this.flush();
  }
}
