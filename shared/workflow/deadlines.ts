// Deadlines counted as the policies count them: in UK calendar days and months, due by the end of the day.
import { addCalendarDays, addCalendarMonths, addCalendarPeriod, endOfLondonDay, londonDateKey } from "../time/calendar";

export function dueAfterDays(from: Date, days: number): Date {
  return endOfLondonDay(addCalendarDays(londonDateKey(from), days));
}

export function dueAfterMonths(from: Date, months: number): Date {
  return endOfLondonDay(addCalendarMonths(londonDateKey(from), months));
}

/** The end of a period counted from a London date: "three months from 15 January" is due by the end of 15 April. */
export function dueAfterPeriod(from: Date, period: { unit: "days" | "months"; count: number }): Date {
  return endOfLondonDay(addCalendarPeriod(londonDateKey(from), period));
}

/** An appeal is in time when received on or before the last day of the window (day 14 of 14 is in time). */
export function withinWindow(start: Date, windowDays: number, received: Date): boolean {
  return received.getTime() <= dueAfterDays(start, windowDays).getTime();
}

/** Records are kept until the end of the retention period counted from when the case closed. */
export function retainUntil(closedAt: Date, years: number | null): string | null {
  return years === null ? null : dueAfterMonths(closedAt, years * 12).toISOString();
}
