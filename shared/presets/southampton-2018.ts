// Preset for Southampton City Council's Unreasonably Persistent or Vexatious Customer Behaviour Policy (2018, reviewed 2021).
import type { PresetInput } from "./schema";
import { NEVER_LIMITS_STATUTORY } from "./national-guidance";

const FILE = "002_c47487000f646a0a.txt";
const at = (section: string) => ({ file: FILE, section });

const DEALING = "Dealing with unreasonably persistent and/or vexatious customers";
const CRM = { roles: ["Decider" as const], title: "the Complaints Resolution Manager (CRM)", office: "complaints-resolution-manager" };
const CRM_WITH_LEGAL = { ...CRM, consulted: ["head-of-legal"] };
const IMPOSE_LETTER = "Review — “Should the CRM decide that the original restrictions (or new restrictions) be imposed, then the customer will be informed, in writing, what action is being taken and why.”";

export const southampton2018 = {
  id: "southampton-2018",
  organisation: "Southampton City Council (Legal and Business Operations)",
  title: "Unreasonably Persistent or Vexatious Customer Behaviour Policy",
  date: "14 September 2018 (version 4, reviewed 19 August 2021)",
  file: FILE,
  offices: [
    { id: "complaints-resolution-manager", title: "the Complaints Resolution Manager (CRM)", source: at("Scope — “Formal restrictions can only be imposed by the Complaints Resolution Manager (CRM)”") },
    { id: "head-of-legal", title: "the Head of Service, Legal Services Partnership", source: at(`${DEALING} — “The CRM will consider the referral, in consultation with the Head of Service, Legal Services Partnerships, based on the available evidence.”`) },
    { id: "service-director", title: "the Service Director, Legal & Business Operations (or nominated officer)", source: at("Appeal — “Appeals are determined by the Council's Service Director, Legal & Business Operations or nominated officer”") },
  ],
  behaviours: {
    items: [
      { id: "scattergun", label: "Scattergun approach: the same issue with several service areas, organisations, staff or councillors at once" },
      { id: "excessive-demands", label: "Unnecessarily excessive demands on staff time, e.g. daily calls or e-mails, frequent lengthy letters" },
      { id: "offensive-remarks", label: "Frequent sarcastic, rude, derogatory, discriminatory or threatening remarks to employees" },
      { id: "repeat-complaints", label: "Repeat complaints about essentially the same issue after the complaints procedure is complete" },
      { id: "insists-outside-policy", label: "Insisting an issue is dealt with in a way not consistent with council policy" },
      { id: "changing-basis", label: "Changing the basis of a complaint as the investigation proceeds" },
      { id: "trivial-new-information", label: "Introducing trivial or irrelevant new information at a later stage" },
      { id: "unimportant-questions", label: "Raising numerous detailed but unimportant questions and insisting they are answered" },
      { id: "falsified-documents", label: "Submitting falsified documents" },
      { id: "refuses-decision", label: "Refusing to accept a council decision after all appeal options are exhausted" },
      { id: "refuses-outside-control", label: "Refusing to accept that issues are outside the council's responsibility and control" },
      { id: "refuses-outside-remit", label: "Refusing to accept that issues are outside the council's statutory duty, policy or procedures" },
      { id: "groundless-complaints-about-staff", label: "Apparently groundless complaints about employees, seeking to have them replaced" },
      { id: "covert-recording", label: "Electronically recording meetings or conversations without prior knowledge and consent" },
    ],
    // The policy gives one flat list: grouped here by kind (no source) so the form fits a task pane.
    groups: [
      { id: "contact", label: "How often and where they make contact", items: ["scattergun", "excessive-demands"] },
      { id: "staff", label: "How staff are treated", items: ["offensive-remarks", "groundless-complaints-about-staff", "covert-recording"] },
      {
        id: "complaints",
        label: "How they pursue a complaint",
        items: ["repeat-complaints", "insists-outside-policy", "changing-basis", "trivial-new-information", "unimportant-questions", "falsified-documents"],
      },
      { id: "decisions", label: "Not accepting decisions or limits", items: ["refuses-decision", "refuses-outside-control", "refuses-outside-remit"] },
    ],
    open: {
      value: true,
      source: at("Examples of unreasonably persistent and/or vexatious behaviour — “This is not an exhaustive list but illustrates come of the main incidents that arise:”"),
    },
    source: at("Examples of unreasonably persistent and/or vexatious behaviour — “This is not an exhaustive list”"),
  },
  refer: {
    actor: { roles: ["Manager"], title: "the manager for the service area most affected by the behaviour", with: [] },
    source: at(`${DEALING} — “the matter should be referred to the CRM”`),
  },
  preChecks: {
    // What a referral must carry and what the CRM must weigh; each is confirmed before the decision.
    items: [
      { id: "genuine-need-distinguished", label: "The customer's contact is not explained by genuine ongoing or multiple problems" },
      { id: "referral-behaviour", label: "The referral gives details of the behaviour" },
      { id: "referral-local-resolution", label: "The referral gives the attempts at local resolution" },
      { id: "referral-evidence", label: "The referral gives evidence of the behaviour, including any log sheets kept" },
      { id: "referral-other-departments", label: "The referral names any other department or area known to be subject of the behaviour" },
      { id: "proportionate", label: "Any restriction is appropriate and proportionate" },
    ],
    source: at(
      `${DEALING} — “It is important to distinguish between people who make regular contact because they have genuine ongoing or multiple problems” … “The referring manager should include details of the behaviour, attempts at local resolution, evidence of the behaviour (including any log sheets kept) and details of any other department/area known to be subject of the customer's behaviour.” … “Any restrictions imposed will be appropriate and proportionate.”`,
    ),
  },
  localResolution: {
    required: true,
    steps: [
      { id: "spoc", label: "A single point of contact (SPOC)" },
      { id: "agreed-contact", label: "Agreement for weekly/fortnightly specified contact" },
      { id: "communication-style", label: "A communication style deemed appropriate and proportionate in the circumstances" },
    ],
    confirmedInWriting: true,
    source: at(
      `${DEALING} — “This communication may take any format, but must be confirmed in writing.” … “The behaviour of the customer should then be monitored for a set period. Log sheets (or electronic alternative) should be kept for this period.”`,
    ),
    // The text names no length: the manager sets it when recording the step, and a referral waits for its end.
    monitorForSetPeriod: {
      value: true,
      source: at(`${DEALING} — “The behaviour of the customer should then be monitored for a set period. Log sheets (or electronic alternative) should be kept for this period.”`),
    },
  },
  warning: {
    // The written local-resolution communication is what the customer is told first; no separate warning is required.
    required: false,
    exceptions: [],
    source: at(`${DEALING} — “The communication will explain the concerns of the council regarding the customer's behaviour”`),
  },
  vulnerabilityMustBeConsidered: {
    // The text says nothing of it; the national guidance does, but it is not this policy's rule.
    value: null,
    source: at(`${DEALING} — the policy says nothing of considering the customer's vulnerability before a decision`),
  },
  decisions: [
    {
      outcome: "Declined",
      actor: CRM_WITH_LEGAL,
      source: at(`${DEALING} — “The CRM will consider the referral, in consultation with the Head of Service, Legal Services Partnerships, based on the available evidence.”`),
    },
    {
      outcome: "Restrict",
      actor: CRM_WITH_LEGAL,
      source: at("Scope — “Formal restrictions can only be imposed by the Complaints Resolution Manager (CRM)”"),
    },
    {
      outcome: "Extend",
      actor: CRM,
      source: at("Review — “the CRM may choose to extend the restrictions (or impose new restrictions) for a further period”"),
    },
    {
      outcome: "Lift",
      actor: CRM,
      source: at("Review — “The aim of the review(s) is to remove any restrictions as soon as possible”"),
    },
  ],
  restrictions: {
    // "Most likely to be considered" leaves the list open: another restriction may be described in words.
    kinds: ["SingleChannel", "NamedOfficer", "CallSlots", "SeriousOnly", "NewIssuesOnly", "BlockElectronic", "Described"],
    source: at(`${DEALING} — “Any restrictions imposed will be appropriate and proportionate. The options most likely to be considered are”`),
  },
  monitoringPeriod: {
    value: null,
    source: at(`${DEALING} — local resolution is “monitored for a set period” (not a decision to monitor; no length is stated)`),
  },
  monitoringEnd: null,
  reviewIntervalMonths: { value: 12, source: at("Review — “Any restrictions imposed will be reviewed on a yearly basis by the CRM.”") },
  reviewer: {
    // The CRM reviews their own restrictions; only appeals need someone independent.
    actor: CRM,
    source: at("Review — “Any restrictions imposed will be reviewed on a yearly basis by the CRM.”"),
  },
  reviewAdjustable: {
    value: true,
    source: at("Review — “Where necessary the review period will be adjusted given the personal circumstances of the customer”"),
  },
  extensionNeedsComment: {
    value: true,
    source: at("Review — “the customer will be informed of the reasons for the extension and be invited to comment on the proposal to extend the restrictions”"),
  },
  appeal: {
    available: { value: true, source: at("Appeal — “Appeals are determined by the Council's Service Director, Legal & Business Operations or nominated officer”") },
    windowDays: { value: null, source: at("Appeal — no time limit for lodging an appeal is stated") },
    decisionDays: { value: null, source: at("Appeal — no time for deciding an appeal is stated") },
    inWriting: false,
    actor: {
      roles: ["Reviewer"],
      title: "the Service Director, Legal & Business Operations (or nominated officer)",
      office: "service-director",
    },
    source: at("Appeal — “who will confirm, amend or remove the decision to restrict access”"),
  },
  letters: [
    {
      kind: "Restriction",
      required: true,
      elements: ["why", "what", "howLong", "howToAppeal"],
      sender: "the CRM",
      source: at(`${DEALING} — “The CRM will write to the customer to explain what action is being taken and why. The letter will also advise on the duration of the action and give details of how to appeal against the decision.”`),
    },
    {
      kind: "Extension",
      required: true,
      elements: ["why", "what", "howLong", "howToAppeal"],
      sender: "the CRM",
      source: at(IMPOSE_LETTER),
    },
    {
      // A review that keeps restrictions in place is, in the policy's words, the CRM deciding they "be imposed".
      kind: "ReviewOutcome",
      required: true,
      elements: ["why", "what", "howLong", "howToAppeal"],
      sender: "the CRM",
      source: at(IMPOSE_LETTER),
    },
    {
      kind: "Lifted",
      required: true,
      elements: [],
      sender: "the CRM",
      source: at("Review — “Where it is believed that communication with a customer by the CRM, who is no longer deemed persistent or vexatious after a review, could insight the behaviour to recommence”"),
    },
    {
      kind: "AppealOutcome",
      required: true,
      elements: ["changes"],
      sender: "the council",
      source: at("Appeal — “the council will write to the customer to tell them of the results of the review and say what changes (if any) have been made to the decision to restrict access”"),
    },
  ],
  noLetter: {
    // Only a customer no longer deemed persistent after a review may go unwritten to, so only the lifting letter.
    kinds: ["Lifted"],
    actor: CRM_WITH_LEGAL,
    source: at("Review — “then the customer will not be communicated with. The decision will be taken by the CRM in consultation with the Head of Service, Legal Services Partnership and the reasons for it will be recorded.”"),
  },
  staffNotice: null,
  retentionYearsAfterEnd: {
    value: 6,
    source: at("Information Retention — “The current retention period is duration of the imposed restrictions plus 6 years”"),
  },
  neverLimits: NEVER_LIMITS_STATUTORY,
  reportsPerServiceArea: { value: null, source: at("Information Retention — no reporting of invocations is stated") },
} satisfies PresetInput;
