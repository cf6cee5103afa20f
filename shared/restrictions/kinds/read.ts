// Reading restrictions as a register's cells write them: lists, channels, days and times in plain text.
import { WEEKDAYS, type Weekday } from "../../domain/restriction-parts";
import { ALLOWED_CHANNELS, CONTACT_CHANNELS, type AllowedChannel, type ContactChannel } from "../../domain/vocab";

export type Read<T> = { ok: true; value: T } | { ok: false; error: string };
export const ok = <T>(value: T): Read<T> => ({ ok: true, value });
export const no = <T>(error: string): Read<T> => ({ ok: false, error });

/** Several values in one cell, separated by semicolons, commas or line breaks. */
export function readList(raw: string, separators = /[;,\n]/): string[] {
  return raw
    .split(separators)
    .map((s) => s.trim())
    .filter(Boolean);
}

const CHANNEL_ALIASES: Record<string, ContactChannel> = {
  email: "Email",
  "e-mail": "Email",
  mail: "Email",
  phone: "Phone",
  telephone: "Phone",
  call: "Phone",
  calls: "Phone",
  letter: "Letter",
  letters: "Letter",
  post: "Letter",
  inperson: "InPerson",
  "in person": "InPerson",
  "face to face": "InPerson",
  visit: "InPerson",
  web: "Web",
  "web form": "Web",
  online: "Web",
  social: "Social",
  "social media": "Social",
  other: "Other",
};

export function readChannel(raw: string): ContactChannel | undefined {
  const k = raw.trim().toLowerCase().replace(/\s+/g, " ");
  return CHANNEL_ALIASES[k] ?? CONTACT_CHANNELS.find((c) => c.toLowerCase() === k.replace(/ /g, ""));
}

export function readAllowedChannel(raw: string): AllowedChannel | undefined {
  const c = readChannel(raw);
  return c && (ALLOWED_CHANNELS as readonly string[]).includes(c) ? (c as AllowedChannel) : undefined;
}

/** "letter or e-mail", "phone and letters", "phone, e-mail": each channel once, or undefined when one is not a channel. */
export function readChannels(raw: string): { value: ContactChannel[]; bad?: string } {
  const value: ContactChannel[] = [];
  for (const word of readList(raw, /,|\/|\s+(?:or|and)\s+/i)) {
    const c = readChannel(word);
    if (!c) return { value, bad: word };
    if (!value.includes(c)) value.push(c);
  }
  return { value };
}

export const DAY_ALIASES: Record<string, Weekday> = Object.fromEntries(
  ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].flatMap((d, i) => [
    [d, WEEKDAYS[i]],
    [["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][i], WEEKDAYS[i]],
    [["mon", "tues", "weds", "thur", "fri", "sat", "sun"][i], WEEKDAYS[i]],
    [["mon", "tue", "wed", "thurs", "fri", "sat", "sun"][i], WEEKDAYS[i]],
  ]),
);

export function hhmm(s: string): string | undefined {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(s.trim());
  if (!m) return undefined;
  return `${m[1].padStart(2, "0")}:${m[2] ?? "00"}`;
}

export const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** The reader for kinds written with nothing after their name. */
export function readNothing(kind: string) {
  return (args: string): Read<unknown> => (args.trim() ? no("takes nothing after its name") : ok({ kind }));
}
