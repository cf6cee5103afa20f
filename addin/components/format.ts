// Dates and times as UK staff read them, in UK time whatever the machine's zone.
import { formatLondonDate, formatLondonTime } from "../../shared/time/london";

export function ukDate(iso: string | Date | null | undefined): string {
  if (!iso) return "";
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return Number.isFinite(d.getTime()) ? formatLondonDate(d) : "";
}

export function ukDateTime(iso: string | Date | null | undefined): string {
  if (!iso) return "";
  const d = typeof iso === "string" ? new Date(iso) : iso;
  return Number.isFinite(d.getTime()) ? `${formatLondonDate(d)}, ${formatLondonTime(d)}` : "";
}

/** A value for <input type="datetime-local"> in the browser's own zone. */
export function localInputValue(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
