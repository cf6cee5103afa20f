// Which restrictions apply at a moment: Active ones inside their StartsAt ≤ at < EndsAt window.
import type { Restriction } from "../domain/records";

/**
 * Lifted and Expired restrictions never apply, whatever their dates; an Active one applies from StartsAt up to but
 * not including EndsAt, so a restriction ending at midnight does not apply to a contact at midnight.
 */
export function isInForce(r: Restriction, at: Date): boolean {
  if (r.state !== "Active") return false;
  const t = at.getTime();
  // An unreadable date never switches a restriction off: wrongly applying one is safer than silently dropping it.
  const starts = Date.parse(r.startsAt);
  if (Number.isFinite(starts) && t < starts) return false;
  if (r.endsAt) {
    const ends = Date.parse(r.endsAt);
    if (Number.isFinite(ends) && t >= ends) return false;
  }
  return true;
}

export function inForce(restrictions: readonly Restriction[], at: Date): Restriction[] {
  return restrictions.filter((r) => isInForce(r, at));
}

/** Active restrictions whose review date has passed still apply (only a decision lifts them), but staff should know. */
export function isReviewOverdue(r: Restriction, at: Date): boolean {
  if (!r.reviewDue) return false;
  const due = Date.parse(r.reviewDue);
  return Number.isFinite(due) && at.getTime() >= due;
}
