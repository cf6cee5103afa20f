// Zod schemas and types for every SharePoint list row (DESIGN.md "SharePoint schema"), as the domain sees them.
import { z } from "zod";
import {
  ALLOWED_CHANNELS,
  CASE_STAGES,
  CONTACT_CHANNELS,
  CONTACT_SOURCES,
  CUSTOMER_KINDS,
  CUSTOMER_STATUSES,
  DECISION_OUTCOMES,
  DIRECTIONS,
  IDENTITY_KINDS,
  LETTER_KINDS,
  RESTRICTION_KINDS,
  RESTRICTION_STATES,
  REVIEW_KINDS,
  REVIEW_OUTCOMES,
  SCREENING_OUTCOMES,
} from "./vocab";
import { restrictionParamsSchema } from "./restriction-params";

const isoDate = z.iso.datetime({ offset: true });
const optionalDate = isoDate.nullable().optional();
const upn = z.string().trim().toLowerCase();
/** SharePoint item ids are strings in Graph. */
const id = z.string().min(1);

export const caseRefSchema = z.string().regex(/^UPC-\d{4,}$/, "A case reference looks like UPC-0007");

export const customerSchema = z.object({
  id: id.optional(),
  name: z.string().trim().min(1, "Give the customer's name").max(255),
  caseRef: caseRefSchema,
  kind: z.enum(CUSTOMER_KINDS),
  status: z.enum(CUSTOMER_STATUSES),
  policyId: z.string().min(1),
  serviceAreas: z.string().default(""),
  spocUpn: upn.nullable().optional(),
  spocName: z.string().nullable().optional(),
  spocDeputyUpn: upn.nullable().optional(),
  allowedChannels: z.array(z.enum(ALLOWED_CHANNELS)).default([]),
  staffGuidance: z.string().default(""),
  adjustments: z.string().default(""),
  monitoringEnds: optionalDate,
  reviewDue: optionalDate,
  retainUntil: optionalDate,
  etag: z.string().optional(),
});
export type Customer = z.infer<typeof customerSchema>;

export const identitySchema = z.object({
  id: id.optional(),
  value: z.string().min(1),
  kind: z.enum(IDENTITY_KINDS),
  customerId: id,
});
export type Identity = z.infer<typeof identitySchema>;

export const contactSchema = z.object({
  id: id.optional(),
  title: z.string().max(255),
  customerId: id,
  contactAt: isoDate,
  channel: z.enum(CONTACT_CHANNELS),
  direction: z.enum(DIRECTIONS),
  staffUpn: upn,
  serviceArea: z.string().default(""),
  matterRef: z.string().default(""),
  behaviours: z.array(z.string()).default([]),
  /** A behaviour outside the policy's list ("other" in `behaviours`), in the officer's words; absent in older rows. */
  otherBehaviour: z.string().optional(),
  minutes: z.number().nonnegative().nullable().optional(),
  messageId: z.string().nullable().optional(),
  recipients: z.array(z.string()).default([]),
  source: z.enum(CONTACT_SOURCES),
  breach: z.string().default(""),
  screening: z.enum(SCREENING_OUTCOMES).default("NotScreened"),
  note: z.string().default(""),
});
export type Contact = z.infer<typeof contactSchema>;

export const caseSchema = z.object({
  id: id.optional(),
  title: z.string().max(255),
  customerId: id,
  stage: z.enum(CASE_STAGES),
  outcome: z.enum(DECISION_OUTCOMES).nullable().optional(),
  referredBy: upn,
  referredAt: isoDate,
  serviceArea: z.string().default(""),
  behaviours: z.array(z.string()).default([]),
  /** A behaviour outside the policy's list ("other" in `behaviours`), in the referrer's words; absent in older rows. */
  otherBehaviour: z.string().optional(),
  summary: z.string().default(""),
  /** Local-resolution attempts: step id, when, a note. */
  localResolution: z.array(z.object({ step: z.string(), at: isoDate, note: z.string().default("") })).default([]),
  /** Pre-check answers by the preset's pre-check id. */
  preChecks: z.record(z.string(), z.boolean()).default({}),
  vulnerabilityConsidered: z.boolean().default(false),
  evidenceContactIds: z.array(id).default([]),
  decidedBy: upn.nullable().optional(),
  decidedAt: optionalDate,
  reasons: z.string().nullable().optional(),
  etag: z.string().optional(),
});
export type Case = z.infer<typeof caseSchema>;

export const restrictionSchema = z.object({
  id: id.optional(),
  title: z.string(),
  customerId: id,
  caseId: id.nullable().optional(),
  kind: z.enum(RESTRICTION_KINDS),
  params: restrictionParamsSchema,
  startsAt: isoDate,
  endsAt: optionalDate,
  reviewDue: optionalDate,
  state: z.enum(RESTRICTION_STATES),
  etag: z.string().optional(),
});
export type Restriction = z.infer<typeof restrictionSchema>;

export const reviewSchema = z.object({
  id: id.optional(),
  title: z.string(),
  customerId: id,
  caseId: id.nullable().optional(),
  kind: z.enum(REVIEW_KINDS),
  openedAt: isoDate,
  dueBy: isoDate,
  reviewer: upn.nullable().optional(),
  outcome: z.enum(REVIEW_OUTCOMES).nullable().optional(),
  decidedAt: optionalDate,
  reasons: z.string().nullable().optional(),
  etag: z.string().optional(),
});
export type Review = z.infer<typeof reviewSchema>;

export const letterSchema = z.object({
  id: id.optional(),
  title: z.string(),
  customerId: id,
  caseId: id.nullable().optional(),
  kind: z.enum(LETTER_KINDS),
  sentAt: optionalDate,
  channel: z.enum(CONTACT_CHANNELS).nullable().optional(),
  body: z.string(),
  complete: z.boolean(),
});
export type Letter = z.infer<typeof letterSchema>;

export const sensitiveNoteSchema = z.object({
  id: id.optional(),
  customerId: id,
  notes: z.string().min(1),
  recordedBy: upn,
  recordedAt: isoDate,
});
export type SensitiveNote = z.infer<typeof sensitiveNoteSchema>;
