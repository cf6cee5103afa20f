// The mails the service sends staff, in plain words: breach notices to the SPOC, review reminders and escalations,
// appeal deadline warnings and the notice that restrictions lapsed. Staff mail may name the customer; logs never do.
import type { Breach } from "../shared/restrictions";
import { formatLondonDate, formatLondonTime } from "../shared/time/london";
import type { OutgoingMail } from "../graph/mail";

const SIGN_OFF = "\n\nThis message was sent automatically by UPC Manager's flagging service. Open the UPC Manager tab in Teams for the full record.";

export interface BreachNotice {
  spoc: string;
  customerName: string;
  caseRef: string;
  receivedAt: string;
  subject: string;
  mailboxes: string[];
  breaches: Pick<Breach, "message">[];
  guidance: string;
}

export function breachNotice(n: BreachNotice): OutgoingMail {
  const at = new Date(n.receivedAt);
  const lines = n.breaches.map((b) => `  - ${b.message}`).join("\n");
  return {
    to: [n.spoc],
    subject: `Restriction breached: ${n.caseRef} ${n.customerName}`,
    text:
      `A mail from ${n.customerName} (${n.caseRef}) arrived on ${formatLondonDate(at)} at ${formatLondonTime(at)} ` +
      `in ${n.mailboxes.join(", ")}, subject "${n.subject || "(no subject)"}". It breaches:\n${lines}\n\n` +
      `It has been logged as a contact with the breach recorded. As the single point of contact, decide what happens next.` +
      (n.guidance ? `\n\nGuidance for staff on this customer: ${n.guidance}` : "") +
      SIGN_OFF,
  };
}

export interface ReviewNotice {
  to: string[];
  title: string;
  kind: string;
  dueBy: string;
}

const what = (kind: string) => (kind === "Appeal" ? "appeal decision" : kind === "MonitoringEnd" ? "end-of-monitoring decision" : "review");

export function reviewReminder(n: ReviewNotice): OutgoingMail {
  return {
    to: n.to,
    subject: `Due by ${formatLondonDate(new Date(n.dueBy))}: ${n.title}`,
    text: `The ${what(n.kind)} "${n.title}" is due by ${formatLondonDate(new Date(n.dueBy))}. You are named as its owner (or no owner is set).${SIGN_OFF}`,
  };
}

export function appealWarning(n: ReviewNotice): OutgoingMail {
  return {
    to: n.to,
    subject: `Appeal decision due ${formatLondonDate(new Date(n.dueBy))}: ${n.title}`,
    text: `The decision on the appeal "${n.title}" must be made by ${formatLondonDate(new Date(n.dueBy))}, the deadline the policy sets. Record the outcome and send the appeal outcome letter before then.${SIGN_OFF}`,
  };
}

export function reviewEscalation(n: ReviewNotice & { owner: string | null }): OutgoingMail {
  return {
    to: n.to,
    subject: `Overdue: ${n.title}`,
    text:
      `The ${what(n.kind)} "${n.title}" was due by ${formatLondonDate(new Date(n.dueBy))} and has not been decided. ` +
      `${n.owner ? `Its owner is ${n.owner}.` : "No owner is set."} Please make sure it is decided, or a new date agreed and recorded.${SIGN_OFF}`,
  };
}

export function lapsedNotice(n: { to: string[]; customerName: string; caseRef: string; message: string; staffNotice: string[] }): OutgoingMail {
  return {
    to: n.to,
    subject: `Restrictions lapsed: ${n.caseRef} ${n.customerName}`,
    text:
      `${n.message} ${n.customerName} (${n.caseRef}) is no longer restricted and the record is closed.` +
      (n.staffNotice.length ? `\n\nThe policy says ${n.staffNotice.join(", ")} must be told.` : "") +
      SIGN_OFF,
  };
}

const NOTICE_EVENT_WORDS: Record<string, string> = {
  MonitoringStarted: "their contact is now being monitored",
  MonitoringEnded: "their contact is no longer being monitored",
  SanctionApplied: "sanctions have been put in place",
  Restricted: "restrictions have been put in place",
  Lifted: "the restrictions have been lifted",
};

/**
 * The policy names who must be told of a step (by office: "Heads of Service", "appropriate staff and managers"); until
 * those offices are mapped to people, the managers are asked to make sure the staff notice goes.
 */
export function staffNoticeDue(n: { to: string[]; customerName: string; caseRef: string; event: string; audiences: string[] }): OutgoingMail {
  return {
    to: n.to,
    subject: `Staff notice owed: ${n.caseRef} ${n.customerName}`,
    text:
      `The policy says ${n.audiences.join(", ")} must be told that ${NOTICE_EVENT_WORDS[n.event] ?? n.event} for ${n.customerName} (${n.caseRef}). ` +
      `Send the staff notice from the customer's case page (Letters), so that it is recorded.${SIGN_OFF}`,
  };
}
