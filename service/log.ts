// The service's log: one line per event with counts and ids only. No names, addresses or secrets ever go in: any value
// that looks like an address is masked as a last line of defence.
export type LogValue = number | boolean | string | null | undefined;
export type LogFields = Record<string, LogValue>;

export interface Logger {
  info(event: string, fields?: LogFields): void;
  warn(event: string, fields?: LogFields): void;
  error(event: string, fields?: LogFields): void;
  /**
   * Something refused that a caller can repeat at will (a forged notification, an oversized body): the first in a
   * quiet spell is written at once, the rest are counted and written as one line a window, so a flood of 20,000
   * requests is a few lines, not 20,000.
   */
  repeated(event: string, count?: number): void;
}

export interface LoggerOptions {
  /** How long repeats are counted before their line is written (default a minute). */
  windowMs?: number;
}

export type LogSink = (line: string) => void;

function safe(v: LogValue): string {
  if (v === null || v === undefined) return "-";
  if (typeof v !== "string") return String(v);
  // Ids and words only: anything address-like is masked, and values are kept short.
  const s = v.includes("@") ? "[address]" : v;
  return /[\s="]/.test(s) ? JSON.stringify(s.slice(0, 200)) : s.slice(0, 200);
}

export function createLogger(sink: LogSink = (l) => console.log(l), prefix = "upc-service", options: LoggerOptions = {}): Logger {
  const windowMs = options.windowMs ?? 60_000;
  const line = (level: string, event: string, fields: LogFields = {}) =>
    sink(`${new Date().toISOString()} ${prefix} ${level} ${event}${Object.entries(fields).map(([k, v]) => ` ${k}=${safe(v)}`).join("")}`);
  // Per event: repeats counted since the last line, and the timer that writes them at the window's end.
  const windows = new Map<string, { count: number; timer: ReturnType<typeof setTimeout> }>();
  const seconds = Math.round(windowMs / 1000);
  const open = (event: string) => {
    const timer = setTimeout(() => {
      const w = windows.get(event);
      windows.delete(event);
      if (w && w.count) {
        line("warn", event, { count: w.count, window: `${seconds}s` });
        open(event); // still flooding: keep counting rather than writing the next one at once
      }
    }, windowMs);
    timer.unref?.();
    windows.set(event, { count: 0, timer });
  };
  return {
    info: (e, f) => line("info", e, f),
    warn: (e, f) => line("warn", e, f),
    error: (e, f) => line("error", e, f),
    repeated(event, count = 1) {
      const w = windows.get(event);
      if (w) {
        w.count += count;
        return;
      }
      line("warn", event, { count });
      open(event);
    },
  };
}

/** An error as loggable fields: its kind and status, never its message (Graph messages can quote what we sent). */
export function errorFields(e: unknown): LogFields {
  const err = e as { name?: string; kind?: string; status?: number; code?: string };
  return { error: err?.kind ?? err?.name ?? "Error", status: err?.status, code: err?.code };
}
