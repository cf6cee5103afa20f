// Change-notification subscriptions on messages: create with the validation handshake, renew, reauthorize, expire, notify.
import { randomUUID } from "node:crypto";
import { GraphError, type EmulatorContext, type Principal } from "../core/types";
import { accessDenied, badRequest, meNeedsDelegated } from "./errors";
import { parseFilter, type Expr } from "./filter";
import { evaluate } from "./filter-eval";
import { post } from "./http-out";
import type { LifecycleEvent } from "./control";
import type { ChangeType, StoredMessage, StoredSubscription } from "./model";
import { Notifier, type Outgoing } from "./notifier";
import { etagOf, MESSAGE_PROPERTIES, MESSAGE_TYPE, messageValue } from "./shapes";
import type { Mailbox, MailStore } from "./store";

/** Outlook messages: the longest a subscription may live, in minutes (under 7 days). */
export const MAX_MESSAGE_SUBSCRIPTION_MINUTES = 10_080;
/** Graph moves an expiration less than 45 minutes away out to 45 minutes. */
const MIN_EXPIRATION_MINUTES = 45;
const MAX_CLIENT_STATE = 128;
const CHANGE_TYPES = new Set<ChangeType>(["created", "updated", "deleted"]);
const READ_ROLES = ["Mail.ReadBasic", "Mail.ReadBasic.All", "Mail.Read", "Mail.ReadWrite"];

const FILTER_SCHEMA = { typeName: MESSAGE_TYPE, properties: new Set(MESSAGE_PROPERTIES.map((p) => p.toLowerCase())) };

export interface SubscriptionConfig {
  /**
   * Loopback http:// endpoints (127.0.0.1, localhost, ::1) are accepted, for a service running on the same machine;
   * anything else must be https, as in Graph. Off, even loopback must be https.
   */
  developmentMode: boolean;
  /**
   * How often Graph asks for reauthorization on its own: an access token lives about an hour, and Graph sends
   * reauthorizationRequired "when the access token is about to expire" (learn.microsoft.com/graph/change-notifications-lifecycle-events).
   */
  reauthorizationIntervalMs: number;
  /** And "when the subscription is about to expire": this long before it does. */
  expiryNoticeMs: number;
  /** How long the notificationUrl has to answer the validation request. */
  validationTimeoutMs: number;
  /** After reauthorizationRequired, how long notifications keep flowing before they stop until reauthorised. */
  reauthorizationGraceMs: number;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function validationFailed(detail: string): GraphError {
  return new GraphError(400, "ValidationError", `Subscription validation request failed. ${detail}`);
}

function isUrl(v: unknown): v is string {
  if (typeof v !== "string") return false;
  try {
    const u = new URL(v);
    return u.protocol === "https:" || u.protocol === "http:";
  } catch {
    return false;
  }
}

const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]", "::1"]);

/**
 * notificationUrl "must make use of the HTTPS protocol" (learn.microsoft.com/graph/api/resources/subscription); Graph
 * answers http with 400 InvalidRequest "NotificationUrl scheme='http' is not supported."
 * (github.com/microsoftgraph/microsoft-graph-docs/issues/2751). A loopback address is let through in development mode.
 */
function checkScheme(url: string, property: "NotificationUrl" | "LifecycleNotificationUrl", developmentMode: boolean): void {
  const u = new URL(url);
  if (u.protocol === "https:") return;
  if (developmentMode && LOOPBACK.has(u.hostname)) return;
  throw badRequest(`${property} scheme='${u.protocol.replace(/:$/, "")}' is not supported.`, "InvalidRequest");
}

const RESOURCE = /^(?:me|users(?:\('([^']+)'\)|\/([^/]+)))\/(?:mailfolders(?:\('([^']+)'\)|\/([^/]+))\/)?messages$/i;

export class Subscriptions {
  readonly notifier: Notifier;
  private readonly filters = new Map<string, Expr>();
  private readonly sweeper: NodeJS.Timeout;
  config: SubscriptionConfig = {
    developmentMode: true,
    validationTimeoutMs: 10_000,
    reauthorizationGraceMs: 10 * 60 * 1000,
    reauthorizationIntervalMs: 60 * 60 * 1000,
    expiryNoticeMs: 15 * 60 * 1000,
  };

