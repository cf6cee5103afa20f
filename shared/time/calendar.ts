// Calendar arithmetic on UK dates (Europe/London), for deadlines counted in days and months as policies state them.
import { londonMidnight, londonParts } from "./london";

/** A London calendar date as "YYYY-MM-DD". */
export type DateKey = string;

export function londonDateKey(instant: Date): DateKey {
  const p = londonParts(instant);
  return `${p.year}-${pad(p.month)}-${pad(p.day)}`;
}

function split(key: DateKey): [number, number, number] {
  const [y, m, d] = key.split("-").map(Number);
  return [y, m, d];
}

export function addCalendarDays(key: DateKey, days: number): DateKey {
  const [y, m, d] = split(key);
  const t = new Date(Date.UTC(y, m - 1, d + days));
  return `${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`;
}

/** Adds calendar months; a day past the end of the target month falls back to its last day (31 Aug + 6 → 28/29 Feb). */
export function addCalendarMonths(key: DateKey, months: number): DateKey {
  const [y, m, d] = split(key);
  const total = y * 12 + (m - 1) + months;
  const ty = Math.floor(total / 12);
  const tm = (total % 12) + 1;
  const last = new Date(Date.UTC(ty, tm, 0)).getUTCDate();
  return `${ty}-${pad(tm)}-${pad(Math.min(d, last))}`;
}

/** Adds a period as a policy states it: days as days, months as calendar months (3 months from 31 Jan is 30 Apr). */
export function addCalendarPeriod(key: DateKey, period: { unit: "days" | "months"; count: number }): DateKey {
  return period.unit === "months" ? addCalendarMonths(key, period.count) : addCalendarDays(key, period.count);
}

/** Whole calendar days from a to b (b later → positive). */
export function daysBetween(a: DateKey, b: DateKey): number {
  const [ay, am, ad] = split(a);
  const [by, bm, bd] = split(b);
  return Math.round((Date.UTC(by, bm - 1, bd) - Date.UTC(ay, am - 1, ad)) / 86_400_000);
}

/** The last instant of a London calendar date: "due by 14 March" means until midnight that night, UK time. */
export function endOfLondonDay(key: DateKey): Date {
  const [y, m, d] = split(addCalendarDays(key, 1));
  return new Date(londonMidnight(y, m, d).getTime() - 1);
}

function pad(n: number): string {
  return String(n).padStart(2, "0");
}
