// The events that move a case along, as a tagged union: what a person (or the scheduler) is asking to do.
import type { DecisionOutcome, LetterKind } from "../domain/vocab";
import type { RestrictionParams } from "../domain/restriction-params";
import type { LetterElement } from "../presets/schema";
import type { Participant } from "./offices";

/** A restriction as the decider builds it; an explicit end is optional (e.g. "no contact until …"). */
export interface RestrictionDraft {
  params: RestrictionParams;
  endsAt?: string | null;
}

export type WorkflowEvent =
  | { type: "LogContact" }
  | { type: "Warn"; level: "Informal" | "Formal"; note: string }
  | {
      type: "LocalResolutionStep";
      step: string;
      note: string;
      confirmedInWriting: boolean;
      /** The London date (YYYY-MM-DD) until which the behaviour is then watched, where the policy asks for a set period. */
      monitorUntil?: string;
    }
  | {
      type: "Refer";
      /** The preset's behaviour ids; `other` (where the policy's list is open) with `otherBehaviour` describing it. */
      behaviours: string[];
      /** The behaviour outside the policy's list, in the referrer's words (3 to 500 characters). */
      otherBehaviour?: string;
      serviceArea: string;
      summary: string;
      preChecks?: Record<string, boolean>;
      vulnerabilityConsidered?: boolean;
      evidenceContactIds?: string[];
      /** Local-resolution attempts the referrer reports having tried (by the preset's step id), with what happened. */
      localResolution?: { step: string; note: string }[];
    }
  | { type: "WithdrawReferral"; reason: string }
  | {
      type: "Decide";
      outcome: DecisionOutcome;
      reasons: string;
      preChecks?: Record<string, boolean>;
      vulnerabilityConsidered?: boolean;
      /** Why no warning was given, using one of the preset's exceptions. */
      warningException?: { id: string; reason: string };
      restrictions?: RestrictionDraft[];
      /** Others who decided jointly (their UPNs), from steps recorded before offices: kept so old logs replay. */
      jointly?: string[];
      /** Everyone the policy says decides jointly or is consulted, each named for their office. */
      participants?: Participant[];
      /** Monitor: a period other than the policy's (shorter, where the text allows "or less"), with the reason. */
      period?: { months?: number; days?: number; reason?: string };
      /** Restrict or Extend: the review period adjusted for this customer (where the text allows it), with the reason. */
      reviewPeriod?: { months: number; reason: string };
    }
  | { type: "InviteExtensionComment" }
  | {
      type: "LetterSent";
      kind: LetterKind;
      elements: LetterElement[];
      /**
       * The letter as it went, so the register keeps its words (the workflow needs only the elements). By e-mail, `to`
       * names who it is sent to (the case service sends it, once); by post, `postedOn` is the day it was posted and
       * `receivedOn` the day it is taken as received (needed where a period runs from receipt: an e-mail is received
       * when sent).
       */
      content?: { title: string; body: string; channel: "Letter" | "Email"; to?: string[]; postedOn?: string; receivedOn?: string };
    }
  | { type: "LetterWithheld"; kind: LetterKind; reason: string; participants?: Participant[] }
  | { type: "MonitoringEnded"; acceptable: boolean; reasons: string; participants?: Participant[] }
  | {
      type: "ReviewDecided";
      outcome: "Upheld" | "Varied" | "Removed" | "Extended";
      reasons: string;
      restrictions?: RestrictionDraft[];
      /** Extended or Varied: the next review period adjusted for this customer (where the text allows it), with the reason. */
      reviewPeriod?: { months: number; reason: string };
      participants?: Participant[];
    }
  | { type: "AppealLodged"; receivedAt: string; inWriting: boolean; grounds: string }
  | { type: "AppealDecided"; outcome: "Upheld" | "Varied" | "Removed"; reasons: string; restrictions?: RestrictionDraft[]; participants?: Participant[] }
  /**
   * The scheduler: restrictions past their end or review. `basis: "policy"` (stamped on every step logged from this
   * version) means judged by the policy's text and the organisation's settings; a logged step without it was taken
   * when every policy lapsed at review, and replays as that lapse.
   */
  | { type: "RestrictionExpired"; basis?: "policy" }
  /** The scheduler: monitoring has ended and nobody has been asked to judge it yet. */
  | { type: "OpenMonitoringEndReview"; dueBy: string }
  | { type: "Purge" };

export type WorkflowEventType = WorkflowEvent["type"];