  constructor(
    private readonly ctx: EmulatorContext,
    private readonly store: MailStore,
  ) {
    this.notifier = new Notifier({}, (items) => this.dropped(items));
    store.onMessage((mb, msg, change, folderId) => this.onMessage(mb, msg, change, folderId));
    // Graph deletes subscriptions that were not renewed in time.
    this.sweeper = setInterval(() => this.sweep(), 1_000);
    this.sweeper.unref();
  }

  stop(): void {
    clearInterval(this.sweeper);
    this.notifier.stop();
  }

  private nowMs(): number {
    return this.ctx.now().getTime();
  }

  sweep(): void {
    const now = this.nowMs();
    for (const s of [...this.store.subscriptions.values()]) {
      if (Date.parse(s.expirationDateTime) <= now) {
        this.remove(s.id);
        continue;
      }
      this.challenge(s, now);
    }
  }

  /**
   * Graph's own reauthorizationRequired, with nobody asking: when the subscription's access has lasted an interval
   * (a token's life), and when the subscription is about to expire. Once sent, it waits for reauthorize or renewal.
   */
  private challenge(s: StoredSubscription, now: number): void {
    if (!s.lifecycleNotificationUrl || s.reauthorizationRequiredAt) return;
    const since = Date.parse(s.authorizedAt ?? s.createdAt ?? new Date(now).toISOString());
    const tokenDue = now - since >= this.config.reauthorizationIntervalMs;
    const expiring = Date.parse(s.expirationDateTime) - now <= this.config.expiryNoticeMs && !s.expiryNoticeSent;
    if (!tokenDue && !expiring) return;
    if (expiring) s.expiryNoticeSent = true;
    this.lifecycle(s, "reauthorizationRequired");
  }

  remove(id: string): StoredSubscription | undefined {
    this.filters.delete(id);
    return this.store.removeSubscription(id);
  }

  /** Subscriptions the caller created: an app sees its own, a user the ones made on their behalf. */
  visibleTo(principal: Principal): StoredSubscription[] {
    this.sweep();
    return [...this.store.subscriptions.values()].filter((s) => this.owns(principal, s));
  }

  private owns(principal: Principal, s: StoredSubscription): boolean {
    return principal.kind === "app" ? s.applicationId === principal.appId : s.creatorId === principal.userId;
  }

  get(principal: Principal, id: string): StoredSubscription {
    this.sweep();
    const s = this.store.subscriptions.get(id);
    if (!s || !this.owns(principal, s)) throw new GraphError(404, "ResourceNotFound", `The object was not found.`);
    return s;
  }

  json(s: StoredSubscription, baseUrl?: string): Record<string, unknown> {
    return {
      ...(baseUrl ? { "@odata.context": `${baseUrl}/$metadata#subscriptions/$entity` } : {}),
      id: s.id,
      resource: s.resource,
      applicationId: s.applicationId,
      changeType: s.changeTypes.join(","),
      clientState: s.clientState,
      notificationUrl: s.notificationUrl,
      notificationQueryOptions: null,
      lifecycleNotificationUrl: s.lifecycleNotificationUrl,
      expirationDateTime: s.expirationDateTime,
      creatorId: s.creatorId,
      includeResourceData: false,
      latestSupportedTlsVersion: "v1_2",
      encryptionCertificate: null,
      encryptionCertificateId: null,
      notificationUrlAppId: null,
    };
  }

  private expiration(raw: unknown): string {
    if (typeof raw !== "string" || Number.isNaN(Date.parse(raw))) throw badRequest("expirationDateTime is required and must be a DateTimeOffset.", "InvalidRequest");
    const now = this.nowMs();
    const at = Date.parse(raw);
    if (at <= now) throw new GraphError(400, "ExtensionError", "Subscription expiration must be in the future.");
    if (at > now + MAX_MESSAGE_SUBSCRIPTION_MINUTES * 60_000 + 60_000) {
      throw new GraphError(400, "ExtensionError", `Subscription expiration can only be ${MAX_MESSAGE_SUBSCRIPTION_MINUTES} minutes in the future.`);
    }
    const min = now + MIN_EXPIRATION_MINUTES * 60_000;
    return new Date(Math.max(at, min)).toISOString().replace(/Z$/, "0000Z");
  }

