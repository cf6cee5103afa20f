// UpcRestrictions: what a customer may and may not do, with typed parameters stored as JSON.
import { readRows } from "./problems";
import { restrictionSchema, type Restriction } from "../../shared/domain/records";
import { eq } from "../client/odata";
import { compact, date, json, lookupId, str, strOrNull, type Fields } from "./fields";
import { createItem, persistently, queryAll, type ListItem, type Site } from "./items";

export function restrictionFromItem(item: ListItem): Restriction & { id: string } {
  const f = item.fields as Fields;
  return restrictionSchema.parse({
    id: String(item.id),
    title: str(f, "Title"),
    customerId: lookupId(f, "Customer"),
    caseId: strOrNull(f, "CaseLookupId"),
    kind: str(f, "Kind"),
    params: json(f, "Params", { kind: str(f, "Kind") }),
    startsAt: date(f, "StartsAt") ?? new Date(0).toISOString(),
    endsAt: date(f, "EndsAt"),
    reviewDue: date(f, "ReviewDue"),
    state: str(f, "State") || "Active",
    etag: item.eTag,
  }) as Restriction & { id: string };
}

export function restrictionToFields(r: Partial<Restriction>): Fields {
  return compact({
    Title: r.title,
    CustomerLookupId: r.customerId === undefined ? undefined : Number(r.customerId),
    CaseLookupId: r.caseId ? Number(r.caseId) : undefined,
    Kind: r.kind,
    Params: r.params === undefined ? undefined : JSON.stringify(r.params),
    StartsAt: r.startsAt,
    EndsAt: r.endsAt,
    ReviewDue: r.reviewDue,
    State: r.state,
  });
}

export async function createRestriction(site: Site, r: Restriction): Promise<Restriction & { id: string }> {
  const parsed = restrictionSchema.parse(r);
  return restrictionFromItem(await persistently(() => createItem(site, "restrictions", restrictionToFields(parsed))));
}

/** Restrictions in force for a customer (Customer and State are indexed). */
export async function activeRestrictions(site: Site, customerId: string): Promise<(Restriction & { id: string })[]> {
  return (await queryAll(site, "restrictions", { filter: `${eq("CustomerLookupId", Number(customerId))} and ${eq("State", "Active")}` })).flatMap((i) => readRows("restrictions", [i], restrictionFromItem));
}
