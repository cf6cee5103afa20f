// The HTTP endpoints Graph calls, independent of the host: the validation handshake (the token echoed as text/plain)
// and notifications (checked, queued, answered 202 at once). The Node server and the Functions app both use these.
import type { FlaggingService } from "./flagging/service";
import type { CaseService } from "./cases";
import type { Logger } from "./log";

export interface EndpointRequest {
  method: string;
  query: URLSearchParams;
  /** The raw body (notifications are JSON). */
  body: string;
}

export interface EndpointResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

// The token is echoed as plain text only, never sniffed as HTML (Graph's own advice against reflected scripts).
const text = (status: number, body = ""): EndpointResponse => ({ status, headers: { "Content-Type": "text/plain; charset=utf-8", "X-Content-Type-Options": "nosniff" }, body });

/** The answer to a body over the limit; counted in the log, not written once per request. */
export function tooLargeResponse(json: boolean, log?: Logger): EndpointResponse {
  log?.repeated("request.too-large");
  return { status: 413, headers: { "Content-Type": json ? "application/json" : "text/plain; charset=utf-8", Connection: "close" }, body: json ? JSON.stringify({ reason: "That request is too large." }) : "Too large." };
}

/** Largest notification body accepted (Graph sends at most a few hundred KB). */
export const MAX_BODY_BYTES = 1024 * 1024;

/**
 * Change and lifecycle notifications. `service` may still be starting (null): the handshake works anyway, and
 * notifications are acknowledged, since start-up reads every mailbox from its delta link regardless.
 */
export function notificationEndpoint(service: FlaggingService | null, req: EndpointRequest, log?: Logger): EndpointResponse {
  const token = req.query.get("validationToken");
  if (token !== null) return text(200, token);
  if (req.method !== "POST") return text(405, "Use POST.");
  let body: unknown;
  try {
    body = JSON.parse(req.body);
  } catch {
    log?.repeated("notification.not-json");
    return text(400, "The body is not JSON.");
  }
  if (!service) return text(202);
  const result = service.accept(body);
  if (!result) {
    log?.repeated("notification.malformed");
    return text(400, "The body is not a notification collection.");
  }
  // Forged or unknown items are ignored, but the answer is the same: nothing is revealed to a caller.
  return text(202);
}

/** Counts only: what the service has done, for monitoring (drift: customers whose rows were changed by hand and put back). */
export function healthEndpoint(service: FlaggingService | null, cases?: Pick<CaseService, "outbox" | "watch" | "ledger" | "audit"> | null): EndpointResponse {
  const register = cases ? { outbox: cases.outbox.stats, register: { ...cases.watch.stats, rowProblems: cases.ledger.count, rowsChecked: cases.audit.checked } } : {};
  // The process's own memory in MB, so a long run can be watched for growth from outside.
  const m = process.memoryUsage();
  const memory = { heapMb: Math.round(m.heapUsed / 1e5) / 10, rssMb: Math.round(m.rss / 1e5) / 10 };
  const body = service ? { started: service.isStarted, mailboxes: service.watched().length, stats: service.stats, ...register, memory } : { started: false, ...register, memory };
  return { status: 200, headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) };
}