  private target(resource: string, principal: Principal): { userId: string; folderId?: string; filter?: string } {
    const [path, query] = resource.replace(/^\/+/, "").split("?", 2);
    const m = RESOURCE.exec(path);
    if (!m) throw badRequest(`Resource '${resource}' is not supported; subscribe to a user's messages or a mail folder's messages.`, "InvalidRequest");
    const who = m[1] ?? m[2];
    let mb: Mailbox;
    if (who === undefined) {
      if (principal.kind !== "user") throw meNeedsDelegated();
      const u = this.ctx.directory.findUser(principal.userId);
      if (!u) throw accessDenied();
      mb = this.store.mailboxOf(u);
    } else {
      const u = this.ctx.directory.findUser(decodeURIComponent(who));
      if (!u) throw new GraphError(404, "ExtensionError", `Operation: Create; Exception: [Status Code: NotFound; Reason: The requested user '${who}' is invalid.]`);
      if (principal.kind === "user" ? principal.userId !== u.id : !READ_ROLES.some((r) => principal.roles.includes(r))) throw accessDenied();
      mb = this.store.mailboxOf(u);
    }
    if (principal.kind === "app" && !READ_ROLES.some((r) => principal.roles.includes(r))) throw accessDenied();
    const folderRef = m[3] ?? m[4];
    let folderId: string | undefined;
    if (folderRef !== undefined) {
      const f = mb.folder(decodeURIComponent(folderRef));
      if (!f) throw new GraphError(404, "ErrorItemNotFound", "The specified folder could not be found in the store.");
      folderId = f.id;
    }
    let filter: string | undefined;
    if (query) {
      const params = new URLSearchParams(query);
      for (const key of params.keys()) if (key !== "$filter") throw badRequest(`Query option '${key}' is not supported in a subscription resource.`, "InvalidRequest");
      filter = params.get("$filter") ?? undefined;
      if (filter) parseFilter(filter, FILTER_SCHEMA);
    }
    return { userId: mb.userId, folderId, filter };
  }

  /** POSTs the validation token to a URL and checks the echo, as Graph does before creating or moving a subscription. */
  async validateUrl(url: string): Promise<void> {
    const token = `Validation: Testing client application reachability for subscription Request-Id: ${randomUUID()}`;
    const sep = url.includes("?") ? "&" : "?";
    const res = await post(`${url}${sep}validationToken=${encodeURIComponent(token)}`, "", "text/plain; charset=utf-8", this.config.validationTimeoutMs);
    if (res.failure === "timeout") throw new GraphError(400, "ValidationError", "Subscription validation request timed out.");
    if (res.status !== 200) throw validationFailed("Notification endpoint must respond with 200 OK to validation request.");
    if (!/^text\/plain\b/i.test(res.contentType)) throw validationFailed("Response must be of content type text/plain.");
    if (res.text !== token) throw validationFailed("Response must exactly match validationToken query parameter.");
  }

