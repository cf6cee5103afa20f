// Taking a workflow step from the tab: the step goes to the case service, which judges it by the policy, records it
// and answers. A refusal comes back in the policy's words; a failure as a DataError with a Retry that resends the same
// step under the same key, so it is never recorded twice.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { newIdempotencyKey, type StepAnswer, type StepRefusal } from "../../../graph/case-service/client";
import { toDataError } from "../../../graph/client/errors";
import type { StepEvent } from "../../../shared/register";
import type { Effect } from "../../../shared/workflow";
import { formatLondonDate } from "../../../shared/time/london";
import { changedByStep } from "./query-keys";
import { useServices } from "./services";

export interface StepState {
  busy: boolean;
  refusal: string | null;
  error: unknown;
  run(event: StepEvent): Promise<Effect[] | null>;
  /** Sends the last step again, under its key (after a failure). */
  retry(): void;
  clear(): void;
}

interface Sent {
  event: StepEvent;
  key: string;
}

export function useStep(customerId: string, onDone: (effects: Effect[]) => void): StepState {
  const { cases } = useServices();
  const queries = useQueryClient();
  const step = useMutation<StepAnswer | StepRefusal, unknown, Sent>({
    // A failure is put in officers' words once, here, so every render shows the same error.
    mutationFn: ({ event, key }) => cases.step(customerId, event, key).catch((e: unknown) => Promise.reject(toDataError(e))),
    onSuccess: (r) => {
      if (!r.ok) return;
      // Not awaited: the person sees what the step did at once, and the page says "Refreshing…" while the lists reload.
      for (const queryKey of changedByStep(customerId)) void queries.invalidateQueries({ queryKey });
      onDone(r.effects);
    },
  });
  const { mutateAsync, reset, variables } = step;
  const send = useCallback((sent: Sent) => mutateAsync(sent).then((r) => (r.ok ? r.effects : null), () => null), [mutateAsync]);
  const run = useCallback((event: StepEvent) => send({ event, key: newIdempotencyKey() }), [send]);
  const retry = useCallback(() => {
    if (variables) void send(variables);
  }, [variables, send]);
  const refusal = step.data && !step.data.ok && !step.isPending ? step.data.reason : null;
  return { busy: step.isPending, refusal, error: step.error ?? undefined, run, retry, clear: reset };
}

const LETTER_WORDS: Record<string, string> = {
  Warning: "warning letter",
  Monitoring: "monitoring letter",
  Restriction: "decision letter",
  Extension: "extension letter",
  Lifted: "letter saying the arrangements have ended",
  ReviewOutcome: "review outcome letter",
  AppealOutcome: "appeal outcome letter",
  ThankYou: "thank-you letter",
  StaffNotice: "staff notice",
};

export function letterWords(kind: string): string {
  return LETTER_WORDS[kind] ?? `${kind} letter`;
}

/** What a step set in motion, in sentences for the person who took it. */
export function effectsInWords(effects: Effect[]): string[] {
  const out: string[] = [];
  for (const e of effects) {
    if (e.type === "StatusChanged") out.push(`Status is now ${e.to}.`);
    else if (e.type === "OpenReview") out.push(`${e.kind === "Appeal" ? "The appeal must be decided" : e.kind === "MonitoringEnd" ? "Monitoring ends" : "The next review is due"} by ${formatLondonDate(new Date(e.dueBy))}.`);
    else if (e.type === "LetterOwed") out.push(`The ${letterWords(e.kind)} is now owed.`);
    else if (e.type === "NotifyStaff") out.push(`The policy says ${e.recipients.join(", ")} must be told.`);
    else if (e.type === "NotifySpoc" || e.type === "Note") out.push(e.message);
  }
  return out;
}
