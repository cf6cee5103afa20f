// What the lists should hold for one customer, worked out from the replay of its log: the customer row, its
// addresses, referrals and decisions, restrictions, reviews, letters and owed notices, each under a stable key.
import type { DecisionOutcome, LetterKind, RestrictionKind, ReviewKind, ReviewOutcome, CustomerStatus, ContactChannel } from "../domain/vocab";
import type { RestrictionParams } from "../domain/restriction-params";
import type { LetterElement } from "../presets/schema";
import { describeRestriction } from "../restrictions/describe";
import { londonMidnight } from "../time/london";
import type { CaseFile, DecisionRecord } from "../workflow/state";
import type { CustomerDetails, IdentityEntry } from "./record";
import type { OwedMail, ReplayedStep } from "./log";

export interface CustomerProjection extends CustomerDetails {
  status: CustomerStatus;
  monitoringEnds: string | null;
  reviewDue: string | null;
  retainUntil: string | null;
  lettersOwed: LetterKind[];
  extensionInvitedAt: string | null;
  closedAt: string | null;
  /** The last step these rows show. */
  seq: number;
}

export interface CaseProjection {
  key: string;
  title: string;
  stage: "Referred" | "Decided" | "Withdrawn";
  outcome: DecisionOutcome | null;
  referredBy: string;
  referredAt: string;
  serviceArea: string;
  behaviours: string[];
  /** The behaviour outside the policy's list, in the referrer's words, when `behaviours` holds "other". */
  otherBehaviour: string | null;
  summary: string;
  localResolution: { step: string; at: string; note: string }[];
  preChecks: Record<string, boolean>;
  vulnerabilityConsidered: boolean;
  evidenceContactIds: string[];
  decidedBy: string | null;
  decidedAt: string | null;
  reasons: string | null;
  participants: string[];
  priorStatus: CustomerStatus | null;
  warningException: { id: string; reason: string } | null;
}

export interface RestrictionProjection {
  key: string;
  caseKey: string | null;
  title: string;
  kind: RestrictionKind;
  params: RestrictionParams;
  startsAt: string;
  endsAt: string | null;
  reviewDue: string | null;
  state: "Active" | "Lifted" | "Expired";
}

export interface ReviewProjection {
  key: string;
  caseKey: string | null;
  title: string;
  kind: ReviewKind;
  openedAt: string;
  receivedAt: string | null;
  dueBy: string;
  reviewer: string | null;
  outcome: ReviewOutcome | null;
  decidedAt: string | null;
  reasons: string | null;
}

export interface LetterProjection {
  key: string;
  caseKey: string | null;
  title: string;
  kind: LetterKind;
  sentAt: string | null;
  channel: ContactChannel | null;
  body: string;
  complete: boolean;
  elements: LetterElement[];
  withheldReason: string | null;
}

/** Noon UK time on a yyyy-mm-dd day: the day stays the same however the time is shown. */
function postedAt(day: string): string {
  const [y, m, d] = day.split("-").map(Number);
  return new Date(londonMidnight(y, m, d).getTime() + 12 * 3600_000).toISOString();
}

export interface OutboxProjection extends OwedMail {
  key: string;
  seq: number;
}

export interface Projection {
  customer: CustomerProjection;
  identities: IdentityEntry[];
  cases: CaseProjection[];
  restrictions: RestrictionProjection[];
  reviews: ReviewProjection[];
  letters: LetterProjection[];
  outbox: OutboxProjection[];
  /** Retention has run: every row about the customer is to go. */
  purged: boolean;
}

const REVIEW_TITLE: Record<ReviewKind, string> = { ScheduledReview: "Scheduled review", MonitoringEnd: "End of monitoring", Appeal: "Appeal" };

