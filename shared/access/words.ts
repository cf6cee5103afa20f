// The register's stored values in words: UK dates, yes or no, choices spelt out, a policy's own labels for its ids.
import { behaviourWords, OTHER_BEHAVIOUR } from "../presets/other-behaviour";
import { PRESETS, getPreset } from "../presets/registry";
import { formatLondonDate, formatLondonTime } from "../time/london";
import type { ValueKind } from "./columns";

/** Choices whose stored spelling is not the word an officer would use. */
const CHOICE_WORDS: Record<string, string> = {
  Email: "E-mail",
  Phone: "Telephone",
  InPerson: "In person",
  Web: "Website",
  Domain: "Whole e-mail domain",
  In: "From the customer",
  Out: "To the customer",
  TaskPane: "Outlook, by a member of staff",
  Flagger: "Outlook, automatically when the mail arrived",
  Teams: "The case register in Teams",
  Import: "Brought in from an earlier register",
  NotScreened: "Not screened",
  NewIssue: "A new issue",
  NoAction: "No action needed",
  Active: "In force",
  ScheduledReview: "Scheduled review",
  MonitoringEnd: "End of monitoring",
  ReviewOutcome: "Review outcome",
  AppealOutcome: "Appeal outcome",
  ThankYou: "Thank you",
  StaffNotice: "Notice to staff",
  SpocNotice: "Notice to the single point of contact",
  // Restriction kinds whose stored name says too little; the free-text kind is never mistaken for a system check.
  OpenEnquiryOnly: "Only communication about an open enquiry answered",
  Described: "Described in words (checked by staff, not by the system)",
  // The outbox's notices: its states, and the scheduler's kinds (spelt in lower case by the service).
  Owed: "Not sent yet",
  Sending: "Being sent",
  Done: "Sent",
  remind: "Reminder of a review coming due",
  warn: "Reminder that an appeal must be heard soon",
  escalate: "A review overdue, raised with managers",
};

/** "NamedOfficer" → "Named officer", for choices with no entry above. */
function spelt(v: string): string {
  if (CHOICE_WORDS[v]) return CHOICE_WORDS[v];
  const words = v.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function ukDate(v: unknown): string {
  const d = new Date(String(v));
  return Number.isFinite(d.getTime()) ? formatLondonDate(d) : String(v);
}

export function ukDateTime(v: unknown): string {
  const d = new Date(String(v));
  return Number.isFinite(d.getTime()) ? `${formatLondonDate(d)}, ${formatLondonTime(d)}` : String(v);
}

let labels: Map<string, string> | undefined;
/** Every id a policy names (behaviours, checks, local resolution steps, warning exceptions) → its label. */
function presetLabel(id: string): string {
  labels ??= new Map(
    PRESETS.flatMap((p) => [...p.behaviours.items, ...p.preChecks.items, ...p.localResolution.steps, ...p.warning.exceptions, ...(p.warning.retiredExceptions ?? [])].map((l) => [l.id, l.label] as [string, string])).reverse(),
  );
  return labels.get(id) ?? spelt(id.replace(/-/g, " "));
}

function parsed(v: unknown): unknown {
  if (typeof v !== "string") return v;
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** JSON a column holds, as sentences: steps with their dates, an exception with its reason, a list of people. */
function jsonWords(v: unknown): string {
  const j = parsed(v);
  if (Array.isArray(j)) return j.map(jsonWords).filter(Boolean).join("; ");
  if (j && typeof j === "object") {
    const o = j as Record<string, unknown>;
    if (typeof o.step === "string") return `${presetLabel(o.step)}${o.at ? ` (${ukDate(o.at)})` : ""}${o.note ? `: ${String(o.note)}` : ""}`;
    if (typeof o.id === "string" && "reason" in o) return `${presetLabel(o.id)}: ${String(o.reason ?? "")}`;
    return Object.entries(o)
      .map(([k, x]) => `${spelt(k)}: ${jsonWords(x)}`)
      .join("; ");
  }
  if (typeof j === "boolean") return j ? "Yes" : "No";
  return j === null || j === undefined ? "" : String(j);
}

function checksWords(v: unknown): string {
  const j = parsed(v);
  if (!j || typeof j !== "object" || Array.isArray(j)) return jsonWords(j);
  return Object.entries(j as Record<string, unknown>)
    .map(([id, ok]) => `${presetLabel(id)}: ${ok === true ? "Yes" : ok === false ? "No" : String(ok)}`)
    .join("; ");
}

const many = (v: unknown): unknown[] => (Array.isArray(v) ? v : [v]);

/** A stored value in words; empty when there is nothing to say. `row` is the record it sits in (for "Other: …"). */
export function valueWords(kind: ValueKind, v: unknown, row: Record<string, unknown> = {}): string {
  if (v === undefined || v === null || v === "" || (Array.isArray(v) && v.length === 0)) return "";
  switch (kind) {
    case "date":
      return ukDate(v);
    case "dateTime":
      return ukDateTime(v);
    case "yesNo":
      return v === true || v === "true" || v === 1 ? "Yes" : "No";
    case "choice":
      return many(v).map((x) => spelt(String(x))).join(", ");
    case "behaviours":
      // "other" is a behaviour outside the policy's list, described in the row's OtherBehaviour column.
      return many(v)
        .map((x) => (String(x) === OTHER_BEHAVIOUR ? behaviourWords(OTHER_BEHAVIOUR, [], typeof row.OtherBehaviour === "string" ? row.OtherBehaviour : null) : presetLabel(String(x))))
        .join("; ");
    case "checks":
      return checksWords(v);
    case "policy":
      return getPreset(String(v))?.title ?? String(v);
    case "json":
      return jsonWords(v);
    case "evidence": {
      // Contact ids mean nothing to a reader; the contacts themselves are listed under Contacts logged.
      const n = many(parsed(v)).length;
      return n ? `${n} logged contact${n === 1 ? "" : "s"}` : "";
    }
    case "lines":
      return many(v).flatMap((x) => String(x).split(/\r?\n/)).map((x) => x.trim()).filter(Boolean).join("; ");
    case "text":
      return many(v).map(String).join(", ");
  }
}