  /** `immutableIds`: the request sent `Prefer: IdType="ImmutableId"`, so notifications carry immutable ids. */
  async create(principal: Principal, body: unknown, immutableIds = false): Promise<StoredSubscription> {
    if (!isObject(body)) throw badRequest("The request body must be a subscription object.", "InvalidRequest");
    const changeTypes = typeof body.changeType === "string" ? body.changeType.split(",").map((s) => s.trim()) : [];
    if (!changeTypes.length || changeTypes.some((c) => !CHANGE_TYPES.has(c as ChangeType))) {
      throw badRequest("changeType is required and must list created, updated or deleted.", "InvalidRequest");
    }
    if (!isUrl(body.notificationUrl)) throw badRequest("notificationUrl is required and must be an absolute URL.", "InvalidRequest");
    checkScheme(body.notificationUrl, "NotificationUrl", this.config.developmentMode);
    if (body.lifecycleNotificationUrl !== undefined && body.lifecycleNotificationUrl !== null) {
      if (!isUrl(body.lifecycleNotificationUrl)) throw badRequest("lifecycleNotificationUrl must be an absolute URL.", "InvalidRequest");
      checkScheme(body.lifecycleNotificationUrl, "LifecycleNotificationUrl", this.config.developmentMode);
    }
    if (typeof body.resource !== "string") throw badRequest("resource is required.", "InvalidRequest");
    if (body.clientState !== undefined && body.clientState !== null && (typeof body.clientState !== "string" || body.clientState.length > MAX_CLIENT_STATE)) {
      throw badRequest(`clientState must be a string of at most ${MAX_CLIENT_STATE} characters.`, "InvalidRequest");
    }
    if (body.includeResourceData === true) {
      throw badRequest("includeResourceData needs an encryptionCertificate; the emulator sends notifications without resource data only.", "InvalidRequest");
    }
    const target = this.target(body.resource, principal);
    const expirationDateTime = this.expiration(body.expirationDateTime);
    const lifecycleUrl = typeof body.lifecycleNotificationUrl === "string" ? body.lifecycleNotificationUrl : null;
    await this.validateUrl(body.notificationUrl);
    if (lifecycleUrl) await this.validateUrl(lifecycleUrl);
    const s: StoredSubscription = {
      id: randomUUID(),
      resource: body.resource,
      changeTypes: changeTypes as ChangeType[],
      notificationUrl: body.notificationUrl,
      lifecycleNotificationUrl: lifecycleUrl,
      clientState: typeof body.clientState === "string" ? body.clientState : null,
      expirationDateTime,
      applicationId: principal.kind === "app" ? principal.appId : null,
      creatorId: principal.kind === "app" ? principal.appId : principal.userId,
      ...target,
      ...(immutableIds ? { immutableIds: true } : {}),
      createdAt: this.ctx.now().toISOString(),
    };
    this.store.addSubscription(s);
    return s;
  }

  /** PATCH: a new expirationDateTime renews (and reauthorises); a new notificationUrl is validated first. */
  async update(principal: Principal, id: string, body: unknown): Promise<StoredSubscription> {
    const s = this.get(principal, id);
    if (!isObject(body)) throw badRequest("The request body must be a subscription object.", "InvalidRequest");
    for (const k of Object.keys(body)) {
      if (!["expirationDateTime", "notificationUrl", "@odata.type"].includes(k)) throw badRequest(`Property '${k}' cannot be updated.`, "InvalidRequest");
    }
    const expirationDateTime = body.expirationDateTime !== undefined ? this.expiration(body.expirationDateTime) : undefined;
    if (body.notificationUrl !== undefined) {
      if (!isUrl(body.notificationUrl)) throw badRequest("notificationUrl must be an absolute URL.", "InvalidRequest");
      checkScheme(body.notificationUrl, "NotificationUrl", this.config.developmentMode);
      await this.validateUrl(body.notificationUrl);
      s.notificationUrl = body.notificationUrl;
    }
    if (expirationDateTime) {
      s.expirationDateTime = expirationDateTime;
      delete s.expiryNoticeSent;
    }
    this.authorized(s);
    return s;
  }

  reauthorize(principal: Principal, id: string): void {
    this.authorized(this.get(principal, id));
  }

  /** A renewal or a reauthorize answers any challenge, and starts the next token interval. */
  private authorized(s: StoredSubscription): void {
    delete s.reauthorizationRequiredAt;
    delete s.reauthorizationGraceMs;
    s.authorizedAt = this.ctx.now().toISOString();
    this.store.dirty();
  }

  private lifecyclePayload(s: StoredSubscription, event: LifecycleEvent): Record<string, unknown> {
    return {
      subscriptionId: s.id,
      subscriptionExpirationDateTime: s.expirationDateTime,
      tenantId: this.store.tenantId,
      clientState: s.clientState,
      lifecycleEvent: event,
    };
  }

