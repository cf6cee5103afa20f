// Contact quotas: which contacts count, the London week or month they fall in, and how much is used.
import type { Restriction } from "../domain/records";
import type { ContactChannel } from "../domain/vocab";
import { addLondonDays, startOfLondonMonth, startOfLondonWeek, startOfNextLondonMonth } from "../time/london";
import { inForce } from "./in-force";
import type { HistoryContact, ParamsOf } from "./types";

type QuotaParams = ParamsOf<"ContactQuota">;

export interface QuotaPeriod {
  start: Date;
  end: Date;
}

export interface QuotaUsage {
  restrictionId?: string;
  used: number;
  max: number;
  per: QuotaParams["per"];
  /** The forms that count; empty when every form does. */
  channels: ContactChannel[];
  periodStart: Date;
  /** Exclusive: the first instant of the next week or month. */
  periodEnd: Date;
  /** "2 of 3 this week", or "4 this week: 1 over the limit of 3" (never "4 of 3") */
  label: string;
}

/** A week runs Monday 00:00 to the next Monday 00:00 London time; a month from the 1st at 00:00 London time. */
export function quotaPeriod(per: QuotaParams["per"], at: Date): QuotaPeriod {
  if (per === "Week") {
    const start = startOfLondonWeek(at);
    return { start, end: addLondonDays(start, 7) };
  }
  return { start: startOfLondonMonth(at), end: startOfNextLondonMonth(at) };
}

/** The forms a quota counts, from `channels` or, on rows written before it, the one `channel` (null: any). Empty: every form. */
export function quotaChannels(params: Pick<QuotaParams, "channels" | "channel">): ContactChannel[] {
  if (params.channels) return [...params.channels];
  return params.channel ? [params.channel] : [];
}

/**
 * Only the customer's own contacts (In) use the allowance: our replies are not theirs to ration. When the quota
 * names forms, only contacts in those forms count (cumbria-fire-2023 §2.2: "the number of telephone calls that will
 * be taken"); a contact in another form is none of this quota's business.
 */
export function countsTowardQuota(params: QuotaParams, channel: ContactChannel, direction: "In" | "Out"): boolean {
  const channels = quotaChannels(params);
  return direction === "In" && (channels.length === 0 || channels.includes(channel));
}

/**
 * Logged contacts that count within [from, to). Contacts before the restriction started are left out, since the
 * limit did not apply to them.
 */
export function countQuotaContacts(
  r: Pick<Restriction, "startsAt">,
  params: QuotaParams,
  history: readonly HistoryContact[],
  from: Date,
  to: Date,
): number {
  const starts = Date.parse(r.startsAt);
  const lower = Number.isFinite(starts) ? Math.max(from.getTime(), starts) : from.getTime();
  const upper = to.getTime();
  let n = 0;
  for (const c of history) {
    const t = Date.parse(c.contactAt);
    if (Number.isFinite(t) && t >= lower && t < upper && countsTowardQuota(params, c.channel, c.direction)) n++;
  }
  return n;
}

/** Each quota in force now, with how much of this week's or month's allowance the customer has used. */
export function quotaUsage(
  restrictions: readonly Restriction[],
  history: readonly HistoryContact[],
  now: Date,
): QuotaUsage[] {
  const usage: QuotaUsage[] = [];
  for (const r of inForce(restrictions, now)) {
    const params = r.params;
    if (params.kind !== "ContactQuota") continue;
    const { start, end } = quotaPeriod(params.per, now);
    const used = countQuotaContacts(r, params, history, start, end);
    usage.push({
      restrictionId: r.id,
      used,
      max: params.max,
      per: params.per,
      channels: quotaChannels(params),
      periodStart: start,
      periodEnd: end,
      label: quotaLabel(used, params.max, params.per === "Week" ? "week" : "month"),
    });
  }
  return usage;
}

/** How much of a quota is used, in words that never read "3 of 2". */
export function quotaLabel(used: number, max: number, period: "week" | "month"): string {
  if (used <= max) return `${used} of ${max} this ${period}`;
  return `${used} this ${period}: ${used - max} over the limit of ${max}`;
}
