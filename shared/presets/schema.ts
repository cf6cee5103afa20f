// The form of a policy preset: a policy's rules as data, each citing where in the policy it comes from.
import { z } from "zod";
import { DECISION_OUTCOMES, LETTER_KINDS, RESTRICTION_KINDS, ROLES } from "../domain/vocab";

/** Where a rule comes from: the policy file and its section (or "POLICIES.md national guidance"). */
export const citationSchema = z.object({
  file: z.string().min(1),
  section: z.string().min(1),
});
export type Citation = z.infer<typeof citationSchema>;

/** A rule's value with its source. A null value means the policy is silent: an admin must set it before the step runs. */
function cited<T extends z.ZodType>(value: T) {
  return z.object({ value: value.nullable(), source: citationSchema });
}

const labelled = z.object({ id: z.string().regex(/^[a-z0-9-]+$/), label: z.string().min(1) });
export type Labelled = z.infer<typeof labelled>;

/**
 * Headings for a long behaviour list, so a form fits a task pane. With a source, the policy's own headings; without,
 * the product's grouping by kind where the policy gives one flat list. Presentation only: no rule depends on it.
 */
const behaviourGroup = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  label: z.string().min(1),
  /** Behaviour ids, each in at most one group; any left out are shown under "Other behaviours". */
  items: z.array(z.string()).min(1),
  source: citationSchema.optional(),
});
export type BehaviourGroupRule = z.infer<typeof behaviourGroup>;

const officeId = z.string().regex(/^[a-z0-9-]+$/);

/**
 * An office the policy names ("the Chief Executive", "a senior manager", "Elected Members"). An administrator maps each
 * to a group or to named people; an audience only receives notices, it never takes a step.
 */
export const officeSchema = z.object({
  id: officeId,
  /** The policy's own words, shown everywhere the office appears. */
  title: z.string().min(1),
  audience: z.boolean().default(false),
  source: citationSchema,
});
export type Office = z.infer<typeof officeSchema>;

/**
 * Who does a step. With an office, only people the administrator has named to that office may act, and everyone the
 * policy says decides jointly or is consulted must be named with the step; without one (steps any member of staff may
 * take, such as referring), the product role decides.
 */
export const actorRuleSchema = z.object({
  roles: z.array(z.enum(ROLES)).min(1),
  /** The policy's own words, shown to users ("a senior manager", "the Chief Executive"). */
  title: z.string().min(1),
  office: officeId.optional(),
  /** Offices that take the step jointly with the actor: each must be named with the step. */
  jointly: z.array(officeId).default([]),
  /** Offices the actor must consult: each must be named with the step. */
  consulted: z.array(officeId).default([]),
  /** Free-text words for others involved, from presets written before offices; shown, never enforced. */
  with: z.array(z.string()).default([]),
});
export type ActorRule = z.infer<typeof actorRuleSchema>;

/** Elements a letter may be required to contain; the letter is refused until each is present. */
export const LETTER_ELEMENTS = [
  "why",
  "behaviour",
  "what",
  "expectations",
  "howLong",
  "monitoringPeriod",
  "spoc",
  "potentialOutcome",
  "reviewDate",
  "howToAppeal",
  "appealBy",
  "ombudsman",
  "policyCopy",
  "changes",
] as const;
export type LetterElement = (typeof LETTER_ELEMENTS)[number];

export const letterRuleSchema = z.object({
  kind: z.enum(LETTER_KINDS),
  /** A letter of this kind must be sent (or withheld with a recorded reason where allowed). */
  required: z.boolean(),
  elements: z.array(z.enum(LETTER_ELEMENTS)),
  /** Who writes it (policy's words). */
  sender: z.string().nullable(),
  source: citationSchema,
});
export type LetterRule = z.infer<typeof letterRuleSchema>;

/**
 * The largest value each number may take. Generous beyond any policy in use (monitoring of three to six months,
 * reviews every six months, appeals within weeks, retention of a few years), yet small enough that a slip such as
 * 1e9 years is refused in words instead of producing dates that do not exist.
 */
export const LIMITS = {
  monitoringDays: 730,
  monitoringMonths: 24,
  reviewIntervalMonths: 60,
  "appeal.windowDays": 365,
  "appeal.decisionDays": 365,
  retentionYearsAfterEnd: 50,
} as const;

/** A period as a policy states it: "three months" is counted in calendar months, "28 days" in days. */
export const periodSchema = z
  .object({ unit: z.enum(["days", "months"]), count: z.number().int().positive() })
  .refine((p) => p.count <= (p.unit === "days" ? LIMITS.monitoringDays : LIMITS.monitoringMonths), {
    message: `must be from 1 to ${LIMITS.monitoringDays} days or from 1 to ${LIMITS.monitoringMonths} months`,
    path: ["count"],
  });
export type Period = z.infer<typeof periodSchema>;

/** When a period starts: the decision, the customer's receipt of the letter, or the policy being invoked again. */
export const PERIOD_STARTS = ["decision", "letterReceived", "invoked"] as const;
export type PeriodStart = (typeof PERIOD_STARTS)[number];

export const STAFF_NOTICE_EVENTS = ["MonitoringStarted", "MonitoringEnded", "SanctionApplied", "NoContact", "Restricted", "Lifted"] as const;
export type StaffNoticeEvent = (typeof STAFF_NOTICE_EVENTS)[number];

