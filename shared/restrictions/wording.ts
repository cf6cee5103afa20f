// The plain words staff see for channels, days, lists and people, kept in one place so every message agrees.
import type { NamedOfficerTarget, Weekday } from "../domain/restriction-parts";
import type { ContactChannel } from "../domain/vocab";
import { formatLondonDate, formatLondonTime, londonParts } from "../time/london";

interface ChannelWords {
  /** "Letters only" */
  only: string;
  /** "by letter", as in "may not be answered by letter" */
  by: string;
}

export const CHANNEL_WORDS: Record<ContactChannel, ChannelWords> = {
  Email: { only: "E-mail only", by: "by e-mail" },
  Phone: { only: "Phone only", by: "by phone" },
  Letter: { only: "Letters only", by: "by letter" },
  InPerson: { only: "In person only", by: "in person" },
  Web: { only: "Website only", by: "through the website" },
  Social: { only: "Social media only", by: "on social media" },
  Other: { only: "One channel only", by: "by another route" },
};

export const DAY_NAMES: Record<Weekday, string> = {
  Mon: "Monday",
  Tue: "Tuesday",
  Wed: "Wednesday",
  Thu: "Thursday",
  Fri: "Friday",
  Sat: "Saturday",
  Sun: "Sunday",
};

/** "a", "a and b", "a, b and c" (or "or"). */
export function joinWords(items: readonly string[], conjunction: "and" | "or" = "and"): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} ${conjunction} ${items[items.length - 1]}`;
}

export function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "Jo Bloggs" or "the Customer Relations inbox"; names are shown exactly as recorded, quotes and accents included. */
export function targetLabel(target: NamedOfficerTarget): string {
  if (target.kind === "Person") return target.name.trim();
  const name = target.name.trim();
  const inbox = /\binbox$/i.test(name) ? name : `${name} inbox`;
  return /^the\s/i.test(inbox) ? inbox : `the ${inbox}`;
}

/** Trimmed and lower-cased, as UPNs and mailbox addresses are compared. */
export function sameAddress(a: string | null | undefined, b: string | null | undefined): boolean {
  if (!a || !b) return false;
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** "3 March 2027", or "14:00 on 3 March 2027" when the period does not end at midnight. */
export function describeUntil(endsAt: string): string {
  const end = new Date(endsAt);
  const p = londonParts(end);
  const date = formatLondonDate(end);
  return p.hour === 0 && p.minute === 0 ? date : `${formatLondonTime(end)} on ${date}`;
}

export function describeMatters(refs: readonly string[]): string {
  const cleaned = refs.map((m) => m.trim()).filter(Boolean);
  return `${cleaned.length === 1 ? "matter" : "matters"} ${joinWords(cleaned)}`;
}