  /** Sends a lifecycle notification and applies what it means: a removed subscription is gone, a reauthorization is due. */
  fireLifecycle(id: string, event: LifecycleEvent, graceMs?: number): void {
    this.sweep();
    const s = this.store.subscriptions.get(id);
    if (!s) throw new GraphError(404, "ResourceNotFound", "The object was not found.");
    if (!["missed", "reauthorizationRequired", "subscriptionRemoved"].includes(event)) throw badRequest(`Unknown lifecycle event '${event}'.`);
    if (!s.lifecycleNotificationUrl) throw badRequest("The subscription has no lifecycleNotificationUrl, so Graph would send it no lifecycle notifications.");
    this.lifecycle(s, event, graceMs);
  }

  private lifecycle(s: StoredSubscription, event: LifecycleEvent, graceMs?: number): void {
    if (!s.lifecycleNotificationUrl) return;
    this.notifier.enqueue(s.lifecycleNotificationUrl, { payload: this.lifecyclePayload(s, event), subscriptionId: s.id, kind: "lifecycle", firstAt: Date.now() });
    if (event === "subscriptionRemoved") this.remove(s.id);
    if (event === "reauthorizationRequired") {
      s.reauthorizationRequiredAt = this.ctx.now().toISOString();
      s.reauthorizationGraceMs = graceMs ?? this.config.reauthorizationGraceMs;
      this.store.dirty();
    }
  }

  /** Expires a subscription now, as if it had not been renewed (tests cannot wait 45 minutes). */
  expire(id: string): void {
    const s = this.store.subscriptions.get(id);
    if (!s) throw new GraphError(404, "ResourceNotFound", "The object was not found.");
    s.expirationDateTime = this.ctx.now().toISOString();
    this.remove(id);
  }

  private dropped(items: Outgoing[]): void {
    const subs = new Set(items.filter((i) => i.kind === "change").map((i) => i.subscriptionId));
    for (const id of subs) {
      const s = this.store.subscriptions.get(id);
      if (s?.lifecycleNotificationUrl) {
        this.notifier.enqueue(s.lifecycleNotificationUrl, { payload: this.lifecyclePayload(s, "missed"), subscriptionId: s.id, kind: "lifecycle", firstAt: Date.now() });
      }
    }
  }

  private filterOf(s: StoredSubscription): Expr | undefined {
    if (!s.filter) return undefined;
    let e = this.filters.get(s.id);
    if (!e) this.filters.set(s.id, (e = parseFilter(s.filter, FILTER_SCHEMA)));
    return e;
  }

  private onMessage(mb: Mailbox, msg: StoredMessage, change: ChangeType, folderId: string): void {
    const now = this.nowMs();
    for (const s of this.store.subscriptionsOf(mb.userId)) {
      if (!s.changeTypes.includes(change)) continue;
      if (s.folderId !== undefined && s.folderId !== folderId) continue;
      if (Date.parse(s.expirationDateTime) <= now) {
        this.remove(s.id);
        continue;
      }
      // Past the grace time of a reauthorization challenge, changes are not notified (and are lost) until reauthorised.
      if (s.reauthorizationRequiredAt && now > Date.parse(s.reauthorizationRequiredAt) + (s.reauthorizationGraceMs ?? 0)) continue;
      const filter = this.filterOf(s);
      if (filter && change !== "deleted" && !evaluate(filter, (p) => messageValue(msg, mb, p))) continue;
      // "Immutable IDs with change notifications": a subscription made with the Prefer header gets immutable ids.
      const id = s.immutableIds ? msg.iid : msg.id;
      const resource = `Users/${mb.userId}/Messages/${id}`;
      this.notifier.enqueue(s.notificationUrl, {
        subscriptionId: s.id,
        kind: "change",
        firstAt: Date.now(),
        payload: {
          subscriptionId: s.id,
          subscriptionExpirationDateTime: s.expirationDateTime,
          changeType: change,
          resource,
          resourceData: { "@odata.type": "#Microsoft.Graph.Message", "@odata.id": resource, "@odata.etag": etagOf(msg), id },
          clientState: s.clientState,
          tenantId: this.store.tenantId,
        },
      });
    }
  }
}
