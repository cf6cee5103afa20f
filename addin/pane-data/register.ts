// Adding to the register from the flag: a new record for an unknown sender, or an address for a possible match.
import type { Customer } from "../../shared/domain/records";
import { createCustomer } from "../../graph/repos/customers";
import { addIdentity } from "../../graph/repos/identities";
import type { Site } from "../../graph/repos/items";

/** Starts a contact log for an unknown sender: an Observed customer under the organisation's policy, and the address. */
export async function startContactLog(site: Site, input: { name: string; address: string; policyId: string }): Promise<Customer> {
  const customer = await createCustomer(site, {
    name: (input.name.trim() || input.address.trim()).slice(0, 255),
    kind: "Individual",
    status: "Observed",
    policyId: input.policyId,
    serviceAreas: "",
    spocUpn: null,
    spocName: null,
    spocDeputyUpn: null,
    allowedChannels: [],
    staffGuidance: "",
    adjustments: "",
    monitoringEnds: null,
    reviewDue: null,
    retainUntil: null,
  });
  await addIdentity(site, customer, "Email", input.address);
  return customer;
}

/** A decider adds the sender's address to a customer it plainly belongs to (a "possible match"). */
export async function addAddress(site: Site, customer: Customer, address: string): Promise<void> {
  await addIdentity(site, customer, "Email", address);
}

