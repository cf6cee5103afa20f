// Preset for a council's Customer Case Management Policy for Unacceptable Customer Behaviours and Actions (July 2014).
import type { PresetInput } from "./schema";
import { LAPSE_AT_REVIEW } from "./national-guidance";

const FILE = "004_4a3366f45c554bec.txt";
const at = (section: string) => ({ file: FILE, section });

const MANAGES = "6. How the Council Manages Unacceptable Customer Behaviours and Actions";
const BUSINESS_MANAGER = "the Customer & ICT Services Business Manager";
const JOINT = {
  roles: ["Decider" as const],
  title: "Head of Service",
  with: [BUSINESS_MANAGER, "the Executive Director, Resources & Support Services"],
};
const CHIEF_EXECUTIVE = { roles: ["Decider" as const], title: "the Chief Executive", with: [] };
const JOINT_SOURCE = at(`${MANAGES} — “who will jointly decide whether or not it is appropriate to invoke the Customer Case Management Policy”`);
const SANCTION_SOURCE = at(`${MANAGES} — “the Chief Executive may decide to apply one of the following sanctions”`);
const INFORMED_IN_WRITING = `${MANAGES} — “The customer must be informed in writing (via letter or email if appropriate) by the Customer & ICT Business Manager of any sanctions.”`;

export const councilCcm2014 = {
  id: "council-ccm-2014",
  organisation: "A council (not named in the policy text)",
  title: "Customer Case Management Policy for Unacceptable Customer Behaviours and Actions",
  date: "July 2014 (revised)",
  file: FILE,
  behaviours: {
    items: [
      { id: "offensive", label: "Offensive or insulting behaviour" },
      { id: "abusive-threatening", label: "Abusive or threatening behaviour" },
      { id: "difficult", label: "Difficult behaviour" },
      { id: "unreasonably-persistent", label: "Unreasonably persistent contact" },
      { id: "unreasonable-demands", label: "Unreasonable demands" },
      { id: "discriminatory", label: "Discriminatory behaviour" },
    ],
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
  monitoringDays: {
    // Three calendar months is 89–92 days; 91 is the nearest fixed count. The policy also allows a shorter period.
    value: 91,
    source: at(`${MANAGES} — “explain that their correspondence will be monitored for a period of three months, or less if deemed appropriate.” (three months taken as 91 days)`),
  },
  monitoringEnd: {
    actor: {
      roles: ["Decider"],
      title: "the Executive Director, Resources and Support Services",
      with: [BUSINESS_MANAGER],
    },
    source: at(`${MANAGES} — “the Executive Director, Resources and Support Services and the Customer & ICT Business Manager deem that contact has been acceptable”`),
  },
  reviewIntervalMonths: { value: null, source: at(`${MANAGES} — no review of sanctions is stated`) },
  reviewer: null,
  lapseAtReview: LAPSE_AT_REVIEW,
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
    // One recipient list serves all three events; the sanction notice in the text omits the Chief Executive, who decided it.
    recipients: ["the Chief Executive", "Executive Directors", "Heads of Service", "Business Managers", "Elected Members"],
    events: ["MonitoringStarted", "MonitoringEnded", "SanctionApplied"],
    source: at(
      `${MANAGES} — “once a customer is being monitored” … “once a customer is no longer being monitored” … “when any sanctions are put in place”`,
    ),
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