/** The rows the log stands for. `steps` is a replay from the first step; keys do not depend on SharePoint ids. */
export function projectLog(steps: readonly ReplayedStep[]): Projection {
  const last = steps.at(-1);
  if (!last) throw new Error("A projection needs at least one step");
  const ref = last.after.customer.caseRef;
  const cases = new Map<string, CaseProjection>();
  const restrictions: RestrictionProjection[] = [];
  const reviews: ReviewProjection[] = [];
  const letters: LetterProjection[] = [];
  const warnings: LetterProjection[] = [];
  const outbox: OutboxProjection[] = [];
  let openReferral: string | null = null;
  let decisionCase: string | null = null;

  const decisionRow = (file: CaseFile, d: DecisionRecord, key: string): CaseProjection => ({
    key,
    title: `${d.outcome} decision: ${ref}`,
    stage: "Decided",
    outcome: d.outcome,
    referredBy: d.by,
    referredAt: d.at,
    serviceArea: file.referral?.serviceArea ?? "",
    behaviours: file.referral?.behaviours ?? [],
    otherBehaviour: file.referral?.otherBehaviour ?? null,
    summary: "",
    localResolution: [],
    preChecks: file.preChecks,
    vulnerabilityConsidered: file.vulnerabilityConsidered,
    evidenceContactIds: [],
    decidedBy: d.by,
    decidedAt: d.at,
    reasons: d.reasons,
    participants: d.participants,
    priorStatus: null,
    warningException: file.warningException,
  });

  for (const step of steps) {
    const { seq, event } = step.stored;
    const b = step.before.file;
    const a = step.after.file;
    const imported = event.type === "Imported";

    if (a.referral && (imported ? a.status === "Referred" : a.referral.at !== b.referral?.at)) {
      const key = `ref:${seq}`;
      cases.set(key, {
        key,
        title: `Referral: ${ref}`,
        stage: "Referred",
        outcome: null,
        referredBy: a.referral.by,
        referredAt: a.referral.at,
        serviceArea: a.referral.serviceArea,
        behaviours: a.referral.behaviours,
        otherBehaviour: a.referral.otherBehaviour ?? null,
        summary: a.referral.summary,
        localResolution: a.localResolution.map((s) => ({ step: s.step, at: s.at, note: s.note })),
        preChecks: a.preChecks,
        vulnerabilityConsidered: a.vulnerabilityConsidered,
        evidenceContactIds: a.referral.evidenceContactIds,
        decidedBy: null,
        decidedAt: null,
        reasons: null,
        participants: [],
        priorStatus: a.statusBeforeReferral,
        warningException: null,
      });
      openReferral = key;
    }
    const fresh = a.decisions.slice(b.decisions.length);
    fresh.forEach((d, i) => {
      if (openReferral && !imported) {
        const row = cases.get(openReferral)!;
        const decided = decisionRow(a, d, openReferral);
        cases.set(openReferral, { ...row, ...decided, title: row.title, referredBy: row.referredBy, referredAt: row.referredAt, summary: row.summary, localResolution: row.localResolution, evidenceContactIds: row.evidenceContactIds, serviceArea: row.serviceArea, behaviours: row.behaviours, otherBehaviour: row.otherBehaviour, priorStatus: row.priorStatus });
        decisionCase = openReferral;
        openReferral = null;
      } else {
        const key = `dec:${seq}:${i}`;
        cases.set(key, decisionRow(a, d, key));
        decisionCase = key;
      }
    });
    if (openReferral && b.status === "Referred" && a.status !== "Referred" && fresh.length === 0) {
      cases.set(openReferral, { ...cases.get(openReferral)!, stage: "Withdrawn" });
      openReferral = null;
    }

    a.restrictions.forEach((t, i) => {
      const existing = restrictions[i];
      const row: RestrictionProjection = existing ?? {
        key: `res:${i}`,
        caseKey: decisionCase,
        // Title is a 255-character SharePoint column; the full words are rebuilt from Params wherever they show.
        title: describeRestriction(t.params).slice(0, 255),
        kind: t.kind,
        params: t.params,
        startsAt: t.startsAt,
        endsAt: t.endsAt,
        reviewDue: a.reviewDue,
        state: t.state,
      };
      restrictions[i] = { ...row, state: t.state, reviewDue: t.state === "Active" ? a.reviewDue : row.reviewDue };
    });
    a.reviews.forEach((r, i) => {
      const row: ReviewProjection = reviews[i] ?? {
        key: `rev:${i}`,
        caseKey: decisionCase,
        title: `${REVIEW_TITLE[r.kind]}: ${ref}`,
        kind: r.kind,
        openedAt: r.openedAt,
        receivedAt: r.receivedAt ?? null,
        dueBy: r.dueBy,
        reviewer: null,
        outcome: null,
        decidedAt: null,
        reasons: null,
      };
      reviews[i] = { ...row, reviewer: r.by ?? r.assignedTo ?? null, outcome: r.outcome, decidedAt: r.decidedAt, reasons: r.reasons };
    });
    a.letters.slice(b.letters.length).forEach((l, j) => {
      const i = b.letters.length + j;
      const content = event.type === "LetterSent" && event.kind === l.kind ? event.content : undefined;
      letters[i] = {
        key: `let:${i}`,
        caseKey: decisionCase,
        title: (content?.title || `${l.kind} letter: ${ref}`).slice(0, 255),
        kind: l.kind,
        // A letter by post went on the day the writer gave, which may be before the step that records it.
        sentAt: content?.postedOn ? postedAt(content.postedOn) : l.at,
        channel: l.withheldReason ? null : (content?.channel ?? "Letter"),
        body: l.withheldReason ? "" : (content?.body ?? ""),
        complete: !l.withheldReason,
        elements: l.elements,
        withheldReason: l.withheldReason,
      };
    });
    a.warnings.slice(b.warnings.length).forEach((w, j) => {
      const i = b.warnings.length + j;
      warnings[i] = {
        key: `warn:${i}`,
        caseKey: null,
        title: `${w.level} warning: ${ref}`,
        kind: "Warning",
        sentAt: w.at,
        channel: null,
        body: w.note,
        complete: true,
        elements: [],
        withheldReason: null,
      };
    });
    for (const o of step.stored.owed) outbox.push({ ...o, key: `out:${seq}:${o.n}`, seq });
  }

  const { customer, identities, file } = last.after;
  return {
    customer: {
      ...customer,
      status: file.status,
      monitoringEnds: file.monitoring?.endsAt ?? null,
      reviewDue: file.reviewDue,
      retainUntil: file.retainUntil,
      lettersOwed: [...file.lettersOwed],
      extensionInvitedAt: file.extensionCommentInvitedAt,
      closedAt: file.closedAt,
      seq: last.stored.seq,
    },
    identities: [...identities],
    cases: [...cases.values()],
    restrictions,
    reviews,
    letters: [...letters, ...warnings].filter(Boolean),
    outbox,
    purged: file.purged,
  };
}
