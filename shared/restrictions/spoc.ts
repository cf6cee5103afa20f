// Who a customer's single point of contact is: the customer record's, else the named-officer restriction's target.
// One rule for the pane, the send-time check and the Teams tab.
import type { Customer, Restriction } from "../domain/records";

export interface SpocView {
  name: string;
  address: string;
  /** A generic inbox rather than a person. */
  inbox: boolean;
  /** Their work telephone, when the named-officer restriction recorded it for the same person. */
  phone?: string;
}

const same = (a?: string | null, b?: string | null) => !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();

export function spocOf(customer: Pick<Customer, "spocUpn" | "spocName">, restrictions: readonly Pick<Restriction, "params">[]): SpocView | null {
  const named = restrictions.find((r) => r.params.kind === "NamedOfficer")?.params;
  const target = named?.kind === "NamedOfficer" ? named.target : null;
  const phone = target?.kind === "Person" && target.phone ? { phone: target.phone } : {};
  if (customer.spocUpn) {
    const inbox = target?.kind === "Inbox" ? same(target.address, customer.spocUpn) : /\b(team|inbox|mailbox)\b/i.test(customer.spocName ?? "");
    const known = target?.kind === "Person" && same(target.upn, customer.spocUpn) ? phone : {};
    return { name: customer.spocName?.trim() || customer.spocUpn, address: customer.spocUpn, inbox, ...known };
  }
  if (target) return target.kind === "Person" ? { name: target.name, address: target.upn, inbox: false, ...phone } : { name: target.name, address: target.address, inbox: true };
  return null;
}
