// The restriction checks' public face: descriptions, the contact check, mail advice, quota usage, adjustment clashes,
// and the registry of kinds each of these asks.
export { conflictsWithAdjustments } from "./adjustments";
export { checkContact } from "./check-contact";
export { describeRestriction } from "./describe";
export { inForce, isInForce } from "./in-force";
export { KIND_MODULES, kindModule, moduleFor, type RestrictionKindModule } from "./kinds";
export { adviceForMail, otherRestrictions, type MailAdviceOptions } from "./mail-advice";
export { quotaChannels, quotaLabel, quotaPeriod, quotaUsage, type QuotaPeriod, type QuotaUsage } from "./quota";
export type {
  Breach,
  ContactCheck,
  ContactCheckInput,
  HistoryContact,
  ProposedContact,
  RoutedPurpose,
  Routing,
} from "./types";
