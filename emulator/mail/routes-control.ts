// Test and benchmark controls under /_emulator (no auth): simulated delivery, assertions, lifecycle events, notification flow.
import { GraphError, type EmulatorContext, type Route } from "../core/types";
import type { DeliverInput, LifecycleEvent } from "./control";
import type { Delivery } from "./delivery";
import { badRequest } from "./errors";
import type { NotifierConfig } from "./notifier";
import { CONTROL, noContent, ok, route } from "./routing";
import { messageJson } from "./shapes";
import type { MailStore } from "./store";
import type { Subscriptions } from "./subscriptions";

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

export interface ControlConfig extends Partial<NotifierConfig> {
  validationTimeoutMs?: number;
  reauthorizationGraceMs?: number;
}

const NUMERIC_CONFIG = ["timeoutMs", "retryWindowMs", "retryBaseMs", "retryMaxDelayMs", "maxBatch", "validationTimeoutMs", "reauthorizationGraceMs"] as const;

export function applyConfig(subs: Subscriptions, cfg: ControlConfig): void {
  for (const k of NUMERIC_CONFIG) {
    const v = cfg[k];
    if (v === undefined) continue;
    if (typeof v !== "number" || !(v >= 0)) throw badRequest(`'${k}' must be a non-negative number.`);
    if (k === "validationTimeoutMs" || k === "reauthorizationGraceMs") subs.config[k] = v;
    else subs.notifier.config[k] = v;
  }
}

export function controlRoutes(ctx: EmulatorContext, store: MailStore, delivery: Delivery, subs: Subscriptions): Route[] {
  return [
    route("POST", `${CONTROL}/deliver`, "/_emulator/deliver", (req) => {
      if (!isObject(req.body)) throw badRequest("Body must be { to, from, subject, body, … }.");
      const r = delivery.deliver(req.body as unknown as DeliverInput);
      return ok({ internetMessageId: r.internetMessageId, ids: r.delivered.map((d) => d.id), messages: r.delivered }, 201);
    }),
    route("GET", `${CONTROL}/mail/(?<user>[^/]+)/messages`, "/_emulator/mail/{user}/messages", (req) => {
      const u = ctx.directory.findUser(decodeURIComponent(req.params.user));
      if (!u) throw new GraphError(404, "ErrorInvalidUser", `The requested user '${req.params.user}' is invalid.`);
      const mb = store.mailboxOf(u);
      return ok({ value: [...mb.byId.values()].map((m) => messageJson(m, mb, { bodyType: m.body.contentType })) });
    }),
    route("GET", `${CONTROL}/subscriptions`, "/_emulator/subscriptions", () => {
      subs.sweep();
      return ok({ value: [...store.subscriptions.values()].map((s) => ({ ...subs.json(s), userId: s.userId, folderId: s.folderId ?? null, reauthorizationRequiredAt: s.reauthorizationRequiredAt ?? null })) });
    }),
    route("POST", `${CONTROL}/subscriptions/(?<id>[^/]+)/lifecycle`, "/_emulator/subscriptions/{id}/lifecycle", (req) => {
      const body = isObject(req.body) ? req.body : {};
      const graceMs = typeof body.graceMs === "number" ? body.graceMs : undefined;
      subs.fireLifecycle(decodeURIComponent(req.params.id), body.event as LifecycleEvent, graceMs);
      return noContent(202);
    }),
    route("POST", `${CONTROL}/subscriptions/(?<id>[^/]+)/expire`, "/_emulator/subscriptions/{id}/expire", (req) => {
      subs.expire(decodeURIComponent(req.params.id));
      return noContent();
    }),
    route("GET", `${CONTROL}/notifications`, "/_emulator/notifications", () => ok({ ...subs.notifier.stats(), config: { ...subs.notifier.config, ...subs.config } })),
    route("POST", `${CONTROL}/notifications/pause`, "/_emulator/notifications/pause", () => {
      subs.notifier.pause();
      return noContent();
    }),
    route("POST", `${CONTROL}/notifications/resume`, "/_emulator/notifications/resume", () => {
      subs.notifier.resume();
      return noContent();
    }),
    route("POST", `${CONTROL}/notifications/retry`, "/_emulator/notifications/retry", () => {
      subs.notifier.retryNow();
      return noContent();
    }),
    route("POST", `${CONTROL}/notifications/config`, "/_emulator/notifications/config", (req) => {
      applyConfig(subs, (isObject(req.body) ? req.body : {}) as ControlConfig);
      return ok({ ...subs.notifier.config, ...subs.config });
    }),
    route("POST", `${CONTROL}/notifications/idle`, "/_emulator/notifications/idle", async (req) => {
      const body = isObject(req.body) ? req.body : {};
      const timeoutMs = typeof body.timeoutMs === "number" ? body.timeoutMs : 10_000;
      let timer: NodeJS.Timeout | undefined;
      const idle = await Promise.race([
        subs.notifier.whenIdle().then(() => true),
        new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
      ]);
      clearTimeout(timer);
      return idle ? noContent() : ok({ idle: false, ...subs.notifier.stats() }, 408);
    }),
  ];
}
