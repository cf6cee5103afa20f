// Letter text drafted from the preset's required elements: one section per element, filled from the case where the
// register holds the facts and left empty (for the writer to complete) where it does not. Pure: no I/O.
import type { LetterKind } from "../domain/vocab";
import type { LetterElement, Preset } from "../presets/schema";
import { dueAfterDays } from "../workflow/deadlines";
import { noticeTitles } from "../workflow/follow-ups";
import { formatLondonDate } from "../time/london";
import { kindModule } from "../restrictions/kinds";
import { spocParagraph, staffSpocLine, type NamedContact } from "./contact";
import { LETTER_ELEMENT_LABELS, letterRule, missingElements } from "./elements";

/** What the register knows that a letter may state. Dates are ISO strings; absent facts are null or empty. */
export interface LetterFacts {
  customerName: string;
  caseRef: string;
  /** When the decision the letter reports was taken (appeal windows run from it). */
  decidedAt: string | null;
  /** The decider's recorded reasons. */
  reasons: string;
  /** The behaviours that caused concern, in the policy's words. */
  behaviours: string[];
  /** Restrictions in force after the decision, in plain words, with any fixed end. */
  restrictions: { description: string; endsAt: string | null }[];
  reviewDue: string | null;
  /**
   * The monitoring period. Its dates are null where it runs from the customer's receipt of this letter; `period` is its
   * length in words ("3 months") and `shorterBecause` the recorded reason where it is shorter than the policy's.
   */
  monitoring: { startsAt: string | null; endsAt: string | null; period?: string | null; shorterBecause?: string | null } | null;
  /** The organisation has chosen that restrictions lapse at their review unless renewed (not a policy rule). */
  lapseAtReview?: boolean;
  /** Who the customer contacts, with how to reach them (work e-mail and telephone) when the register has them. */
  spoc: NamedContact | null;
  /** Appeal and review outcomes: what was decided and what changed. */
  outcome?: { decision: string; changes: string } | null;
  /** Who signs: the person writing and the policy's title for the sender. */
  sender: { name: string; title: string | null };
  /** Staff notices: the people the policy says are told, and what staff should do. */
  staff?: { recipients: string[]; guidance: string } | null;
}

export interface LetterSection {
  /** The element the section supplies, or null for the greeting and sign-off. */
  element: LetterElement | null;
  /** Shown to the writer: what the section must say. */
  label: string;
  text: string;
  /** The policy requires this element in this kind of letter. */
  required: boolean;
}

export interface LetterDraft {
  kind: LetterKind;
  subject: string;
  opening: string;
  sections: LetterSection[];
  closing: string;
}

/** Letters that tell the customer of a decision also carry these when the register knows them (not required). */
const HELPFUL: Partial<Record<LetterKind, LetterElement[]>> = {
  // A letter that sets out the arrangements says whom to contact and how, whenever the register knows.
  Restriction: ["why", "what", "spoc", "howLong", "reviewDate", "howToAppeal", "appealBy", "ombudsman"],
  Extension: ["why", "what", "spoc", "howLong", "reviewDate", "howToAppeal", "ombudsman"],
  ReviewOutcome: ["why", "what", "spoc", "howLong", "reviewDate"],
  AppealOutcome: ["changes", "ombudsman"],
  Monitoring: ["behaviour", "expectations", "monitoringPeriod", "spoc", "potentialOutcome"],
  Lifted: ["what"],
  ThankYou: ["what"],
  StaffNotice: ["what"],
  Warning: ["behaviour", "expectations", "potentialOutcome"],
};

const OMBUDSMAN =
  "If you remain unhappy once our own procedure is complete, you have the right to ask the Local Government and Social Care Ombudsman to look into it. The Ombudsman is independent and free to use: see www.lgo.org.uk.";

const date = (iso: string | null | undefined) => (iso ? formatLondonDate(new Date(iso)) : "");

function listLines(items: string[]): string {
  return items.map((i) => `• ${i}`).join("\n");
}

