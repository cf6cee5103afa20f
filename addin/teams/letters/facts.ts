// What a letter can say about this case, gathered from the case page for the drafting in shared/letters/draft.ts. Pure.
import { behaviourWords } from "../../../shared/presets/other-behaviour";
import type { LetterKind } from "../../../shared/domain/vocab";
import type { LetterFacts } from "../../../shared/letters/draft";
import type { Preset } from "../../../shared/presets/schema";
import { describeRestriction } from "../../../shared/restrictions";
import { spocOf } from "../../../shared/restrictions/spoc";
import { noticeTitles } from "../../../shared/workflow/follow-ups";
import type { CasePage } from "../../../graph/reports/case-page";
import { periodWords } from "../../../shared/workflow/periods";

const OUTCOME_SENTENCES: Record<string, string> = {
  Upheld: "the decision is upheld and the arrangements stay as they were",
  Varied: "the decision is varied",
  Removed: "the restrictions are removed",
  Extended: "the arrangements are extended",
  Ended: "the arrangements have ended",
};

export function letterFacts(page: CasePage, preset: Preset, kind: LetterKind, sender: { name: string }): LetterFacts {
  const { file, customer, restrictions } = page.loaded;
  const lastDecision = file.decisions.at(-1) ?? null;
  const decided = [...file.reviews].filter((r) => r.outcome && r.decidedAt).sort((a, b) => (a.decidedAt ?? "").localeCompare(b.decidedAt ?? ""));
  const appeal = decided.filter((r) => r.kind === "Appeal").at(-1);
  const review = decided.filter((r) => r.kind === "ScheduledReview").at(-1);
  const about = kind === "AppealOutcome" ? appeal : kind === "ReviewOutcome" ? review : undefined;
  const active = restrictions.filter((r) => r.state === "Active");
  // The same rule as the pane and the case page: the customer record's SPOC, else the named officer in force.
  const spoc = spocOf(customer, active);
  const behaviours = (file.referral?.behaviours ?? []).map((id) => behaviourWords(id, preset.behaviours.items, file.referral?.otherBehaviour));
  const newTerms = about?.outcome === "Varied" ? active.map((r) => describeRestriction(r)).join("; ") : "";
  return {
    customerName: customer.name,
    caseRef: customer.caseRef,
    decidedAt: about?.decidedAt ?? lastDecision?.at ?? null,
    reasons: about?.reasons ?? lastDecision?.reasons ?? "",
    behaviours,
    restrictions: active.map((r) => ({ description: describeRestriction(r), endsAt: r.params.kind === "NoContact" ? null : (r.endsAt ?? null) })),
    reviewDue: file.reviewDue,
    monitoring: file.monitoring
      ? {
          startsAt: file.monitoring.startsAt,
          endsAt: file.monitoring.endsAt,
          period: file.monitoring.period ? periodWords(file.monitoring.period) : null,
          shorterBecause: file.monitoring.reason ?? null,
        }
      : null,
    spoc,
    outcome: about?.outcome ? { decision: OUTCOME_SENTENCES[about.outcome] ?? about.outcome, changes: newTerms ? `From now on: ${newTerms}. ${about.reasons ?? ""}` : (about.reasons ?? "") } : null,
    sender: { name: sender.name, title: null },
    staff: kind === "StaffNotice" ? { recipients: noticeTitles(preset, file), guidance: customer.staffGuidance } : null,
  };
}
