// Call slots read in London wall-clock time, so "Tuesday 10:00–12:00" holds in GMT and BST alike.
import { WEEKDAYS, type CallSlot } from "../domain/restriction-parts";
import { londonParts } from "../time/london";
import { DAY_NAMES, joinWords } from "./wording";

function minutesOf(hhmm: string): number {
  const [h, m] = hhmm.split(":").map(Number);
  return h * 60 + m;
}

/** A slot runs from its start up to but not including its end: a call at 12:00 is outside 10:00–12:00. */
export function withinSlots(slots: readonly CallSlot[], at: Date): boolean {
  const p = londonParts(at);
  const minute = p.hour * 60 + p.minute;
  return slots.some((s) => s.day === p.weekday && minute >= minutesOf(s.from) && minute < minutesOf(s.to));
}

/** "Tuesday 10:00–12:00 or Thursday 14:00–16:00", in week order. */
export function describeSlots(slots: readonly CallSlot[]): string {
  const ordered = [...slots].sort(
    (a, b) => WEEKDAYS.indexOf(a.day) - WEEKDAYS.indexOf(b.day) || a.from.localeCompare(b.from),
  );
  return joinWords(
    ordered.map((s) => `${DAY_NAMES[s.day]} ${s.from}–${s.to}`),
    "or",
  );
}

/** "Wednesday 14:05", London time. */
export function describeMoment(at: Date): string {
  const p = londonParts(at);
  return `${DAY_NAMES[p.weekday]} ${String(p.hour).padStart(2, "0")}:${String(p.minute).padStart(2, "0")}`;
}
