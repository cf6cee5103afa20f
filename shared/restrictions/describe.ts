// One line of plain words per restriction, as staff see it in the task pane and as UpcRestrictions.Title.
import type { Restriction } from "../domain/records";
import type { RestrictionParams } from "../domain/restriction-params";
import { moduleFor } from "./kinds";

export { describeMatters, describeUntil } from "./wording";

function isRestriction(r: Restriction | RestrictionParams): r is Restriction {
  return "params" in r;
}

/** Plain words for staff, e.g. "Letters only" or "At most 2 contacts a week, by letter". */
export function describeRestriction(r: Restriction | RestrictionParams): string {
  const params = isRestriction(r) ? r.params : r;
  return moduleFor(params).describe(params, isRestriction(r) ? r : undefined);
}
