// Wall-clock arithmetic in Europe/London, so restrictions mean the same local hours in GMT and in BST.
import { WEEKDAYS, type Weekday } from "../domain/restriction-parts";

export interface LondonParts {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  weekday: Weekday;
  hour: number;
  minute: number;
  second: number;
}

const DAY = 86_400_000;

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
] as const;

let formatter: Intl.DateTimeFormat | undefined;

// Building a DateTimeFormat is far dearer than using one, and the checks call this for every logged contact.
// en-US because its short weekday names are the most stable across ICU versions; parts are read by type, not order.
function londonFormatter(): Intl.DateTimeFormat {
  formatter ??= new Intl.DateTimeFormat("en-US", {
    timeZone: "Europe/London",
    hourCycle: "h23",
    weekday: "short",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  });
  return formatter;
}

/** The Europe/London calendar date and wall-clock time of an instant. */
export function londonParts(instant: Date): LondonParts {
  const found: Record<string, string> = {};
  for (const part of londonFormatter().formatToParts(instant)) found[part.type] = part.value;
  const weekday = found.weekday as Weekday;
  if (!WEEKDAYS.includes(weekday)) throw new Error(`Unexpected weekday '${found.weekday}' from Intl`);
  return {
    year: Number(found.year),
    month: Number(found.month),
    day: Number(found.day),
    weekday,
    // Some ICU builds still write midnight as 24 even with h23.
    hour: Number(found.hour) % 24,
    minute: Number(found.minute),
    second: Number(found.second),
  };
}

/** How far London's wall clock is ahead of UTC at an instant, in milliseconds (0 in GMT, one hour in BST). */
function offsetAt(epochMs: number): number {
  const whole = Math.floor(epochMs / 1000) * 1000;
  const p = londonParts(new Date(whole));
  return Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second) - whole;
}

/**
 * The instant at which London's clocks show this date and time. Out-of-range fields roll over as Date.UTC does
 * (month 13 is January of the next year). A time the clocks skip (01:30 on the spring-forward day) is moved on by
 * the jump, to 02:30 BST; a time they show twice (01:30 on the fall-back day) is its first showing, in BST.
 */
export function londonDateTime(
  year: number,
  month: number,
  day: number,
  hour = 0,
  minute = 0,
  second = 0,
  ms = 0,
): Date {
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  // London changes offset at most once in any two days, so the offsets a day either side are the only candidates.
  const before = offsetAt(wall - DAY);
  const after = offsetAt(wall + DAY);
  const fits = [...new Set([before, after])].map((o) => wall - o).filter((t) => offsetAt(t) === wall - t);
  if (fits.length > 0) return new Date(Math.min(...fits));
  return new Date(wall - before);
}

/** The instant of local midnight at the start of this London date (midnight is never skipped or repeated in London). */
export function londonMidnight(year: number, month: number, day: number): Date {
  return londonDateTime(year, month, day);
}

/** Monday 00:00 London time of the week containing the instant. */
export function startOfLondonWeek(instant: Date): Date {
  const p = londonParts(instant);
  return londonMidnight(p.year, p.month, p.day - WEEKDAYS.indexOf(p.weekday));
}

/** 00:00 London time on the first of the month containing the instant. */
export function startOfLondonMonth(instant: Date): Date {
  const p = londonParts(instant);
  return londonMidnight(p.year, p.month, 1);
}

/** 00:00 London time on the first of the month after the one containing the instant. */
export function startOfNextLondonMonth(instant: Date): Date {
  const p = londonParts(instant);
  return londonMidnight(p.year, p.month + 1, 1);
}

/**
 * The same London wall-clock time n calendar days later (or earlier), so "a week after 10:00" is 10:00 even when
 * the clocks change in between; the elapsed time is then 23 or 25 hours a day across the change.
 */
export function addLondonDays(instant: Date, n: number): Date {
  const p = londonParts(instant);
  const ms = ((instant.getTime() % 1000) + 1000) % 1000;
  return londonDateTime(p.year, p.month, p.day + n, p.hour, p.minute, p.second, ms);
}

/** Minutes since local midnight, for comparing against "HH:MM" slots. */
export function londonMinuteOfDay(instant: Date): number {
  const p = londonParts(instant);
  return p.hour * 60 + p.minute;
}

/** "14:05" in London time. */
export function formatLondonTime(instant: Date): string {
  const p = londonParts(instant);
  return `${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
}

/** "3 March 2027", the London calendar date. */
export function formatLondonDate(instant: Date): string {
  const p = londonParts(instant);
  return `${p.day} ${MONTH_NAMES[p.month - 1]} ${p.year}`;
}
