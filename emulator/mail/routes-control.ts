// Test and benchmark controls under /_emulator (the core asks each for the emulator's secret): delivery of incoming mail, assertions,
// lifecycle events, notification flow.
import { GraphError, type EmulatorContext, type Route } from "../core/types";
import type { LifecycleEvent } from "./control";
import { newMessageFromGraph, ownerRecipient, type Delivery } from "./delivery";
import { domainOf, newInternetMessageId } from "./ids";
import { parsePrefer, preferenceApplied, prefersImmutableId } from "./query";
import { badRequest } from "./errors";
import type { DeltaConfig } from "./delta";
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
  reauthorizationIntervalMs?: number;
  expiryNoticeMs?: number;
  developmentMode?: boolean;
  deltaTokenMaxAgeMs?: number;
}

const NUMERIC_CONFIG = ["timeoutMs", "retryWindowMs", "retryBaseMs", "retryMaxDelayMs", "maxBatch", "validationTimeoutMs", "reauthorizationGraceMs", "reauthorizationIntervalMs", "expiryNoticeMs", "deltaTokenMaxAgeMs"] as const;
const SUBSCRIPTION_CONFIG = new Set(["validationTimeoutMs", "reauthorizationGraceMs", "reauthorizationIntervalMs", "expiryNoticeMs"]);

export function applyConfig(subs: Subscriptions, cfg: ControlConfig, delta: DeltaConfig): void {
  for (const k of NUMERIC_CONFIG) {
    const v = cfg[k];
    if (v === undefined) continue;
    if (typeof v !== "number" || !(v >= 0)) throw badRequest(`'${k}' must be a non-negative number.`);
    if (k === "deltaTokenMaxAgeMs") delta.tokenMaxAgeMs = v;
    else if (SUBSCRIPTION_CONFIG.has(k)) subs.config[k as "validationTimeoutMs"] = v;
    else subs.notifier.config[k as "timeoutMs"] = v;
  }
  if (cfg.developmentMode !== undefined) {
    if (typeof cfg.developmentMode !== "boolean") throw badRequest("'developmentMode' must be true or false.");
    subs.config.developmentMode = cfg.developmentMode;
  }
}

export function controlRoutes(ctx: EmulatorContext, store: MailStore, delivery: Delivery, subs: Subscriptions, delta: DeltaConfig): Route[] {
  return [
    // Incoming mail, as Exchange's transport would put it in the mailbox: { to: "<upn>", message: <a Graph message> }.
    // Inbox rules run, notifications fire, ids are assigned; the answer is the message as the mailbox then holds it
    // (201), or 204 when a rule deleted it for good. Graph has no such call: POST …/messages only makes drafts.
    route("POST", `${CONTROL}/deliver`, "/_emulator/deliver", (req) => {
      const body = req.body;
      if (!isObject(body) || typeof body.to !== "string" || !isObject(body.message)) throw badRequest('Body must be { "to": "<upn>", "message": <a Graph message> }.');
      const user = ctx.directory.findUser(body.to);
      if (!user) throw new GraphError(404, "ErrorInvalidUser", `The requested user '${body.to}' is invalid.`);
      const n = newMessageFromGraph(body.message);
      if (!n.from) throw badRequest("The message needs a 'from'.");
      if (!n.toRecipients.length && !n.ccRecipients.length) n.toRecipients = [ownerRecipient(user)];
      const mb = store.mailboxOf(user);
      const r = delivery.toInbox(mb, n, n.internetMessageId ?? newInternetMessageId(domainOf(n.from.emailAddress.address)));
      if (!r.stored) return noContent();
      const prefer = parsePrefer(req);
      return ok(messageJson(r.message, mb, { bodyType: prefer.bodyType ?? "html", immutable: prefersImmutableId(req) }), 201, preferenceApplied(prefer));
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
      applyConfig(subs, (isObject(req.body) ? req.body : {}) as ControlConfig, delta);
      return ok({ ...subs.notifier.config, ...subs.config, deltaTokenMaxAgeMs: delta.tokenMaxAgeMs });
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
