// The SharePoint schema of DESIGN.md as code: list names, columns, indexes and unique constraints.
import {
  ALLOWED_CHANNELS,
  CASE_STAGES,
  CONTACT_CHANNELS,
  CONTACT_SOURCES,
  CUSTOMER_KINDS,
  CUSTOMER_STATUSES,
  DECISION_OUTCOMES,
  DIRECTIONS,
  IDENTITY_KINDS,
  LETTER_KINDS,
  RESTRICTION_KINDS,
  RESTRICTION_STATES,
  REVIEW_KINDS,
  REVIEW_OUTCOMES,
  SCREENING_OUTCOMES,
} from "../../shared/domain/vocab";
import { bool, choice, dateTime, lookup, multiChoice, note, number, text, type ColumnDef } from "./columns";

export const LISTS = {
  customers: "UpcCustomers",
  identities: "UpcIdentities",
  contacts: "UpcContacts",
  cases: "UpcCases",
  restrictions: "UpcRestrictions",
  reviews: "UpcReviews",
  letters: "UpcLetters",
  sensitive: "UpcSensitive",
  serviceState: "UpcServiceState",
  caseEvents: "UpcCaseEvents",
  outbox: "UpcOutbox",
} as const;
export type ListKey = keyof typeof LISTS;

export interface ListDef {
  key: ListKey;
  name: string;
  description: string;
  /** Title is built in; set when the product filters on it, so it must be indexed. */
  titleIndexed?: boolean;
  /** Title must be unique (an address belongs to one customer). */
  titleUnique?: boolean;
  columns: ColumnDef[];
}

