// Letters: sent only when complete, withheld only where the policy allows and with the reason recorded.
import type { TransitionContext } from "./machine";
import { LETTER_ELEMENT_LABELS, listInWords, missingElements } from "../letters/elements";
import { formatLondonDate, londonMidnight } from "../time/london";
import { dueAfterPeriod } from "./deadlines";
import type { WorkflowEvent } from "./events";
import { firstProblem, mayAct } from "./guards";
import { participantsProblem } from "./offices";
import { refused, type Effect, type Transition } from "./result";
import type { CaseFile, ReviewRecord } from "./state";

type Ctx = TransitionContext;
type Of<T extends WorkflowEvent["type"]> = Extract<WorkflowEvent, { type: T }>;

const WRITERS = { roles: ["Manager" as const, "Decider" as const, "Reviewer" as const], title: "a manager, decider or reviewer" };

export function letterSent(file: CaseFile, e: Of<"LetterSent">, { preset, actor, now, replaying }: Ctx): Transition {
  const missing = missingElements(preset, e.kind, e.elements);
  const unknown = e.elements.filter((x) => !(x in LETTER_ELEMENT_LABELS));
  const problem = firstProblem(
    mayAct(preset, WRITERS, actor, "send a letter"),
    unknown.length ? `Unknown letter elements: ${unknown.join(", ")}.` : null,
    missing.length ? `The ${e.kind.toLowerCase()} letter is not complete. ${preset.organisation}'s policy requires it to include ${listInWords(missing)}.` : null,
  );
  if (problem) return refused(problem);
  const letters = [...file.letters, { kind: e.kind, at: now.toISOString(), by: actor.upn, elements: [...e.elements], withheldReason: null }];
  const sent: CaseFile = { ...file, letters, lettersOwed: without(file.lettersOwed, e.kind) };
  const m = file.monitoring;
  if (e.kind !== "Monitoring" || file.status !== "Monitoring" || !m || m.startsAt || m.outcome !== null) return { ok: true, file: sent, effects: [] };
  return startMonitoringOnReceipt(sent, e, now, replaying === true);
}

/**
 * Where the policy runs monitoring from the customer's receipt of the letter (council-ccm-2014 §6: "Once the letter
 * has been received"), the letter fixes the dates: an e-mail is received when sent; by post, the officer gives the day
 * it is taken as received. The judgement of the period's end is opened then.
 */
function startMonitoringOnReceipt(file: CaseFile, e: Of<"LetterSent">, now: Date, replaying: boolean): Transition {
  const m = file.monitoring!;
  const c = e.content;
  let start = now;
  if (c?.channel === "Letter") {
    // A letter logged before the day of receipt was asked for is taken as received the day it was posted.
    const on = c.receivedOn ?? (replaying ? c.postedOn : undefined);
    const parts = on && /^\d{4}-\d{2}-\d{2}$/.test(on) ? on.split("-").map(Number) : null;
    if (!parts) return refused("Give the day the posted monitoring letter is taken as received: monitoring runs from then.");
    if (c.postedOn && on! < c.postedOn) return refused(`The letter cannot be received on ${on}, before it was posted on ${c.postedOn}.`);
    start = londonMidnight(parts[0], parts[1], parts[2]);
  }
  if (!m.period) return refused("The length of this monitoring period is not recorded; an administrator must look at this case.");
  const endsAt = dueAfterPeriod(start, m.period).toISOString();
  const review: ReviewRecord = { kind: "MonitoringEnd", openedAt: now.toISOString(), dueBy: endsAt, outcome: null, by: null, decidedAt: null, reasons: null };
  const effects: Effect[] = [
    { type: "OpenReview", kind: "MonitoringEnd", dueBy: endsAt },
    { type: "Note", message: `Monitoring runs from ${formatLondonDate(start)}, when the letter is received, until ${formatLondonDate(new Date(endsAt))}.` },
  ];
  return { ok: true, file: { ...file, monitoring: { ...m, startsAt: start.toISOString(), endsAt }, reviews: [...file.reviews, review] }, effects };
}

export function letterWithheld(file: CaseFile, e: Of<"LetterWithheld">, { preset, actor, now, offices }: Ctx): Transition {
  const allowed = preset.noLetter?.kinds.includes(e.kind) ?? false;
  // Where the text says who decides a letter is withheld (and whom they consult), that office decides.
  const who = preset.noLetter?.actor ?? WRITERS;
  const problem = firstProblem(
    allowed ? null : `${preset.organisation}'s policy does not allow the ${e.kind.toLowerCase()} letter to be withheld: it must be sent.`,
    mayAct(preset, who, actor, "decide not to send a letter", offices),
    participantsProblem(preset, who, actor, e.participants, offices),
    e.reason.trim().length >= 3 ? null : "Record why no letter is being sent.",
  );
  if (problem) return refused(problem);
  const letters = [...file.letters, { kind: e.kind, at: now.toISOString(), by: actor.upn, elements: [], withheldReason: e.reason.trim() }];
  return { ok: true, file: { ...file, letters, lettersOwed: without(file.lettersOwed, e.kind) }, effects: [] };
}

export function inviteExtensionComment(file: CaseFile, _e: Of<"InviteExtensionComment">, { preset, actor, now }: Ctx): Transition {
  const rule = preset.decisions.find((d) => d.outcome === "Extend");
  if (!rule) return refused(`${preset.organisation}'s policy does not provide for extending restrictions.`);
  const problem = firstProblem(
    mayAct(preset, rule.actor, actor, "propose an extension"),
    file.status === "Restricted" ? null : "Only restrictions in force can be extended.",
  );
  if (problem) return refused(problem);
  return { ok: true, file: { ...file, extensionCommentInvitedAt: now.toISOString() }, effects: [{ type: "Note", message: "The customer has been invited to comment on the proposed extension." }] };
}

function without<T>(list: T[], item: T): T[] {
  const i = list.indexOf(item);
  return i < 0 ? list : [...list.slice(0, i), ...list.slice(i + 1)];
}
