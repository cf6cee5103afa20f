// One running service: the Graph client, the flagging service, the scheduler and the timers that drive them. The Node
// server and the Azure Functions app both build one of these; only who calls the timers differs.
import { createGraph, type Graph, type TokenSource } from "../graph/client/factory";
import { tokensFor } from "./auth";
import { createCaseService, type CaseService } from "./cases";
import { presetsFor } from "./cases/offices";
import { owedMails } from "./cases/owe";
import type { TokenCheck } from "./cases/tokens";
import type { ServiceConfig } from "./config";
import { FlaggingService } from "./flagging/service";
import { createLogger, errorFields, type Logger, type LogSink } from "./log";
import { StaleWatch } from "./leases/stale-watch";
import { LEASE_MS, runScheduler, type SchedulerReport } from "./scheduler/jobs";

export interface RuntimeOptions {
  publicUrl: string;
  log?: LogSink;
  /** Overrides the tokens the configuration implies (tests). */
  tokens?: TokenSource;
  /** Overrides how callers of the case service API are checked (tests). */
  apiTokens?: TokenCheck;
  /** The clock steps and the scheduler go by (tests move it on). */
  now?: () => Date;
}

export interface Runtime {
  config: ServiceConfig;
  graph: Graph;
  log: Logger;
  service: FlaggingService;
  /** The case service: the register's one writer, its API and its outbox. */
  cases: CaseService;
  /** Runs every scheduler job once (idempotent; another instance holding the lease makes it a no-op). */
  runScheduler(now?: Date): Promise<SchedulerReport>;
  /** What the timers do, in one call: register, rules, subscriptions, and a catch-up of every mailbox. */
  upkeep(): Promise<void>;
  /** `flagging` false starts only the case service's own timers (outbox, scheduler). */
  startTimers(flagging?: boolean): void;
  close(): Promise<void>;
}

export function createRuntime(config: ServiceConfig, opts: RuntimeOptions): Runtime {
  const log = createLogger(opts.log);
  const graph = createGraph({ baseUrl: config.graphBaseUrl, tokens: opts.tokens ?? tokensFor(config) });
  // The flagging service records breaches through the case service, which sends what they owe from its outbox.
  const owe = owedMails({ escalationRecipients: () => service.escalationRecipients() });
  const service: FlaggingService = new FlaggingService({
    config,
    graph,
    log,
    publicUrl: opts.publicUrl,
    owe,
    onOwed: () => void cases.outbox.sweep().catch(() => undefined),
    verify: (ids, projected) => cases.watch.verify(ids, projected),
  });
  const cases = createCaseService({ config, graph, site: service.site, log, owe, noticeFrom: () => service.noticeFrom, tokens: opts.apiTokens, now: opts.now });
  const timers: NodeJS.Timeout[] = [];
  let schedulerRunning: Promise<SchedulerReport> | null = null;
  const leaseWatch = new StaleWatch(LEASE_MS);

  const schedule = (now?: Date): Promise<SchedulerReport> => {
    schedulerRunning ??= (async () =>
      runScheduler(
        {
          site: service.site,
          graph,
          log,
          instanceId: config.instanceId,
          leaseWatch,
          reminderDays: config.reminderDays,
          appealWarnDays: config.appealWarnDays,
          monitoringEndDecisionDays: config.monitoringEndDecisionDays,
          escalationRecipients: () => service.escalationRecipients(),
          owe,
          sendOwed: () => cases.outbox.sweep(),
          // As an administrator last saved them; the configured defaults if the site cannot be read just now.
          ...(await cases.offices.settings().then(
            (s) => ({ settings: s.organisation, presets: presetsFor(s) }),
            () => ({ settings: config.settings }),
          )),
        },
        now ?? opts.now?.(),
      ))().finally(() => (schedulerRunning = null));
    return schedulerRunning;
  };

  const every = (ms: number, name: string, fn: () => Promise<unknown> | void) => {
    if (ms <= 0) return;
    let busy = false;
    const t = setInterval(() => {
      if (busy) return;
      busy = true;
      Promise.resolve()
        .then(fn)
        .catch((e) => log.error(`${name}.failed`, errorFields(e)))
        .finally(() => (busy = false));
    }, ms);
    t.unref?.();
    timers.push(t);
  };

  return {
    config,
    graph,
    log,
    service,
    cases,
    runScheduler: schedule,
    async upkeep() {
      await service.refreshRegister();
      await service.syncRules();
      await service.ensureSubscriptions();
      service.catchUpAll();
      await service.idle(50_000);
      await cases.watch.sweep();
      await cases.audit.sweep();
      await cases.outbox.sweep();
    },
    startTimers(flagging = true) {
      if (flagging) {
        every(config.registerPollMs, "register", () => service.refreshRegister());
        every(config.upkeepMs, "subscriptions", () => service.ensureSubscriptions());
        every(config.sweepMs, "sweep", () => service.catchUpAll());
      }
      if (config.scheduler) every(config.schedulerMs, "scheduler", () => schedule());
      every(config.outboxMs, "outbox", () => cases.outbox.sweep());
      every(config.driftMs, "watch", () => cases.watch.sweep());
      every(config.auditMs, "audit", () => cases.audit.sweep());
    },
    async close() {
      for (const t of timers) clearInterval(t);
      timers.length = 0;
      await schedulerRunning?.catch(() => undefined);
      await service.close();
      await cases.outbox.idle();
    },
  };
}
