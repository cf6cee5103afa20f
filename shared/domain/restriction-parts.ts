// The pieces restriction parameters are built from (days, call slots, officers), apart from the kinds that use them.
import { z } from "zod";

export const WEEKDAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "Times are written as HH:MM on the 24-hour clock");
export const upn = z.string().trim().toLowerCase().email("Give the officer's work e-mail address");

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
