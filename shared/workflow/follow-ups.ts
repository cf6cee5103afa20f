// What a decision sets in motion: restrictions built from drafts, the next review date, letters owed and staff notices.
import { restrictionParamsSchema } from "../domain/restriction-params";
import { kindModule } from "../restrictions/kinds";
import type { LetterKind } from "../domain/vocab";
import type { Preset, StaffNoticeEvent } from "../presets/schema";
import { dueAfterMonths, retainUntil } from "./deadlines";
import type { RestrictionDraft } from "./events";
import { DEFAULT_SETTINGS, type OrganisationSettings } from "../settings/organisation";
import { officeTitle } from "./offices";
import type { Effect } from "./result";
import type { CaseFile, RestrictionTerm } from "./state";

export function buildRestrictions(
  preset: Preset,
  drafts: RestrictionDraft[] | undefined,
  now: Date,
  /** The steps's context: a shared inbox as single point of contact is the organisation's choice (replays keep theirs). */
  ctx: { settings?: OrganisationSettings; replaying?: boolean } = {},
): { ok: true; terms: RestrictionTerm[] } | { ok: false; reason: string } {
  if (!drafts || drafts.length === 0) return { ok: false, reason: "Choose at least one restriction and set it out." };
  const inbox = drafts.some((d) => (d.params as { kind?: string; target?: { kind?: string } })?.kind === "NamedOfficer" && (d.params as { target?: { kind?: string } }).target?.kind === "Inbox");
  if (inbox && !ctx.replaying && !(ctx.settings ?? DEFAULT_SETTINGS).genericInboxSpoc) {
    return { ok: false, reason: `${preset.organisation}'s policy names no shared inbox as a single point of contact, and your organisation has not chosen to allow one: name an officer, or an administrator turns this on under Offices, with your organisation's own choices.` };
  }
  const terms: RestrictionTerm[] = [];
  for (const draft of drafts) {
    const parsed = restrictionParamsSchema.safeParse(draft.params);
    if (!parsed.success) {
      const kind = (draft.params as { kind?: string })?.kind ?? "restriction";
      return { ok: false, reason: `The ${kind} restriction is not complete: ${parsed.error.issues.map((i) => i.message).join("; ")}.` };
    }
    if (!preset.restrictions.kinds.includes(parsed.data.kind)) {
      return { ok: false, reason: `${preset.organisation}'s policy does not provide for a ${parsed.data.kind} restriction.` };
    }
    const endRequired = kindModule(parsed.data.kind).endRequired;
    if (endRequired && !draft.endsAt) return { ok: false, reason: endRequired };
    if (draft.endsAt && new Date(draft.endsAt).getTime() <= now.getTime()) {
      return { ok: false, reason: "A restriction's end date must be in the future." };
    }
    const term: RestrictionTerm = { kind: parsed.data.kind, params: parsed.data, startsAt: now.toISOString(), endsAt: draft.endsAt ?? null, state: "Active" };
    // Where the policy says what follows a no-contact period, the term carries it, so its end is judged as decided.
    if (parsed.data.kind === "NoContact" && preset.afterNoContact) term.then = { monitorFor: { ...preset.afterNoContact.monitorFor } };
    terms.push(term);
  }
  return { ok: true, terms };
}

/**
 * The next review, in calendar months: a period adjusted for this customer (where the policy allows it); else the
 * policy's interval; failing that, the latest fixed end date; otherwise the admin must set one.
 */
export function nextReviewDue(preset: Preset, now: Date, terms: RestrictionTerm[], adjustedMonths: number | null = null): string | null {
  if (adjustedMonths !== null) return dueAfterMonths(now, adjustedMonths).toISOString();
  if (preset.reviewIntervalMonths.value !== null) return dueAfterMonths(now, preset.reviewIntervalMonths.value).toISOString();
  const ends = terms.map((t) => t.endsAt);
  if (ends.length && ends.every((e) => e !== null)) return ends.sort().at(-1) ?? null;
  return null;
}

/** Letters the policy requires for this step; the case cannot move on until each is sent or withheld with a reason. */
export function owe(preset: Preset, file: CaseFile, kinds: LetterKind[]): { owed: LetterKind[]; effects: Effect[] } {
  const owed = [...file.lettersOwed];
  const effects: Effect[] = [];
  for (const kind of kinds) {
    const rule = preset.letters.find((l) => l.kind === kind);
    if (rule?.required && !owed.includes(kind)) {
      owed.push(kind);
      effects.push({ type: "LetterOwed", kind });
    }
  }
  return { owed, effects };
}

/** Exactly the audiences the policy names for this event; a StaffNotice letter is owed when it names any. */
export function noticeFor(preset: Preset, event: StaffNoticeEvent): Effect[] {
  const audience = preset.staffNotice?.audiences.find((a) => a.event === event);
  if (!audience) return [];
  return [{ type: "NotifyStaff", event, offices: [...audience.offices], recipients: audience.offices.map((id) => officeTitle(preset, id)) }];
}

/** Who the owed staff notice goes to, in the policy's words: the step's audiences, or (for an older record) all the policy names. */
export function noticeTitles(preset: Preset, file: Pick<CaseFile, "staffNoticeTo">): string[] {
  const ids = file.staffNoticeTo?.length ? file.staffNoticeTo : [...new Set(preset.staffNotice?.audiences.flatMap((a) => a.offices) ?? [])];
  return ids.map((id) => officeTitle(preset, id));
}

/** The audiences of a step's notices together, each once, for the one staff notice the step owes. */
export function noticeAudience(effects: readonly Effect[]): string[] {
  const ids = effects.flatMap((e) => (e.type === "NotifyStaff" ? e.offices : []));
  return ids.filter((id, i) => ids.indexOf(id) === i);
}

export function close(preset: Preset, file: CaseFile, now: Date, state: "Lifted" | "Expired"): CaseFile {
  return {
    ...file,
    status: "Closed",
    restrictions: file.restrictions.map((r) => (r.state === "Active" ? { ...r, state } : r)),
    monitoring: file.monitoring && file.monitoring.outcome === null ? { ...file.monitoring, outcome: "Acceptable" } : file.monitoring,
    reviewDue: null,
    closedAt: now.toISOString(),
    retainUntil: retainUntil(now, preset.retentionYearsAfterEnd.value),
  };
}

/** Letters to the customer (not staff notices) that are still owed: they hold up the next decision. */
export function customerLettersOwed(file: CaseFile): LetterKind[] {
  return file.lettersOwed.filter((k) => k !== "StaffNotice");
}
