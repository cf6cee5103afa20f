// A customer's record on the register as the log builds it: who they are, the addresses they are known by, the case.
import type { Customer } from "../domain/records";
import type { AllowedChannel, CustomerKind, IdentityKind } from "../domain/vocab";
import { newCaseFile, type CaseFile } from "../workflow/state";

/** What staff need to know about the customer; every change to it is a step in the log. */
export interface CustomerDetails {
  name: string;
  caseRef: string;
  kind: CustomerKind;
  policyId: string;
  serviceAreas: string;
  spocUpn: string | null;
  spocName: string | null;
  spocDeputyUpn: string | null;
  allowedChannels: AllowedChannel[];
  staffGuidance: string;
  adjustments: string;
}

/** An address in its normalised form: e-mail lower-cased, phone in E.164, a domain as "@example.org". */
export interface IdentityEntry {
  kind: IdentityKind;
  value: string;
}

export interface CaseRecord {
  customer: CustomerDetails;
  identities: IdentityEntry[];
  file: CaseFile;
}

export function blankDetails(policyId: string, caseRef = ""): CustomerDetails {
  return {
    name: "",
    caseRef,
    kind: "Individual",
    policyId,
    serviceAreas: "",
    spocUpn: null,
    spocName: null,
    spocDeputyUpn: null,
    allowedChannels: [],
    staffGuidance: "",
    adjustments: "",
  };
}

/** Where a record stands before its first event: nothing is known yet. */
export function emptyRecord(policyId = ""): CaseRecord {
  return { customer: blankDetails(policyId), identities: [], file: newCaseFile(policyId) };
}

/** The details a customer row (or a register's row) holds, as the log keeps them. */
export function detailsOf(c: Omit<Customer, "caseRef"> & { caseRef?: string }): CustomerDetails {
  return {
    name: c.name,
    caseRef: c.caseRef ?? "",
    kind: c.kind,
    policyId: c.policyId,
    serviceAreas: c.serviceAreas,
    spocUpn: c.spocUpn ?? null,
    spocName: c.spocName ?? null,
    spocDeputyUpn: c.spocDeputyUpn ?? null,
    allowedChannels: c.allowedChannels,
    staffGuidance: c.staffGuidance,
    adjustments: c.adjustments,
  };
}
