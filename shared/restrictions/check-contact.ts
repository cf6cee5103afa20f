// The verdict on one proposed contact against a customer's restrictions, with emergencies and statutory requests routed.
import { formatLondonDate } from "../time/london";
import { describeRestriction } from "./describe";
import { inForce, isReviewOverdue } from "./in-force";
import { checkKind } from "./kind-checks";
import { routeFor } from "./routing";
import type { Breach, ContactCheck, ContactCheckInput } from "./types";
import { joinWords } from "./wording";

/**
 * Whether a contact may go ahead, and every restriction it breaches (all of them, so staff see the whole picture at
 * once). Only Active restrictions with StartsAt ≤ at < EndsAt apply. An emergency or an FOI, EIR or subject access
 * request is always allowed and routed, whatever is in force.
 */
export function checkContact(input: ContactCheckInput): ContactCheck {
  const { proposed } = input;
  const applying = inForce(input.restrictions, proposed.at);

  if (proposed.purpose) {
    const notes = applying.length
      ? [`Set aside for this contact: ${joinWords(applying.map((r) => describeRestriction(r)))}. Log it as usual.`]
      : [];
    return { allowed: true, breaches: [], routed: routeFor(proposed.purpose), notes };
  }

  const breaches: Breach[] = [];
  const notes = new Set<string>();
  for (const r of applying) {
    const result = checkKind(r, input);
    if (result.breach) breaches.push({ restrictionId: r.id, kind: r.params.kind, message: result.breach });
    for (const note of result.notes ?? []) notes.add(note);
    if (isReviewOverdue(r, proposed.at) && r.reviewDue) {
      notes.add(
        `${describeRestriction(r)} was due for review on ${formatLondonDate(new Date(r.reviewDue))}: it still applies until a decision is recorded; tell a manager.`,
      );
    }
  }
  return { allowed: breaches.length === 0, breaches, notes: [...notes] };
}
