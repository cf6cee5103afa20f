// Contacts per week by channel, and the quotas to draw over them, for the case page's chart. Pure.
import type { Contact, Restriction } from "../../../shared/domain/records";
import { CONTACT_CHANNELS, type ContactChannel } from "../../../shared/domain/vocab";
import { countsTowardQuota } from "../../../shared/restrictions/quota";
import { describeRestriction, isInForce } from "../../../shared/restrictions";
import { addLondonDays, formatLondonDate, londonParts, MONTH_NAMES, startOfLondonMonth, startOfLondonWeek } from "../../../shared/time/london";

export interface WeekBucket {
  start: string;
  label: string;
  byChannel: Record<ContactChannel, number>;
  total: number;
}

export interface QuotaLine {
  label: string;
  per: "Week" | "Month";
  max: number;
  /** Monthly quotas: the contacts that counted toward it in each month shown (month start ISO → count). */
  months: { start: string; label: string; count: number; firstWeek: number; lastWeek: number }[];
  /** The first week the quota applied in (index into the weeks). */
  fromWeek: number;
}

export interface WeeklyChart {
  weeks: WeekBucket[];
  channels: ContactChannel[];
  quotas: QuotaLine[];
  max: number;
}

const empty = () => Object.fromEntries(CONTACT_CHANNELS.map((c) => [c, 0])) as Record<ContactChannel, number>;

/** The last `count` London weeks (Monday to Sunday), oldest first, ending with the week containing `now`. */
export function weeklyContacts(contacts: Pick<Contact, "contactAt" | "channel" | "direction">[], restrictions: Restriction[], now: Date, count = 13): WeeklyChart {
  const thisWeek = startOfLondonWeek(now);
  const starts = Array.from({ length: count }, (_, i) => addLondonDays(thisWeek, -7 * (count - 1 - i)));
  const weeks: WeekBucket[] = starts.map((s) => ({ start: s.toISOString(), label: short(s), byChannel: empty(), total: 0 }));
  const first = starts[0].getTime();
  const end = addLondonDays(thisWeek, 7).getTime();
  const indexOf = (t: number) => {
    if (t < first || t >= end) return -1;
    let i = starts.length - 1;
    while (i > 0 && starts[i].getTime() > t) i--;
    return i;
  };
  for (const c of contacts) {
    const i = indexOf(Date.parse(c.contactAt));
    if (i < 0) continue;
    weeks[i].byChannel[c.channel] += 1;
    weeks[i].total += 1;
  }
  const channels = CONTACT_CHANNELS.filter((ch) => weeks.some((w) => w.byChannel[ch] > 0));
  const quotas: QuotaLine[] = [];
  for (const r of restrictions) {
    if (r.params.kind !== "ContactQuota" || !isInForce(r, now)) continue;
    const params = r.params;
    const fromWeek = Math.max(0, indexOf(Math.max(first, Date.parse(r.startsAt))));
    const months: QuotaLine["months"] = [];
    if (params.per === "Month") {
      for (let i = 0; i < weeks.length; i++) {
        const m = startOfLondonMonth(starts[i]).toISOString();
        let entry = months.find((x) => x.start === m);
        if (!entry) {
          const p = londonParts(new Date(m));
          entry = { start: m, label: `${MONTH_NAMES[p.month - 1]} ${p.year}`, count: 0, firstWeek: i, lastWeek: i };
          months.push(entry);
        }
        entry.lastWeek = i;
      }
      for (const c of contacts) {
        const t = Date.parse(c.contactAt);
        if (t < Date.parse(r.startsAt) || !countsTowardQuota(params, c.channel, c.direction)) continue;
        const m = startOfLondonMonth(new Date(t)).toISOString();
        const entry = months.find((x) => x.start === m);
        if (entry) entry.count += 1;
      }
    }
    quotas.push({ label: `Limit: ${describeRestriction(params)}`, per: params.per, max: params.max, months, fromWeek });
  }
  const max = Math.max(1, ...weeks.map((w) => w.total), ...quotas.map((q) => q.max), ...quotas.flatMap((q) => q.months.map((m) => m.count)));
  return { weeks, channels, quotas, max };
}

function short(d: Date): string {
  const p = londonParts(d);
  return `${p.day} ${MONTH_NAMES[p.month - 1].slice(0, 3)}`;
}

export function weekTitle(w: WeekBucket): string {
  return `Week of ${formatLondonDate(new Date(w.start))}`;
}
