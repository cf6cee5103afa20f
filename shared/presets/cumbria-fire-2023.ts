// Preset for Cumbria Fire & Rescue Service's 2023 policy on unreasonable or unreasonably persistent customers.
import type { PresetInput } from "./schema";
import { LAPSE_AT_REVIEW } from "./national-guidance";

const FILE = "001_de0aff75e8e4f05c.txt";
const at = (section: string) => ({ file: FILE, section });

const PROCESS = "2.2 The Process";
const SENIOR_MANAGER = { roles: ["Decider" as const], title: "a senior manager", with: [] };
const INDEPENDENT_SENIOR_MANAGER = { roles: ["Reviewer" as const], title: "an independent senior manager", with: [] };

export const cumbriaFire2023 = {
  id: "cumbria-fire-2023",
  organisation: "Cumbria Fire and Rescue Service",
  title: "Unreasonable or unreasonably persistent customers (Service Policy)",
  date: "25 May 2023 (approved by SLT)",
  file: FILE,
  behaviours: {
    // All three lists sit under "Staff may recognise one or more of the following indicators", so all are loggable.
    items: [
      { id: "no-serious-purpose", label: "Contact that clearly has no serious purpose or value" },
      { id: "obviously-vexatious", label: "Contact that is obviously vexatious in nature" },
      { id: "designed-to-disrupt", label: "Contact designed solely to cause disruption or annoyance" },
      { id: "harassing-or-obsessive", label: "Contact that harasses the Service or its staff, or is obsessive or unreasonable" },
      { id: "unreasonable-officer-time", label: "Contact that takes up an unreasonable amount of officer time" },
      { id: "abusive-offensive-threatening", label: "Abusive, offensive or threatening behaviour" },
      { id: "bullying-harassment", label: "Behaviour which amounts to bullying or harassment" },
      { id: "unwilling-to-comply", label: "Unwillingness to comply with procedures" },
      { id: "incompatible-handling", label: "Insisting on handling incompatible with procedures, legislation or good practice" },
      { id: "unreasonable-demands-timescales", label: "Unreasonable demands of staff or unreasonable timescales for responses" },
      { id: "unreasonable-who-or-how", label: "Unreasonable requests about who should deal with the matter, or how" },
      { id: "rejects-documented-evidence", label: "Repeatedly unwilling to accept documented evidence" },
      { id: "high-volume", label: "High volume of letters, e-mails or calls (sometimes to multiple recipients)" },
      { id: "trivial-or-new-complaints", label: "Continually adding new, or making trivial, complaints or requests" },
      { id: "repeat-after-dealt-with", label: "Repeat complaints or requests about similar issues already dealt with" },
      { id: "many-issues-in-succession", label: "Many complaints or requests about different issues in succession" },
      { id: "refuses-to-specify-grounds", label: "Refusing to specify the grounds of a complaint despite offers of help" },
      { id: "groundless-complaints-about-staff", label: "Groundless complaints about staff, seeking to have them replaced" },
      { id: "refuses-remit", label: "Refusing to accept that a matter is outside the procedure's remit" },
      { id: "changing-basis", label: "Changing the basis of a complaint or request, or denying earlier statements" },
      { id: "trivial-information-or-questions", label: "Trivial or irrelevant new information, or many detailed but unimportant questions" },
      { id: "covert-recording", label: "Electronically recording meetings or conversations without consent" },
      { id: "scattergun", label: "Scattergun approach: pursuing the matter with the Service and others at the same time" },
      { id: "repeat-with-minor-variations", label: "Repeat complaints or requests with minor variations after processes are complete" },
      { id: "refuses-decision", label: "Refusing to accept a decision" },
    ],
    // The policy's own three lists, under its own lead-in words.
    groups: [
      {
        id: "nature-of-contact",
        label: "What their contact is like",
        items: ["no-serious-purpose", "obviously-vexatious", "designed-to-disrupt", "harassing-or-obsessive", "unreasonable-officer-time"],
        source: at("Procedure — “They make complaints, requests, concerns or enquiries that:”"),
      },
      {
        id: "unacceptable-behaviour",
        label: "Unacceptable behaviour",
        items: ["abusive-offensive-threatening", "bullying-harassment"],
        source: at("Procedure — “Unacceptable behaviour can include:”"),
      },
      {
        id: "actions",
        label: "Actions that can lead to the policy being used",
        items: [
          "unwilling-to-comply",
          "incompatible-handling",
          "unreasonable-demands-timescales",
          "unreasonable-who-or-how",
          "rejects-documented-evidence",
          "high-volume",
          "trivial-or-new-complaints",
          "repeat-after-dealt-with",
          "many-issues-in-succession",
          "refuses-to-specify-grounds",
          "groundless-complaints-about-staff",
          "refuses-remit",
          "changing-basis",
          "trivial-information-or-questions",
          "covert-recording",
          "scattergun",
          "repeat-with-minor-variations",
          "refuses-decision",
        ],
        source: at("Procedure — “The following customer actions/behaviours can cause this policy to be invoked:”"),
      },
    ],
    source: at("Procedure — “Staff may recognise one or more of the following indicators”"),
  },
  refer: {
    actor: { roles: ["Staff", "Manager"], title: "any member of staff", with: [] },
    source: at(`${PROCESS} — “If any member of staff experiences one, or a number of, the examples given in the definitions section”`),
  },
  preChecks: {
    items: [
      { id: "manager-consulted", label: "The matter has been discussed with the relevant manager/staff" },
      { id: "handled-properly", label: "Any complaint, enquiry or request has been dealt with properly" },
      { id: "reasonable-adjustments", label: "Reasonable adjustments have been made so the customer is fully supported to engage (e.g. translation, accessible documents)" },
      { id: "decision-right", label: "Any decision reached is the right one" },
      { id: "communications-adequate", label: "Communications with the customer have been adequate" },
      { id: "no-significant-new-information", label: "The customer is not providing significant new information that might affect the Service's view" },
    ],
    source: at(`${PROCESS} — “Before deciding whether the policy should be applied the Service should always be satisfied that”`),
  },
  localResolution: {
    // The policy says "consider" these, so they are offered for the record but not required.
    required: false,
    steps: [
      { id: "meeting-offered", label: "Offer the appropriate meeting between the customer and officer(s)" },
      { id: "cross-service-key-officer", label: "Agree a cross-service approach and designate a key officer to co-ordinate responses" },
      { id: "advocate-offered", label: "Offer to help the customer find an independent advocate" },
    ],
    confirmedInWriting: false,
    source: at(`${PROCESS} — “the Service should consider whether further action is necessary prior to taking the decision”`),
  },
  warning: {
    required: true,
    exceptions: [
      { id: "warning-futile", label: "It is obvious from previous correspondence that a warning will have no effect" },
      { id: "staff-safety", label: "Harassment, aggression or a threat to staff safety and welfare justifies protecting staff without prior warning" },
    ],
    source: at(
      `${PROCESS} — “will have included a warning that their behaviour is unacceptable, and so it is important that this is recorded” … “the Service may not need to give the customer prior warning of this action”`,
    ),
  },
  vulnerabilityMustBeConsidered: {
    value: true,
    source: at(`${PROCESS} — “reasonable adjustments have been made to ensure the customer is fully supported to engage with the Service”`),
  },
  decisions: [
    {
      outcome: "Declined",
      actor: SENIOR_MANAGER,
      source: at(`${PROCESS} — “a senior manager should consider invoking the policy and appropriate sanctions”`),
    },
    {
      outcome: "Restrict",
      actor: SENIOR_MANAGER,
      source: at(`${PROCESS} — “a senior manager should consider invoking the policy and appropriate sanctions”`),
    },
    {
      // The six-month review is the only route the policy gives for ending restrictions; its reviewer lifts them.
      outcome: "Lift",
      actor: INDEPENDENT_SENIOR_MANAGER,
      source: at(`${PROCESS} — “Once the policy is applied a review will be carried out after a period of 6 months.” … “Reviews will be carried out by an independent senior manager.”`),
    },
  ],
  restrictions: {
    // CallLength limits calls and/or personal contacts; the quota counts the forms it names (calls here), barring none.
    kinds: ["CallLength", "CallSlots", "ContactQuota", "SingleChannel", "NamedOfficer", "Witness", "NoSameMatter", "PremisesAccess"],
    source: at(
      `${PROCESS} — “The Service could choose one or a mix of the following possible options” … “Placing time limits on telephone conversations and personal contacts” … “Restricting the number of telephone calls that will be taken (for example, one call on one specified morning/afternoon of any week)”`,
    ),
  },
  monitoringDays: { value: null, source: at(`${PROCESS} — the policy has no monitoring period; it moves from warning to designation`) },
  monitoringEnd: null,
  reviewIntervalMonths: { value: 6, source: at(`${PROCESS} — “Once the policy is applied a review will be carried out after a period of 6 months.”`) },
  reviewer: {
    // "Reviews will be carried out by an independent senior manager" is read as covering the six-month review too.
    actor: INDEPENDENT_SENIOR_MANAGER,
    source: at(`${PROCESS} — “Reviews will be carried out by an independent senior manager.”`),
  },
  lapseAtReview: LAPSE_AT_REVIEW,
  extensionNeedsComment: { value: null, source: at(`${PROCESS} — the policy describes no extension of restrictions`) },
  appeal: {
    available: { value: true, source: at(`${PROCESS} — “The customer can challenge the action taken by requesting a review”`) },
    windowDays: { value: 14, source: at(`${PROCESS} — “submitted in writing within 14 days of the policy being invoked”`) },
    decisionDays: { value: 28, source: at(`${PROCESS} — “Any review will be carried out within 28 days from receipt of the request for a review.”`) },
    inWriting: true,
    actor: INDEPENDENT_SENIOR_MANAGER,
    source: at(`${PROCESS} — “Reviews will be carried out by an independent senior manager.”`),
  },
  letters: [
    {
      kind: "Restriction",
      required: true,
      elements: ["policyCopy", "why", "what", "howLong", "howToAppeal", "appealBy", "ombudsman"],
      sender: null,
      source: at(
        `${PROCESS} — “the Service will communicate to the customer, in accordance with their needs, in the following ways” … “request an independent investigation via the Local Government Ombudsman”`,
      ),
    },
    {
      kind: "StaffNotice",
      required: true,
      elements: ["what"],
      sender: "the relevant senior manager",
      source: at(`${PROCESS} — “the relevant senior manager will then inform appropriate staff and managers that this action has been taken”`),
    },
  ],
  noLetter: null,
  staffNotice: {
    recipients: ["appropriate staff and managers"],
    events: ["Restricted"],
    source: at(`${PROCESS} — “the relevant senior manager will then inform appropriate staff and managers that this action has been taken”`),
  },
  retentionYearsAfterEnd: { value: null, source: at(`${PROCESS} — “Whenever this policy is applied, we will record” (no period is stated)`) },
  neverLimits: {
    // One citation per list: 999 is the policy's own words; the statutory routes come from the national guidance.
    items: ["Emergency calls (999)", "Freedom of Information requests", "Environmental Information Regulations requests", "Subject access requests"],
    source: at(
      "Introduction — “this does not include limiting contact in an emergency, i.e. calling 999” (FOI, EIR and subject access requests: POLICIES.md, What the national guidance adds)",
    ),
  },
  reportsPerServiceArea: {
    value: true,
    source: at(`${PROCESS} — “Each function will record the number of times this policy was invoked in that area, and for what reason.”`),
  },
} satisfies PresetInput;
