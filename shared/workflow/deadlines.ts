// Deadlines counted as the policies count them: in UK calendar days and months, due by the end of the day.
import { addCalendarDays, addCalendarMonths, endOfLondonDay, londonDateKey } from "../time/calendar";

export function dueAfterDays(from: Date, days: number): Date {
  return endOfLondonDay(addCalendarDays(londonDateKey(from), days));
}

export function dueAfterMonths(from: Date, months: number): Date {
  return endOfLondonDay(addCalendarMonths(londonDateKey(from), months));
}

/** An appeal is in time when received on or before the last day of the window (day 14 of 14 is in time). */
export function withinWindow(start: Date, windowDays: number, received: Date): boolean {
  return received.getTime() <= dueAfterDays(start, windowDays).getTime();
}

/** Records are kept until the end of the retention period counted from when the case closed. */
export function retainUntil(closedAt: Date, years: number | null): string | null {
  return years === null ? null : dueAfterMonths(closedAt, years * 12).toISOString();
}
