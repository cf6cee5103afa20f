// Preset for a council's Customer Case Management Policy for Unacceptable Customer Behaviours and Actions (July 2014).
import type { PresetInput } from "./schema";

const FILE = "004_4a3366f45c554bec.txt";
const at = (section: string) => ({ file: FILE, section });

const MANAGES = "6. How the Council Manages Unacceptable Customer Behaviours and Actions";
const BUSINESS_MANAGER = "the Customer & ICT Services Business Manager";
const JOINT = {
  roles: ["Decider" as const],
  title: "the Head of Service for the department affected",
  office: "head-of-service",
  jointly: ["business-manager", "executive-director"],
};
const CHIEF_EXECUTIVE = { roles: ["Decider" as const], title: "the Chief Executive", office: "chief-executive" };
const JOINT_SOURCE = at(`${MANAGES} — “who will jointly decide whether or not it is appropriate to invoke the Customer Case Management Policy”`);
const SANCTION_SOURCE = at(`${MANAGES} — “the Chief Executive may decide to apply one of the following sanctions”`);
const INFORM = (when: string) => `${MANAGES} — “The Customer & ICT Business Manager will inform by email, ${when}”`;
const NOTICE_TO = ["chief-executive", "executive-directors", "heads-of-service", "business-managers", "elected-members"];
const INFORMED_IN_WRITING = `${MANAGES} — “The customer must be informed in writing (via letter or email if appropriate) by the Customer & ICT Business Manager of any sanctions.”`;

