// Independence: no one reviews or hears an appeal on a decision they took part in.
import type { Check } from "./guards";
import type { Actor, DecisionRecord } from "./state";

export function independenceProblem(decision: DecisionRecord | undefined, actor: Actor, doing: "review" | "appeal"): Check {
  if (!decision) return null;
  if (!decision.participants.includes(actor.upn.toLowerCase()) && decision.by !== actor.upn) return null;
  return doing === "appeal"
    ? "You took part in the decision under appeal, so you cannot hear the appeal: it must go to someone independent of it."
    : "You took part in the decision being reviewed, so you cannot carry out the review: it must go to someone independent of it.";
}
