// Inbox rules kept in step with the register, so Exchange colours a flagged customer's mail before we read it.
import { persistently } from "../../graph/repos/items";
import { listInboxRules, planFlagRules, RULE_PREFIX, ruleBytes, RULES_MARGIN_BYTES, RULES_QUOTA_BYTES, syncInboxRules, type ExistingRule } from "../../graph/mail";
import { errorFields } from "../log";
import { eachLimit } from "./concurrency";
import type { FlaggingContext } from "./context";
import type { FlaggedIndex } from "./flag-index";
import { FLAG_CATEGORIES, type MailboxUpkeep } from "./mailboxes";
import type { MailProcessor } from "./processor";
import { RegisterView, type Verifier } from "./register-view";

export class RuleUpkeep {
  private readonly register: RegisterView;
  private ruleTimer: NodeJS.Timeout | null = null;
  private rulesRunning: Promise<void> | null = null;
  private registerRunning: Promise<void> | null = null;

  constructor(
    private readonly ctx: FlaggingContext,
    private readonly mailboxes: MailboxUpkeep,
    private readonly index: FlaggedIndex,
    private readonly processor: MailProcessor,
    verify: Verifier,
  ) {
    this.register = new RegisterView(ctx.site, index, verify);
  }

  get busy(): boolean {
    return !!(this.rulesRunning || this.ruleTimer || this.registerRunning);
  }

  get running(): Promise<void> | null {
    return this.rulesRunning;
  }

  /** Reads the register's changes (one $batch when nothing changed); rules follow within a second of a change. */
  async refreshRegister(): Promise<void> {
    if (this.registerRunning) return this.registerRunning;
    this.registerRunning = (async () => {
      const changed = await this.register.refresh();
      if (changed && this.ctx.started) {
        this.processor.forget();
        this.scheduleRuleSync();
      }
    })().finally(() => (this.registerRunning = null));
    return this.registerRunning;
  }

  private scheduleRuleSync(): void {
    if (this.ruleTimer || this.ctx.closed) return;
    this.ruleTimer = setTimeout(() => {
      this.ruleTimer = null;
      this.ctx.track(this.syncRules());
    }, 500);
    this.ruleTimer.unref?.();
  }

  /** Rebuilds each mailbox's flag rules from the index, where the index changed since that mailbox was last done. */
  async syncRules(): Promise<void> {
    if (this.rulesRunning) {
      await this.rulesRunning;
      if (!this.mailboxes.all().some((m) => m.rulesVersion !== this.index.version)) return;
    }
    this.rulesRunning = (async () => {
      const { graph, stats, log } = this.ctx;
      const version = this.index.version;
      const groups = this.index.groups((s) => FLAG_CATEGORIES[s].displayName);
      await eachLimit(this.mailboxes.all().filter((m) => m.rulesVersion !== version), 4, async (m) => {
        try {
          const current = await persistently(() => listInboxRules(graph, m.upn));
          const others = current.filter((r) => !r.displayName.startsWith(RULE_PREFIX));
          // Only enabled rules count against Exchange's quota (learn.microsoft.com/exchange/clients-and-mobile-in-exchange-online/outlook-on-the-web/increase-the-space-used-by-inbox-rules).
          m.otherRulesBytes = others.filter((r) => r.isEnabled !== false).reduce((s, r) => s + ruleBytes(r as ExistingRule), 0);
          const plan = planFlagRules(groups, RULES_QUOTA_BYTES - RULES_MARGIN_BYTES - m.otherRulesBytes);
          const res = await syncInboxRules(graph, m.upn, plan.rules, current);
          m.rulesVersion = version;
          stats.ruleSyncs++;
          if (res.created + res.updated + res.deleted) log.info("rules.synced", { mailbox: m.userId, rules: plan.rules.length, created: res.created, updated: res.updated, deleted: res.deleted });
          if (plan.omitted || res.refused) log.warn("rules.quota", { mailbox: m.userId, omitted: plan.omitted, refused: res.refused });
        } catch (e) {
          stats.errors++;
          log.error("rules.failed", { mailbox: m.userId, ...errorFields(e) });
        }
      });
    })().finally(() => (this.rulesRunning = null));
    return this.rulesRunning;
  }

  /** On close: a sync not yet begun is not begun, one under way (and a register read) is waited for. */
  stopTimer(): void {
    if (this.ruleTimer) clearTimeout(this.ruleTimer);
    this.ruleTimer = null;
  }

  async settle(): Promise<void> {
    await this.rulesRunning?.catch(() => undefined);
    await this.registerRunning?.catch(() => undefined);
  }
}
