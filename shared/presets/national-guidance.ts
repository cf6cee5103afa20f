// Rules from the national guidance (POLICIES.md) that presets share where their own policy text is silent.
import type { Citation, LetterRule } from "./schema";

/** A citation of the national guidance, quoting it. */
export const national = (quote: string): Citation => ({ file: "POLICIES.md", section: `What the national guidance adds — “${quote}”` });

/** The decision letter the guidance describes: added to restriction letters only where the organisation turns it on. */
export const NATIONAL_DECISION_LETTER: LetterRule = {
  kind: "Restriction",
  required: true,
  elements: ["why", "what", "howLong", "reviewDate", "ombudsman"],
  sender: null,
  source: national("Decision letters state why, what, for how long, the review date, and the right to go to the Ombudsman."),
};

export const STATUTORY_ROUTES = ["Freedom of Information requests", "Environmental Information Regulations requests", "Subject access requests"];

/** Statutory requests are never limited: they are routed to information governance. */
export const NEVER_LIMITS_STATUTORY = {
  items: STATUTORY_ROUTES,
  source: national("Freedom of Information, Environmental Information and subject access requests follow their own law"),
};
