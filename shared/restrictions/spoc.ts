// Who a customer's single point of contact is: the customer record's, else the named-officer restriction's target.
// One rule for the pane, the send-time check and the Teams tab.
import type { Customer, Restriction } from "../domain/records";

export interface SpocView {
  name: string;
  address: string;
  /** A generic inbox rather than a person. */
  inbox: boolean;
}

const same = (a?: string | null, b?: string | null) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

export function spocOf(customer: Pick<Customer, "spocUpn" | "spocName">, restrictions: readonly Pick<Restriction, "params">[]): SpocView | null {
  const named = restrictions.find((r) => r.params.kind === "NamedOfficer")?.params;
  const target = named?.kind === "NamedOfficer" ? named.target : null;
  if (customer.spocUpn) {
    const inbox = target?.kind === "Inbox" ? same(target.address, customer.spocUpn) : /\b(team|inbox|mailbox)\b/i.test(customer.spocName ?? "");
    return { name: customer.spocName?.trim() || customer.spocUpn, address: customer.spocUpn, inbox };
  }
  if (target) return target.kind === "Person" ? { name: target.name, address: target.upn, inbox: false } : { name: target.name, address: target.address, inbox: true };
  return null;
}
