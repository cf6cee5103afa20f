// The review calendar's grouping: overdue first, then one group per UK calendar month. Pure.
import type { CalendarEntry } from "../../../graph/reports/queue";
import { londonParts, MONTH_NAMES } from "../../../shared/time/london";

export const KIND_WORDS: Record<CalendarEntry["kind"], string> = { ScheduledReview: "Scheduled review", MonitoringEnd: "Monitoring ends", Appeal: "Appeal decision due" };

export function calendarGroups(entries: CalendarEntry[]): { title: string; entries: CalendarEntry[] }[] {
  const overdue = entries.filter((e) => e.overdue);
  const months = new Map<string, CalendarEntry[]>();
  for (const e of entries.filter((x) => !x.overdue)) {
    const p = londonParts(new Date(e.dueBy));
    const key = `${MONTH_NAMES[p.month - 1]} ${p.year}`;
    months.set(key, [...(months.get(key) ?? []), e]);
  }
  return [...(overdue.length ? [{ title: "Overdue", entries: overdue }] : []), ...[...months.entries()].map(([title, es]) => ({ title: `Due in ${title}`, entries: es }))];
}
