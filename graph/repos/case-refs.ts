// Case references handed out from one counter row, so allocating one never reads the whole register: ordering every
// customer by CaseRef is what SharePoint refuses past its list view threshold (5,000 customers).
import { DataError } from "../client/errors";
import { eq } from "../client/odata";
import { str, type Fields } from "./fields";
import { createItem, itemsPath, persistently, queryPage, type ListItem, type Site } from "./items";

const COUNTER = "counter:caseRef";

export function caseRefFor(n: number): string {
  return `UPC-${String(n).padStart(4, "0")}`;
}

const numberOf = (ref: string) => Number(ref.replace(/^UPC-/i, "").replace(/\D/g, "")) || 0;

/**
 * The highest case number already used, for starting the counter: ordered by CaseRef while the register is small
 * enough for SharePoint to sort it; past the threshold, from the newest 5,000 customer rows (by item id, a window the
 * threshold allows). References are numbered, so the highest number, not the last in text order, is the one wanted.
 */
async function highestUsed(site: Site): Promise<number> {
  try {
    const [top] = await queryPage<Fields>(site, "customers", { orderby: "fields/CaseRef desc", top: 1, select: ["CaseRef"] });
    if (!top) return 0;
    const text = str(top.fields, "CaseRef");
    // Text order puts UPC-9999 after UPC-10000: only trust it below five digits.
    if (numberOf(text) < 9999) return numberOf(text);
  } catch (e) {
    if (!(e instanceof DataError && e.kind === "TooBroad")) throw e;
  }
  for (let base = 0; ; base += 100_000) {
    // Twenty probes in one request: the first id window with at most 5,000 rows after it is the one SharePoint answers.
    const probes = Array.from({ length: 20 }, (_, i) => base + i * 5000);
    const res = await site.graph.batch(probes.map((k, i) => ({ id: String(i), method: "GET" as const, url: `${itemsPath(site, "customers")}?$filter=${encodeURIComponent(`fields/ID ge ${k}`)}&$top=1&$select=id` })));
    const answered = probes.findIndex((_, i) => res[i].status === 200);
    if (answered < 0) continue;
    const rows = await site.graph.getAll<ListItem<Fields>>(`${itemsPath(site, "customers")}?$filter=${encodeURIComponent(`fields/ID ge ${probes[answered]}`)}&$expand=fields($select=CaseRef)&$top=999`);
    return rows.reduce((max, r) => Math.max(max, numberOf(str(r.fields, "CaseRef"))), 0);
  }
}

/**
 * The next free case reference: the counter row in UpcServiceState moved on under its ETag, so two allocations at once
 * get different numbers. A number someone used by hand (an import) is refused by CaseRef's uniqueness and the caller
 * asks again.
 */
export async function nextCaseRef(site: Site): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const [row] = await persistently(() => queryPage<Fields>(site, "serviceState", { filter: eq("Title", COUNTER), top: 1 }));
    if (!row) {
      const first = (await highestUsed(site)) + 1;
      try {
        await persistently(() => createItem(site, "serviceState", { Title: COUNTER, Data: JSON.stringify({ next: first + 1 }) }));
        return caseRefFor(first);
      } catch (e) {
        // Another allocation started the counter at the same moment: use it.
        if (!(e instanceof DataError && e.kind === "Duplicate")) throw e;
        continue;
      }
    }
    const next = Number((JSON.parse(str(row.fields, "Data") || "{}") as { next?: unknown }).next) || 1;
    try {
      await persistently(() => site.graph.patch(`${itemsPath(site, "serviceState")}/${encodeURIComponent(String(row.id))}/fields`, { Data: JSON.stringify({ next: next + 1 }) }, { "If-Match": row.eTag ?? "*" }));
      return caseRefFor(next);
    } catch (e) {
      if (!(e instanceof DataError && e.kind === "Conflict")) throw e;
    }
  }
  throw new DataError("Conflict", "Could not allocate a case reference; please try again.");
}
