// Periods as the policy states them: the length a decision gives, a shorter one where the text allows it (with a
// reason), a review period adjusted for one customer where the text allows it, and the words used for each.
import type { Period, Preset } from "../presets/schema";
import { dueAfterPeriod } from "./deadlines";
import type { Check } from "./guards";

/** "3 months", "1 month", "28 days". */
export function periodWords(p: Period): string {
  const unit = p.unit === "months" ? "month" : "day";
  return `${p.count} ${unit}${p.count === 1 ? "" : "s"}`;
}

/** What a decider may ask for: a length in months or days, and why it differs from the policy's. */
export interface PeriodAsked {
  months?: number;
  days?: number;
  reason?: string;
}

const whole = (n: unknown, max: number) => typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= max;

/**
 * The monitoring period for a decision: the policy's own, or a shorter one with a reason where the text allows "or
 * less". Longer is refused, so is shorter without a reason, and so is any other length where the text allows none.
 */
export function monitoringPeriodFor(preset: Preset, asked: PeriodAsked | undefined, from: Date): { period: Period; reason: string | null } | { problem: Check } {
  const own = preset.monitoringPeriod.value as Period;
  if (!asked) return { period: own, reason: null };
  const hasMonths = asked.months !== undefined;
  const hasDays = asked.days !== undefined;
  if (hasMonths === hasDays) return { problem: "Give the monitoring period either in months or in days." };
  if (hasMonths && !whole(asked.months, 24)) return { problem: "The monitoring period must be a whole number of months from 1 to 24." };
  if (hasDays && !whole(asked.days, 730)) return { problem: "The monitoring period must be a whole number of days from 1 to 730." };
  const period: Period = hasMonths ? { unit: "months", count: asked.months as number } : { unit: "days", count: asked.days as number };
  const ends = dueAfterPeriod(from, period).getTime();
  const policyEnds = dueAfterPeriod(from, own).getTime();
  if (ends === policyEnds) return { period, reason: asked.reason?.trim() || null };
  const orLess = preset.monitoringPeriod.orLess?.value === true;
  if (!orLess) return { problem: `${preset.organisation}'s policy sets monitoring at ${periodWords(own)}; it does not allow a different period.` };
  if (ends > policyEnds) return { problem: `${preset.organisation}'s policy allows monitoring for ${periodWords(own)} or less, not longer: ${periodWords(period)} is more than that.` };
  const reason = asked.reason?.trim() ?? "";
  if (reason.length < 3) return { problem: `Give the reason monitoring is shorter than the policy's ${periodWords(own)}: it is recorded and shown in the letter.` };
  return { period, reason };
}

/** A review period set for one customer: only where the text allows it, in whole months, with the reason. */
export function reviewMonthsFor(preset: Preset, asked: { months: number; reason: string } | undefined): { months: number | null; reason: string | null } | { problem: Check } {
  if (!asked) return { months: null, reason: null };
  if (preset.reviewAdjustable?.value !== true) {
    return { problem: `${preset.organisation}'s policy does not allow the review period to be set differently for one customer.` };
  }
  if (!whole(asked.months, 60)) return { problem: "The review period must be a whole number of months from 1 to 60." };
  const reason = (asked.reason ?? "").trim();
  if (reason.length < 3) return { problem: "Give the reason the review period is adjusted for this customer (for example their personal circumstances, or the risk to them)." };
  return { months: asked.months, reason };
}
