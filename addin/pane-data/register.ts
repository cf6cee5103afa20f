// Adding to the register from the flag: a new record for an unknown sender, or an address for a possible match. Both
// are steps the case service takes; a refusal comes back as an error in its words.
import { normaliseEmail } from "../../shared/address";
import type { Customer } from "../../shared/domain/records";
import { newIdempotencyKey, refusalError, type CaseServiceClient, type StepAnswer } from "../../graph/case-service/client";
import { DataError } from "../../graph/client/errors";

function address(raw: string): string {
  const n = normaliseEmail(raw);
  if (!n.ok) throw new DataError("Invalid", n.error);
  return n.value;
}

/** Starts a contact log for an unknown sender: an Observed customer under the organisation's policy, and the address. */
export async function startContactLog(cases: CaseServiceClient, input: { name: string; address: string; policyId: string }): Promise<StepAnswer> {
  const value = address(input.address);
  const r = await cases.open(
    {
      type: "Opened",
      customer: { name: (input.name.trim() || value).slice(0, 255), kind: "Individual", policyId: input.policyId, serviceAreas: "", spocUpn: null, spocName: null, spocDeputyUpn: null, allowedChannels: [], staffGuidance: "", adjustments: "" },
      identities: [{ kind: "Email", value }],
    },
    newIdempotencyKey(),
  );
  if (!r.ok) throw refusalError(r);
  return r;
}

/** A decider adds the sender's address to a customer it plainly belongs to (a "possible match"). */
export async function addAddress(cases: CaseServiceClient, customer: Customer, raw: string): Promise<StepAnswer> {
  const r = await cases.step(customer.id!, { type: "IdentityAdded", identity: { kind: "Email", value: address(raw) }, evidence: "Added from the task pane: the mail's display name is this customer's name." }, newIdempotencyKey());
  if (!r.ok) throw refusalError(r);
  return r;
}
