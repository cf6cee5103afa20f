// Typed form state for each kind of restriction, turned into validated parameters and an end date. Pure.
import { restrictionParamsSchema, WEEKDAYS, type CallSlot, type RestrictionParams, type Weekday } from "../../../shared/domain/restriction-params";
import type { AllowedChannel, ContactChannel, RestrictionKind } from "../../../shared/domain/vocab";
import type { Preset } from "../../../shared/presets/schema";
import { conflictsWithAdjustments, describeRestriction } from "../../../shared/restrictions";
import { endOfLondonDay, londonDateKey } from "../../../shared/time/calendar";
import type { RestrictionDraft } from "../../../shared/workflow";
import { nextReviewDue } from "../../../shared/workflow/follow-ups";

export type KindForm =
  | { kind: "SingleChannel"; channel: AllowedChannel }
  | { kind: "NamedOfficer"; target: "Person" | "Inbox"; name: string; address: string; deputy: string }
  | { kind: "CallSlots"; slots: CallSlot[] }
  | { kind: "CallLength"; maxMinutes: string }
  | { kind: "ContactQuota"; max: string; per: "Week" | "Month"; channel: ContactChannel | "" }
  | { kind: "Witness" }
  | { kind: "NoSameMatter"; matters: string }
  | { kind: "NewIssuesOnly" }
  | { kind: "SeriousOnly" }
  | { kind: "PremisesAccess"; premises: string; byAppointment: boolean }
  | { kind: "FiledWithoutReply" }
  | { kind: "NoContact" }
  | { kind: "BlockElectronic"; includePhone: boolean };

export interface DraftForm {
  key: number;
  form: KindForm;
  /** "YYYY-MM-DD": the last day it applies, or "" for none (until the review). */
  endsOn: string;
}

export const KIND_TITLES: Record<RestrictionKind, string> = {
  SingleChannel: "One channel only",
  NamedOfficer: "Named officer or generic inbox",
  CallSlots: "Call slots (days and times)",
  CallLength: "Call length",
  ContactQuota: "Contact quota",
  Witness: "Witness present",
  NoSameMatter: "No further contact about the same matter",
  NewIssuesOnly: "New issues only",
  SeriousOnly: "Significant and serious queries only",
  PremisesAccess: "Premises access",
  FiledWithoutReply: "Filed without reply",
  NoContact: "No contact for a period",
  BlockElectronic: "Block electronic contact",
};

export function blankForm(kind: RestrictionKind): KindForm {
  switch (kind) {
    case "SingleChannel":
      return { kind, channel: "Letter" };
    case "NamedOfficer":
      return { kind, target: "Person", name: "", address: "", deputy: "" };
    case "CallSlots":
      return { kind, slots: [{ day: "Tue", from: "10:00", to: "12:00" }] };
    case "CallLength":
      return { kind, maxMinutes: "15" };
    case "ContactQuota":
      return { kind, max: "2", per: "Week", channel: "" };
    case "NoSameMatter":
      return { kind, matters: "" };
    case "PremisesAccess":
      return { kind, premises: "", byAppointment: true };
    case "BlockElectronic":
      return { kind, includePhone: false };
    default:
      return { kind } as KindForm;
  }
}

function paramsOf(f: KindForm): unknown {
  switch (f.kind) {
    case "SingleChannel":
      return { kind: f.kind, channel: f.channel };
    case "NamedOfficer":
      return {
        kind: f.kind,
        target: f.target === "Person" ? { kind: "Person", upn: f.address, name: f.name.trim() } : { kind: "Inbox", address: f.address, name: f.name.trim() },
        ...(f.deputy.trim() ? { deputyUpn: f.deputy } : {}),
      };
    case "CallSlots":
      return { kind: f.kind, slots: f.slots };
    case "CallLength":
      return { kind: f.kind, maxMinutes: Number(f.maxMinutes) };
    case "ContactQuota":
      return { kind: f.kind, max: Number(f.max), per: f.per, channel: f.channel || null };
    case "NoSameMatter":
      return { kind: f.kind, matterRefs: f.matters.split(/[,;\n]/).map((m) => m.trim()).filter(Boolean) };
    case "PremisesAccess":
      return { kind: f.kind, premises: f.premises.trim(), byAppointment: f.byAppointment };
    case "BlockElectronic":
      return { kind: f.kind, includePhone: f.includePhone };
    default:
      return { kind: f.kind };
  }
}

export type Checked = { ok: true; draft: RestrictionDraft; words: string } | { ok: false; problems: string[] };

/** Validates a form against the schema of its kind; the end date runs to the end of that day, UK time. */
export function checkDraft(d: DraftForm, now: Date): Checked {
  const parsed = restrictionParamsSchema.safeParse(paramsOf(d.form));
  const problems: string[] = [];
  if (!parsed.success) problems.push(...parsed.error.issues.map((i) => plainIssue(d.form.kind, i.path.map(String), i.message)));
  let endsAt: string | null = null;
  if (d.endsOn) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.endsOn)) problems.push("Give the end date as a date.");
    else {
      endsAt = endOfLondonDay(d.endsOn).toISOString();
      if (d.endsOn <= londonDateKey(now)) problems.push("The end date must be after today.");
    }
  } else if (d.form.kind === "NoContact") problems.push("A no-contact restriction is for a period: give the date it ends.");
  if (problems.length || !parsed.success) return { ok: false, problems };
  const params = parsed.data as RestrictionParams;
  const words = params.kind === "NoContact" && endsAt ? describeRestriction({ id: "", title: "", customerId: "0", kind: "NoContact", params, startsAt: now.toISOString(), endsAt, state: "Active" }) : describeRestriction(params);
  return { ok: true, draft: { params, endsAt }, words };
}

function plainIssue(kind: string, path: string[], message: string): string {
  const field = path.filter((p) => p !== "target").join(" ");
  if (/Invalid input|expected/i.test(message)) {
    if (kind === "CallLength") return "Give the longest a call may last, in whole minutes.";
    if (kind === "ContactQuota") return "Give the number of contacts allowed as a whole number.";
    return `Check ${field || "this restriction"}.`;
  }
  return message;
}

export interface DraftsSummary {
  drafts: RestrictionDraft[];
  problems: { index: number; problems: string[] }[];
  conflicts: string[];
  reviewDue: string | null;
}

/** Every draft checked, the clashes with recorded reasonable adjustments, and the review date the preset gives. */
export function summariseDrafts(preset: Preset, forms: DraftForm[], adjustments: string, now: Date): DraftsSummary {
  const drafts: RestrictionDraft[] = [];
  const problems: DraftsSummary["problems"] = [];
  const conflicts: string[] = [];
  forms.forEach((f, index) => {
    const c = checkDraft(f, now);
    if (!c.ok) problems.push({ index, problems: c.problems });
    else {
      drafts.push(c.draft);
      const clash = conflictsWithAdjustments(c.draft.params, adjustments);
      if (clash) conflicts.push(clash);
    }
  });
  const terms = drafts.map((d) => ({ kind: d.params.kind, params: d.params, startsAt: now.toISOString(), endsAt: d.endsAt ?? null, state: "Active" as const }));
  return { drafts, problems, conflicts, reviewDue: drafts.length && !problems.length ? nextReviewDue(preset, now, terms) : null };
}

export const DAYS: readonly Weekday[] = WEEKDAYS;