// Beyond DESIGN.md, and additive only: every list the case service projects from the log carries a unique Key naming
// the record it shows (so re-projecting finds the same row, never a second one); the customer row carries the last
// step it shows (ProjectedSeq) and the key of the request that created it (CreatedKey, so a retried creation makes
// one customer). UpcOutbox holds the notices steps owe, each sent once. Identities carry their customer's status, name and case reference so that a
// sender is flagged in one request; contacts carry a note; cases carry the evidence chosen and who took part in the
// decision; reviews carry an indexed State so open ones are found without scanning, and when the scheduler reminded
// and escalated (RemindedAt, EscalatedAt) so each is sent once; letters carry their elements; contacts and cases carry
// OtherBehaviour, a behaviour outside the policy's list in the officer's words (Behaviours then holds "other"). UpcServiceState's Title
// is unique ("mailbox:<upn>", "lease:<job>", "<job>:<time>:<id>"), so two service instances never make two rows.
export const SCHEMA: ListDef[] = [
  {
    key: "customers",
    name: LISTS.customers,
    description: "One row per customer (a person, group or organisation) under the policy.",
    titleIndexed: true,
    columns: [
      text("CaseRef", { unique: true }),
      choice("Kind", CUSTOMER_KINDS),
      choice("Status", CUSTOMER_STATUSES, { indexed: true }),
      text("PolicyId"),
      text("ServiceAreas"),
      text("SpocUpn", { indexed: true }),
      text("SpocName"),
      text("SpocDeputyUpn"),
      multiChoice("AllowedChannels", ALLOWED_CHANNELS),
      note("StaffGuidance"),
      note("Adjustments"),
      dateTime("MonitoringEnds"),
      dateTime("ReviewDue", { indexed: true }),
      dateTime("RetainUntil", { indexed: true }),
      text("LettersOwed"),
      dateTime("ExtensionInvitedAt"),
      dateTime("ClosedAt"),
      number("ProjectedSeq"),
      text("CreatedKey", { unique: true }),
    ],
  },
  {
    key: "identities",
    name: LISTS.identities,
    description: "Every address a customer is known by, normalised.",
    titleIndexed: true,
    titleUnique: true,
    columns: [
      choice("Kind", IDENTITY_KINDS),
      lookup("Customer", LISTS.customers, { indexed: true }),
      choice("CustomerStatus", CUSTOMER_STATUSES, { indexed: true }),
      text("CustomerName"),
      text("CaseRef"),
    ],
  },
  {
    key: "contacts",
    name: LISTS.contacts,
    description: "The contact log (the policies' log sheets).",
    columns: [
      lookup("Customer", LISTS.customers, { indexed: true }),
      dateTime("ContactAt", { indexed: true }),
      choice("Channel", CONTACT_CHANNELS),
      choice("Direction", DIRECTIONS),
      text("StaffUpn", { indexed: true }),
      text("ServiceArea"),
      text("MatterRef"),
      multiChoice("Behaviours", []),
      number("Minutes"),
      text("MessageId", { unique: true }),
      note("Recipients"),
      choice("Source", CONTACT_SOURCES),
      text("Breach"),
      choice("Screening", SCREENING_OUTCOMES),
      note("Notes"),
      note("OtherBehaviour"),
    ],
  },
  {
    key: "cases",
    name: LISTS.cases,
    description: "Referrals and their decisions.",
    columns: [
      lookup("Customer", LISTS.customers, { indexed: true }),
      choice("Stage", CASE_STAGES, { indexed: true }),
      choice("Outcome", DECISION_OUTCOMES),
      text("ReferredBy"),
      dateTime("ReferredAt", { indexed: true }),
      text("ServiceArea"),
      multiChoice("Behaviours", []),
      note("Summary"),
      note("LocalResolution"),
      note("PreChecks"),
      bool("VulnerabilityConsidered"),
      text("DecidedBy"),
      // Indexed for the Teams tab's reports (decisions in a period).
      dateTime("DecidedAt", { indexed: true }),
      note("Reasons"),
      note("Evidence"),
      note("Participants"),
      text("PriorStatus"),
      note("WarningException"),
      note("OtherBehaviour"),
      text("Key", { unique: true }),
    ],
  },
  {
    key: "restrictions",
    name: LISTS.restrictions,
    description: "Restrictions on a customer's contact, in plain words for staff.",
    columns: [
      lookup("Customer", LISTS.customers, { indexed: true }),
      lookup("Case", LISTS.cases),
      choice("Kind", RESTRICTION_KINDS, { indexed: true }),
      note("Params"),
      dateTime("StartsAt"),
      dateTime("EndsAt"),
      dateTime("ReviewDue", { indexed: true }),
      choice("State", RESTRICTION_STATES, { indexed: true }),
      text("Key", { unique: true }),
    ],
  },
  {
    key: "reviews",
    name: LISTS.reviews,
    description: "Scheduled reviews, monitoring ends and appeals.",
    columns: [
      lookup("Customer", LISTS.customers, { indexed: true }),
      lookup("Case", LISTS.cases),
      choice("Kind", REVIEW_KINDS),
      dateTime("OpenedAt"),
      dateTime("ReceivedAt"),
      dateTime("DueBy", { indexed: true }),
      text("Reviewer"),
      choice("Outcome", REVIEW_OUTCOMES),
      // Indexed for the Teams tab's reports (appeal outcomes in a period).
      dateTime("DecidedAt", { indexed: true }),
      note("Reasons"),
      choice("State", ["Open", "Decided"], { indexed: true }),
      text("Key", { unique: true }),
    ],
  },
  {
    key: "letters",
    name: LISTS.letters,
    description: "What was sent to the customer or to staff.",
    columns: [
      lookup("Customer", LISTS.customers, { indexed: true }),
      lookup("Case", LISTS.cases),
      choice("Kind", LETTER_KINDS),
      dateTime("SentAt"),
      choice("Channel", CONTACT_CHANNELS),
      note("Body"),
      bool("Complete"),
      note("Elements"),
      note("WithheldReason"),
      text("Key", { unique: true }),
    ],
  },
  {
    key: "sensitive",
    name: LISTS.sensitive,
    description: "Health and vulnerability notes: deciders only.",
    columns: [lookup("Customer", LISTS.customers, { indexed: true }), note("Notes"), text("RecordedBy"), dateTime("RecordedAt")],
  },
  {
    key: "serviceState",
    name: LISTS.serviceState,
    description: "The flagging service's own state: subscriptions and delta links per mailbox.",
    titleIndexed: true,
    titleUnique: true,
    columns: [text("Mailbox", { indexed: true }), text("SubscriptionId"), dateTime("ExpiresAt"), note("DeltaLink"), note("Data")],
  },
  {
    key: "caseEvents",
    name: LISTS.caseEvents,
    description: "The register's record of truth: one row per workflow step, appended by the case service and never changed.",
    titleIndexed: true,
    titleUnique: true,
    columns: [
      lookup("Customer", LISTS.customers, { indexed: true }),
      number("Seq", { indexed: true }),
      text("Type", { indexed: true }),
      note("Event"),
      text("Actor"),
      text("ActorOffices"),
      dateTime("At", { indexed: true }),
      text("IdempotencyKey", { unique: true }),
      text("PresetVersion"),
      note("Owed"),
    ],
  },
  {
    key: "outbox",
    name: LISTS.outbox,
    description: "Notices the case service owes, each sent exactly once: to the SPOC, to staff, reminders and escalations.",
    titleIndexed: true,
    titleUnique: true,
    columns: [
      lookup("Customer", LISTS.customers, { indexed: true }),
      text("Kind"),
      note("Recipients"),
      text("Subject"),
      note("Body"),
      choice("State", ["Owed", "Sending", "Done"], { indexed: true }),
      text("ClaimedBy"),
      dateTime("ClaimedUntil"),
      number("Attempts"),
      dateTime("DoneAt"),
      text("InternetMessageId"),
    ],
  },
];
