// UpcLetters: what was sent (or deliberately not sent) to the customer or to staff, with the elements it held.
import { readRows } from "./problems";
import { letterSchema, type Letter } from "../../shared/domain/records";
import type { LetterElement } from "../../shared/presets/schema";
import { eq } from "../client/odata";
import { bool, compact, date, json, lookupId, str, strOrNull, type Fields } from "./fields";
import { createItem, persistently, queryAll, type ListItem, type Site } from "./items";

export type LetterRow = Letter & { id: string; elements: LetterElement[]; withheldReason: string | null };

export function letterFromItem(item: ListItem): LetterRow {
  const f = item.fields as Fields;
  const base = letterSchema.parse({
    id: String(item.id),
    title: str(f, "Title"),
    customerId: lookupId(f, "Customer"),
    caseId: strOrNull(f, "CaseLookupId"),
    kind: str(f, "Kind") || "StaffNotice",
    sentAt: date(f, "SentAt"),
    channel: strOrNull(f, "Channel"),
    body: str(f, "Body"),
    complete: bool(f, "Complete"),
  });
  return { ...base, id: String(item.id), elements: json<LetterElement[]>(f, "Elements", []), withheldReason: strOrNull(f, "WithheldReason") };
}

export async function createLetter(site: Site, l: Omit<LetterRow, "id">): Promise<LetterRow> {
  const fields = compact({
    Title: l.title.slice(0, 255),
    CustomerLookupId: Number(l.customerId),
    CaseLookupId: l.caseId ? Number(l.caseId) : undefined,
    Kind: l.kind,
    SentAt: l.sentAt ?? undefined,
    Channel: l.channel ?? undefined,
    Body: l.body,
    Complete: l.complete,
    Elements: JSON.stringify(l.elements),
    WithheldReason: l.withheldReason ?? undefined,
  });
  return letterFromItem(await persistently(() => createItem(site, "letters", fields)));
}

export async function lettersOf(site: Site, customerId: string): Promise<LetterRow[]> {
  return (await queryAll(site, "letters", { filter: eq("CustomerLookupId", Number(customerId)) })).flatMap((i) => readRows("letters", [i], letterFromItem));
}
