// The case file: everything the workflow needs to know about one customer to decide what may happen next.
import type { CustomerStatus, DecisionOutcome, LetterKind, Role, ReviewKind, ReviewOutcome } from "../domain/vocab";
import type { RestrictionParams } from "../domain/restriction-params";
import type { LetterElement, Period } from "../presets/schema";

/** Who is acting. `system` is the scheduler (expiry, purge); it holds no role and cannot decide anything. */
export interface Actor {
  upn: string;
  roles: Role[];
  /**
   * The policy offices they held when they took the step, as an administrator mapped them. Absent on steps recorded
   * before offices existed: those are judged by their roles.
   */
  offices?: string[];
  system?: boolean;
}

export interface RestrictionTerm {
  kind: RestrictionParams["kind"];
  params: RestrictionParams;
  startsAt: string;
  /** Set when the decision gives a fixed end (e.g. no contact until a date). */
  endsAt: string | null;
  state: "Active" | "Lifted" | "Expired";
  /** What the policy says follows its end (council-ccm: no contact, then monitoring again); absent on older terms. */
  then?: { monitorFor: Period };
}

export interface DecisionRecord {
  outcome: DecisionOutcome;
  at: string;
  by: string;
  /** Everyone who took part (the decider and anyone the policy says decides jointly): none of them may review or hear an appeal. */
  participants: string[];
  reasons: string;
  /** A monitoring period other than the policy's own (shorter, where the text allows it), with the reason. */
  period?: { period: Period; reason: string | null };
  /** A review period adjusted for this customer (where the text allows it), with the reason. */
  reviewPeriod?: { months: number; reason: string };
}

export interface ReviewRecord {
  kind: ReviewKind;
  openedAt: string;
  dueBy: string;
  outcome: ReviewOutcome | null;
  by: string | null;
  decidedAt: string | null;
  reasons: string | null;
  /** Appeals only: when the appeal was received and whether it was in writing. */
  receivedAt?: string;
  late?: boolean;
  /** Who is to carry it out, where someone has been named (an imported register's owner of the review). */
  assignedTo?: string | null;
  /** Everyone who took part in deciding it (the reviewer and anyone named with them). */
  participants?: string[];
}

export interface LetterRecord {
  kind: LetterKind;
  at: string;
  by: string;
  elements: LetterElement[];
  withheldReason: string | null;
}

export interface CaseFile {
  presetId: string;
  status: CustomerStatus;
  /** Status to return to when a referral is declined or withdrawn. */
  statusBeforeReferral: CustomerStatus | null;
  contactsLogged: number;
  warnings: { level: "Informal" | "Formal"; at: string; by: string; note: string }[];
  /** Local-resolution attempts; `monitorUntil` is the London date the manager set for watching the behaviour afterwards. */
  localResolution: { step: string; at: string; by: string; note: string; confirmedInWriting: boolean; monitorUntil?: string | null }[];
  referral: null | {
    at: string;
    by: string;
    behaviours: string[];
    /** The behaviour outside the policy's list ("other" among `behaviours`), in the referrer's words; absent before it existed. */
    otherBehaviour?: string | null;
    serviceArea: string;
    summary: string;
    evidenceContactIds: string[];
  };
  /** Pre-check answers (preset pre-check id → satisfied), from the referral or the decision. */
  preChecks: Record<string, boolean>;
  vulnerabilityConsidered: boolean;
  /** Why no warning was given, where the policy allows that. */
  warningException: null | { id: string; reason: string };
  decisions: DecisionRecord[];
  /**
   * The monitoring period. Where the policy runs it from the customer's receipt of the letter, `startsAt` and `endsAt`
   * are null until the letter is recorded as sent ("starts when the letter is received"). `period` is the length in
   * force and `reason` why it is shorter than the policy's (absent on periods recorded by older versions).
   */
  monitoring: null | {
    startsAt: string | null;
    endsAt: string | null;
    outcome: "Acceptable" | "Unacceptable" | null;
    period?: Period;
    reason?: string | null;
  };
  restrictions: RestrictionTerm[];
  reviewDue: string | null;
  reviews: ReviewRecord[];
  /** Letters the policy says must go (or be withheld with a reason) before the case moves on. */
  lettersOwed: LetterKind[];
  /** The offices the owed staff notice goes to: exactly the audiences the policy names for the step that owed it. */
  staffNoticeTo?: string[];
  letters: LetterRecord[];
  /** When the customer was invited to comment on a proposed extension (where the policy requires it). */
  extensionCommentInvitedAt: string | null;
  closedAt: string | null;
  retainUntil: string | null;
  purged: boolean;
}

export function newCaseFile(presetId: string, status: CustomerStatus = "Observed"): CaseFile {
  return {
    presetId,
    status,
    statusBeforeReferral: null,
    contactsLogged: 0,
    warnings: [],
    localResolution: [],
    referral: null,
    preChecks: {},
    vulnerabilityConsidered: false,
    warningException: null,
    decisions: [],
    monitoring: null,
    restrictions: [],
    reviewDue: null,
    reviews: [],
    lettersOwed: [],
    letters: [],
    extensionCommentInvitedAt: null,
    closedAt: null,
    retainUntil: null,
    purged: false,
  };
}

export function activeRestrictions(file: CaseFile): RestrictionTerm[] {
  return file.restrictions.filter((r) => r.state === "Active");
}

export function lastDecision(file: CaseFile, outcomes?: DecisionOutcome[]): DecisionRecord | undefined {
  for (let i = file.decisions.length - 1; i >= 0; i--) {
    if (!outcomes || outcomes.includes(file.decisions[i].outcome)) return file.decisions[i];
  }
  return undefined;
}

export function openAppeal(file: CaseFile): ReviewRecord | undefined {
  return file.reviews.find((r) => r.kind === "Appeal" && r.outcome === null);
}
