// Preset for Cumbria Fire & Rescue Service's 2023 policy on unreasonable or unreasonably persistent customers.
import type { PresetInput } from "./schema";

const FILE = "001_de0aff75e8e4f05c.txt";
const at = (section: string) => ({ file: FILE, section });

const PROCESS = "2.2 The Process";
const SENIOR_MANAGER = { roles: ["Decider" as const], title: "a senior manager", office: "senior-manager" };
// The same office: independence of the decision is what the text asks, and the workflow enforces it over the chain.
const INDEPENDENT_SENIOR_MANAGER = { roles: ["Reviewer" as const], title: "an independent senior manager", office: "senior-manager" };

export const cumbriaFire2023 = {
  id: "cumbria-fire-2023",
  organisation: "Cumbria Fire and Rescue Service",
  title: "Unreasonable or unreasonably persistent customers (Service Policy)",
  date: "25 May 2023 (approved by SLT)",
  file: FILE,
  offices: [
    { id: "senior-manager", title: "a senior manager", source: at(`${PROCESS} — “a senior manager should consider invoking the policy and appropriate sanctions” … “Reviews will be carried out by an independent senior manager.”`) },
    { id: "staff-and-managers", title: "appropriate staff and managers", audience: true, source: at(`${PROCESS} — “the relevant senior manager will then inform appropriate staff and managers that this action has been taken”`) },
  ],
  behaviours: {
    // All three lists sit under "Staff may recognise one or more of the following indicators", so all are loggable:
    // 5 + 2 + 18 = 25. Each label is its bullet in the policy's words, shortened only by leaving words out (the first
    // list's labels start with words of its lead-in, "They make complaints, requests, concerns or enquiries that").
    items: [
      { id: "no-serious-purpose", label: "Complaints, requests or enquiries that clearly do not have any serious purpose or value" },
      { id: "obviously-vexatious", label: "Complaints, requests or enquiries that are obviously vexatious in nature" },
      { id: "designed-to-disrupt", label: "Complaints, requests or enquiries that are designed solely to cause disruption or annoyance" },
      {
        id: "harassing-or-obsessive",
        label: "Complaints, requests or enquiries that have the effect of harassing the Service or its staff or can be characterised as obsessive or unreasonable",
      },
      { id: "unreasonable-officer-time", label: "Complaints, requests or enquiries that take up an unreasonable amount of officer time" },
      { id: "abusive-offensive-threatening", label: "Abusive, offensive or threatening behaviour" },
      { id: "bullying-harassment", label: "Behaviour which amounts to bullying or harassment" },
      { id: "unwilling-to-comply", label: "Unwillingness to comply with council procedures" },
      { id: "incompatible-handling", label: "Insisting on issues or requests being dealt with in ways incompatible with Service procedures, legislation or good practice" },
      { id: "unreasonable-demands-timescales", label: "Making unreasonable demands of staff or setting unreasonable timescales for responses" },
      { id: "unreasonable-who-or-how", label: "Making unreasonable requests in relation to who should deal with their complaint, enquiry or request, or how" },
      { id: "rejects-documented-evidence", label: "Repeatedly being unwilling to accept documented evidence" },
      { id: "high-volume", label: "Sending a high volume of letters, emails and/or phone calls (sometimes to multiple recipients)" },
      { id: "trivial-or-new-complaints", label: "Continuing to add new, or making trivial, complaints, requests or enquiries" },
      { id: "repeat-after-dealt-with", label: "Repeatedly complaining or making repeat requests about similar issues after they have already been dealt with" },
      { id: "many-issues-in-succession", label: "Making many complaints, requests or enquiries about different issues in succession" },
      { id: "refuses-to-specify-grounds", label: "Refusing to specify the grounds of a complaint, despite offers of assistance" },
      { id: "groundless-complaints-about-staff", label: "Making groundless complaints about the staff dealing with the complaint or request, and seeking to have the staff replaced" },
      { id: "refuses-remit", label: "Refusing to accept that issues or requests are not within the remit of a procedure" },
      { id: "changing-basis", label: "Changing the basis of a complaint or request as it proceeds and/or denying statements made at an earlier stage" },
      { id: "trivial-information-or-questions", label: "Introducing trivial or irrelevant new information, or raising large numbers of detailed but unimportant questions" },
      { id: "covert-recording", label: "Electronically recording meetings and conversations without the prior knowledge and consent of the other persons involved" },
      {
        id: "scattergun",
        label: "Adopting a 'scattergun' approach; pursuing complaints or requests with the Service and, at the same time, with a Member of Parliament/ a Councillor/ legal services / local police/ solicitors/ the Ombudsman",
      },
      { id: "repeat-with-minor-variations", label: "Submitting repeat complaints or requests, with minor variations, after the processes have been completed" },
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
    // The policy calls these lists examples, and its lead-ins ("can include") do not close them.
    open: {
      value: true,
      source: at(`${PROCESS} — “If any member of staff experiences one, or a number of, the examples given in the definitions section”`),
    },
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
    // The one case the policy gives for acting without prior warning: police involvement or legal action to protect
    // staff from harassment, aggression or a threat to their safety and welfare. "Where it is obvious from previous
    // correspondence that a warning will have no effect on modifying a customer's behaviour then a senior manager
    // should consider invoking the policy" says when to consider the policy, not that the warning may be skipped.
    exceptions: [
      {
        id: "staff-safety",
        label: "Police involvement or legal action, where behaviour considered to be harassment, aggressive or a threat to staff safety and welfare means there is a need or justification for protecting staff",
      },
    ],
    // Offered by earlier versions of this preset: decisions already logged under it replay as they were taken.
    retiredExceptions: [{ id: "warning-futile", label: "It is obvious from previous correspondence that a warning will have no effect (no longer accepted: the policy does not allow it)" }],
    source: at(
      `${PROCESS} — “will have included a warning that their behaviour is unacceptable, and so it is important that this is recorded” … “Behaviour considered to be harassment, aggressive or a threat to staff safety and welfare may lead to police involvement or legal action. In such cases, where there is a need or justification for protecting staff, the Service may not need to give the customer prior warning of this action.”`,
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
  monitoringPeriod: { value: null, source: at(`${PROCESS} — the policy has no monitoring period; it moves from warning to designation`) },
  monitoringEnd: null,
  reviewIntervalMonths: { value: 6, source: at(`${PROCESS} — “Once the policy is applied a review will be carried out after a period of 6 months.”`) },
  reviewer: {
    // "Reviews will be carried out by an independent senior manager" is read as covering the six-month review too.
    actor: INDEPENDENT_SENIOR_MANAGER,
    independent: true,
    source: at(`${PROCESS} — “Reviews will be carried out by an independent senior manager.”`),
  },
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
    audiences: [
      { event: "Restricted", offices: ["staff-and-managers"], source: at(`${PROCESS} — “the relevant senior manager will then inform appropriate staff and managers that this action has been taken”`) },
    ],
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
