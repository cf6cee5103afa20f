// Taking a workflow step from the tab: the case file is loaded, the preset's rules applied and the result saved
// (graph/casefile runSteps). A refusal comes back in the policy's words; a failure as a DataError with a Retry.
import { useCallback, useState } from "react";
import { runSteps, type SaveOptions } from "../../../graph/casefile";
import { toDataError } from "../../../graph/client/errors";
import type { Effect, WorkflowEvent } from "../../../shared/workflow";
import { formatLondonDate } from "../../../shared/time/london";
import { actorOf, useServices } from "./services";

export interface StepState {
  busy: boolean;
  refusal: string | null;
  error: unknown;
  run(events: WorkflowEvent[], opts?: SaveOptions): Promise<Effect[] | null>;
  /** Runs the last request again (after a failure). */
  retry(): void;
  clear(): void;
}

export function useStep(customerId: string, onDone: (effects: Effect[]) => void): StepState {
  const { site, me, now } = useServices();
  const [busy, setBusy] = useState(false);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [last, setLast] = useState<{ events: WorkflowEvent[]; opts?: SaveOptions } | null>(null);

  const run = useCallback(
    async (events: WorkflowEvent[], opts?: SaveOptions) => {
      setBusy(true);
      setRefusal(null);
      setError(undefined);
      setLast({ events, opts });
      try {
        const r = await runSteps(site, customerId, actorOf(me), events, { ...opts, now: now() });
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
    [site, me, now, customerId, onDone],
  );
  const retry = useCallback(() => {
    if (last) void run(last.events, last.opts);
  }, [last, run]);
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
