// Each list of the register as a subject access reader sees it: a heading, and the columns worth reading in words.
// Bookkeeping columns (keys, sequence numbers, SharePoint's own) are left to raw.json, which keeps everything.

/**
 * How a value reads: a date, a date and time, yes or no, a choice spelt out, a preset's labels (behaviours,
 * pre-decision checks), a policy's name, a count of contacts chosen as evidence, one entry a line (addresses) as a
 * list, or text as it is. `staff` marks a column that holds staff names or addresses.
 */
export type ValueKind = "text" | "lines" | "date" | "dateTime" | "yesNo" | "choice" | "behaviours" | "checks" | "policy" | "json" | "evidence";

export interface ColumnSpec {
  key: string;
  label: string;
  kind: ValueKind;
  staff?: boolean;
}

export interface ListSpec {
  /** The SharePoint list's name, as the raw export keys it. */
  list: string;
  heading: string;
  /** One record of it, in words: "Contact 3 of 115". */
  one: string;
  /** The CSV file's name in the bundle. */
  file: string;
  columns: ColumnSpec[];
  /** The column that says when the record happened, for ordering oldest first. */
  when?: string;
}

const t = (key: string, label: string, kind: ValueKind = "text", staff = false): ColumnSpec => ({ key, label, kind, staff });

export const LIST_SPECS: ListSpec[] = [
  {
    list: "UpcCustomers",
    heading: "The customer's record",
    one: "Customer record",
    file: "customer.csv",
    columns: [
      t("Title", "Name"),
      t("CaseRef", "Case reference"),
      t("Kind", "Kind of customer", "choice"),
      t("Status", "Status", "choice"),
      t("PolicyId", "Policy applied", "policy"),
      t("ServiceAreas", "Service areas"),
      t("SpocName", "Single point of contact", "text", true),
      t("SpocUpn", "Single point of contact's e-mail address", "text", true),
      t("SpocDeputyUpn", "Deputy single point of contact", "text", true),
      t("AllowedChannels", "Ways the customer may make contact", "choice"),
      t("StaffGuidance", "Guidance for staff"),
      t("Adjustments", "Reasonable adjustments"),
      t("MonitoringEnds", "Monitoring ends", "date"),
      t("ReviewDue", "Next review due", "date"),
      t("ExtensionInvitedAt", "Invited to comment on an extension", "date"),
      t("ClosedAt", "Case closed", "date"),
      t("RetainUntil", "Records kept until", "date"),
    ],
  },
  {
    list: "UpcIdentities",
    heading: "Addresses the customer is known by",
    one: "Address",
    file: "addresses.csv",
    columns: [t("Title", "Address"), t("Kind", "Kind of address", "choice")],
  },
  {
    list: "UpcContacts",
    heading: "Contacts logged",
    one: "Contact",
    file: "contacts.csv",
    when: "ContactAt",
    columns: [
      t("ContactAt", "When", "dateTime"),
      t("Title", "Subject or summary"),
      t("Channel", "How", "choice"),
      t("Direction", "Direction", "choice"),
      t("StaffUpn", "Staff member", "text", true),
      t("Recipients", "Addressed to", "text", true),
      t("ServiceArea", "Service area"),
      t("MatterRef", "Matter"),
      t("Behaviours", "Behaviours noted", "behaviours"),
      t("Minutes", "Minutes"),
      t("Breach", "Restriction it went against"),
      t("Screening", "Screening", "choice"),
      t("Source", "Recorded through", "choice"),
      t("Notes", "Notes"),
    ],
  },
  {
    list: "UpcCases",
    heading: "Referrals and decisions",
    one: "Referral",
    file: "referrals-and-decisions.csv",
    when: "ReferredAt",
    columns: [
      t("Title", "Title"),
      t("Stage", "Stage", "choice"),
      t("ReferredAt", "Referred", "dateTime"),
      t("ReferredBy", "Referred by", "text", true),
      t("ServiceArea", "Service area"),
      t("Behaviours", "Behaviours cited", "behaviours"),
      t("Summary", "Summary"),
      t("LocalResolution", "Local resolution tried first", "json"),
      t("PreChecks", "Checks made before deciding", "checks"),
      t("VulnerabilityConsidered", "Vulnerability considered", "yesNo"),
      t("WarningException", "Why no warning came first", "json"),
      t("Evidence", "Evidence chosen", "evidence"),
      t("PriorStatus", "Status before the decision", "choice"),
      t("Outcome", "Decision", "choice"),
      t("DecidedAt", "Decided", "dateTime"),
      t("DecidedBy", "Decided by", "text", true),
      t("Participants", "Took part in the decision", "json", true),
      t("Reasons", "Reasons"),
    ],
  },
  {
    list: "UpcRestrictions",
    heading: "Restrictions",
    one: "Restriction",
    file: "restrictions.csv",
    when: "StartsAt",
    columns: [
      t("Title", "What it means"),
      t("Kind", "Kind of restriction", "choice"),
      t("State", "State", "choice"),
      t("StartsAt", "Starts", "date"),
      t("EndsAt", "Ends", "date"),
      t("ReviewDue", "Review due", "date"),
    ],
  },
  {
    list: "UpcReviews",
    heading: "Reviews and appeals",
    one: "Review",
    file: "reviews-and-appeals.csv",
    when: "OpenedAt",
    columns: [
      t("Title", "Title"),
      t("Kind", "Kind", "choice"),
      t("OpenedAt", "Opened", "date"),
      t("ReceivedAt", "Received", "date"),
      t("DueBy", "Due by", "date"),
      t("Reviewer", "Reviewer", "text", true),
      t("State", "State", "choice"),
      t("Outcome", "Outcome", "choice"),
      t("DecidedAt", "Decided", "date"),
      t("Reasons", "Reasons"),
    ],
  },
  {
    list: "UpcLetters",
    heading: "Letters and notices",
    one: "Letter",
    file: "letters.csv",
    when: "SentAt",
    columns: [
      t("Title", "Title"),
      t("Kind", "Kind of letter", "choice"),
      t("SentAt", "Sent", "date"),
      t("Channel", "Sent by", "choice"),
      t("Complete", "Holds everything the policy requires", "yesNo"),
      t("WithheldReason", "Why it was not sent"),
      t("Body", "Text of the letter"),
    ],
  },
  {
    // Not read column by column: each step is replayed and told in words (case-log.ts). The keys name the columns the
    // words come from, so a staff member who took a step is found and marked like any other.
    list: "UpcCaseEvents",
    heading: "The case's log: every step taken",
    one: "Step",
    file: "case-log.csv",
    when: "At",
    columns: [t("At", "When", "dateTime"), t("Actor", "Who took the step", "text", true), t("Event", "What happened"), t("Changes", "What changed")],
  },
  {
    list: "UpcOutbox",
    heading: "Notices sent",
    one: "Notice",
    file: "notices-sent.csv",
    when: "DoneAt",
    columns: [
      t("DoneAt", "Sent", "dateTime"),
      t("Recipients", "Sent to", "lines", true),
      t("Kind", "Kind of notice", "choice"),
      t("Subject", "Subject"),
      t("State", "State", "choice"),
      t("Body", "Text of the notice"),
    ],
  },
  {
    list: "UpcSensitive",
    heading: "Health and vulnerability notes",
    one: "Note",
    file: "health-and-vulnerability-notes.csv",
    when: "RecordedAt",
    columns: [t("RecordedAt", "Recorded", "dateTime"), t("RecordedBy", "Recorded by", "text", true), t("Notes", "Notes")],
  },
];
