// Referring a case from the pane: the customer's policy shapes the form; the case service judges and records it.
import type { Customer } from "../../shared/domain/records";
import { OTHER_BEHAVIOUR } from "../../shared/presets/other-behaviour";
import { getPreset } from "../../shared/presets/registry";
import type { Preset } from "../../shared/presets/schema";
import { newIdempotencyKey, type CaseServiceClient } from "../../graph/case-service/client";

export interface ReferralInput {
  behaviours: string[];
  /** What the behaviour ticked as "Other" was, in the referrer's words; sent only while "other" is ticked. */
  otherBehaviour?: string;
  /** Local-resolution steps tried, by the preset's step id, each with a note. */
  localResolution: { step: string; note: string }[];
  preChecks: Record<string, boolean>;
  vulnerabilityConsidered: boolean;
  serviceArea: string;
  summary: string;
  evidenceContactIds: string[];
}

export type ReferralOutcome = { ok: true; customer: { name: string; caseRef: string; status: string } } | { ok: false; refusal: string };

export function presetFor(customer: Customer): Preset | null {
  return getPreset(customer.policyId) ?? null;
}

/** One Refer step; `key` is kept by the form so that Retry after a failure sends the same referral, not a second one. */
export async function referCase(cases: CaseServiceClient, customer: Customer, input: ReferralInput, key = newIdempotencyKey()): Promise<ReferralOutcome> {
  const r = await cases.step(
    customer.id!,
    {
      type: "Refer",
      behaviours: input.behaviours,
      ...(input.behaviours.includes(OTHER_BEHAVIOUR) ? { otherBehaviour: (input.otherBehaviour ?? "").trim() } : {}),
      serviceArea: input.serviceArea,
      summary: input.summary,
      preChecks: input.preChecks,
      vulnerabilityConsidered: input.vulnerabilityConsidered,
      evidenceContactIds: input.evidenceContactIds,
      localResolution: input.localResolution,
    },
    key,
  );
  if (!r.ok) return { ok: false, refusal: r.reason };
  return { ok: true, customer: { name: r.customer.name, caseRef: r.customer.caseRef, status: r.caseFile.status } };
}
