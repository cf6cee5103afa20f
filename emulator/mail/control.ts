// The in-process test and benchmark controls the mail module hands to the emulator's core.

export interface DeliverInput {
  /** Recipient mailboxes (UPN, mail or id); each receives its own copy with the same internetMessageId. */
  to: string[];
  from: { name?: string; address: string };
  sender?: { name?: string; address: string };
  subject?: string;
  /** Plain text, or { contentType, content }. */
  body?: string | { contentType: "text" | "html"; content: string };
  /** Angle brackets included, e.g. "<abc@mail.example>"; generated when absent. */
  internetMessageId?: string;
  /** Addresses on the Cc line; those that are directory mailboxes get a copy too. */
  cc?: string[];
  receivedDateTime?: string;
  sentDateTime?: string;
  categories?: string[];
  attachments?: { name: string; contentType?: string; size?: number }[];
}

export type LifecycleEvent = "missed" | "reauthorizationRequired" | "subscriptionRemoved";

export interface NotificationStats {
  paused: boolean;
  /** Notifications waiting (paused, or behind a failing endpoint). */
  pending: number;
  inFlight: number;
  posts: number;
  delivered: number;
  failedPosts: number;
  dropped: number;
}

export interface NotificationSettings {
  /** How long a notification POST may take before it counts as failed (Graph: 3 s). */
  timeoutMs?: number;
  /** How long failed notifications are retried before they are dropped and `missed` is sent (Graph: 4 h). */
  retryWindowMs?: number;
  retryBaseMs?: number;
  retryMaxDelayMs?: number;
  maxBatch?: number;
  /** How long the validation handshake may take (Graph: 10 s). */
  validationTimeoutMs?: number;
  /** How long notifications keep flowing after reauthorizationRequired before they stop (default 10 min). */
  reauthorizationGraceMs?: number;
  /** How often Graph asks for reauthorization on its own (default an hour, a token's life). */
  reauthorizationIntervalMs?: number;
  /** How long before expiry Graph sends reauthorizationRequired (default 15 min). */
  expiryNoticeMs?: number;
  /** Loopback http:// notification URLs accepted (default true); false, only https. */
  developmentMode?: boolean;
  /** How long a message delta token stays usable before 410 SyncStateNotFound (default 7 days). */
  deltaTokenMaxAgeMs?: number;
}

export interface MailControl {
  /** Delivers one message to several mailboxes as external mail would arrive; resolves with the created message ids in delivery order. */
  deliver(input: DeliverInput): Promise<string[]>;
  /** The same, synchronously, with the shared internetMessageId (for the benchmark's hot loop). */
  deliverNow(input: DeliverInput): { internetMessageId: string; ids: string[] };
  /** All messages of a mailbox (every folder), in Graph's shape, for assertions. */
  messages(upn: string): Record<string, unknown>[];
  fireLifecycle(subscriptionId: string, event: LifecycleEvent, options?: { graceMs?: number }): Promise<void>;
  /** Every live subscription (all callers), in Graph's shape plus userId/folderId. */
  subscriptions(): Record<string, unknown>[];
  /** Ends a subscription now as if it had not been renewed. */
  expireSubscription(subscriptionId: string): void;
  /** While paused, change and lifecycle notifications queue up instead of being POSTed. */
  pauseNotifications(): void;
  resumeNotifications(): void;
  /** Failed deliveries waiting for their backoff are tried again now. */
  retryNotifications(): void;
  notificationStats(): NotificationStats;
  configureNotifications(settings: NotificationSettings): void;
  /** Resolves when no notification is queued or in flight. */
  notificationsIdle(): Promise<void>;
  /** Stops timers and outbound notifications (call when the emulator closes). */
  shutdown(): void;
}
