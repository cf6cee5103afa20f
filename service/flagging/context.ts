// What the parts of the flagging service share, so each part can live on its own without reaching into the others.
import type { Graph } from "../../graph/client/factory";
import type { Site } from "../../graph/repos/items";
import type { ServiceConfig } from "../config";
import { errorFields, type Logger } from "../log";
import { newStats, type ServiceStats } from "./stats";

export interface FlaggingContext {
  readonly config: ServiceConfig;
  readonly graph: Graph;
  readonly site: Site;
  readonly log: Logger;
  readonly stats: ServiceStats;
  /** Work running in the background, which idle() and close() wait for. */
  readonly tasks: Set<Promise<unknown>>;
  /** Runs work in the background: a failure is counted and logged, since no caller is left to hear of it. */
  track(p: Promise<unknown>): void;
  /** Until start-up has loaded every mailbox, triggers only queue. */
  started: boolean;
  /** After close(), nothing new is read or scheduled. */
  closed: boolean;
}

export function createContext(config: ServiceConfig, graph: Graph, log: Logger): FlaggingContext {
  const tasks = new Set<Promise<unknown>>();
  const ctx: FlaggingContext = {
    config,
    graph,
    site: { graph, siteId: config.siteId },
    log,
    stats: newStats(),
    tasks,
    track(p) {
      const t = p.catch((e) => {
        ctx.stats.errors++;
        ctx.log.error("task.failed", errorFields(e));
      });
      tasks.add(t);
      void t.finally(() => tasks.delete(t));
    },
    started: false,
    closed: false,
  };
  return ctx;
}
