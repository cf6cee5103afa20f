// Taking a workflow step from the tab: the step goes to the case service, which judges it by the policy, records it
// and answers. A refusal comes back in the policy's words; a failure as a DataError with a Retry that resends the same
// step under the same key, so it is never recorded twice.
import { useCallback, useState } from "react";
import { newIdempotencyKey } from "../../../graph/case-service/client";
import { toDataError } from "../../../graph/client/errors";
import type { StepEvent } from "../../../shared/register";
import type { Effect } from "../../../shared/workflow";
import { formatLondonDate } from "../../../shared/time/london";
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

export function useStep(customerId: string, onDone: (effects: Effect[]) => void): StepState {
  const { cases } = useServices();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [last, setLast] = useState<{ event: StepEvent; key: string } | null>(null);

  const send = useCallback(
    async (event: StepEvent, key: string) => {
      setBusy(true);
      setRefusal(null);
      setError(undefined);
      setLast({ event, key });
      try {
        const r = await cases.step(customerId, event, key);
        if (!r.ok) {
          setRefusal(r.reason);
          return null;
        }
        onDone(r.effects);
        return r.effects;
      } catch (e) {
        setError(toDataError(e));
        return null;
      } finally {
        setBusy(false);
      }
    },
    [cases, customerId, onDone],
  );
  const run = useCallback((event: StepEvent) => send(event, newIdempotencyKey()), [send]);
  const retry = useCallback(() => {
    if (last) void send(last.event, last.key);
  }, [last, send]);
  const clear = useCallback(() => {
    setRefusal(null);
    setError(undefined);
  }, []);
  return { busy, refusal, error, run, retry, clear };
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
