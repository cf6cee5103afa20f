// Typed form state for each kind of restriction, turned into validated parameters and an end date. Pure.
import { restrictionParamsSchema, WEEKDAYS, type CallSlot, type RestrictionParams, type Weekday } from "../../../shared/domain/restriction-params";
import type { AllowedChannel, ContactChannel, RestrictionKind } from "../../../shared/domain/vocab";
import type { Preset } from "../../../shared/presets/schema";
import { conflictsWithAdjustments, describeRestriction } from "../../../shared/restrictions";
import { endOfLondonDay, londonDateKey } from "../../../shared/time/calendar";
import type { RestrictionDraft } from "../../../shared/workflow";
import { nextReviewDue } from "../../../shared/workflow/follow-ups";
import { normaliseEmail } from "../../../shared/address/email";
import type { PickedPerson } from "../common/PeoplePicker";

export type KindForm =
  | { kind: "SingleChannel"; channel: AllowedChannel }
  /** A person is chosen from the directory (officer); an inbox is typed (name and address). */
  | { kind: "NamedOfficer"; target: "Person" | "Inbox"; officer: PickedPerson[]; name: string; address: string; deputy: PickedPerson[] }
  | { kind: "CallSlots"; slots: CallSlot[] }
  | { kind: "CallLength"; maxMinutes: string }
  | { kind: "ContactQuota"; max: string; per: "Week" | "Month"; channel: ContactChannel | "" }
  | { kind: "Witness"; witness: PickedPerson[] }
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
      return { kind, target: "Person", officer: [], name: "", address: "", deputy: [] };
    case "Witness":
      return { kind, witness: [] };
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
    case "NamedOfficer": {
      const [officer] = f.officer;
      const [deputy] = f.deputy;
      return {
        kind: f.kind,
        target: f.target === "Person" ? { kind: "Person", upn: officer?.mail ?? "", name: officer?.name.trim() ?? "", ...phoneOf(officer) } : { kind: "Inbox", address: f.address, name: f.name.trim() },
        ...(deputy ? { deputyUpn: deputy.mail, deputyName: deputy.name.trim() } : {}),
      };
    }
    case "Witness": {
      const [witness] = f.witness;
      return { kind: f.kind, ...(witness ? { officer: { upn: witness.mail, name: witness.name.trim(), ...phoneOf(witness) } } : {}) };
    }
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

const phoneOf = (p: PickedPerson | undefined) => (p?.phone?.trim() ? { phone: p.phone.trim() } : {});

/** The fields of a restriction form a problem can belong to, so it is shown beside the field. */
export type DraftField = "officer" | "name" | "address" | "maxMinutes" | "max" | "matters" | "premises" | "slots" | "endsOn";

export type Checked = { ok: true; draft: RestrictionDraft; words: string } | { ok: false; problems: string[]; fields: Partial<Record<DraftField, string>> };

/** What is missing or wrong in a form, in words that say how to put it right, by field; empty when nothing is. */
export function formProblems(f: KindForm): Partial<Record<DraftField, string>> {
  const out: Partial<Record<DraftField, string>> = {};
  const whole = (v: string) => /^\s*\d+\s*$/.test(v) && Number(v) > 0;
  switch (f.kind) {
    case "NamedOfficer":
      if (f.target === "Person") {
        if (!f.officer.length) out.officer = "Choose the named officer: type part of their name and pick them from the list.";
      } else {
        if (!f.name.trim()) out.name = "Give the inbox a name the customer will recognise, such as “Customer Relations team”.";
        if (!f.address.trim()) out.address = "Give the inbox's e-mail address, such as customer.relations@council.gov.uk.";
        else if (!normaliseEmail(f.address).ok) out.address = `“${f.address.trim()}” is not an e-mail address: check it for typing mistakes.`;
      }
      break;
    case "CallLength":
      if (!whole(f.maxMinutes)) out.maxMinutes = "Give the longest a call may last, in whole minutes.";
      break;
    case "ContactQuota":
      if (!whole(f.max)) out.max = "Give the number of contacts allowed as a whole number, such as 2.";
      break;
    case "NoSameMatter":
      if (!f.matters.split(/[,;\n]/).some((m) => m.trim())) out.matters = "Give at least one matter reference already dealt with, such as EST-2291.";
      break;
    case "PremisesAccess":
      if (!f.premises.trim()) out.premises = "Name the premises they may not enter, such as “Fire HQ, Carleton Avenue”.";
      break;
    default:
      break;
  }
  return out;
}

/** Validates a form against the schema of its kind; the end date runs to the end of that day, UK time. */
export function checkDraft(d: DraftForm, now: Date): Checked {
  const fields = formProblems(d.form);
  const parsed = restrictionParamsSchema.safeParse(paramsOf(d.form));
  // The schema is the last word; its issues are shown only where the form's own checks found nothing to say.
  if (!parsed.success && !Object.keys(fields).length) {
    for (const i of parsed.error.issues) {
      const field: DraftField = d.form.kind === "CallSlots" ? "slots" : d.form.kind === "NamedOfficer" ? (d.form.target === "Person" ? "officer" : "address") : "name";
      fields[field] ??= plainIssue(d.form.kind, i.path.map(String), i.message);
    }
  }
  let endsAt: string | null = null;
  if (d.endsOn) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.endsOn)) fields.endsOn = "Give the end date as a day, month and year.";
    else {
      endsAt = endOfLondonDay(d.endsOn).toISOString();
      if (d.endsOn <= londonDateKey(now)) fields.endsOn = "The end date must be after today.";
    }
  } else if (d.form.kind === "NoContact") fields.endsOn = "A no-contact restriction is for a period: give the date it ends.";
  const problems = Object.values(fields);
  if (problems.length || !parsed.success) return { ok: false, problems, fields };
  const params = parsed.data as RestrictionParams;
  const words = params.kind === "NoContact" && endsAt ? describeRestriction({ id: "", title: "", customerId: "0", kind: "NoContact", params, startsAt: now.toISOString(), endsAt, state: "Active" }) : describeRestriction(params);
  return { ok: true, draft: { params, endsAt }, words };
}

/** A schema issue in words: zod's own messages where the schema wrote them, never "Check name." */
function plainIssue(kind: string, path: string[], message: string): string {
  if (!/Invalid input|expected|String must contain|Too small|Required/i.test(message)) return message;
  const slot = path[0] === "slots" && path[1] !== undefined ? `Call slot ${Number(path[1]) + 1}: ` : "";
  if (kind === "CallSlots") return `${slot}give the day and the times it starts and ends, as HH:MM on the 24-hour clock.`;
  return `This restriction is not complete: fill in each of its fields (${KIND_TITLES[kind as RestrictionKind] ?? kind}).`;
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