function subjectFor(preset: Preset, kind: LetterKind, f: LetterFacts): string {
  const org = preset.organisation;
  switch (kind) {
    case "Restriction":
      return `Your contact with ${org}: our decision (${f.caseRef})`;
    case "Monitoring":
      return `Your contact with ${org} will be monitored (${f.caseRef})`;
    case "Extension":
      return `Your contact with ${org}: the arrangements are extended (${f.caseRef})`;
    case "Lifted":
      return `Your contact with ${org}: the arrangements have ended (${f.caseRef})`;
    case "ReviewOutcome":
      return `Your contact with ${org}: the outcome of our review (${f.caseRef})`;
    case "AppealOutcome":
      return `Your appeal to ${org}: our decision (${f.caseRef})`;
    case "ThankYou":
      return `Thank you: your contact with ${org} is no longer monitored (${f.caseRef})`;
    case "Warning":
      return `Your contact with ${org}: a warning (${f.caseRef})`;
    case "StaffNotice":
      return `Staff notice: contact arrangements for ${f.customerName} (${f.caseRef})`;
  }
}

/** The text for one element, or "" when the register does not hold what it needs (the writer must supply it). */
function elementText(preset: Preset, kind: LetterKind, element: LetterElement, f: LetterFacts): string {
  const org = preset.organisation;
  const restrictions = f.restrictions.map((r) => (r.endsAt ? `${r.description} (until ${date(r.endsAt)})` : r.description));
  switch (element) {
    case "why":
      return f.reasons.trim() ? `We have applied ${org}'s policy, “${preset.title}”, for these reasons: ${f.reasons.trim()}` : "";
    case "behaviour":
      return f.behaviours.length ? `The behaviour that caused concern:\n${listLines(f.behaviours)}` : "";
    case "what":
      if (kind === "ThankYou") return "Your contact with us is no longer being monitored, and you can contact us in the usual way.";
      if (kind === "Lifted") return "The restrictions on your contact with us have ended. You can contact us in the usual way.";
      if (kind === "Monitoring") return "For a set period we will keep a record of every contact you make with us, and review it at the end of the period.";
      if (kind === "StaffNotice") {
        const lines = restrictions.length ? `The following arrangements are now in force:\n${listLines(restrictions)}` : "The customer's contact is being monitored: log every contact.";
        const spoc = staffSpocLine(f.spoc);
        return `${lines}${spoc ? `\n\n${spoc}` : ""}${f.staff?.guidance.trim() ? `\n\nWhat to do when they make contact: ${f.staff.guidance.trim()}` : ""}\n\nEmergency calls and Freedom of Information, Environmental Information and subject access requests are never blocked: route them as usual.`;
      }
      return restrictions.length ? `From now on, these arrangements apply to your contact with us:\n${listLines(restrictions)}` : "";
    case "expectations":
      return "We ask that your contact with us is courteous, that it is about matters we can help with, and that it goes through the arrangements set out in this letter.";
    case "howLong": {
      if (kind === "Monitoring" && f.monitoring) return f.monitoring.endsAt ? `This will last until ${date(f.monitoring.endsAt)}.` : f.monitoring.period ? `This will last ${f.monitoring.period} from the day you receive this letter.` : "";
      const ends = f.restrictions.map((r) => r.endsAt).filter((e): e is string => !!e).sort();
      // Only the organisation's own choice makes restrictions end by themselves at review; no policy text says so.
      const atReview = f.lapseAtReview ? "They end then unless they are renewed, with reasons." : "They stay in place until that review decides.";
      if (f.reviewDue) return `These arrangements will stay in place until they are reviewed on ${date(f.reviewDue)}${ends.length ? `; the last of them ends on ${date(ends.at(-1))}` : ""}. ${atReview}`;
      if (ends.length) return `These arrangements will stay in place until ${date(ends.at(-1))}.`;
      return "";
    }
    case "monitoringPeriod": {
      const m = f.monitoring;
      if (!m) return "";
      const when = m.startsAt && m.endsAt
        ? `Your contact will be monitored from ${date(m.startsAt)} until ${date(m.endsAt)}.`
        : m.period ? `Your contact will be monitored for ${m.period}, starting on the day you receive this letter.` : "";
      return m.shorterBecause ? `${when} This is shorter than the usual period because ${m.shorterBecause.replace(/\.$/, "")}.` : when;
    }
    case "spoc":
      return spocParagraph(f.spoc);
    case "potentialOutcome": {
      const options = preset.restrictions.kinds.map((k) => kindModule(k)?.letterWords).filter(Boolean);
      return options.length ? `If the behaviour does not change, we may decide to restrict your contact with us, for example by:\n${listLines(options)}` : "";
    }
    case "reviewDate":
      return f.reviewDue ? `We will review these arrangements on ${date(f.reviewDue)}.` : "";
    case "howToAppeal": {
      const a = preset.appeal;
      if (a.available.value !== true) return "";
      const who = a.actor ? ` by ${a.actor.title}, who took no part in this decision` : "";
      const how = a.inWriting ? "Please write to us, setting out your reasons." : "You can tell us in writing or by speaking to us.";
      return `You can ask for this decision to be reviewed${who}. ${how}${a.decisionDays.value ? ` We will decide within ${a.decisionDays.value} days of receiving your request.` : ""}`;
    }
    case "appealBy": {
      const days = preset.appeal.windowDays.value;
      if (!days || !f.decidedAt) return "";
      return `Your request must reach us by ${formatLondonDate(dueAfterDays(new Date(f.decidedAt), days))} (within ${days} days of this decision).`;
    }
    case "ombudsman":
      return OMBUDSMAN;
    case "policyCopy":
      return `A copy of our policy, “${preset.title}” (${preset.date}), is enclosed with this letter.`;
    case "changes":
      return f.outcome ? `Our decision: ${f.outcome.decision}.${f.outcome.changes.trim() ? ` ${f.outcome.changes.trim()}` : " Nothing has changed as a result."}` : "";
  }
}

