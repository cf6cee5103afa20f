// The restriction checks' public face: descriptions, the contact check, mail advice, quota usage and adjustment clashes.
export { conflictsWithAdjustments } from "./adjustments";
export { checkContact } from "./check-contact";
export { describeRestriction } from "./describe";
export { inForce, isInForce } from "./in-force";
export { adviceForMail, otherRestrictions, type MailAdviceOptions } from "./mail-advice";
export { quotaLabel, quotaPeriod, quotaUsage, type QuotaPeriod, type QuotaUsage } from "./quota";
export type {
  Breach,
  ContactCheck,
  ContactCheckInput,
  HistoryContact,
  ProposedContact,
  RoutedPurpose,
  Routing,
} from "./types";
