// The typed parameters of each restriction kind (stored as JSON in UpcRestrictions.Params).
import { z } from "zod";
import { ALLOWED_CHANNELS, CONTACT_CHANNELS } from "./vocab";

export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Times are written as HH:MM on the 24-hour clock");
const upn = z.string().trim().toLowerCase().email("Give the officer's work e-mail address");

/** A call slot in UK local time (Europe/London), so it means the same wall-clock hours in summer and winter. */
export const callSlotSchema = z
  .object({ day: z.enum(WEEKDAYS), from: hhmm, to: hhmm })
  .refine((s) => s.from < s.to, { message: "A call slot must end after it starts" });
export type CallSlot = z.infer<typeof callSlotSchema>;

/** A work telephone number as the directory gives it; optional, so rows written before it was recorded still read. */
const workPhone = z.string().trim().min(1).max(64).optional();

export const namedOfficerTargetSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("Person"), upn, name: z.string().min(1), phone: workPhone }),
  z.object({ kind: z.literal("Inbox"), address: upn, name: z.string().min(1) }),
]);

/** A member of staff a restriction names (a witness): work e-mail, name and, when known, work phone. */
export const officerSchema = z.object({ upn, name: z.string().trim().min(1), phone: workPhone });
export type Officer = z.infer<typeof officerSchema>;
export type NamedOfficerTarget = z.infer<typeof namedOfficerTargetSchema>;

export const restrictionParamsSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("SingleChannel"), channel: z.enum(ALLOWED_CHANNELS) }),
  z.object({
    kind: z.literal("NamedOfficer"),
    target: namedOfficerTargetSchema,
    deputyUpn: upn.optional(),
    /** The deputy's name, when they were chosen from the directory. */
    deputyName: z.string().trim().min(1).optional(),
  }),
  z.object({ kind: z.literal("CallSlots"), slots: z.array(callSlotSchema).min(1, "Give at least one call slot") }),
  z.object({ kind: z.literal("CallLength"), maxMinutes: z.number().int().positive() }),
  z.object({
    kind: z.literal("ContactQuota"),
    max: z.number().int().positive(),
    per: z.enum(["Week", "Month"]),
    /** The set form contacts must take; null when any channel counts. */
    channel: z.enum(CONTACT_CHANNELS).nullable(),
  }),
  /** The witness, when one officer is named; otherwise any second officer. */
  z.object({ kind: z.literal("Witness"), officer: officerSchema.optional() }),
  z.object({ kind: z.literal("NoSameMatter"), matterRefs: z.array(z.string().min(1)).min(1) }),
  z.object({ kind: z.literal("NewIssuesOnly") }),
  z.object({ kind: z.literal("SeriousOnly") }),
  z.object({
    kind: z.literal("PremisesAccess"),
    premises: z.string().min(1),
    /** True when visits by appointment are still allowed ("no access without an appointment"). */
    byAppointment: z.boolean().optional(),
  }),
  z.object({ kind: z.literal("FiledWithoutReply") }),
  z.object({ kind: z.literal("NoContact") }),
  z.object({ kind: z.literal("BlockElectronic"), includePhone: z.boolean() }),
]);
export type RestrictionParams = z.infer<typeof restrictionParamsSchema>;
