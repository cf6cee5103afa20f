// Every query the Teams tab makes, named in one place, so a step can invalidate exactly the lists it changes.
import type { PeriodKind } from "../../../graph/reports/aggregate";

export const teamsKeys = {
  all: ["teams"] as const,
  session: (page: string) => ["teams", "session", page] as const,
  queue: () => ["teams", "queue"] as const,
  cases: () => ["teams", "case"] as const,
  case: (customerId: string, withSensitive: boolean) => ["teams", "case", customerId, { withSensitive }] as const,
  calendars: () => ["teams", "calendar"] as const,
  calendar: (months: number) => ["teams", "calendar", months] as const,
  reports: () => ["teams", "report"] as const,
  report: (kind: PeriodKind, start: string) => ["teams", "report", kind, start] as const,
  problems: () => ["teams", "problems"] as const,
  /** The caller's offices from the case service: read once a session. */
  me: () => ["teams", "me"] as const,
  settings: () => ["teams", "settings"] as const,
  accessCustomer: (siteId: string, customerId: string) => ["teams", "access", "customer", siteId, customerId] as const,
  accessSearch: (siteId: string, asked: unknown) => ["teams", "access", "search", siteId, asked] as const,
};

/**
 * What a workflow step on one customer may change: their case page, the referral queue, what is due and the counts.
 * Register problems are the service's audit, not changed by a step, so they are left alone.
 */
export function changedByStep(customerId: string): readonly (readonly unknown[])[] {
  return [["teams", "case", customerId], teamsKeys.queue(), teamsKeys.calendars(), teamsKeys.reports()];
}
