// The service's log: one line per event with counts and ids only. No names, addresses or secrets ever go in: any value
// that looks like an address is masked as a last line of defence.
export type LogValue = number | boolean | string | null | undefined;
export type LogFields = Record<string, LogValue>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
}

export type LogSink = (line: string) => void;

function safe(v: LogValue): string {
  if (v === null || v === undefined) return "-";
  if (typeof v !== "string") return String(v);
  // Ids and words only: anything address-like is masked, and values are kept short.
  const s = v.includes("@") ? "[address]" : v;
  return /[\s="]/.test(s) ? JSON.stringify(s.slice(0, 200)) : s.slice(0, 200);
}

export function createLogger(sink: LogSink = (l) => console.log(l), prefix = "upc-service"): Logger {
  const line = (level: string, event: string, fields: LogFields = {}) =>
    sink(`${new Date().toISOString()} ${prefix} ${level} ${event}${Object.entries(fields).map(([k, v]) => ` ${k}=${safe(v)}`).join("")}`);
  return {
    info: (e, f) => line("info", e, f),
    warn: (e, f) => line("warn", e, f),
    error: (e, f) => line("error", e, f),
  };
}

/** An error as loggable fields: its kind and status, never its message (Graph messages can quote what we sent). */
export function errorFields(e: unknown): LogFields {
  const err = e as { name?: string; kind?: string; status?: number; code?: string };
  return { error: err?.kind ?? err?.name ?? "Error", status: err?.status, code: err?.code };
}
