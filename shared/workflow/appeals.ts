// Appeals: lodged within the policy's window, decided by someone independent of the decision, by the deadline.
import type { TransitionContext } from "./machine";
import { formatLondonDate } from "../time/london";
import { dueAfterDays, withinWindow } from "./deadlines";
import type { WorkflowEvent } from "./events";
import { buildRestrictions, close, owe } from "./follow-ups";
import { firstProblem, mayAct, needsReasons, needsSetting } from "./guards";
import { independenceProblem } from "./independence";
import { participantsProblem, takingPart } from "./offices";
import { refused, type Effect, type Transition } from "./result";
import type { CaseFile, ReviewRecord } from "./state";
import { lastDecision, openAppeal } from "./state";

type Ctx = TransitionContext;
type Of<T extends WorkflowEvent["type"]> = Extract<WorkflowEvent, { type: T }>;

const ANYONE = { roles: ["Staff" as const, "Manager" as const, "Decider" as const, "Reviewer" as const, "Admin" as const], title: "a member of staff" };

export function appealLodged(file: CaseFile, e: Of<"AppealLodged">, ctx: Ctx): Transition {
  const { preset, actor, now } = ctx;
  const a = preset.appeal;
  const decision = lastDecision(file, ["Restrict", "Extend"]);
  const received = new Date(e.receivedAt);
  const basic = firstProblem(
    mayAct(preset, ANYONE, actor, "record an appeal"),
    file.status === "Restricted" && decision ? null : "An appeal is against restrictions in force; this customer has none.",
    openAppeal(file) ? "An appeal is already open for this decision." : null,
    needsSetting(preset, a.available.value, "whether decisions can be appealed"),
    a.available.value === false ? `${preset.organisation}'s policy offers no appeal against this decision; a complaint can still be made through the complaints procedure.` : null,
    needsSetting(preset, a.windowDays.value, "how long the customer has to appeal"),
    needsSetting(preset, a.decisionDays.value, "how quickly an appeal must be decided"),
    Number.isNaN(received.getTime()) ? "Give the date the appeal was received." : null,
    received.getTime() > now.getTime() ? "The date received cannot be in the future." : null,
    a.inWriting && !e.inWriting ? "This policy requires an appeal to be made in writing, setting out the reasons. Ask the customer to put it in writing." : null,
  );
  if (basic) return refused(basic);
  const from = new Date(decision!.at);
  // A logged appeal was in time when it was recorded: a window the organisation sets differently later does not undo it.
  if (!ctx.replaying && !withinWindow(from, a.windowDays.value as number, received)) {
    const last = dueAfterDays(from, a.windowDays.value as number);
    return refused(`The appeal is out of time: it had to be received within ${a.windowDays.value} days of the decision, by ${formatLondonDate(last)}, and it was received on ${formatLondonDate(received)}.`);
  }
  const dueBy = dueAfterDays(received, a.decisionDays.value as number).toISOString();
  const appeal: ReviewRecord = { kind: "Appeal", openedAt: now.toISOString(), receivedAt: received.toISOString(), dueBy, outcome: null, by: null, decidedAt: null, reasons: e.grounds.trim() || null };
  return { ok: true, file: { ...file, reviews: [...file.reviews, appeal] }, effects: [{ type: "OpenReview", kind: "Appeal", dueBy }] };
}

export function appealDecided(file: CaseFile, e: Of<"AppealDecided">, ctx: Ctx): Transition {
  const { preset, actor, now } = ctx;
  const appeal = openAppeal(file);
  const hearer = preset.appeal.actor;
  const problem = firstProblem(
    appeal ? null : "There is no open appeal.",
    needsSetting(preset, hearer, "who hears appeals"),
    hearer ? mayAct(preset, hearer, actor, "decide an appeal", ctx.offices) : null,
    hearer ? participantsProblem(preset, hearer, actor, e.participants, ctx.offices) : null,
    independenceProblem(file, actor, "appeal"),
    needsReasons(e.reasons, "the appeal decision"),
  );
  if (problem) return refused(problem);
  const late = now.getTime() > new Date(appeal!.dueBy).getTime();
  const reviews = file.reviews.map((r) => (r === appeal ? { ...r, outcome: e.outcome, by: actor.upn, decidedAt: now.toISOString(), reasons: e.reasons.trim(), late, participants: takingPart(actor, e.participants) } : r));
  const effects: Effect[] = late ? [{ type: "Note", message: `Decided after the deadline of ${formatLondonDate(new Date(appeal!.dueBy))}.` }] : [];
  let next: CaseFile = { ...file, reviews };
  if (e.outcome === "Removed") {
    next = close(preset, next, now, "Lifted");
    effects.push({ type: "StatusChanged", from: "Restricted", to: "Closed" });
  } else if (e.outcome === "Varied") {
    const built = buildRestrictions(preset, e.restrictions, now, ctx);
    if (!built.ok) return refused(built.reason);
    // A varied restriction keeps the original review date: the appeal covers the restriction, not the review cycle.
    next = { ...next, restrictions: [...next.restrictions.map((r) => (r.state === "Active" ? { ...r, state: "Lifted" as const } : r)), ...built.terms] };
  }
  const letters = owe(preset, next, ["AppealOutcome"]);
  return { ok: true, file: { ...next, lettersOwed: letters.owed }, effects: [...effects, ...letters.effects] };
}
