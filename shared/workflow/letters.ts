// Letters: sent only when complete, withheld only where the policy allows and with the reason recorded.
import type { TransitionContext } from "./machine";
import { LETTER_ELEMENT_LABELS, listInWords, missingElements } from "../letters/elements";
import type { Preset } from "../presets/schema";
import type { WorkflowEvent } from "./events";
import { firstProblem, mayAct } from "./guards";
import { participantsProblem } from "./offices";
import { refused, type Transition } from "./result";
import type { Actor, CaseFile } from "./state";

type Ctx = TransitionContext;
type Of<T extends WorkflowEvent["type"]> = Extract<WorkflowEvent, { type: T }>;

const WRITERS = { roles: ["Manager" as const, "Decider" as const, "Reviewer" as const], title: "a manager, decider or reviewer" };

export function letterSent(file: CaseFile, e: Of<"LetterSent">, { preset, actor, now }: Ctx): Transition {
  const missing = missingElements(preset, e.kind, e.elements);
  const unknown = e.elements.filter((x) => !(x in LETTER_ELEMENT_LABELS));
  const problem = firstProblem(
    mayAct(preset, WRITERS, actor, "send a letter"),
    unknown.length ? `Unknown letter elements: ${unknown.join(", ")}.` : null,
    missing.length ? `The ${e.kind.toLowerCase()} letter is not complete. ${preset.organisation}'s policy requires it to include ${listInWords(missing)}.` : null,
  );
  if (problem) return refused(problem);
  const letters = [...file.letters, { kind: e.kind, at: now.toISOString(), by: actor.upn, elements: [...e.elements], withheldReason: null }];
  return { ok: true, file: { ...file, letters, lettersOwed: without(file.lettersOwed, e.kind) }, effects: [] };
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
