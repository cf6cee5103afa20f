// Office.js callbacks as promises: every *Async call resolves with its value or rejects with an OfficeError.

/** A failure reported by Outlook through an AsyncResult (or thrown by the call itself). */
export class OfficeError extends Error {
  constructor(
    message: string,
    public readonly code?: number | string,
  ) {
    super(message);
    this.name = "OfficeError";
  }
}

/** The parts of Office.AsyncResult the adapter reads. */
export interface AsyncResultLike<T> {
  /** office.js sets the string "succeeded" (Office.AsyncResultStatus.Succeeded); the typings call it an enum. */
  status: Office.AsyncResultStatus | string;
  value: T;
  error?: { message?: string; code?: number | string; name?: string } | null;
}

function succeeded(status: unknown): boolean {
  return status === "succeeded" || (typeof Office !== "undefined" && status === Office.AsyncResultStatus?.Succeeded);
}

/**
 * Runs an Office *Async method and turns its callback into a promise. `run` receives the callback to pass on; a call
 * that throws (an argument Outlook rejects outright) rejects the promise too.
 */
export function officeAsync<T>(run: (callback: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    try {
      run((r) => {
        const result = r as AsyncResultLike<T> | undefined;
        if (result && succeeded(result.status)) resolve(result.value);
        else reject(new OfficeError(result?.error?.message || "Outlook could not complete the request.", result?.error?.code));
      });
    } catch (e) {
      reject(e instanceof OfficeError ? e : new OfficeError((e as Error)?.message || "Outlook refused the request."));
    }
  });
}
