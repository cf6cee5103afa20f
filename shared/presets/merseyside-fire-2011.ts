// Preset for Merseyside Fire & Rescue Service's 2011 Resource Intensive & Vexatious Customer Policy.
import type { PresetInput } from "./schema";
import { NEVER_LIMITS_STATUTORY } from "./national-guidance";

const FILE = "000_15ef6c37defcaa2d.txt";
const at = (section: string) => ({ file: FILE, section });

// The policy defers its procedure to a Service Instruction that is not part of the text, so most periods and
// deciders beyond the Director's authorisation are silent here and left for the admin.
const DEFERRED = "Introduction — “the associated Service Instruction details how we will do this”";
const DIRECTOR = { roles: ["Decider" as const], title: "a Director", office: "director" };

export const merseysideFire2011 = {
  id: "merseyside-fire-2011",
  organisation: "Merseyside Fire & Rescue Service",
  title: "Resource Intensive & Vexatious Customer Policy",
  date: "1 December 2011 (version 1.2)",
  file: FILE,
  offices: [{ id: "director", title: "a Director", source: at("Aims and Key Objectives — “Ensuring the Service Instruction is only implemented with the authorisation of a Director.”") }],
  behaviours: {
    items: [
      { id: "vexatious", label: "Vexatious complainer" },
      { id: "persistent", label: "Persistent complainer" },
      { id: "resource-intensive", label: "Resource intensive customer" },
      { id: "abusive", label: "Abusive customer" },
    ],
    // A closed list: the policy names exactly four definitions and calls none of them an example.
    open: { value: false, source: at("Definitions — “This Service Instruction covers four definitions:-”") },
    source: at("Definitions — “This Service Instruction covers four definitions”"),
  },
  refer: {
    actor: { roles: ["Staff", "Manager"], title: "staff", with: [] },
    source: at("Definitions — “Before invoking the Service Instruction, staff will try to resolve matters”"),
  },
  preChecks: {
    items: [
      { id: "meeting-held", label: "Staff have tried to resolve matters by meeting personally with the customer or their advocates" },
      { id: "vulnerability-assessed", label: "The customer's vulnerability has been taken into account and the support provided or that can be offered identified" },
      { id: "customer-explained", label: "The customer has been given the opportunity to explain their feelings and told of our intention to conclude the matter" },
      { id: "behaviour-not-modified", label: "That approach has failed and the customer's behaviour has not modified" },
      { id: "evidence-not-anecdote", label: "The decision rests on evidence rather than anecdotal information" },
      { id: "workload-evidenced", label: "Evidence shows the customer's workload is harming the service area, its other customers and its performance" },
      { id: "last-resort", label: "All avenues and options have been exhausted: this is a last resort after all reasonable measures" },
    ],
    source: at(
      "Introduction; Aims and Key Objectives; Definitions — “Evidence rather than anecdotal information will form the basis of the decision” … “used as a last resort, after all reasonable measures have been taken” … “we will evidence where the workload created by a customer is having a negative effect” … “meeting personally with the customer or their advocates” … “identify what support is being provided or can be offered” … “Where this fails and the customer's behaviour does not modify”",
    ),
  },
  localResolution: {
    // The personal meeting is a pre-check here; the policy names no other resolution steps.
    required: false,
    steps: [],
    confirmedInWriting: false,
    source: at("Definitions — “Before invoking the Service Instruction, staff will try to resolve matters by meeting personally with the customer or their advocates”"),
  },
  warning: {
    required: false,
    exceptions: [],
    source: at("Definitions — “Customers will be given the opportunity to explain their feelings” (no warning is required)"),
  },
  vulnerabilityMustBeConsidered: {
    value: true,
    source: at("Definitions — “A key factor to be taken into account however is the customer's vulnerability.”"),
  },
  decisions: [
    {
      outcome: "Declined",
      actor: DIRECTOR,
      source: at("Aims and Key Objectives — “Ensuring the Service Instruction is only implemented with the authorisation of a Director.”"),
    },
    {
      outcome: "Restrict",
      actor: DIRECTOR,
      source: at("Aims and Key Objectives — “Ensuring the Service Instruction is only implemented with the authorisation of a Director.”"),
    },
  ],
  restrictions: { kinds: [], source: at(DEFERRED) },
  monitoringPeriod: { value: null, source: at(DEFERRED) },
  monitoringEnd: null,
  reviewIntervalMonths: {
    value: null,
    source: at(
      "Document Control — “1 st April 2012 and annual thereafter” is the review date of the policy document itself, not of a customer's restrictions; none is stated",
    ),
  },
  reviewer: null,
  extensionNeedsComment: { value: null, source: at(DEFERRED) },
  appeal: {
    available: { value: null, source: at(DEFERRED) },
    windowDays: { value: null, source: at(DEFERRED) },
    decisionDays: { value: null, source: at(DEFERRED) },
    inWriting: false,
    actor: null,
    source: at(DEFERRED),
  },
  // The policy names no letter. The national guidance's decision letter is an organisation setting, not this policy's rule.
  letters: [],
  noLetter: null,
  staffNotice: null,
  retentionYearsAfterEnd: { value: null, source: at(DEFERRED) },
  neverLimits: NEVER_LIMITS_STATUTORY,
  reportsPerServiceArea: { value: null, source: at(DEFERRED) },
} satisfies PresetInput;
