// When Graph throttles one request, every request this client sends to the same budget waits the Retry-After too:
// honouring it one request at a time while others keep asking only spends the budget on refusals ("Throttled requests
// count towards usage limits", learn.microsoft.com/sharepoint/dev/general-development/how-to-avoid-getting-throttled-or-blocked-in-sharepoint-online).
import type { Context, Middleware } from "@microsoft/microsoft-graph-client";
import { mailboxOfPath } from "./mailbox-gate";

/** Which budget a request (URL, path, or path under /v1.0) spends: SharePoint's (per app), one mailbox's, or Graph's at large. */
export function budgetOf(path: string): string {
  const p = path.replace(/^https?:\/\/[^/]+/i, "").replace(/^\/(?:v1\.0|beta)(?=\/)/i, "");
  if (/^\/sites\//i.test(p)) return "sharepoint";
  const mailbox = mailboxOfPath(p);
  return mailbox ? `mailbox:${mailbox}` : "graph";
}

export class ThrottleGate {
  private readonly until = new Map<string, number>();

  /** The service asked this budget to wait `seconds`. */
  throttled(budget: string, seconds: number): void {
    const at = Date.now() + seconds * 1000;
    if (at > (this.until.get(budget) ?? 0)) this.until.set(budget, at);
  }

  /** Resolves once none of these budgets is waiting out a Retry-After. */
  async clear(budgets: Iterable<string>): Promise<void> {
    for (;;) {
      const wait = Math.max(0, ...[...budgets].map((b) => (this.until.get(b) ?? 0) - Date.now()));
      if (wait <= 0) return;
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

/** SDK middleware below the RetryHandler: every attempt waits for its budget, and a 429 with Retry-After holds it. */
export class ThrottleGateHandler implements Middleware {
  private next?: Middleware;

  constructor(private readonly gate: ThrottleGate) {}

  async execute(context: Context): Promise<void> {
    const url = typeof context.request === "string" ? context.request : context.request.url;
    const budget = budgetOf(new URL(url).pathname);
    // A $batch's parts wait in the caller (runBatch), which knows their budgets.
    if (!/\/\$batch$/.test(url)) await this.gate.clear([budget]);
    await this.next?.execute(context);
    const res = context.response;
    const after = res?.status === 429 ? Number(res.headers.get("Retry-After")) : NaN;
    if (Number.isFinite(after)) this.gate.throttled(budget, after);
  }

  setNext(next: Middleware): void {
    this.next = next;
  }
}
