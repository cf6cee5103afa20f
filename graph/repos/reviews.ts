// UpcReviews: scheduled reviews, monitoring ends and appeals; open ones are found by an indexed State and DueBy.
import { readRows } from "./problems";
import { reviewSchema, type Review } from "../../shared/domain/records";
import { eq, odataDate } from "../client/odata";
import { compact, date, lookupId, str, strOrNull, type Fields } from "./fields";
import { createItem, persistently, queryAll, type ListItem, type Site } from "./items";

export function reviewFromItem(item: ListItem): Review & { id: string } {
  const f = item.fields as Fields;
  return reviewSchema.parse({
    id: String(item.id),
    title: str(f, "Title"),
    customerId: lookupId(f, "Customer"),
    caseId: strOrNull(f, "CaseLookupId"),
    kind: str(f, "Kind") || "ScheduledReview",
    openedAt: date(f, "OpenedAt") ?? new Date(0).toISOString(),
    dueBy: date(f, "DueBy") ?? new Date(0).toISOString(),
    reviewer: strOrNull(f, "Reviewer"),
    outcome: strOrNull(f, "Outcome"),
    decidedAt: date(f, "DecidedAt"),
    reasons: strOrNull(f, "Reasons"),
    etag: item.eTag,
  }) as Review & { id: string };
}

export function reviewToFields(r: Partial<Review>): Fields {
  return compact({
    Title: r.title,
    CustomerLookupId: r.customerId === undefined ? undefined : Number(r.customerId),
    CaseLookupId: r.caseId ? Number(r.caseId) : undefined,
    Kind: r.kind,
    OpenedAt: r.openedAt,
    DueBy: r.dueBy,
    Reviewer: r.reviewer,
    Outcome: r.outcome,
    DecidedAt: r.decidedAt,
    Reasons: r.reasons,
    State: r.outcome === undefined ? undefined : r.outcome ? "Decided" : "Open",
  });
}

export async function createReview(site: Site, r: Review, extra: Fields = {}): Promise<Review & { id: string }> {
  const parsed = reviewSchema.parse(r);
  return reviewFromItem(await persistently(() => createItem(site, "reviews", { ...reviewToFields(parsed), State: parsed.outcome ? "Decided" : "Open", ...extra })));
}

/** Open reviews and appeals due by a date (overdue ones included), soonest first. */
export async function reviewsDue(site: Site, by: Date): Promise<(Review & { id: string })[]> {
  return (await queryAll(site, "reviews", { filter: `${eq("State", "Open")} and fields/DueBy le ${odataDate(by)}`, orderby: "fields/DueBy asc", top: 500 })).flatMap((i) => readRows("reviews", [i], reviewFromItem));
}
