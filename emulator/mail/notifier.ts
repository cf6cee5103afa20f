// Sends change and lifecycle notifications as Graph does: off the request path, batched per endpoint, retried, then dropped.
import type { NotificationStats } from "./control";
import { post } from "./http-out";

export interface NotifierConfig {
  /** Graph waits 3 s for a 2xx before it counts a delivery as failed. */
  timeoutMs: number;
  /** Graph retries a failed notification for up to 4 hours, then discards it. */
  retryWindowMs: number;
  retryBaseMs: number;
  retryMaxDelayMs: number;
  /** Most notifications in one POST. */
  maxBatch: number;
}

export const DEFAULT_NOTIFIER_CONFIG: NotifierConfig = {
  timeoutMs: 3_000,
  retryWindowMs: 4 * 60 * 60 * 1000,
  retryBaseMs: 1_000,
  retryMaxDelayMs: 60_000,
  maxBatch: 50,
};

export interface Outgoing {
  payload: Record<string, unknown>;
  subscriptionId: string;
  kind: "change" | "lifecycle";
  firstAt: number;
}

interface Endpoint {
  url: string;
  pending: Outgoing[];
  inFlight: boolean;
  failures: number;
  retryAt: number;
  timer?: NodeJS.Timeout;
  scheduled: boolean;
}

export class Notifier {
  private readonly endpoints = new Map<string, Endpoint>();
  private paused = false;
  private stopped = false;
  private idleWaiters: (() => void)[] = [];
  private readonly counts = { posts: 0, delivered: 0, failedPosts: 0, dropped: 0 };
  config: NotifierConfig;

  constructor(
    config: Partial<NotifierConfig>,
    /** Told about notifications given up on, so the subscription can get a `missed` lifecycle notification. */
    private readonly onDropped: (items: Outgoing[]) => void,
  ) {
    this.config = { ...DEFAULT_NOTIFIER_CONFIG, ...config };
  }

  enqueue(url: string, item: Outgoing): void {
    if (this.stopped) return;
    let ep = this.endpoints.get(url);
    if (!ep) this.endpoints.set(url, (ep = { url, pending: [], inFlight: false, failures: 0, retryAt: 0, scheduled: false }));
    ep.pending.push(item);
    this.schedule(ep);
  }

  /** Sends on the next turn of the event loop so notifications raised by one request travel in one POST. */
  private schedule(ep: Endpoint): void {
    if (ep.scheduled) return;
    ep.scheduled = true;
    setImmediate(() => {
      ep.scheduled = false;
      this.pump(ep);
    });
  }

  private pump(ep: Endpoint): void {
    if (this.paused || this.stopped || ep.inFlight) return this.checkIdle();
    const now = Date.now();
    // A timer may fire a little before retryAt; wait out the rest rather than stall.
    if (ep.retryAt > now) return this.armRetry(ep, ep.retryAt - now);
    const expired = ep.pending.filter((i) => now - i.firstAt > this.config.retryWindowMs);
    if (expired.length) {
      ep.pending = ep.pending.filter((i) => now - i.firstAt <= this.config.retryWindowMs);
      this.counts.dropped += expired.length;
      this.onDropped(expired);
    }
    if (!ep.pending.length) {
      this.endpoints.delete(ep.url);
      return this.checkIdle();
    }
    const batch = ep.pending.splice(0, this.config.maxBatch);
    ep.inFlight = true;
    this.counts.posts++;
    void post(ep.url, JSON.stringify({ value: batch.map((b) => b.payload) }), "application/json; charset=utf-8", this.config.timeoutMs).then((res) => {
      ep.inFlight = false;
      if (res.status >= 200 && res.status < 300) {
        this.counts.delivered += batch.length;
        ep.failures = 0;
        ep.retryAt = 0;
        if (!this.endpoints.has(ep.url)) this.endpoints.set(ep.url, ep);
        this.schedule(ep);
        return;
      }
      this.counts.failedPosts++;
      ep.failures++;
      ep.pending.unshift(...batch);
      if (!this.endpoints.has(ep.url)) this.endpoints.set(ep.url, ep);
      const delay = Math.min(this.config.retryBaseMs * 2 ** (ep.failures - 1), this.config.retryMaxDelayMs);
      ep.retryAt = Date.now() + delay;
      this.armRetry(ep, delay);
      this.checkIdle();
    });
  }

  private armRetry(ep: Endpoint, delayMs: number): void {
    clearTimeout(ep.timer);
    ep.timer = setTimeout(() => {
      ep.timer = undefined;
      this.pump(ep);
    }, delayMs + 1);
    ep.timer.unref();
  }

  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    for (const ep of this.endpoints.values()) this.schedule(ep);
  }

  /** Retries waiting for their backoff go now (tests use this after bringing a receiver back). */
  retryNow(): void {
    for (const ep of this.endpoints.values()) {
      ep.retryAt = 0;
      this.schedule(ep);
    }
  }

  stats(): NotificationStats {
    let pending = 0;
    let inFlight = 0;
    for (const ep of this.endpoints.values()) {
      pending += ep.pending.length;
      if (ep.inFlight) inFlight++;
    }
    return { paused: this.paused, pending, inFlight, ...this.counts };
  }

  private isIdle(): boolean {
    for (const ep of this.endpoints.values()) if (ep.inFlight || ep.pending.length || ep.scheduled) return false;
    return true;
  }

  private checkIdle(): void {
    if (!this.idleWaiters.length || !this.isIdle()) return;
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }

  /** Resolves once nothing is queued or in flight. */
  whenIdle(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  stop(): void {
    this.stopped = true;
    for (const ep of this.endpoints.values()) clearTimeout(ep.timer);
    this.endpoints.clear();
    this.checkIdle();
  }
}
