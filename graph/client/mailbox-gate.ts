// Outlook serves at most four requests at once per app and mailbox ("Four concurrent requests",
// learn.microsoft.com/graph/throttling-limits#outlook-service-limits; a fifth gets 429 MailboxConcurrency), so the
// client never has more than four in flight to one mailbox: the rest wait their turn here instead of being refused.
export const MAILBOX_CONCURRENCY = 4;

const MAILBOX = /^\/(?:me|users\/([^/?]+))\/(?:messages|mailFolders|outlook|sendMail|mailboxSettings|inferenceClassification)(?:[/(?]|$)/i;

/** The mailbox an Outlook request addresses (as written, lower case; "me" for /me), or null for anything else. */
export function mailboxOfPath(path: string): string | null {
  const m = MAILBOX.exec(path.replace(/^https?:\/\/[^/]+\/[^/]+/i, ""));
  if (!m) return null;
  if (m[1] === undefined) return "me";
  let who = m[1];
  try {
    who = decodeURIComponent(who);
  } catch {
    // left as written
  }
  return who.replace(/^\('(.*)'\)$/, "$1").toLowerCase();
}

/**
 * Slots a request needs: one for a single request to a mailbox; for a $batch, Graph sends a batch's Outlook parts "up
 * to four ... at a time", so a mailbox's parts need as many slots as there are of them, four at most.
 */
export function slotsFor(paths: string[]): Map<string, number> {
  const out = new Map<string, number>();
  for (const p of paths) {
    const m = mailboxOfPath(p);
    if (m) out.set(m, Math.min(MAILBOX_CONCURRENCY, (out.get(m) ?? 0) + 1));
  }
  return out;
}

export class MailboxGate {
  private readonly inUse = new Map<string, number>();
  private readonly waiting = new Map<string, (() => void)[]>();

  private async acquire(mailbox: string, n: number): Promise<void> {
    while ((this.inUse.get(mailbox) ?? 0) + n > MAILBOX_CONCURRENCY) {
      await new Promise<void>((resolve) => {
        const q = this.waiting.get(mailbox) ?? [];
        q.push(resolve);
        this.waiting.set(mailbox, q);
      });
    }
    this.inUse.set(mailbox, (this.inUse.get(mailbox) ?? 0) + n);
  }

  private release(mailbox: string, n: number): void {
    const left = (this.inUse.get(mailbox) ?? n) - n;
    if (left <= 0) this.inUse.delete(mailbox);
    else this.inUse.set(mailbox, left);
    // Everyone waiting looks again; those that still do not fit wait once more.
    const q = this.waiting.get(mailbox) ?? [];
    this.waiting.delete(mailbox);
    for (const wake of q) wake();
  }

  /** Runs `fn` holding the slots it needs (taken in a fixed order, so two callers never wait on each other). */
  async run<T>(slots: Map<string, number>, fn: () => Promise<T>): Promise<T> {
    if (slots.size === 0) return fn();
    const held: [string, number][] = [];
    try {
      for (const [m, n] of [...slots.entries()].sort(([a], [b]) => a.localeCompare(b))) {
        await this.acquire(m, n);
        held.push([m, n]);
      }
      return await fn();
    } finally {
      for (const [m, n] of held) this.release(m, n);
    }
  }
}
