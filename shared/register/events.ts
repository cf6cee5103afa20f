// Every step the register's log can hold: the case workflow's events and the register's own (a customer opened or
// imported, details and addresses changed, a breach recorded), with a schema that checks their shape on the way in.
import { z } from "zod";
import { FREE_TEXT_MAX } from "../domain/limits";
import { ALLOWED_CHANNELS, CUSTOMER_KINDS, DECISION_OUTCOMES, IDENTITY_KINDS, LETTER_KINDS } from "../domain/vocab";
import { LETTER_ELEMENTS } from "../presets/schema";
import type { WorkflowEvent } from "../workflow/events";
import type { CaseFile, RestrictionTerm, ReviewRecord } from "../workflow/state";
import type { CustomerDetails, IdentityEntry } from "./record";

export type DetailChanges = Partial<Omit<CustomerDetails, "caseRef" | "policyId">>;

export type RegisterEvent =
  /** A new customer: a contact log started by an officer. The case service gives the case reference. */
  | { type: "Opened"; customer: Omit<CustomerDetails, "caseRef"> & { caseRef?: string }; identities: IdentityEntry[] }
  /** A customer brought from an older register or a spreadsheet, with everything it already held. */
  | { type: "Imported"; customer: CustomerDetails; identities: IdentityEntry[]; file: CaseFile; source: string }
  /** An import adds what the sheet holds and the record lacks: addresses, restrictions, reviews. */
  | { type: "ImportAmended"; identities: IdentityEntry[]; restrictions: RestrictionTerm[]; reviews: ReviewRecord[]; source: string }
  | { type: "DetailsChanged"; changes: DetailChanges; reason: string }
  | { type: "IdentityAdded"; identity: IdentityEntry; evidence: string }
  | { type: "IdentityRemoved"; value: string; reason: string }
  /** The flagging service found a mail that breaches a restriction: the SPOC is owed a notice. */
  | { type: "BreachRecorded"; messageId: string; receivedAt: string; subject: string; mailboxes: string[]; breaches: { kind: string; message: string }[] };

export type StepEvent = WorkflowEvent | RegisterEvent;
export type StepType = StepEvent["type"];

export const REGISTER_EVENT_TYPES = ["Opened", "Imported", "ImportAmended", "DetailsChanged", "IdentityAdded", "IdentityRemoved", "BreachRecorded"] as const;

export function isRegisterEvent(e: StepEvent): e is RegisterEvent {
  return (REGISTER_EVENT_TYPES as readonly string[]).includes(e.type);
}

// ---------------------------------------------------------------------------------------------------------------
// Shapes. Only the structure is checked here: what a value means (a restriction's parameters, a date in the window)
// is the workflow's to judge, so its refusals stay in the policy's words.
// ---------------------------------------------------------------------------------------------------------------

const text = (max = FREE_TEXT_MAX) => z.string().max(max);
const iso = z.string().max(40);
const upnList = z.array(text(320)).max(50);
const dateKey = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date such as 2026-11-30");
const reviewPeriod = z.object({ months: z.number().int().min(1).max(60), reason: text() });
const draft = z.object({ params: z.record(z.string(), z.unknown()), endsAt: iso.nullable().optional() });
const identity = z.object({ kind: z.enum(IDENTITY_KINDS), value: text(320).min(1) });

const details = z.object({
  name: text(255),
  caseRef: text(40),
  kind: z.enum(CUSTOMER_KINDS),
  policyId: text(100).min(1),
  serviceAreas: text(255),
  spocUpn: text(320).nullable(),
  spocName: text(255).nullable(),
  spocDeputyUpn: text(320).nullable(),
  allowedChannels: z.array(z.enum(ALLOWED_CHANNELS)),
  staffGuidance: text(),
  adjustments: text(),
});

/** People named with a step as holding an office the policy says takes part (jointly, or consulted). */
const participants = z.array(z.object({ office: text(100), upn: z.string().trim().toLowerCase().email("a work e-mail address") })).max(10);

const workflowEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("LogContact") }),
  z.object({ type: z.literal("Warn"), level: z.enum(["Informal", "Formal"]), note: text() }),
  z.object({ type: z.literal("LocalResolutionStep"), step: text(100), note: text(), confirmedInWriting: z.boolean(), monitorUntil: dateKey.optional() }),
  z.object({
    type: z.literal("Refer"),
    behaviours: z.array(text(100)).max(100),
    // Bounded here only as a shape; the workflow says in words when a description is too short or too long.
    otherBehaviour: text().optional(),
    serviceArea: text(255),
    summary: text(),
    preChecks: z.record(z.string(), z.boolean()).optional(),
    vulnerabilityConsidered: z.boolean().optional(),
    evidenceContactIds: z.array(text(40)).max(500).optional(),
    localResolution: z.array(z.object({ step: text(100), note: text() })).max(20).optional(),
  }),
  z.object({ type: z.literal("WithdrawReferral"), reason: text() }),
  z.object({
    type: z.literal("Decide"),
    outcome: z.enum(DECISION_OUTCOMES),
    reasons: text(),
    preChecks: z.record(z.string(), z.boolean()).optional(),
    vulnerabilityConsidered: z.boolean().optional(),
    warningException: z.object({ id: text(100), reason: text() }).optional(),
    restrictions: z.array(draft).max(20).optional(),
    jointly: upnList.optional(),
    participants: participants.optional(),
    period: z.object({ months: z.number().int().min(1).max(24).optional(), days: z.number().int().min(1).max(730).optional(), reason: text().optional() }).optional(),
    reviewPeriod: reviewPeriod.optional(),
  }),
  z.object({ type: z.literal("InviteExtensionComment") }),
  z.object({
    type: z.literal("LetterSent"),
    kind: z.enum(LETTER_KINDS),
    elements: z.array(z.enum(LETTER_ELEMENTS)),
    content: z
      .object({
        title: text(255),
        body: text(60_000),
        channel: z.enum(["Letter", "Email"]),
        to: z.array(z.string().max(320)).max(50).optional(),
        postedOn: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "a date such as 2026-11-30").optional(),
        receivedOn: dateKey.optional(),
      })
      .optional(),
  }),
  z.object({ type: z.literal("LetterWithheld"), kind: z.enum(LETTER_KINDS), reason: text(), participants: participants.optional() }),
  z.object({ type: z.literal("MonitoringEnded"), acceptable: z.boolean(), reasons: text(), participants: participants.optional() }),
  z.object({
    type: z.literal("ReviewDecided"),
    outcome: z.enum(["Upheld", "Varied", "Removed", "Extended"]),
    reasons: text(),
    restrictions: z.array(draft).max(20).optional(),
    reviewPeriod: reviewPeriod.optional(),
    participants: participants.optional(),
  }),
  z.object({ type: z.literal("AppealLodged"), receivedAt: iso, inWriting: z.boolean(), grounds: text() }),
  z.object({ type: z.literal("AppealDecided"), outcome: z.enum(["Upheld", "Varied", "Removed"]), reasons: text(), restrictions: z.array(draft).max(20).optional(), participants: participants.optional() }),
  z.object({ type: z.literal("RestrictionExpired"), basis: z.literal("policy").optional() }),
  z.object({ type: z.literal("Purge") }),
  z.object({ type: z.literal("OpenMonitoringEndReview"), dueBy: iso }),
]);

const registerEvent = z.discriminatedUnion("type", [
  z.object({ type: z.literal("Opened"), customer: details.extend({ caseRef: text(40).optional() }), identities: z.array(identity).max(50) }),
  // The imported case file is checked by the workflow's own replay, not here: it is the register's own shape.
  z.object({ type: z.literal("Imported"), customer: details, identities: z.array(identity).max(200), file: z.record(z.string(), z.unknown()), source: text(200) }),
  z.object({
    type: z.literal("ImportAmended"),
    identities: z.array(identity).max(200),
    restrictions: z.array(z.object({ kind: text(100), params: z.record(z.string(), z.unknown()), startsAt: iso, endsAt: iso.nullable(), state: z.enum(["Active", "Lifted", "Expired"]) })).max(50),
    reviews: z.array(z.object({ kind: z.enum(["ScheduledReview", "MonitoringEnd", "Appeal"]), openedAt: iso, dueBy: iso, outcome: z.null(), by: z.null(), decidedAt: z.null(), reasons: z.null() })).max(50),
    source: text(200),
  }),
  z.object({ type: z.literal("DetailsChanged"), changes: details.omit({ caseRef: true, policyId: true }).partial(), reason: text() }),
  z.object({ type: z.literal("IdentityAdded"), identity, evidence: text() }),
  z.object({ type: z.literal("IdentityRemoved"), value: text(320), reason: text() }),
  z.object({
    type: z.literal("BreachRecorded"),
    messageId: text(1000),
    receivedAt: iso,
    subject: text(1000),
    mailboxes: upnList,
    breaches: z.array(z.object({ kind: text(100), message: text(2000) })).max(20),
  }),
]);

const ALL_TYPES = new Set<string>([...workflowEvent.options.map((o) => o.shape.type.value), ...REGISTER_EVENT_TYPES]);

/** Checks an event's shape; the problem comes back in words, with the field it is about. */
export function parseStepEvent(input: unknown): { ok: true; event: StepEvent } | { ok: false; problem: string } {
  const type = (input as { type?: unknown } | null)?.type;
  if (typeof type !== "string" || !ALL_TYPES.has(type)) return { ok: false, problem: "That is not a step this product knows." };
  const schema = (REGISTER_EVENT_TYPES as readonly string[]).includes(type) ? registerEvent : workflowEvent;
  const r = schema.safeParse(input);
  if (r.success) return { ok: true, event: r.data as StepEvent };
  const issue = r.error.issues[0];
  const where = issue.path.length ? ` (${issue.path.join(".")})` : "";
  return { ok: false, problem: `The ${type} step is not complete or not in the right form${where}: ${issue.message}.` };
}

