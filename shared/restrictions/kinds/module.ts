// What one restriction kind must provide, so a new kind is one module and one line in the registry.
import type { z } from "zod";
import type { ContactCheckInput } from "../types";
import type { Read } from "./read";

/** The restriction row as far as a kind needs it: its dates (a no-contact period ends on the row, not in its params). */
export interface KindRow {
  id?: string;
  startsAt: string;
  endsAt?: string | null;
}

/** What one restriction says about one proposed contact: a breach in staff's words, or notes, or nothing. */
export interface KindResult {
  breach?: string;
  notes?: string[];
}

/** The contact being checked, with the restriction's row and its plain-words label. */
export interface KindCheck extends Omit<ContactCheckInput, "restrictions"> {
  row: KindRow;
  /** describe() of this restriction, for messages. */
  label: string;
}

/** Who the officer reading an e-mail is, for the advice a restriction gives about it. */
export interface MailContext {
  /** describe() of this restriction. */
  label: string;
  isSpoc: boolean;
  hasSpoc: boolean;
  /** "", "; pass this to the SPOC" or "; pass this to your manager (no SPOC is named)". */
  passOn: string;
}

/** A person chosen from the directory; the Teams people picker's value has this shape. */
export interface FormPerson {
  mail: string;
  name: string;
  phone?: string | null;
}

export interface FormSlot {
  day: string;
  from: string;
  to: string;
}

export type FormValue = string | boolean | string[] | FormPerson[] | FormSlot[];
export type FormValues = Record<string, FormValue>;

export interface FormOption {
  value: string;
  label: string;
}

/** Shown only while another field has one value (e.g. the inbox fields while "A generic inbox" is chosen). */
interface Shown {
  when?: { field: string; is: string };
}

/** One field of a kind's form, described for the Teams tab's one renderer; labels and hints are the words shown. */
export type FormFieldSpec = Shown &
  (
    | { type: "select"; name: string; label: string; options: readonly FormOption[] }
    | { type: "radio"; name: string; label: string; options: readonly FormOption[] }
    /** Several of a list may be ticked; the value is the ticked options' values. */
    | { type: "checkboxes"; name: string; label: string; options: readonly FormOption[]; hint?: string }
    | { type: "checkbox"; name: string; label: string }
    | { type: "text"; name: string; label: string; required?: boolean; hint?: string; email?: boolean; multiline?: boolean; maxLength?: number }
    | { type: "number"; name: string; label: string; required?: boolean }
    /** One person from the directory (value: FormPerson[] of at most one). */
    | { type: "person"; name: string; label: string; required?: boolean; hint?: string }
    /** Day-and-times slots, as many as wanted (value: FormSlot[]); `noun` names one, e.g. "Call slot". */
    | { type: "slots"; name: string; noun: string; added: FormSlot }
    /** Words that explain the restriction; no input. */
    | { type: "note"; text: string }
    /** Fields laid side by side. */
    | { type: "row"; fields: readonly FormFieldSpec[] }
  );

/** A kind's form: its fields, its starting values, how they become parameters, and what is wrong with them. */
export interface KindFormSpec {
  fields: readonly FormFieldSpec[];
  blank(): FormValues;
  /** Candidate parameters for the kind's schema, which has the last word. */
  toParams(values: FormValues): unknown;
  /** What is missing or wrong, by field name, in words that say how to put it right. */
  problems(values: FormValues): Partial<Record<string, string>>;
  /** The field a schema issue is shown beside when the form's own checks found nothing to say. */
  issueField(values: FormValues): string;
  /** A schema issue in words, when zod's own message is not fit to show; undefined to use the generic words. */
  issueWords?(path: string[]): string | undefined;
}

/**
 * One kind of restriction, whole: its parameters, how it judges a contact, its words for staff, letters and
 * reports, its advice on an open e-mail, its clash with recorded adjustments, how the register CSV writes it,
 * and its form.
 */
export interface RestrictionKindModule<P extends { kind: string }> {
  kind: P["kind"];
  schema: z.ZodType<P>;
  /** The kind's name in the decision form's list and card titles, e.g. "Contact quota". */
  title: string;
  /** The kind in a report's breakdown, e.g. "A limit on the number of contacts". */
  label: string;
  /** The kind in a warning or monitoring letter's "what may happen", e.g. "limiting the length of telephone calls". */
  letterWords: string;
  /**
   * "system" when the contact check can report a breach of it by itself; "staff" when only a member of staff can
   * judge it (the check gives notes, never a breach).
   */
  checkedBy(params: P): "system" | "staff";
  /** One line of plain words for staff; the row gives the dates a kind may need. */
  describe(params: P, row?: KindRow): string;
  check(params: P, input: KindCheck): KindResult;
  /** What it asks of whoever has an e-mail open, or null when it says nothing about e-mail. */
  mailAdvice(params: P, ctx: MailContext): string | null;
  /** Words in a recorded reasonable adjustment that this restriction may undo. */
  adjustmentCues(params: P): readonly RegExp[];
  /** How the register CSV writes it, e.g. "CallLength: 15 minutes", for messages. */
  importExample: string;
  /** The parameters from the text after "Kind:" in the register CSV (checked against the schema afterwards). */
  readImport(args: string): Read<unknown>;
  form: KindFormSpec;
  /** Set when a restriction of this kind must have an end date: the words shown when it has none. */
  endRequired?: string;
}
