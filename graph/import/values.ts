// Reading a register's cells: UK dates, lists, channels and the restrictions written in plain words.
import { restrictionParamsSchema, WEEKDAYS, type RestrictionParams } from "../../shared/domain/restriction-params";
import { ALLOWED_CHANNELS, CONTACT_CHANNELS, RESTRICTION_KINDS, type AllowedChannel, type ContactChannel, type RestrictionKind } from "../../shared/domain/vocab";
import { londonMidnight } from "../../shared/time/london";

export type Read<T> = { ok: true; value: T } | { ok: false; error: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = <T>(error: string): Read<T> => ({ ok: false, error });

const MONTHS = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/**
 * A date as UK spreadsheets write it: 03/04/2027 (3 April), 3-4-2027, 2027-04-03 or 3 April 2027; the start of that
 * day in London, as an ISO instant.
 */
export function readDate(raw: string): Read<string> {
  const s = raw.trim();
  let y: number, m: number, d: number;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ].*)?$/.exec(s))) [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(s))) {
    [d, m, y] = [Number(match[1]), Number(match[2]), Number(match[3])];
    if (match[3].length === 2) y += 2000;
  } else if ((match = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(s))) {
    const month = MONTHS.indexOf(match[2].slice(0, 3).toLowerCase());
    if (month < 0) return no(`"${s}" is not a date: "${match[2]}" is not a month.`);
    [d, m, y] = [Number(match[1]), month + 1, Number(match[3])];
  } else return no(`"${s}" is not a date. Write it as day/month/year, e.g. 03/04/2027 for 3 April 2027.`);
  const check = new Date(Date.UTC(y, m - 1, d));
  if (m < 1 || m > 12 || check.getUTCMonth() !== m - 1 || check.getUTCDate() !== d) return no(`"${s}" is not a date that exists (day ${d}, month ${m}).`);
  return ok(londonMidnight(y, m, d).toISOString());
}

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

const KIND_WORDS = new Map<string, RestrictionKind>(RESTRICTION_KINDS.map((k) => [k.toLowerCase(), k]));

function restrictionKind(raw: string): RestrictionKind | undefined {
  return KIND_WORDS.get(raw.toLowerCase().replace(/[\s_-]+/g, ""));
}

/** How each restriction is written in the sheet, for messages. */
export const RESTRICTION_FORMS: Record<RestrictionKind, string> = {
  SingleChannel: "SingleChannel: Letter",
  NamedOfficer: "NamedOfficer: jo.bloggs@council.gov.uk (Jo Bloggs), deputy ann.lee@council.gov.uk",
  CallSlots: "CallSlots: Tue 10:00-12:00, Thu 14:00-16:00",
  CallLength: "CallLength: 15 minutes",
  ContactQuota: "ContactQuota: 2 per week by letter",
  Witness: "Witness",
  NoSameMatter: "NoSameMatter: HOU-1001, HOU-1002",
  NewIssuesOnly: "NewIssuesOnly",
  SeriousOnly: "SeriousOnly",
  PremisesAccess: "PremisesAccess: Civic Centre by appointment",
  FiledWithoutReply: "FiledWithoutReply",
  NoContact: "NoContact",
  BlockElectronic: "BlockElectronic (or BlockElectronic: including phone)",
};

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const DAY_ALIASES: Record<string, (typeof WEEKDAYS)[number]> = Object.fromEntries(
  ["mon", "tue", "wed", "thu", "fri", "sat", "sun"].flatMap((d, i) => [
    [d, WEEKDAYS[i]],
    [["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"][i], WEEKDAYS[i]],
    [["mon", "tues", "weds", "thur", "fri", "sat", "sun"][i], WEEKDAYS[i]],
    [["mon", "tue", "wed", "thurs", "fri", "sat", "sun"][i], WEEKDAYS[i]],
  ]),
);

function hhmm(s: string): string | undefined {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(s.trim());
  if (!m) return undefined;
  return `${m[1].padStart(2, "0")}:${m[2] ?? "00"}`;
}

