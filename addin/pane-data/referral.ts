// Referring a case from the pane: the customer's policy decides the form and whether the referral may go ahead.
import type { Case, Customer } from "../../shared/domain/records";
import type { Role } from "../../shared/domain/vocab";
import { getPreset } from "../../shared/presets/registry";
import type { Preset } from "../../shared/presets/schema";
import { newCaseFile, transition } from "../../shared/workflow";
import { createCase } from "../../graph/repos/cases";
import { setStatus } from "../../graph/repos/customers";
import type { Site } from "../../graph/repos/items";

export interface ReferralInput {
  behaviours: string[];
  /** Local-resolution steps tried, by the preset's step id, each with a note. */
  localResolution: { step: string; note: string }[];
  preChecks: Record<string, boolean>;
  vulnerabilityConsidered: boolean;
  serviceArea: string;
  summary: string;
  evidenceContactIds: string[];
}

export type ReferralOutcome = { ok: true; case: Case & { id: string }; customer: Customer } | { ok: false; refusal: string };

export function presetFor(customer: Customer): Preset | null {
  return getPreset(customer.policyId) ?? null;
}

/**
 * Asks the workflow first (a refusal comes back in the policy's words and nothing is written), then creates the case
 * at Stage Referred and moves the customer to Referred.
 */
export async function referCase(site: Site, customer: Customer, input: ReferralInput, actor: { upn: string; roles: Role[] }, now = new Date()): Promise<ReferralOutcome> {
  const preset = presetFor(customer);
  if (!preset) return { ok: false, refusal: `This customer's policy ("${customer.policyId}") is not one this version knows; ask an administrator.` };
  const file = {
    ...newCaseFile(preset.id, customer.status),
    localResolution: input.localResolution.map((l) => ({ step: l.step, at: now.toISOString(), by: actor.upn, note: l.note.trim(), confirmedInWriting: true })),
  };
  const verdict = transition(
    file,
    {
      type: "Refer",
      behaviours: input.behaviours,
      serviceArea: input.serviceArea,
      summary: input.summary,
      preChecks: input.preChecks,
      vulnerabilityConsidered: input.vulnerabilityConsidered,
      evidenceContactIds: input.evidenceContactIds,
    },
    { preset, actor, now },
  );
  if (!verdict.ok) return { ok: false, refusal: verdict.reason };
  const created = await createCase(site, {
    title: `${customer.caseRef} referral: ${customer.name}`.slice(0, 255),
    customerId: customer.id!,
    stage: "Referred",
    outcome: null,
    referredBy: actor.upn,
    referredAt: now.toISOString(),
    serviceArea: input.serviceArea.trim(),
    behaviours: input.behaviours,
    summary: input.summary.trim(),
    localResolution: input.localResolution.map((l) => ({ step: l.step, at: now.toISOString(), note: l.note.trim() })),
    preChecks: input.preChecks,
    vulnerabilityConsidered: input.vulnerabilityConsidered,
    evidenceContactIds: input.evidenceContactIds,
    decidedBy: null,
    decidedAt: null,
    reasons: null,
  });
  const updated = await setStatus(site, customer, "Referred");
  return { ok: true, case: created, customer: updated };
}
