// Entry point of the emulator's mail module: builds the store, routes and test controls from the core's context.
import type { EmulatorContext, EmulatorModule } from "../core/types";
import type { MailControl } from "./control";
import { Delivery } from "./delivery";
import { applyConfig, controlRoutes } from "./routes-control";
import { DEFAULT_MAIL_DELTA_TOKEN_MAX_AGE_MS, type DeltaConfig } from "./delta";
import { messageRoutes } from "./routes-messages";
import { sendRoutes } from "./routes-send";
import { settingsRoutes } from "./routes-settings";
import { subscriptionRoutes } from "./routes-subscriptions";
import { messageJson } from "./shapes";
import { MailStore } from "./store";
import { Subscriptions } from "./subscriptions";

export type { DeliverInput, LifecycleEvent, MailControl, NotificationSettings, NotificationStats } from "./control";

export function createMailModule(ctx: EmulatorContext): EmulatorModule & { control: MailControl } {
  const store = new MailStore(ctx);
  ctx.persist(store);
  const delivery = new Delivery(ctx, store);
  const subs = new Subscriptions(ctx, store);
  const delta: DeltaConfig = { tokenMaxAgeMs: DEFAULT_MAIL_DELTA_TOKEN_MAX_AGE_MS };

  const control: MailControl = {
    async deliver(input) {
      return control.deliverNow(input).ids;
    },
    deliverNow(input) {
      const r = delivery.deliver(input);
      return { internetMessageId: r.internetMessageId, ids: r.delivered.map((d) => d.id).filter((id): id is string => id !== null) };
    },
    messages(upn) {
      const user = ctx.directory.findUser(upn);
      if (!user) throw new Error("not a directory mailbox");
      const mb = store.mailboxOf(user);
      return [...mb.byId.values()].map((m) => messageJson(m, mb, { bodyType: m.body.contentType }));
    },
    async fireLifecycle(subscriptionId, event, options) {
      subs.fireLifecycle(subscriptionId, event, options?.graceMs);
    },
    subscriptions() {
      subs.sweep();
      return [...store.subscriptions.values()].map((s) => ({ ...subs.json(s), userId: s.userId, folderId: s.folderId ?? null }));
    },
    expireSubscription(subscriptionId) {
      subs.expire(subscriptionId);
    },
    pauseNotifications: () => subs.notifier.pause(),
    resumeNotifications: () => subs.notifier.resume(),
    retryNotifications: () => subs.notifier.retryNow(),
    notificationStats: () => subs.notifier.stats(),
    configureNotifications: (settings) => applyConfig(subs, settings, delta),
    notificationsIdle: () => subs.notifier.whenIdle(),
    shutdown: () => subs.stop(),
  };

  return {
    routes: [...messageRoutes(ctx, store, delivery, delta), ...sendRoutes(ctx, store, delivery), ...settingsRoutes(ctx, store), ...subscriptionRoutes(subs)],
    controlRoutes: controlRoutes(ctx, store, delivery, subs, delta),
    control,
  };
}