/** The parameters of one restriction from "Kind: arguments"; the result is checked against the domain's schema. */
function restrictionParams(kind: RestrictionKind, args: string): Read<RestrictionParams> | Read<unknown> {
  const a = args.trim();
  switch (kind) {
    case "SingleChannel": {
      const channel = readAllowedChannel(a);
      return channel ? ok({ kind, channel }) : no(`name the one channel allowed (${ALLOWED_CHANNELS.join(", ")})`);
    }
    case "NamedOfficer": {
      const m = /^(inbox\s+)?([^\s(,]+)\s*(?:\(([^)]*)\))?\s*(?:,\s*deputy\s+([^\s,]+))?$/i.exec(a);
      if (!m || !EMAIL.test(m[2])) return no("give the officer's work e-mail and name, e.g. jo.bloggs@council.gov.uk (Jo Bloggs)");
      const name = (m[3] ?? "").trim() || m[2];
      const target = m[1] ? { kind: "Inbox" as const, address: m[2], name } : { kind: "Person" as const, upn: m[2], name };
      return ok({ kind, target, ...(m[4] ? { deputyUpn: m[4] } : {}) });
    }
    case "CallSlots": {
      const slots = readList(a, /,|\n/).map((s) => {
        const m = /^([a-z]+)\s+(\S+)\s*(?:-|–|to)\s*(\S+)$/i.exec(s);
        const day = m ? DAY_ALIASES[m[1].toLowerCase()] : undefined;
        return m && day ? { day, from: hhmm(m[2]), to: hhmm(m[3]) } : null;
      });
      if (!slots.length || slots.some((s) => !s || !s.from || !s.to)) return no("give each slot as a day and times, e.g. Tue 10:00-12:00, Thu 14:00-16:00");
      return ok({ kind, slots });
    }
    case "CallLength": {
      const m = /^(\d+)\s*(?:min(?:ute)?s?)?$/i.exec(a);
      return m ? ok({ kind, maxMinutes: Number(m[1]) }) : no("give the most minutes a call may last, e.g. 15 minutes");
    }
    case "ContactQuota": {
      const m = /^(\d+)\s*(?:contacts?\s*)?(?:per|a|an|each)\s+(week|month)(?:\s+by\s+(.+))?$/i.exec(a);
      if (!m) return no("give it as a number per week or per month, optionally with the form, e.g. 2 per week by letter");
      const channel = m[3] ? readChannel(m[3]) : null;
      if (m[3] && !channel) return no(`"${m[3]}" is not a channel (${CONTACT_CHANNELS.join(", ")})`);
      return ok({ kind, max: Number(m[1]), per: m[2].toLowerCase() === "week" ? "Week" : "Month", channel: channel ?? null });
    }
    case "NoSameMatter": {
      const matterRefs = readList(a, /,|\n/);
      return matterRefs.length ? ok({ kind, matterRefs }) : no("list the matter references, e.g. HOU-1001, HOU-1002");
    }
    case "PremisesAccess": {
      const m = /^(.*?)(\s+by appointment)?$/i.exec(a)!;
      return m[1].trim() ? ok({ kind, premises: m[1].trim(), ...(m[2] ? { byAppointment: true } : {}) }) : no("name the premises, e.g. Civic Centre (add 'by appointment' if visits by appointment are allowed)");
    }
    case "BlockElectronic":
      if (!a) return ok({ kind, includePhone: false });
      return /^(including|incl\.?|and|with)\s+(phone|telephone|calls)$/i.test(a) ? ok({ kind, includePhone: true }) : no('write "including phone" or nothing after it');
    default:
      return a ? no("takes nothing after its name") : ok({ kind });
  }
}

/** "SingleChannel: Letter; ContactQuota: 2 per week by letter" → typed parameters, or what is wrong with each item. */
export function readRestrictions(raw: string): { value: RestrictionParams[]; errors: string[] } {
  const value: RestrictionParams[] = [];
  const errors: string[] = [];
  for (const item of readList(raw, /[;\n]/)) {
    const m = /^([A-Za-z][A-Za-z _-]*?)\s*(?::\s*([\s\S]*))?$/.exec(item);
    const kind = m ? restrictionKind(m[1]) : undefined;
    if (!kind) {
      errors.push(`"${item}" is not a restriction the product knows (${RESTRICTION_KINDS.join(", ")}).`);
      continue;
    }
    const read = restrictionParams(kind, m![2] ?? "");
    if (!read.ok) {
      errors.push(`"${item}": ${read.error}, as in "${RESTRICTION_FORMS[kind]}".`);
      continue;
    }
    const checked = restrictionParamsSchema.safeParse(read.value);
    if (!checked.success) {
      errors.push(`"${item}": ${checked.error.issues[0]?.message ?? "is not valid"}, as in "${RESTRICTION_FORMS[kind]}".`);
      continue;
    }
    value.push(checked.data);
  }
  return { value, errors };
}
