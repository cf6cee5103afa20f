// The demo people as workflow actors, one per role, for unit and lifecycle tests.
import type { Actor } from "../../shared/workflow";

export const sam: Actor = { upn: "sam.officer@upc.test", roles: ["Staff"] };
export const mo: Actor = { upn: "mo.manager@upc.test", roles: ["Manager", "Staff"] };
export const dee: Actor = { upn: "dee.decider@upc.test", roles: ["Decider", "Manager", "Staff"] };
export const dan: Actor = { upn: "dan.decider@upc.test", roles: ["Decider", "Manager", "Staff"] };
export const rory: Actor = { upn: "rory.reviewer@upc.test", roles: ["Reviewer", "Staff"] };
export const remi: Actor = { upn: "remi.reviewer@upc.test", roles: ["Reviewer", "Decider", "Staff"] };
export const admin: Actor = { upn: "admin@upc.test", roles: ["Admin", "Staff"] };
export const scheduler: Actor = { upn: "scheduler", roles: [], system: true };

/** A London wall-clock time as an instant: "2027-03-01T10:00" in winter is 10:00Z, in summer 09:00Z. */
export function at(iso: string): Date {
  return new Date(iso);
}
