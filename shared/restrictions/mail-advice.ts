// What each restriction in force means for an incoming e-mail, for the officer who has it open.
import type { Restriction } from "../domain/records";
import { describeMatters, describeRestriction } from "./describe";
import { isInForce } from "./in-force";
import { CHANNEL_WORDS, targetLabel } from "./wording";

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
  const params = r.params;
  const label = describeRestriction(r);
  const passOn = isSpoc ? "" : hasSpoc ? "; pass this to the SPOC" : "; pass this to your manager (no SPOC is named)";
  switch (params.kind) {
    case "SingleChannel":
      if (params.channel === "Email") return `${label}: reply by e-mail, not by any other means`;
      return isSpoc
        ? `${label}: do not reply by e-mail; if a reply is needed, send it ${CHANNEL_WORDS[params.channel].by}`
        : `${label}: do not reply by e-mail${passOn}`;
    case "NamedOfficer": {
      if (isSpoc) return `${label}: you are the named contact; deal with it yourself`;
      const where =
        params.target.kind === "Inbox" ? `${targetLabel(params.target)} (${params.target.address})` : targetLabel(params.target);
      return `${label}: do not reply; forward this to ${where}`;
    }
    case "CallSlots":
    case "CallLength":
      // About calls only: listed with the other restrictions, not as advice on this mail.
      return null;
    case "ContactQuota":
      if (params.channel && params.channel !== "Email") {
        return `${label}: e-mail is not the agreed form; do not deal with it by e-mail${passOn}`;
      }
      return `${label}: this e-mail counts towards the limit; check the count before dealing with it`;
    case "Witness":
      return `${label}: if you reply, do not offer a meeting without a colleague present`;
    case "NoSameMatter":
      return `${label}: if it is about ${describeMatters(params.matterRefs)}, do not reopen it; log it and take no further action on that matter`;
    case "NewIssuesOnly":
      return `${label}: read it and deal only with anything new`;
    case "SeriousOnly":
      // "Deal with", not "reply": another restriction may say how (or whether) a reply goes.
      return `${label}: read it and deal with it only if it raises something significant and serious`;
    case "PremisesAccess":
      return params.byAppointment
        ? `${label}: if they ask to visit, offer an appointment`
        : `${label}: do not invite them to call in`;
    case "FiledWithoutReply":
      return "Filed without reply: read it for new issues and safeguarding concerns; do not reply";
    case "NoContact":
      return `${label}: do not reply; read it for safeguarding concerns, emergencies and statutory requests, which are still dealt with`;
    case "BlockElectronic":
      return `${label}: do not reply by e-mail; read it for emergencies and statutory requests, which are still dealt with${passOn}`;
  }
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