export const presetSchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/),
  organisation: z.string().min(1),
  title: z.string().min(1),
  date: z.string().min(1),
  /** The policy text the preset was taken from. */
  file: z.string().min(1),
  /** The offices the text names, for the steps below and the notices; ids are what an administrator maps. */
  offices: z.array(officeSchema).default([]),
  /** Behaviours staff can tick when logging or referring. */
  behaviours: z.object({
    items: z.array(labelled).min(1),
    groups: z.array(behaviourGroup).optional(),
    /**
     * The policy calls its list examples, so staff may also record a behaviour outside it ("Other (describe)", in their
     * own words). False, or absent in a preset written before this existed, means the list is closed.
     */
    open: z.object({ value: z.boolean(), source: citationSchema }).optional(),
    source: citationSchema,
  }),
  /** Staff may refer; who refers (e.g. "the line manager") for the record. */
  refer: z.object({ actor: actorRuleSchema, source: citationSchema }),
  /** Checks that must each be answered "yes" before a decision to monitor or restrict. */
  preChecks: z.object({ items: z.array(labelled), source: citationSchema }),
  /** Local resolution that must be attempted (at least one step recorded) before referral, or null if not required. */
  localResolution: z.object({
    required: z.boolean(),
    steps: z.array(labelled),
    confirmedInWriting: z.boolean(),
    source: citationSchema,
    /** The behaviour is then watched for a period the manager sets (the policy names none); a referral waits for its end. */
    monitorForSetPeriod: cited(z.boolean()).optional(),
  }),
  /** Whether a warning must be recorded before a decision, and the exceptions the policy allows. */
  warning: z.object({
    required: z.boolean(),
    exceptions: z.array(labelled),
    /**
     * Exceptions an earlier version of this preset offered and the policy does not give. A decision already logged under
     * one is history and still replays; a new decision cannot use it. Not a rule, so not cited.
     */
    retiredExceptions: z.array(labelled).optional(),
    source: citationSchema,
  }),
  /** Null where the policy text is silent: then the product asks for it only where the organisation has set it. */
  vulnerabilityMustBeConsidered: z.object({ value: z.boolean().nullable(), source: citationSchema }),
  /** Who decides each outcome; an outcome absent here is not available under this policy. */
  decisions: z.array(
    z.object({ outcome: z.enum(DECISION_OUTCOMES), actor: actorRuleSchema, source: citationSchema }),
  ),
  /** Sanctions may only follow a monitoring period judged unacceptable (absent: restrictions may follow a referral). */
  restrictOnlyAfterMonitoring: cited(z.boolean()).optional(),
  /** Restriction kinds the policy allows. */
  restrictions: z.object({ kinds: z.array(z.enum(RESTRICTION_KINDS)), source: citationSchema }),
  /**
   * How long monitoring lasts, in the unit the policy gives; whether the policy allows a shorter period (with a reason
   * recorded); and when it starts (absent: from the decision). Old presets' `monitoringDays` is read as days.
   */
  monitoringPeriod: z.object({
    value: periodSchema.nullable(),
    source: citationSchema,
    orLess: cited(z.boolean()).optional(),
    startsFrom: cited(z.enum(PERIOD_STARTS)).optional(),
  }),
  /** Who judges a monitoring period's end (acceptable / not). */
  monitoringEnd: z.object({ actor: actorRuleSchema, source: citationSchema }).nullable(),
  /** Months between scheduled reviews of restrictions. */
  reviewIntervalMonths: cited(z.number().int().positive().max(LIMITS.reviewIntervalMonths)),
  /** Who carries out scheduled reviews. */
  reviewer: z
    .object({
      actor: actorRuleSchema,
      /** The text says reviews are carried out by someone independent: no one from the chain of decisions reviews it. */
      independent: z.boolean().default(false),
      source: citationSchema,
    })
    .nullable(),
  /** The review period may be set otherwise for one customer, with the reason recorded (absent: it may not). */
  reviewAdjustable: cited(z.boolean()).optional(),
  /** What follows a no-contact period's end under the policy (absent: nothing; it waits for its review). */
  afterNoContact: z.object({ monitorFor: periodSchema, startsFrom: z.literal("invoked"), source: citationSchema }).optional(),
  /** An extension needs the customer invited to comment first. */
  extensionNeedsComment: cited(z.boolean()),
  appeal: z.object({
    /** Whether the policy offers an appeal or review of the decision at all. */
    available: cited(z.boolean()),
    windowDays: cited(z.number().int().positive().max(LIMITS["appeal.windowDays"])),
    decisionDays: cited(z.number().int().positive().max(LIMITS["appeal.decisionDays"])),
    inWriting: z.boolean(),
    actor: actorRuleSchema.nullable(),
    source: citationSchema,
  }),
  letters: z.array(letterRuleSchema),
  /** Where the policy allows sending no letter (the reason must be recorded), and for which kinds. */
  noLetter: z.object({ kinds: z.array(z.enum(LETTER_KINDS)), actor: actorRuleSchema.optional(), source: citationSchema }).nullable(),
  /** Who must be told of each event: exactly the audiences the text names for it, each an office an admin maps. */
  staffNotice: z
    .object({
      audiences: z.array(z.object({ event: z.enum(STAFF_NOTICE_EVENTS), offices: z.array(officeId).min(1), source: citationSchema })).min(1),
    })
    .nullable(),
  /** Retention: years kept after the restriction (or the case, if none) ends. */
  retentionYearsAfterEnd: cited(z.number().int().nonnegative().max(LIMITS.retentionYearsAfterEnd)),
  /** Emergency contact is never limited (e.g. 999) — always true in the product, cited where the policy says so. */
  neverLimits: z.object({ items: z.array(z.string()), source: citationSchema }),
  /** Each service area reports how often and why the policy was invoked. */
  reportsPerServiceArea: cited(z.boolean()),
});
export type Preset = z.infer<typeof presetSchema>;
export type PresetInput = z.input<typeof presetSchema>;
