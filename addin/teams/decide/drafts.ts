// Typed form state for each kind of restriction, turned into validated parameters and an end date. Pure.
import { restrictionParamsSchema, WEEKDAYS, type RestrictionParams, type Weekday } from "../../../shared/domain/restriction-params";
import { RESTRICTION_KINDS, type RestrictionKind } from "../../../shared/domain/vocab";
import type { Preset } from "../../../shared/presets/schema";
import { conflictsWithAdjustments } from "../../../shared/restrictions";
import { kindModule, moduleFor, type FormValues } from "../../../shared/restrictions/kinds";
import { endOfLondonDay, londonDateKey } from "../../../shared/time/calendar";
import type { RestrictionDraft } from "../../../shared/workflow";
import { nextReviewDue } from "../../../shared/workflow/follow-ups";

/** A kind's form as the person fills it in: the kind and its module's field values, by field name. */
export type KindForm = { kind: RestrictionKind } & FormValues;

export interface DraftForm {
  key: number;
  form: KindForm;
  /** "YYYY-MM-DD": the last day it applies, or "" for none (until the review). */
  endsOn: string;
}

/** Each kind's name in the form, from its module. */
export const KIND_TITLES = Object.fromEntries(RESTRICTION_KINDS.map((k) => [k, kindModule(k).title])) as Record<RestrictionKind, string>;

export function blankForm(kind: RestrictionKind): KindForm {
  return { ...kindModule(kind).form.blank(), kind };
}

/** The field of a restriction form a problem belongs to (a field name of the kind's form, or "endsOn"), so it is shown beside it. */
export type DraftField = string;

export type Checked = { ok: true; draft: RestrictionDraft; words: string } | { ok: false; problems: string[]; fields: Partial<Record<DraftField, string>> };

/** What is missing or wrong in a form, in words that say how to put it right, by field; empty when nothing is. */
export function formProblems(f: KindForm): Partial<Record<DraftField, string>> {
  return kindModule(f.kind).form.problems(f);
}

/** Validates a form against the schema of its kind; the end date runs to the end of that day, UK time. */
export function checkDraft(d: DraftForm, now: Date): Checked {
  const kind = kindModule(d.form.kind);
  const spec = kind.form;
  const fields = formProblems(d.form);
  const parsed = restrictionParamsSchema.safeParse(spec.toParams(d.form));
  // The schema is the last word; its issues are shown only where the form's own checks found nothing to say.
  if (!parsed.success && !Object.keys(fields).length) {
    for (const i of parsed.error.issues) {
      fields[spec.issueField(d.form)] ??= plainIssue(d.form.kind, i.path.map(String), i.message);
    }
  }
  let endsAt: string | null = null;
  if (d.endsOn) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(d.endsOn)) fields.endsOn = "Give the end date as a day, month and year.";
    else {
      endsAt = endOfLondonDay(d.endsOn).toISOString();
      if (d.endsOn <= londonDateKey(now)) fields.endsOn = "The end date must be after today.";
    }
  } else if (kind.endRequired) fields.endsOn = kind.endRequired;
  const problems = Object.values(fields).filter((x): x is string => Boolean(x));
  if (problems.length || !parsed.success) return { ok: false, problems, fields };
  const params = parsed.data as RestrictionParams;
  // A kind whose words need its dates (a no-contact period) gets them; the others ignore them.
  const words = moduleFor(params).describe(params, endsAt ? { startsAt: now.toISOString(), endsAt } : undefined);
  return { ok: true, draft: { params, endsAt }, words };
}

/** A schema issue in words: zod's own messages where the schema wrote them, never "Check name." */
function plainIssue(kind: RestrictionKind, path: string[], message: string): string {
  if (!/Invalid input|expected|String must contain|Too small|Required/i.test(message)) return message;
  return kindModule(kind).form.issueWords?.(path) ?? `This restriction is not complete: fill in each of its fields (${KIND_TITLES[kind] ?? kind}).`;
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
