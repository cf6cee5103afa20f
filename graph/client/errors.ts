// Graph failures turned into errors the UI can explain to a council officer, without losing the technical detail.

export type DataErrorKind =
  | "Unauthorised"
  | "Forbidden"
  | "NotFound"
  | "Conflict"
  | "Duplicate"
  | "Throttled"
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
 * SharePoint through Graph answers a unique-column clash with 400 invalidRequest, "One or more fields with unique
 * constraints already has the provided value." (seen from the service; see GRAPH-FIDELITY.md); older answers and some
 * tools give 409. Both mean the value is already recorded.
 */
const UNIQUE_CLASH = /unique constraints|already has the provided value|duplicate|nameAlreadyExists/i;

export function kindForStatus(status: number, code = "", message = ""): DataErrorKind {
  if (status === 400 && UNIQUE_CLASH.test(message)) return "Duplicate";
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
  const err = e as { statusCode?: number; status?: number; code?: string; message?: string; body?: unknown };
  const status = err?.statusCode ?? err?.status;
  if (typeof status === "number" && status > 0) {
    const code = err.code ?? "";
    const message = err.message ?? "";
    return new DataError(kindForStatus(status, code, message), undefined, status, code, message);
  }
  return new DataError("Unreachable", undefined, 0, undefined, err?.message);
}

/** Builds a DataError from one $batch response or a raw fetch response body. */
export function fromResponse(status: number, body: unknown): DataError {
  const error = (body as { error?: { code?: string; message?: string } } | undefined)?.error;
  return new DataError(kindForStatus(status, error?.code, error?.message), undefined, status, error?.code, error?.message);
}
