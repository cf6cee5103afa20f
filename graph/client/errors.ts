// Graph failures turned into errors the UI can explain to a council officer, without losing the technical detail.

export type DataErrorKind =
  | "Unauthorised"
  | "Forbidden"
  | "NotFound"
  | "Conflict"
  | "Duplicate"
  | "Throttled"
  | "TooBroad"
  | "Unavailable"
  | "Invalid"
  | "Unreachable"
  /** A row in the register is not in the form the product expects (typed by hand, an old import): not a network fault. */
  | "DataProblem";

const WORDS: Record<DataErrorKind, string> = {
  Unauthorised: "Your sign-in has expired or was not accepted. Sign in again and retry.",
  Forbidden: "You do not have permission to do that. Ask a manager or an administrator if you think you should.",
  NotFound: "That record could not be found. It may have been deleted.",
  Conflict: "Someone else changed this record while you were working on it. Reload to see their change, then try again.",
  Duplicate: "This has already been recorded.",
  Throttled: "Microsoft 365 is busy and asked us to slow down. Nothing was lost: try again in a moment.",
  TooBroad: "There are too many records to read at once; the search needs narrowing.",
  Unavailable: "The case register (SharePoint) is not answering just now. Nothing was lost: try again in a moment.",
  Invalid: "The request was not accepted by SharePoint.",
  Unreachable: "The case register could not be reached. Check your connection, then try again.",
  DataProblem: "A record in the register is not in the form the product expects, so it could not be used. An administrator can see which under Register problems in the Teams tab.",
};

export class DataError extends Error {
  constructor(
    public readonly kind: DataErrorKind,
    /** Plain words for the person using the product. */
    public readonly userMessage: string = WORDS[kind],
    public readonly status?: number,
    public readonly code?: string,
    /** Graph's own message; may name columns but never holds personal data we sent. */
    public readonly detail?: string,
    /** Seconds the service asked us to wait (Retry-After), when it said. */
    public readonly retryAfter?: number,
  ) {
    super(`${kind}${status ? ` (${status}${code ? ` ${code}` : ""})` : ""}: ${detail ?? userMessage}`);
    this.name = "DataError";
  }

  /** Whether trying the same thing again later may work. */
  get retryable(): boolean {
    return this.kind === "Throttled" || this.kind === "Unavailable" || this.kind === "Unreachable";
  }
}

/**
 * A list query SharePoint refuses because it would read more rows than its list view threshold allows. Graph gives it
 * as 429 (github.com/microsoftgraph/msgraph-sdk-dotnet/issues/827), with SharePoint's own words
 * (github.com/pnp/pnpjs/issues/3149) or just "The request has been throttled", and without Retry-After, which every
 * real throttling answer carries ("a Retry-After header is included in the response", learn.microsoft.com/graph/throttling
 * and the SharePoint throttling page). Waiting does not help: the query must read fewer rows.
 */
const LIST_THRESHOLD = /list view threshold/i;

export function isTooBroad(status: number, message: string, retryAfter: number | undefined): boolean {
  return status === 429 && (LIST_THRESHOLD.test(message) || retryAfter === undefined);
}

/** Retry-After as seconds (delta-seconds, or an HTTP date), or undefined when absent or unreadable. */
export function retryAfterSeconds(value: string | null | undefined): number | undefined {
  if (value === null || value === undefined || value.trim() === "") return undefined;
  const n = Number(value);
  if (Number.isFinite(n)) return Math.max(0, n);
  const at = Date.parse(value);
  return Number.isFinite(at) ? Math.max(0, (at - Date.now()) / 1000) : undefined;
}

/**
 * SharePoint through Graph answers a unique-column clash with 400 invalidRequest, "One or more fields with unique
 * constraints already has the provided value." (seen from the service; see GRAPH-FIDELITY.md); older answers and some
 * tools give 409. Both mean the value is already recorded.
 */
const UNIQUE_CLASH = /unique constraints|already has the provided value|duplicate|nameAlreadyExists/i;

export function kindForStatus(status: number, code = "", message = "", retryAfter?: number): DataErrorKind {
  if (status === 400 && UNIQUE_CLASH.test(message)) return "Duplicate";
  if (isTooBroad(status, message, retryAfter)) return "TooBroad";
  if (status === 401) return "Unauthorised";
  if (status === 403) return "Forbidden";
  if (status === 404) return "NotFound";
  if (status === 412) return "Conflict";
  if (status === 409) return UNIQUE_CLASH.test(`${code} ${message}`) || /unique/i.test(message) ? "Duplicate" : "Conflict";
  if (status === 429) return "Throttled";
  if (status >= 500) return "Unavailable";
  if (status === 0) return "Unreachable";
  return "Invalid";
}

/** Turns anything thrown by the Graph SDK or fetch into a DataError. */
export function toDataError(e: unknown): DataError {
  if (e instanceof DataError) return e;
  // A schema's complaint about a row (zod): the data is wrong, the connection is fine.
  if (Array.isArray((e as { issues?: unknown })?.issues)) return new DataError("DataProblem", undefined, 0, "invalidRow", (e as Error).name);
  const err = e as { statusCode?: number; status?: number; code?: string; message?: string; body?: unknown; headers?: { get(name: string): string | null } };
  const status = err?.statusCode ?? err?.status;
  if (typeof status === "number" && status > 0) {
    const code = err.code ?? "";
    const message = err.message ?? "";
    const after = retryAfterSeconds(typeof err.headers?.get === "function" ? err.headers.get("Retry-After") : undefined);
    return new DataError(kindForStatus(status, code, message, after), undefined, status, code, message, after);
  }
  return new DataError("Unreachable", undefined, 0, undefined, err?.message);
}

/** Builds a DataError from one $batch response or a raw fetch response body (and its headers, for Retry-After). */
export function fromResponse(status: number, body: unknown, headers?: Record<string, string>): DataError {
  const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  const after = retryAfterSeconds(headerOf(headers, "retry-after"));
  return new DataError(kindForStatus(status, error?.code, error?.message, after), undefined, status, error?.code, error?.message, after);
}

/** A header of a $batch part, whatever case the service spelled its name in. */
export function headerOf(headers: Record<string, string> | undefined, name: string): string | undefined {
  if (!headers) return undefined;
  const key = Object.keys(headers).find((k) => k.toLowerCase() === name);
  return key === undefined ? undefined : headers[key];
}
