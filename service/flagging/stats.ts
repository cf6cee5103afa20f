// Counters the service keeps about itself: what it read, flagged, logged and sent. Counts only, never content.
export interface ServiceStats {
  /** Change notifications accepted (valid clientState and a subscription of ours). */
  notifications: number;
  /** Notification items refused: wrong clientState or a subscription that is not ours. */
  rejected: number;
  lifecycle: number;
  rounds: number;
  deltaRequests: number;
  /** Messages read by delta. */
  messages: number;
  /** Copies from flagged customers. */
  flagged: number;
  categorised: number;
  /** Contacts this instance created. */
  logged: number;
  alreadyLogged: number;
  recipientsMerged: number;
  breaches: number;
  skipped: number;
  errors: number;
  ruleSyncs: number;
  subscriptionsCreated: number;
  subscriptionsRenewed: number;
  reauthorized: number;
}

export function newStats(): ServiceStats {
  return {
    notifications: 0,
    rejected: 0,
    lifecycle: 0,
    rounds: 0,
    deltaRequests: 0,
    messages: 0,
    flagged: 0,
    categorised: 0,
    logged: 0,
    alreadyLogged: 0,
    recipientsMerged: 0,
    breaches: 0,
    skipped: 0,
    errors: 0,
    ruleSyncs: 0,
    subscriptionsCreated: 0,
    subscriptionsRenewed: 0,
    reauthorized: 0,
  };
}
