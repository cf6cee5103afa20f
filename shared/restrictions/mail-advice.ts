// What each restriction in force means for an incoming e-mail, for the officer who has it open.
import type { Restriction } from "../domain/records";
import { describeRestriction } from "./describe";
import { isInForce } from "./in-force";
import { moduleFor } from "./kinds";

export interface MailAdviceOptions {
  /** Whether the officer reading the mail is the customer's SPOC (or deputy, or works the SPOC inbox). */
  isSpoc: boolean;
  /** Whether the customer has a SPOC at all; without one, staff are told to pass the mail to a manager. Default true. */
  hasSpoc?: boolean;
  /** When given, only restrictions in force at that moment count; otherwise every Active one does. */
  at?: Date;
}

/** What a restriction asks of whoever has an e-mail open, or null when it says nothing about e-mail. */
function adviceFor(r: Restriction, isSpoc: boolean, hasSpoc = true): string | null {
  const passOn = isSpoc ? "" : hasSpoc ? "; pass this to the SPOC" : "; pass this to your manager (no SPOC is named)";
  return moduleFor(r.params).mailAdvice(r.params, { label: describeRestriction(r), isSpoc, hasSpoc, passOn });
}

const applying = (restrictions: readonly Restriction[], options: MailAdviceOptions) => restrictions.filter((r) => (options.at ? isInForce(r, options.at) : r.state === "Active"));

/**
 * One line per restriction in force that bears on an e-mail, then a reminder that emergencies and statutory requests
 * are never blocked. Restrictions about calls alone are left to `otherRestrictions`, so no line says what a
 * restriction does not do.
 */
export function adviceForMail(restrictions: readonly Restriction[], options: MailAdviceOptions): string[] {
  const lines = applying(restrictions, options)
    .map((r) => adviceFor(r, options.isSpoc, options.hasSpoc ?? true))
    .filter((l): l is string => l !== null);
  if (lines.length === 0) return [];
  return [...lines, "Whatever the restrictions, an emergency is answered and an FOI, EIR or subject access request goes to information governance."];
}

/** The restrictions in force that say nothing about e-mail (calls), in words, for the card to list beside the advice. */
export function otherRestrictions(restrictions: readonly Restriction[], options: MailAdviceOptions): string[] {
  return applying(restrictions, options)
    .filter((r) => adviceFor(r, options.isSpoc, options.hasSpoc ?? true) === null)
    .map((r) => describeRestriction(r));
}
