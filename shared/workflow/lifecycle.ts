// The scheduler's transitions: restrictions lapsing at their review date, and records purged after retention.
import type { TransitionContext } from "./machine";
import type { Preset } from "../presets/schema";
import { formatLondonDate } from "../time/london";
import type { WorkflowEvent } from "./events";
import { close, noticeFor } from "./follow-ups";
import { firstProblem, needsSetting, SYSTEM_ONLY } from "./guards";
import { refused, type Transition } from "./result";
import type { Actor, CaseFile } from "./state";
import { newCaseFile } from "./state";

type Ctx = TransitionContext;
type Of<T extends WorkflowEvent["type"]> = Extract<WorkflowEvent, { type: T }>;

function systemOrAdmin(actor: Actor): string | null {
  return actor.system || actor.roles.includes("Admin") ? null : SYSTEM_ONLY;
}

export function restrictionExpired(file: CaseFile, _e: Of<"RestrictionExpired">, { preset, actor, now }: Ctx): Transition {
  const due = file.reviewDue ? new Date(file.reviewDue) : null;
  const problem = firstProblem(
    systemOrAdmin(actor),
    file.status === "Restricted" && due ? null : "There are no restrictions in force.",
    due && now.getTime() <= due.getTime() ? `The restrictions run until their review on ${formatLondonDate(due)}.` : null,
    needsSetting(preset, preset.lapseAtReview.value, "whether restrictions lapse at their review date"),
    preset.lapseAtReview.value === false ? "Under this policy restrictions do not lapse on their own: a review must decide." : null,
  );
  if (problem) return refused(problem);
  const closed = close(preset, file, now, "Expired");
  return {
    ok: true,
    file: closed,
    effects: [
      { type: "StatusChanged", from: "Restricted", to: "Closed" },
      { type: "NotifySpoc", message: "The restrictions lapsed at their review date because they were not renewed." },
      ...noticeFor(preset, "Lifted"),
    ],
  };
}

export function purge(file: CaseFile, _e: Of<"Purge">, { preset, actor, now }: Ctx): Transition {
  const until = file.retainUntil ? new Date(file.retainUntil) : null;
  const problem = firstProblem(
    systemOrAdmin(actor),
    file.purged ? "This record has already been deleted." : null,
    file.status === "Closed" ? null : "Only closed records can be deleted.",
    needsSetting(preset, preset.retentionYearsAfterEnd.value, "how long records are kept"),
    until ? null : "This record has no retention date.",
    until && now.getTime() <= until.getTime() ? `This record must be kept until ${formatLondonDate(until)}.` : null,
  );
  if (problem) return refused(problem);
  return { ok: true, file: { ...newCaseFile(file.presetId, "Closed"), purged: true, closedAt: file.closedAt }, effects: [] };
}
