// Independence: no one hears an appeal (or, where the policy says reviews are independent, carries out a review) on a
// chain of decisions they took part in: the original decision, every variation, extension and review since.
import type { Check } from "./guards";
import type { Actor, CaseFile } from "./state";

/**
 * Everyone who took part in a decision in the chain now in force. A chain starts at the referral that led to it; a
 * record with no referral (an imported one) is one chain from its start.
 */
export function chainParticipants(file: CaseFile): Set<string> {
  const from = file.referral ? new Date(file.referral.at).getTime() : -Infinity;
  const people = new Set<string>();
  const add = (u: string | null | undefined) => u && people.add(u.trim().toLowerCase());
  for (const d of file.decisions) {
    if (new Date(d.at).getTime() < from) continue;
    add(d.by);
    d.participants.forEach(add);
  }
  for (const r of file.reviews) {
    if (r.outcome === null || !r.decidedAt || new Date(r.decidedAt).getTime() < from) continue;
    add(r.by);
    r.participants?.forEach(add);
  }
  return people;
}

export function independenceProblem(file: CaseFile, actor: Actor, doing: "review" | "appeal"): Check {
  if (!chainParticipants(file).has(actor.upn.toLowerCase())) return null;
  return doing === "appeal"
    ? "You took part in the decision under appeal, or in a decision on it since (a variation, an extension or a review), so you cannot hear the appeal: it must go to someone independent of all of them."
    : "You took part in the decision being reviewed, or in a decision on it since (a variation, an extension or an earlier review), so you cannot carry out the review: it must go to someone independent of all of them.";
}
