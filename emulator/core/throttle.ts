// A tenant's throttling as Microsoft documents it: SharePoint's resource-unit budgets (per app, per tenant, per user)
// by tenant size, and Exchange's per-app-per-mailbox limits (10,000 requests in 10 minutes, 4 at a time).
import { GraphError } from "./types";

/** What a request costs, and where: a SharePoint request in resource units, an Outlook request against a mailbox. */
export interface Charge {
  sharepointUnits?: number;
  /** The mailbox's directory id. */
  mailbox?: string;
}

/** Who is charged: the calling app (delegated calls count against the app too), and the signed-in user if any. */
export interface Caller {
  appId: string;
  userId?: string;
}

export interface ThrottleOptions {
  /** Licensed users in the tenant: picks SharePoint's budgets from the Learn table. */
  licences: number;
  /**
   * Model time runs this many times faster than the clock: budgets refill sooner and Retry-After is shorter in the
   * same proportion. 1 (the default) is a real tenant; tests may raise it to run long scenarios quickly.
   */
  timeScale?: number;
  /** How long Exchange takes to serve one request, holding one of the mailbox's 4 concurrency slots (ms). */
  mailboxServiceMs?: number;
}

const MINUTE = 60_000;

/**
 * SharePoint Online's published limits ("Avoid getting throttled or blocked in SharePoint Online",
 * https://learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online):
 * resource units per app per tenant per minute and per 24 hours, and per tenant per 5 minutes, by licence count.
 */
export const SHAREPOINT_TIERS = [
  { upTo: 1_000, appPerMinute: 1_250, appPerDay: 1_200_000, tenantPer5Min: 18_750 },
  { upTo: 5_000, appPerMinute: 2_500, appPerDay: 2_400_000, tenantPer5Min: 37_500 },
  { upTo: 15_000, appPerMinute: 3_750, appPerDay: 3_600_000, tenantPer5Min: 56_250 },
  { upTo: 50_000, appPerMinute: 5_000, appPerDay: 4_800_000, tenantPer5Min: 75_000 },
  { upTo: Infinity, appPerMinute: 6_250, appPerDay: 6_000_000, tenantPer5Min: 93_750 },
] as const;

/** Same page, "User" row: 3,000 requests per user per 5 minutes. */
export const SHAREPOINT_USER_REQUESTS_PER_5_MIN = 3_000;

/**
 * Outlook service limits, per app ID and mailbox (https://learn.microsoft.com/graph/throttling-limits#outlook-service-limits):
 * 10,000 API requests in a 10 minute period, and four concurrent requests.
 */
export const MAILBOX_REQUESTS_PER_10_MIN = 10_000;
export const MAILBOX_CONCURRENCY = 4;

export function sharePointTier(licences: number) {
  return SHAREPOINT_TIERS.find((t) => licences <= t.upTo) ?? SHAREPOINT_TIERS[SHAREPOINT_TIERS.length - 1];
}

/** A token bucket: `capacity` units that refill evenly over `windowMs`, so a burst of a window's budget is allowed. */
class Bucket {
  private level: number;
  private at: number;

  constructor(
    readonly capacity: number,
    private readonly windowMs: number,
    now: number,
  ) {
    this.level = capacity;
    this.at = now;
  }

  private refill(now: number): void {
    this.level = Math.min(this.capacity, this.level + (Math.max(0, now - this.at) * this.capacity) / this.windowMs);
    this.at = now;
  }

  /** Model milliseconds until `cost` is available (0: it is, and nothing is taken yet). */
  waitFor(cost: number, now: number): number {
    this.refill(now);
    return this.level >= cost ? 0 : Math.ceil(((cost - this.level) * this.windowMs) / this.capacity);
  }

  take(cost: number): void {
    this.level -= cost;
  }
}

export interface ThrottleStats {
  /** SharePoint requests charged (each $batch part counted). */
  sharepointRequests: number;
  sharepointUnits: number;
  sharepointUnitsByApp: Record<string, number>;
  mailboxRequests: number;
  /** Requests charged to each mailbox (by directory id), every app together. */
  mailboxRequestsByMailbox: Record<string, number>;
  /** 429s answered, by the limit that gave them. */
  throttled: { app: number; tenant: number; user: number; mailboxRate: number; mailboxConcurrency: number };
}

function emptyStats(): ThrottleStats {
  return { sharepointRequests: 0, sharepointUnits: 0, sharepointUnitsByApp: {}, mailboxRequests: 0, mailboxRequestsByMailbox: {}, throttled: { app: 0, tenant: 0, user: 0, mailboxRate: 0, mailboxConcurrency: 0 } };
}

/**
 * The tenant's limits over model time. Throttled requests are not charged: a client that waits the Retry-After it was
 * given is then served (the Learn page warns that ignoring Retry-After makes throttling worse; this model does not
 * punish a client that retries early beyond refusing it again).
 */
export class TenantThrottle {
  readonly timeScale: number;
  readonly mailboxServiceMs: number;
  private readonly tier: (typeof SHAREPOINT_TIERS)[number];
  // The service's own clock, which a caller's wrong clock (or a test's fake Date) does not move.
  private readonly start = performance.now();
  private readonly buckets = new Map<string, Bucket>();
  private readonly inFlight = new Map<string, number>();
  private counters = emptyStats();

