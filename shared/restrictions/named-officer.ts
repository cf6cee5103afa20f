// Who may deal with a customer restricted to a named officer or a generic inbox.
import type { ContactCheckInput, ParamsOf } from "./types";
import { sameAddress, targetLabel } from "./wording";

type OfficerParams = ParamsOf<"NamedOfficer">;

/** The target's UPN or inbox address. */
export function targetAddress(params: OfficerParams): string {
  return params.target.kind === "Person" ? params.target.upn : params.target.address;
}

/**
 * The restriction's target and deputy may deal, and so may the SPOC and deputy on the customer record: the record
 * is what a manager updates when someone leaves or is on leave, and refusing the current SPOC would only push the
 * contact to someone less suitable. A mismatch between the two is reported as a note.
 */
export function mayDeal(params: OfficerParams, staffUpn: string, spoc: ContactCheckInput["spoc"]): boolean {
  return [targetAddress(params), params.deputyUpn, spoc?.upn, spoc?.deputyUpn].some((a) => sameAddress(a, staffUpn));
}

export function hasDeputy(params: OfficerParams, spoc: ContactCheckInput["spoc"]): boolean {
  return Boolean(params.deputyUpn || spoc?.deputyUpn);
}

/** "Only Jo Bloggs (or their deputy) may deal with this customer", or the inbox with its address. */
export function officerBreachMessage(params: OfficerParams, spoc: ContactCheckInput["spoc"]): string {
  const who = targetLabel(params.target);
  const deputy = hasDeputy(params, spoc) ? " (or their deputy)" : "";
  if (params.target.kind === "Inbox") {
    return `Only ${who}${deputy} may deal with this customer: send it to ${params.target.address}`;
  }
  return `Only ${who}${deputy} may deal with this customer`;
}

/** Set when the customer record names a different SPOC from the restriction, so a manager can bring them in line. */
export function spocMismatchNote(params: OfficerParams, spoc: ContactCheckInput["spoc"]): string | null {
  if (!spoc?.upn || sameAddress(spoc.upn, targetAddress(params))) return null;
  return `The customer record names ${spoc.upn.trim()} as SPOC but the restriction names ${targetLabel(params.target)}: ask a manager to make them agree.`;
}
