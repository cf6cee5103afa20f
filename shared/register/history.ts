// The case's history as its log tells it: every step, who took it and when, in words, with what a change of details
// changed from and to. This is the audit trail; the lists' own version history shows what was written to them.
import type { CustomerDetails } from "./record";
import type { ReplayedStep } from "./log";
import { periodWords } from "../workflow/periods";

export interface LogEntry {
  seq: number;
  at: string;
  /** Who took the step: a person's address, or "the case service" for the scheduler and the flagging service. */
  by: string;
  what: string;
  changes: { field: string; from: string; to: string }[];
}

const DETAIL_WORDS: Record<keyof CustomerDetails, string> = {
  name: "Name",
  caseRef: "Case reference",
  kind: "Kind",
  policyId: "Policy",
  serviceAreas: "Service areas",
  spocUpn: "Single point of contact",
  spocName: "Single point of contact's name",
  spocDeputyUpn: "Deputy single point of contact",
  allowedChannels: "Allowed channels",
  staffGuidance: "Guidance for staff",
  adjustments: "Reasonable adjustments",
};

const shown = (v: unknown) => (v === null || v === undefined || v === "" ? "" : Array.isArray(v) ? v.join(", ") : String(v));

function describe(step: ReplayedStep): string {
  const e = step.stored.event;
  switch (e.type) {
    case "Opened":
      return "Contact log started";
    case "Imported":
      return `Brought onto the register from ${e.source}`;
    case "ImportAmended":
      return `Added to by ${e.source}`;
    case "DetailsChanged":
      return `Details changed: ${e.reason}`;
    case "IdentityAdded":
      return `Address added: ${e.identity.value}`;
    case "IdentityRemoved":
      return `Address removed: ${e.value}`;
    case "BreachRecorded":
      return `A mail breached a restriction: ${e.breaches.map((b) => b.message).join(" ")}`;
    case "Warn":
      return `${e.level} warning: ${e.note}`;
    case "LocalResolutionStep":
      return `Local resolution tried (${e.step}): ${e.note}`;
    case "Refer":
      return `Referred: ${e.summary}`;
    case "WithdrawReferral":
      return `Referral withdrawn: ${e.reason}`;
    case "Decide": {
      const monitoring = e.period ? step.after.file.monitoring?.period : undefined;
      const extras = [
        monitoring ? ` Monitoring for ${periodWords(monitoring)}${e.period?.reason ? `: ${e.period.reason}` : ""}.` : "",
        e.reviewPeriod ? ` Review every ${periodWords({ unit: "months", count: e.reviewPeriod.months })} for this customer: ${e.reviewPeriod.reason}.` : "",
      ].join("");
      return `Decision: ${e.outcome}. ${e.reasons}${extras}`;
    }
    case "InviteExtensionComment":
      return "Customer invited to comment on a proposed extension";
    case "LetterSent":
      return `${e.kind} letter sent${e.content ? `: ${e.content.title}` : ""}`;
    case "LetterWithheld":
      return `${e.kind} letter not sent: ${e.reason}`;
    case "MonitoringEnded":
      return `Monitoring ended: contact was ${e.acceptable ? "acceptable" : "unacceptable"}. ${e.reasons}`;
    case "ReviewDecided":
      return `Review: ${e.outcome}. ${e.reasons}${e.reviewPeriod ? ` Next review in ${periodWords({ unit: "months", count: e.reviewPeriod.months })} for this customer: ${e.reviewPeriod.reason}.` : ""}`;
    case "AppealLodged":
      return `Appeal received: ${e.grounds}`;
    case "AppealDecided":
      return `Appeal decided: ${e.outcome}. ${e.reasons}`;
    case "RestrictionExpired":
      return step.after.file.status === "Monitoring" ? "The no-contact period ended: contact is monitored again" : "Restrictions lapsed at their review date";
    case "Purge":
      return "Records deleted under the retention rules";
    case "OpenMonitoringEndReview":
      return "The end of monitoring was put to a decision";
    case "LogContact":
      return "Contact logged";
  }
}

/** Newest first. */
export function historyOf(steps: readonly ReplayedStep[]): LogEntry[] {
  return steps
    .map((step) => {
      const before = step.before.customer;
      const after = step.after.customer;
      const changes =
        step.stored.event.type === "DetailsChanged"
          ? (Object.keys(DETAIL_WORDS) as (keyof CustomerDetails)[]).filter((k) => shown(before[k]) !== shown(after[k])).map((k) => ({ field: DETAIL_WORDS[k], from: shown(before[k]), to: shown(after[k]) }))
          : [];
      return { seq: step.stored.seq, at: step.stored.at, by: step.stored.actor.system ? "the case service" : step.stored.actor.upn, what: describe(step), changes };
    })
    .reverse();
}
