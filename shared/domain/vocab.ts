// The fixed vocabularies of the SharePoint schema (DESIGN.md): statuses, channels, kinds and outcomes.

export const CUSTOMER_STATUSES = ["Observed", "Warned", "Referred", "Monitoring", "Restricted", "Closed"] as const;
export type CustomerStatus = (typeof CUSTOMER_STATUSES)[number];

export const CUSTOMER_KINDS = ["Individual", "Group", "Organisation"] as const;
export type CustomerKind = (typeof CUSTOMER_KINDS)[number];

/** Channels a customer may be allowed to use (UpcCustomers.AllowedChannels). */
export const ALLOWED_CHANNELS = ["Email", "Phone", "Letter", "InPerson", "Web"] as const;
export type AllowedChannel = (typeof ALLOWED_CHANNELS)[number];

/** Channels a contact can arrive or leave by (UpcContacts.Channel). */
export const CONTACT_CHANNELS = ["Email", "Phone", "Letter", "InPerson", "Web", "Social", "Other"] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

export const DIRECTIONS = ["In", "Out"] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const CONTACT_SOURCES = ["TaskPane", "Flagger", "Teams", "Import"] as const;
export type ContactSource = (typeof CONTACT_SOURCES)[number];

export const SCREENING_OUTCOMES = ["NotScreened", "NewIssue", "Safeguarding", "NoAction"] as const;
export type ScreeningOutcome = (typeof SCREENING_OUTCOMES)[number];

export const IDENTITY_KINDS = ["Email", "Phone", "Domain"] as const;
export type IdentityKind = (typeof IDENTITY_KINDS)[number];

export const CASE_STAGES = ["Referred", "Decided", "Withdrawn"] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

export const DECISION_OUTCOMES = ["Declined", "Monitor", "Restrict", "Extend", "Lift"] as const;
export type DecisionOutcome = (typeof DECISION_OUTCOMES)[number];

export const RESTRICTION_KINDS = [
  "SingleChannel",
  "NamedOfficer",
  "CallSlots",
  "CallLength",
  "ContactQuota",
  "Witness",
  "NoSameMatter",
  "NewIssuesOnly",
  "SeriousOnly",
  "PremisesAccess",
  "FiledWithoutReply",
  "NoContact",
  "BlockElectronic",
  "OpenEnquiryOnly",
  "Described",
] as const;
export type RestrictionKind = (typeof RESTRICTION_KINDS)[number];

export const RESTRICTION_STATES = ["Active", "Lifted", "Expired"] as const;
export type RestrictionState = (typeof RESTRICTION_STATES)[number];

export const REVIEW_KINDS = ["ScheduledReview", "MonitoringEnd", "Appeal"] as const;
export type ReviewKind = (typeof REVIEW_KINDS)[number];

export const REVIEW_OUTCOMES = ["Upheld", "Varied", "Removed", "Extended", "Ended"] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const LETTER_KINDS = [
  "Warning",
  "Monitoring",
  "Restriction",
  "Extension",
  "Lifted",
  "ReviewOutcome",
  "AppealOutcome",
  "ThankYou",
  "StaffNotice",
] as const;
export type LetterKind = (typeof LETTER_KINDS)[number];

/** The five SharePoint groups; the UI reads them to shape itself, SharePoint enforces them. */
export const ROLES = ["Staff", "Manager", "Decider", "Reviewer", "Admin"] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_GROUPS: Record<Role, string> = {
  Staff: "UPC Staff",
  Manager: "UPC Managers",
  Decider: "UPC Deciders",
  Reviewer: "UPC Reviewers",
  Admin: "UPC Admins",
};
