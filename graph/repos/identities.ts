// UpcIdentities: the addresses a customer is known by, normalised, one customer per address.
import { normaliseIdentity } from "../../shared/address";
import type { Customer, Identity } from "../../shared/domain/records";
import type { IdentityKind } from "../../shared/domain/vocab";
import { DataError } from "../client/errors";
import { eq } from "../client/odata";
import { lookupId, str, type Fields } from "./fields";
import { createItem, persistently, queryAll, type ListItem, type Site } from "./items";

export interface IdentityRow extends Identity {
  customerStatus: Customer["status"];
  customerName: string;
  caseRef: string;
}

export function identityFromItem(item: ListItem): IdentityRow {
  const f = item.fields as Fields;
  return {
    id: String(item.id),
    value: str(f, "Title"),
    kind: (str(f, "Kind") || "Email") as IdentityKind,
    customerId: lookupId(f, "Customer"),
    customerStatus: (str(f, "CustomerStatus") || "Observed") as Customer["status"],
    customerName: str(f, "CustomerName"),
    caseRef: str(f, "CaseRef"),
  };
}

/** Adds an address to a customer. The value is normalised first; an address already on record is refused in words. */
export async function addIdentity(site: Site, customer: Customer, kind: IdentityKind, raw: string): Promise<IdentityRow> {
  const n = normaliseIdentity(kind, raw);
  if (!n.ok) throw new DataError("Invalid", n.error);
  try {
    const item = await persistently(() =>
      createItem(site, "identities", {
        Title: n.value,
        Kind: n.kind,
        CustomerLookupId: Number(customer.id),
        CustomerStatus: customer.status,
        CustomerName: customer.name,
        CaseRef: customer.caseRef,
      }),
    );
    return identityFromItem(item);
  } catch (e) {
    if (e instanceof DataError && e.kind === "Duplicate") throw new DataError("Duplicate", `${n.value} is already recorded against a customer.`);
    throw e;
  }
}

export async function identitiesOf(site: Site, customerId: string): Promise<IdentityRow[]> {
  return (await queryAll(site, "identities", { filter: eq("CustomerLookupId", Number(customerId)) })).map(identityFromItem);
}