/**
 * Drafts a letter of this kind: the preset's required elements first, in the preset's order, then any other elements
 * this kind of letter usually carries where the register holds the facts. A section the register cannot fill is left
 * empty for the writer; the letter is refused until every required one has text.
 */
export function draftLetter(preset: Preset, kind: LetterKind, facts: LetterFacts): LetterDraft {
  const rule = letterRule(preset, kind);
  const required = rule?.elements ?? [];
  const extras = (HELPFUL[kind] ?? []).filter((e) => !required.includes(e));
  const sections: LetterSection[] = [];
  for (const element of required) {
    sections.push({ element, label: LETTER_ELEMENT_LABELS[element], text: elementText(preset, kind, element, facts), required: true });
  }
  for (const element of extras) {
    const text = elementText(preset, kind, element, facts);
    if (text) sections.push({ element, label: LETTER_ELEMENT_LABELS[element], text, required: false });
  }
  const staff = kind === "StaffNotice";
  const opening = staff
    ? `To: ${(facts.staff?.recipients ?? noticeTitles(preset, {})).join("; ")}\n\nThis is to let you know that ${preset.organisation}'s policy has been applied to ${facts.customerName} (${facts.caseRef}).`
    : `Dear ${facts.customerName},`;
  const title = facts.sender.title ?? rule?.sender ?? null;
  const closing = staff ? `${facts.sender.name}${title ? `\n${capitalise(title)}` : ""}` : `Yours sincerely,\n\n${facts.sender.name}${title ? `\n${capitalise(title)}` : ""}\n${preset.organisation}`;
  return { kind, subject: subjectFor(preset, kind, facts), opening, sections, closing };
}

function capitalise(s: string): string {
  return s ? s[0].toUpperCase() + s.slice(1) : s;
}

/** The elements a draft supplies: every section with text in it. */
export function presentElements(draft: LetterDraft): LetterElement[] {
  return draft.sections.filter((s) => s.element && s.text.trim()).map((s) => s.element as LetterElement);
}

/** The required elements still missing from the draft, in the preset's order. */
export function draftMissing(preset: Preset, draft: LetterDraft): LetterElement[] {
  return missingElements(preset, draft.kind, presentElements(draft));
}

/** The whole letter as plain text: opening, each section as a paragraph, sign-off. */
export function letterText(draft: LetterDraft): string {
  const body = draft.sections.map((s) => s.text.trim()).filter(Boolean);
  return [draft.opening.trim(), ...body, draft.closing.trim()].join("\n\n");
}