export const councilCcm2014 = {
  id: "council-ccm-2014",
  organisation: "A council (not named in the policy text)",
  title: "Customer Case Management Policy for Unacceptable Customer Behaviours and Actions",
  date: "July 2014 (revised)",
  file: FILE,
  offices: [
    { id: "head-of-service", title: "the Head of Service for the department affected", source: at(`${MANAGES} — “should be brought to the attention of the Head of Service for the department affected”`) },
    { id: "business-manager", title: BUSINESS_MANAGER, source: at(`${MANAGES} — “The Head of Service will then meet with the Customer & ICT Services Business Manager”`) },
    { id: "executive-director", title: "the Executive Director, Resources & Support Services", source: at(`${MANAGES} — “and the Executive Director, Resources & Support Services who will jointly decide”`) },
    { id: "chief-executive", title: "the Chief Executive", source: at(SANCTION_SOURCE.section) },
    { id: "executive-directors", title: "Executive Directors", audience: true, source: at(INFORM("the Chief Executive, Executive Directors, Heads of Service, Business Managers and Elected Members")) },
    { id: "heads-of-service", title: "Heads of Service", audience: true, source: at(INFORM("the Chief Executive, Executive Directors, Heads of Service, Business Managers and Elected Members")) },
    { id: "business-managers", title: "Business Managers", audience: true, source: at(INFORM("the Chief Executive, Executive Directors, Heads of Service, Business Managers and Elected Members")) },
    { id: "elected-members", title: "Elected Members", audience: true, source: at(INFORM("the Chief Executive, Executive Directors, Heads of Service, Business Managers and Elected Members")) },
    { id: "all-staff", title: "all Council staff", audience: true, source: at(`${MANAGES} — “must take all reasonable steps to advise all Council staff and Elected Members of future arrangements for handling that customer”`) },
  ],
  behaviours: {
    items: [
      { id: "offensive", label: "Offensive or insulting behaviour" },
      { id: "abusive-threatening", label: "Abusive or threatening behaviour" },
      { id: "difficult", label: "Difficult behaviour" },
      { id: "unreasonably-persistent", label: "Unreasonably persistent contact" },
      { id: "unreasonable-demands", label: "Unreasonable demands" },
      { id: "discriminatory", label: "Discriminatory behaviour" },
    ],
    open: {
      value: true,
      source: at("5. What are Unacceptable Customer Behaviours and Actions? — “The following definitions are not intended to cover all possible unacceptable or difficult customer behaviour”"),
    },
    source: at("5. What are Unacceptable Customer Behaviours and Actions?"),
  },
  refer: {
    // Staff may not sanction; they refer to their line manager, who brings the account to the Head of Service.
    actor: { roles: ["Staff", "Manager"], title: "staff members, to their line manager", with: [] },
    source: at(`${MANAGES} — “Staff members should always refer behaviours which they believe are unacceptable to their line manager” … “Staff are not authorised to apply sanctions for this type of behaviour.”`),
  },
  preChecks: {
    items: [
      { id: "contact-account", label: "The customer's name, contact details and an account of the numbers/types of contact and behaviours are before the Head of Service" },
      { id: "disability-considered", label: "Whether a disability or difficulty using services may cause the behaviour has been considered" },
      { id: "reasonable-adjustments", label: "Reasonable adjustments are used when communicating with a customer with disabilities, if appropriate" },
    ],
    source: at(
      `4. Equality and Diversity; ${MANAGES} — “we should consider whether this may cause them to exhibit certain types of behaviour” … “we will always use reasonable adjustments when communicating with a customer with disabilities if appropriate” … “the customer’s name and contact details along with an account of numbers/types of contact and behaviours should be brought to the attention of the Head of Service”`,
    ),
  },
  localResolution: {
    required: false,
    steps: [],
    confirmedInWriting: false,
    source: at(`${MANAGES} — “refer behaviours which they believe are unacceptable to their line manager who will decide how to address the issue”`),
  },
  warning: {
    // The monitoring letter states the potential outcome before any sanction; no separate warning is required.
    required: false,
    exceptions: [],
    source: at(`${MANAGES} — “Prior to any sanctions under the Customer Case Management Policy being invoked, the Customer & ICT Services Business Manager will write to the customer”`),
  },
  vulnerabilityMustBeConsidered: {
    value: true,
    source: at("4. Equality and Diversity — “we should consider whether this may cause them to exhibit certain types of behaviour”"),
  },
  decisions: [
    { outcome: "Declined", actor: JOINT, source: JOINT_SOURCE },
    { outcome: "Monitor", actor: JOINT, source: JOINT_SOURCE },
    {
      // The policy's first sanction is "Extend the monitoring period".
      outcome: "Extend",
      actor: CHIEF_EXECUTIVE,
      source: at(`${MANAGES} — “the Chief Executive may decide to apply one of the following sanctions” … “Extend the monitoring period.”`),
    },
    { outcome: "Restrict", actor: CHIEF_EXECUTIVE, source: SANCTION_SOURCE },
  ],
  restrictOnlyAfterMonitoring: {
    value: true,
    source: at(`${MANAGES} — “Prior to any sanctions under the Customer Case Management Policy being invoked, the Customer & ICT Services Business Manager will write to the customer”`),
  },
  restrictions: {
    // A quota counts the forms it names; time slots may apply to any form, not calls alone. The sanctions are "one of the
    // following", a closed list, so no restriction described in free words.
    kinds: ["ContactQuota", "CallSlots", "NoContact"],
    source: at(
      `${MANAGES} — “Limit the contacts to a certain number per week/month, in a specified form (telephone/email/letter etc.) and during a particular time slot.” … “In extreme circumstances ask the customer not to contact the Council for a period of time”`,
    ),
  },
  monitoringPeriod: {
    // Counted in calendar months, as the policy gives it: three months from 15 January ends on 15 April.
    value: { unit: "months", count: 3 },
    source: at(`${MANAGES} — “explain that their correspondence will be monitored for a period of three months, or less if deemed appropriate.”`),
    orLess: { value: true, source: at(`${MANAGES} — “monitored for a period of three months, or less if deemed appropriate.”`) },
    startsFrom: {
      value: "letterReceived",
      source: at(`${MANAGES} — “Once the letter has been received” … “will monitor the frequency and content of the contact for a period of three months or less, if deemed appropriate.”`),
    },
  },
  monitoringEnd: {
    actor: {
      roles: ["Decider"],
      title: "the Executive Director, Resources and Support Services",
      office: "executive-director",
      jointly: ["business-manager"],
    },
    source: at(`${MANAGES} — “the Executive Director, Resources and Support Services and the Customer & ICT Business Manager deem that contact has been acceptable”`),
  },
  reviewIntervalMonths: { value: null, source: at(`${MANAGES} — no review of sanctions is stated`) },
  reviewer: null,
  afterNoContact: {
    monitorFor: { unit: "months", count: 3 },
    startsFrom: "invoked",
    source: at(`${MANAGES} — “ask the customer not to contact the Council for a period of time after which the Customer Case Management Policy will be invoked again to monitor contact for a further period of three months.”`),
  },
  extensionNeedsComment: {
    // The sanction procedure is set out in full and asks only that the customer be informed, not invited to comment.
    value: false,
    source: at(INFORMED_IN_WRITING),
  },
  appeal: {
    available: { value: false, source: at(`${MANAGES} — the decision and sanction process is described with no appeal or review`) },
    windowDays: { value: null, source: at(`${MANAGES} — no appeal`) },
    decisionDays: { value: null, source: at(`${MANAGES} — no appeal`) },
    inWriting: false,
    actor: null,
    source: at(`${MANAGES} — no appeal or review is offered`),
  },
  letters: [
    {
      kind: "Monitoring",
      required: true,
      elements: ["behaviour", "expectations", "monitoringPeriod", "spoc", "potentialOutcome", "policyCopy"],
      sender: BUSINESS_MANAGER,
      source: at(`${MANAGES} — “The following information will be provided to the customer”`),
    },
    {
      kind: "ThankYou",
      required: true,
      elements: [],
      sender: "the Customer & ICT Business Manager",
      source: at(`${MANAGES} — “a letter or email will be written to the customer to thank them for their co-operation and to inform them that their contact will no longer be monitored”`),
    },
    { kind: "Restriction", required: true, elements: ["what"], sender: "the Customer & ICT Business Manager", source: at(INFORMED_IN_WRITING) },
    { kind: "Extension", required: true, elements: ["what"], sender: "the Customer & ICT Business Manager", source: at(INFORMED_IN_WRITING) },
    {
      kind: "StaffNotice",
      required: true,
      elements: ["what"],
      sender: "the Customer & ICT Business Manager",
      source: at(`${MANAGES} — “The Customer & ICT Business Manager will inform by email, the Chief Executive, Executive Directors, Heads of Service, Business Managers and Elected Members”`),
    },
  ],
  noLetter: null,
  staffNotice: {
    // Exactly the audiences the text names for each event: the sanction notice leaves out the Chief Executive, who
    // decided it; the end of monitoring is also passed on to all staff; no contact goes to all staff and Members.
    audiences: [
      { event: "MonitoringStarted", offices: NOTICE_TO, source: at(INFORM("the Chief Executive, Executive Directors, Heads of Service, Business Managers and Elected Members once a customer is being monitored")) },
      { event: "MonitoringEnded", offices: [...NOTICE_TO, "all-staff"], source: at(`${MANAGES} — “once a customer is no longer being monitored in line with the Customer Case Management Policy and this information should be passed on to all staff.”`) },
      { event: "SanctionApplied", offices: ["executive-directors", "heads-of-service", "business-managers", "elected-members"], source: at(INFORM("Executive Directors, Heads of Service, Business Managers and Elected Members when any sanctions are put in place")) },
      { event: "NoContact", offices: ["all-staff", "elected-members"], source: at(`${MANAGES} — “If the Chief Executive decides they will have no further contact with a customer, the Customer & ICT Business Manager must take all reasonable steps to advise all Council staff and Elected Members of future arrangements for handling that customer.”`) },
    ],
  },
  retentionYearsAfterEnd: { value: null, source: at(`${MANAGES} — no retention period is stated`) },
  neverLimits: {
    // The policy puts Freedom of Information outside its own scope; EIR and subject access come from the national guidance.
    items: ["Freedom of Information requests", "Environmental Information Regulations requests", "Subject access requests"],
    source: at(
      "3. What is the scope of the Policy? — “This refers to information outside of that covered by the Freedom of Information Act.” … “outside of the scope of this Policy” (EIR and subject access: POLICIES.md, What the national guidance adds)",
    ),
  },
  reportsPerServiceArea: { value: null, source: at(`${MANAGES} — no reporting of invocations is stated`) },
} satisfies PresetInput;
