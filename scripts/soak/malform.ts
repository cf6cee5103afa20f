// Rows made unreadable the ways people really do it (a status misspelt, a case reference typed freehand, JSON cut
// short, a choice nobody offered, a lookup cleared), 1% of every list, each list its own ways. Each change is checked
// with the product's own row check, so only rows the product truly cannot read are counted as bad.
import { persistently, queryAll, updateFields, type ListItem, type Site } from "../../graph/repos/items";
import { CHECKED_LISTS, checkRow } from "../../graph/repos/row-check";
import { LISTS, type ListKey } from "../../graph/schema/lists";

export interface BadRow {
  list: string;
  key: ListKey;
  itemId: string;
  way: string;
}

type Fields = Record<string, unknown>;

/** Per list, edits that break a row, tried in turn until the row no longer reads. */
const WAYS: Record<string, { way: string; fields: (f: Fields) => Fields }[]> = {
  customers: [
    { way: "case reference typed freehand", fields: (f) => ({ CaseRef: `ref ${String(f.id ?? "")}` }) },
    { way: "status misspelt", fields: () => ({ Status: "Restrictd" }) },
    { way: "kind nobody offered", fields: () => ({ Kind: "Robot" }) },
  ],
  identities: [
    { way: "kind nobody offered", fields: () => ({ Kind: "Fax" }) },
    { way: "address typed without @", fields: (f) => ({ Title: String(f.Title ?? "someone").replace("@", " at ") }) },
  ],
  contacts: [
    { way: "source nobody offered", fields: () => ({ Source: "Carrier pigeon" }) },
    { way: "channel nobody offered", fields: () => ({ Channel: "Telepathy" }) },
    { way: "direction nobody offered", fields: () => ({ Direction: "Sideways" }) },
  ],
  cases: [
    { way: "stage nobody offered", fields: () => ({ Stage: "Limbo" }) },
    { way: "customer cleared", fields: () => ({ CustomerLookupId: null }) },
  ],
  restrictions: [
    { way: "settings without their kind", fields: () => ({ Params: JSON.stringify({ max: 3 }) }) },
    { way: "settings cut short", fields: () => ({ Params: '{"kind":"ContactQuota","max":' }) },
    { way: "state nobody offered", fields: () => ({ State: "Paused" }) },
  ],
  reviews: [
    { way: "kind nobody offered", fields: () => ({ Kind: "Whenever" }) },
    { way: "state nobody offered", fields: () => ({ State: "Maybe" }) },
  ],
  letters: [
    { way: "kind nobody offered", fields: () => ({ Kind: "Postcard" }) },
    { way: "customer cleared", fields: () => ({ CustomerLookupId: null }) },
  ],
  sensitive: [{ way: "customer cleared", fields: () => ({ CustomerLookupId: null }) }],
  caseEvents: [
    { way: "step cut short", fields: () => ({ Event: '{"type":"Warn","level":' }) },
    { way: "type changed by hand", fields: () => ({ Type: "Decide" }) },
  ],
};

/**
 * Breaks `rate` of the rows of every list (at least one a list), leaving alone the rows of `spare` customers (the
 * ones whose mail the soak checks). Returns the rows that the product can no longer read.
 */
export async function malformRegister(site: Site, spare: Set<string>, rate = 0.01, avoid: BadRow[] = []): Promise<BadRow[]> {
  const bad: BadRow[] = [];
  const taken = new Set(avoid.map((b) => `${b.key}:${b.itemId}`));
  for (const key of CHECKED_LISTS) {
    const items = (await persistently(() => queryAll<Fields>(site, key, {}))).filter(
      (i) => !taken.has(`${key}:${i.id}`) && !spare.has(String((i.fields as Fields).CustomerLookupId ?? "")) && (key !== "customers" || !spare.has(String(i.id))),
    );
    const want = Math.max(1, Math.ceil(items.length * rate));
    const step = Math.max(1, Math.floor(items.length / want));
    const ways = WAYS[key] ?? [];
    // A later pass starts half a step on, so its rows belong to other customers than the first pass's.
    for (let n = 0, i = avoid.length ? Math.floor(step / 2) : 0; n < want && i < items.length; i += step, n++) {
      const item = items[i];
      for (const w of ways.slice(n % ways.length).concat(ways.slice(0, n % ways.length))) {
        const changed = w.fields(item.fields as Fields);
        await persistently(() => updateFields(site, key, String(item.id), changed));
        const after: ListItem = { ...item, fields: { ...(item.fields as Fields), ...changed } };
        if (checkRow(key, after)) {
          bad.push({ list: LISTS[key], key, itemId: String(item.id), way: w.way });
          break;
        }
      }
    }
  }
  return bad;
}
