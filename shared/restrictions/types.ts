// The shapes the restriction checks take and give: a proposed contact, the customer's history, and the verdict.
import type { Contact, Restriction } from "../domain/records";
import type { RestrictionParams } from "../domain/restriction-params";
import type { ContactChannel, Direction, RestrictionKind } from "../domain/vocab";

export type ParamsOf<K extends RestrictionKind> = Extract<RestrictionParams, { kind: K }>;

/** A logged contact, as much of it as the checks need. */
export type HistoryContact = Pick<Contact, "contactAt" | "channel" | "direction" | "matterRef">;

/** Requests the law gives their own route; no restriction may block them. */
export type RoutedPurpose = "Emergency" | "FOI" | "EIR" | "SubjectAccess";

export interface ProposedContact {
  at: Date;
  channel: ContactChannel;
  direction: Direction;
  /** Who sends it (Out) or handles it (In); a generic inbox's address counts as a handler. */
  staffUpn: string;
  matterRef?: string;
  /** Whether it raises a new issue; undefined when nobody has judged yet. */
  newIssue?: boolean;
  /** Whether it is a significant and serious query; undefined when nobody has judged yet. */
  serious?: boolean;
  witnessPresent?: boolean;
  /** Length of a call, once known. */
  minutes?: number;
  /** For a visit to premises open by appointment: whether this visit was booked. */
  appointment?: boolean;
  purpose?: RoutedPurpose;
}

export interface ContactCheckInput {
  /** All the customer's restrictions; the checks pick out the ones in force at `proposed.at`. */
  restrictions: Restriction[];
  /** The customer's logged contacts, not including the proposed one. */
  history: HistoryContact[];
  proposed: ProposedContact;
  /** The customer record's SPOC and deputy (UpcCustomers.SpocUpn / SpocDeputyUpn). */
  spoc?: { upn?: string | null; deputyUpn?: string | null };
}

export interface Breach {
  restrictionId?: string;
  kind: RestrictionKind;
  message: string;
}

export interface Routing {
  to: "EmergencyServices" | "InformationGovernance";
  message: string;
}

export interface ContactCheck {
  allowed: boolean;
  breaches: Breach[];
  routed?: Routing;
  /** Things staff should do or check that are not breaches. */
  notes: string[];
}