  constructor(readonly options: ThrottleOptions) {
    this.timeScale = options.timeScale && options.timeScale > 0 ? options.timeScale : 1;
    this.mailboxServiceMs = Math.max(0, options.mailboxServiceMs ?? 2);
    this.tier = sharePointTier(options.licences);
  }

  get licences(): number {
    return this.options.licences;
  }

  /** The SharePoint budgets in force, for reports. */
  get budgets() {
    return { ...this.tier, userRequestsPer5Min: SHAREPOINT_USER_REQUESTS_PER_5_MIN, mailboxRequestsPer10Min: MAILBOX_REQUESTS_PER_10_MIN, mailboxConcurrency: MAILBOX_CONCURRENCY };
  }

  stats(): ThrottleStats {
    return { ...this.counters, sharepointUnitsByApp: { ...this.counters.sharepointUnitsByApp }, mailboxRequestsByMailbox: { ...this.counters.mailboxRequestsByMailbox }, throttled: { ...this.counters.throttled } };
  }

  resetStats(): void {
    this.counters = emptyStats();
  }

  private now(): number {
    return (performance.now() - this.start) * this.timeScale;
  }

  private bucket(key: string, capacity: number, windowMs: number): Bucket {
    let b = this.buckets.get(key);
    if (!b) this.buckets.set(key, (b = new Bucket(capacity, windowMs, this.now())));
    return b;
  }

  /** Retry-After in real seconds for a wait in model milliseconds (at least a millisecond, so it is never "0"). */
  private retryAfter(modelMs: number): string {
    const seconds = Math.max(0.001, modelMs / this.timeScale / 1000);
    return seconds >= 1 ? String(Math.ceil(seconds)) : seconds.toFixed(3);
  }

  /**
   * Charges a request, or refuses it with the 429 the service gives: SharePoint's body for its budgets
   * ("The request has been throttled", github.com/microsoftgraph/msgraph-sdk-dotnet/issues/703), Exchange's
   * ApplicationThrottled for a mailbox (learn.microsoft.com/en-us/answers/questions/968767 shows the answer).
   */
  charge(caller: Caller, charge: Charge): void {
    const now = this.now();
    const checks: { bucket: Bucket; cost: number; kind: keyof ThrottleStats["throttled"] }[] = [];
    const units = charge.sharepointUnits ?? 0;
    if (units > 0) {
      checks.push({ bucket: this.bucket(`app-min:${caller.appId}`, this.tier.appPerMinute, MINUTE), cost: units, kind: "app" });
      checks.push({ bucket: this.bucket(`app-day:${caller.appId}`, this.tier.appPerDay, 24 * 60 * MINUTE), cost: units, kind: "app" });
      checks.push({ bucket: this.bucket("tenant", this.tier.tenantPer5Min, 5 * MINUTE), cost: units, kind: "tenant" });
      if (caller.userId) checks.push({ bucket: this.bucket(`user:${caller.userId}`, SHAREPOINT_USER_REQUESTS_PER_5_MIN, 5 * MINUTE), cost: 1, kind: "user" });
    }
    if (charge.mailbox) {
      checks.push({ bucket: this.bucket(`mbx:${caller.appId}:${charge.mailbox}`, MAILBOX_REQUESTS_PER_10_MIN, 10 * MINUTE), cost: 1, kind: "mailboxRate" });
    }
    let worst = 0;
    let kind: keyof ThrottleStats["throttled"] | undefined;
    for (const c of checks) {
      const wait = c.bucket.waitFor(c.cost, now);
      if (wait > worst) {
        worst = wait;
        kind = c.kind;
      }
    }
    if (kind) {
      this.counters.throttled[kind]++;
      const headers = { "Retry-After": this.retryAfter(worst) };
      // Exchange's code for a throttled app; the wording of the rate-limit message is ours (not published).
      if (kind === "mailboxRate") throw new GraphError(429, "ApplicationThrottled", "Application is over its request limit for this mailbox (10,000 in 10 minutes).", headers);
      throw new GraphError(429, "throttledRequest", "The request has been throttled", headers);
    }
    for (const c of checks) c.bucket.take(c.cost);
    if (units > 0) {
      this.counters.sharepointRequests++;
      this.counters.sharepointUnits += units;
      this.counters.sharepointUnitsByApp[caller.appId] = (this.counters.sharepointUnitsByApp[caller.appId] ?? 0) + units;
    }
    if (charge.mailbox) {
      this.counters.mailboxRequests++;
      this.counters.mailboxRequestsByMailbox[charge.mailbox] = (this.counters.mailboxRequestsByMailbox[charge.mailbox] ?? 0) + 1;
    }
  }

  /**
   * Takes one of the mailbox's four slots for this app until `release` is called, or refuses with Exchange's answer
   * "Application is over its MailboxConcurrency limit." (learn.microsoft.com/en-us/answers/questions/968767).
   */
  enterMailbox(caller: Caller, mailbox: string): () => void {
    const key = `${caller.appId}:${mailbox}`;
    const n = this.inFlight.get(key) ?? 0;
    if (n >= MAILBOX_CONCURRENCY) {
      this.counters.throttled.mailboxConcurrency++;
      throw new GraphError(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.", { "Retry-After": this.retryAfter(Math.max(1, this.mailboxServiceMs) * this.timeScale) });
    }
    this.inFlight.set(key, n + 1);
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const left = (this.inFlight.get(key) ?? 1) - 1;
      if (left <= 0) this.inFlight.delete(key);
      else this.inFlight.set(key, left);
    };
  }
}
