// Preset for Hampshire SENDIASS's unreasonably persistent and/or vexatious customer communication policy.
import type { PresetInput } from "./schema";
import { NEVER_LIMITS_STATUTORY } from "./national-guidance";

const FILE = "003_f99db5e613e66c3b.txt";
const at = (section: string) => ({ file: FILE, section });

const DEALING = "Dealing with unreasonably persistent and/or vexatious communication";
const EXTREME = `${DEALING} — “Extreme cases in which resolution has been attempted but the customer's communication has not changed, may lead to the blocking of telephone calls and electronic contact with the service.”`;
// A support worker who decides must hold the Manager role in the product: the Staff role never decides.
const WORKER_OR_MANAGER = { roles: ["Manager" as const, "Decider" as const], title: "the support worker or manager", office: "support-worker-or-manager" };
const SILENT = `${DEALING} — the policy states no review, period or retention`;
const SILENT_VULNERABILITY = `${DEALING} — the policy says nothing of considering the customer's vulnerability before a decision`;

export const hampshireSendiass = {
  id: "hampshire-sendiass",
  organisation: "Hampshire SENDIASS",
  offices: [
    // The text says who attempts local resolution, not who decides to block; the admin names whoever the service chooses.
    { id: "support-worker-or-manager", title: "the support worker or manager", source: at(EXTREME) },
  ],
  title: "Unreasonably persistent and/or vexatious customer communication policy",
  date: "undated",
  file: FILE,
  behaviours: {
    items: [
      { id: "scattergun-multiple-routes", label: "Scattergun: the same issue by several routes without saying others were contacted" },
      { id: "scattergun-copying-in", label: "Scattergun: routinely copying the service into e-mails about a child unrelated to the support outcomes" },
      { id: "scattergun-checking-advice", label: "Scattergun: calling the helpline repeatedly about one issue to compare advisers' advice" },
      { id: "excessive-demands", label: "Unnecessarily excessive demands, e.g. daily calls or e-mails, frequent lengthy complex e-mails" },
      { id: "offensive-remarks", label: "Sarcastic, rude, derogatory, discriminatory or threatening remarks to employees" },
      { id: "repeat-complaints", label: "Repeat complaints about essentially the same issue after the complaints procedure is complete" },
      { id: "outside-what-to-expect", label: "Insisting on a service not consistent with the What to Expect document" },
      { id: "changing-focus", label: "Repeatedly asking to change the focus of support work when circumstances have not changed" },
      { id: "withholding-information", label: "Failing to share relevant information" },
      { id: "groundless-complaints-about-staff", label: "Apparently groundless complaints about employees, seeking to have them replaced" },
      { id: "covert-recording", label: "Electronically recording meetings or conversations without prior knowledge and consent" },
    ],
    // The policy nests the three scattergun examples under one bullet; it lists the rest flat, so those are grouped
    // by kind here (no source): what is asked of the service, and how staff are treated.
    groups: [
      {
        id: "scattergun",
        label: "Scattergun approach",
        items: ["scattergun-multiple-routes", "scattergun-copying-in", "scattergun-checking-advice"],
        source: at("Examples of communication that is considered persistent and/or vexatious — “Repeatedly adopting a 'scattergun' approach, e.g.:”"),
      },
      { id: "demands", label: "Demands and repeat complaints", items: ["excessive-demands", "repeat-complaints", "outside-what-to-expect", "changing-focus", "withholding-information"] },
      { id: "staff", label: "How staff are treated", items: ["offensive-remarks", "groundless-complaints-about-staff", "covert-recording"] },
    ],
    open: {
      value: true,
      source: at("Examples of communication that is considered persistent and/or vexatious — “This is not an exhaustive list but illustrates some of the main incidents that arise:”"),
    },
    source: at("Examples of communication that is considered persistent and/or vexatious — “This is not an exhaustive list”"),
  },
  refer: {
    actor: { roles: ["Staff", "Manager"], title: "the support worker or manager", with: [] },
    source: at(`${DEALING} — “the support worker or manager will attempt to deal with the matter by communication with the customer”`),
  },
  preChecks: {
    items: [
      { id: "genuine-need-distinguished", label: "The customer's contact is not explained by genuine, ongoing or multiple problems" },
      { id: "communication-unchanged", label: "Resolution has been attempted but the customer's communication has not changed" },
    ],
    source: at(
      `${DEALING} — “It is important to distinguish between people who make regular contact because they have genuine, ongoing or multiple problems and those that are unreasonably persistent or vexatious.” … “resolution has been attempted but the customer's communication has not changed”`,
    ),
  },
  localResolution: {
    // Blocking is only for cases "in which resolution has been attempted", so an attempt must be on record first.
    required: true,
    steps: [
      { id: "change-of-communication", label: "Requesting a change in communication" },
      { id: "spoc", label: "Designating a single point of contact" },
      { id: "agreed-frequency", label: "Agreeing an acceptable frequency for communication" },
      { id: "inappropriate-style-named", label: "Highlighting an inappropriate communication style and requiring the customer to stop using it" },
      { id: "ignore-unless-open-enquiry", label: "Notifying the customer that communication will be ignored unless relevant to an open enquiry" },
      { id: "new-issues-only", label: "Notifying the customer that the service will only respond to new issues" },
      { id: "other-resolution", label: "Other relevant resolutions" },
    ],
    confirmedInWriting: false,
    source: at(`${DEALING} — “explain the concerns regarding the customer's communication and suggest a way forward to manage the issue. This may include”`),
  },
  warning: {
    // Naming an inappropriate style is one of the local resolutions, not a separate warning step.
    required: false,
    exceptions: [],
    source: at(`${DEALING} — “Highlighting any communication style deemed inappropriate”`),
  },
  vulnerabilityMustBeConsidered: {
    // The text says nothing of it; the national guidance does, but it is not this policy's rule.
    value: null,
    source: at(SILENT_VULNERABILITY),
  },
  decisions: [
    { outcome: "Declined", actor: WORKER_OR_MANAGER, source: at(EXTREME) },
    { outcome: "Restrict", actor: WORKER_OR_MANAGER, source: at(EXTREME) },
  ],
  restrictions: {
    // The resolutions are listed as what "This may include", ending in "Other relevant resolutions": an open list.
    kinds: ["BlockElectronic", "OpenEnquiryOnly", "Described"],
    source: at(
      `${DEALING} — “Notifying the customer that the service will ignore communication unless it is relevant to an open enquiry” … “Other relevant resolutions.” … “Extreme cases in which resolution has been attempted but the customer's communication has not changed, may lead to the blocking of telephone calls and electronic contact with the service.”`,
    ),
  },
  monitoringPeriod: { value: null, source: at(SILENT) },
  monitoringEnd: null,
  reviewIntervalMonths: { value: null, source: at(SILENT) },
  reviewer: null,
  extensionNeedsComment: { value: null, source: at(SILENT) },
  appeal: {
    // The complaints policy is a real route of challenge, but its time limits and who hears it are in another document.
    available: {
      value: true,
      source: at("Complaints — “Any complaints about the application of this policy will be dealt with in accordance with the service's complaint policy”"),
    },
    windowDays: { value: null, source: at("Complaints — time limits are set by the service's complaint policy, not this text") },
    decisionDays: { value: null, source: at("Complaints — time limits are set by the service's complaint policy, not this text") },
    inWriting: false,
    actor: null,
    source: at("Complaints — “dealt with in accordance with the service's complaint policy, available on the website”"),
  },
  // The policy names no letter. The national guidance's decision letter is an organisation setting, not this policy's rule.
  letters: [],
  noLetter: null,
  staffNotice: null,
  retentionYearsAfterEnd: { value: null, source: at(SILENT) },
  neverLimits: NEVER_LIMITS_STATUTORY,
  reportsPerServiceArea: { value: null, source: at(SILENT) },
} satisfies PresetInput;
