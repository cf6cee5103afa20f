// Makes one customer's rows say what its log says, and nothing else: rows are matched by key, written only where a
// column differs (so re-projecting the same log writes nothing), guarded by their eTags, and the customer row, which
// records the last step shown, is written last.
import type { Projection } from "../../shared/register";
import { DataError, fromResponse } from "../client/errors";
import type { BatchRequest } from "../client/factory";
import type { ListKey } from "../schema/lists";
import { str, type Fields } from "../repos/fields";
import { itemsPath, type Site } from "../repos/items";
import type { RowProblem } from "./event-rows";
import { changedColumns, writeBody } from "./compare";
import type { LoadedRegister, RowRef } from "./load";
import { caseFields, customerFields, identityFields, letterFields, outboxFields, restrictionFields, reviewFields, rowKey } from "./projection-fields";

/** One row that did not say what the log says, and what was done about it. */
export interface RowChange {
  list: ListKey;
  itemId: string | null;
  key: string;
  op: "create" | "update" | "delete";
  columns: string[];
}

export interface ReconcileResult {
  changes: RowChange[];
  /** Rows that could not be made right (an address held by another customer). */
  problems: RowProblem[];
  requests: number;
}

interface Op {
  list: ListKey;
  change: RowChange;
  request: Omit<BatchRequest, "id">;
  /** Lookups to fill in once the case rows exist: column → case key. */
  caseKey?: string | null;
}

const LIST_NAMES: Record<string, string> = {
  customers: "UpcCustomers",
  identities: "UpcIdentities",
  cases: "UpcCases",
  restrictions: "UpcRestrictions",
  reviews: "UpcReviews",
  letters: "UpcLetters",
  outbox: "UpcOutbox",
};

function plan(site: Site, list: ListKey, wanted: Map<string, Fields>, actual: RowRef[], keyOf: (r: RowRef) => string, opts: { deleteExtra: boolean; createOnly?: boolean }): Op[] {
  const ops: Op[] = [];
  const path = itemsPath(site, list);
  const seen = new Set<string>();
  for (const row of actual) {
    const key = keyOf(row);
    const want = wanted.get(key);
    if (want && !seen.has(key)) {
      seen.add(key);
      if (opts.createOnly) continue;
      const cols = changedColumns(list, want, row.fields);
      if (!cols.length) continue;
      const body = writeBody(list, Object.fromEntries(cols.map((c) => [c, want[c]])), false);
      ops.push({ list, change: { list, itemId: row.id, key, op: "update", columns: cols }, request: { method: "PATCH", url: `${path}/${row.id}/fields`, body, headers: row.etag ? { "If-Match": row.etag } : undefined } });
    } else if (opts.deleteExtra && !key.includes("/legacy:")) {
      // A row the log does not stand for (added by hand, or a second copy of one that does).
      ops.push({ list, change: { list, itemId: row.id, key, op: "delete", columns: [] }, request: { method: "DELETE", url: `${path}/${row.id}`, headers: row.etag ? { "If-Match": row.etag } : undefined } });
    }
  }
  for (const [key, want] of wanted) {
    if (seen.has(key)) continue;
    ops.push({ list, change: { list, itemId: null, key, op: "create", columns: Object.keys(want) }, request: { method: "POST", url: path, body: { fields: writeBody(list, want, true) } } });
  }
  return ops;
}

/**
 * Writes what differs between `projection` and the rows in `loaded`. Throws a Conflict DataError when a row changed
 * under us (someone else is writing the same customer): reload and call again. Outbox rows are only ever created, and
 * only for steps after the last one the customer row records, so a notice already sent is never owed again.
 */
export async function reconcile(site: Site, loaded: LoadedRegister, projection: Projection, opts: { dryRun?: boolean } = {}): Promise<ReconcileResult> {
  const id = loaded.customerId;
  const result: ReconcileResult = { changes: [], problems: [], requests: 0 };
  const c = projection.customer;
  const keyed = (r: RowRef) => str(r.fields, "Key");
  const projectedSeq = Number(loaded.customer?.fields.ProjectedSeq ?? 0) || 0;

  const caseIds = new Map<string, string>();
  for (const r of loaded.rows.cases) if (keyed(r)) caseIds.set(keyed(r), r.id);
  const wantedCases = new Map(projection.cases.map((k) => [rowKey(id, k.key), caseFields(k, id, rowKey(id, k.key))]));
  const first = [
    ...plan(site, "identities", new Map(projection.identities.map((i) => [i.value, identityFields(i, c, id)])), loaded.rows.identities, (r) => str(r.fields, "Title"), { deleteExtra: true }),
    ...plan(site, "cases", wantedCases, loaded.rows.cases, keyed, { deleteExtra: true }),
  ];
  const caseCreates = first.some((o) => o.list === "cases" && o.change.op === "create");

  const second = (): Op[] => {
    const lookup = (key: string | null) => (key ? (caseIds.get(rowKey(id, key)) ?? null) : null);
    return [
      ...plan(site, "restrictions", new Map(projection.restrictions.map((r) => [rowKey(id, r.key), restrictionFields(r, id, rowKey(id, r.key), lookup(r.caseKey))])), loaded.rows.restrictions, keyed, { deleteExtra: true }),
      ...plan(site, "reviews", new Map(projection.reviews.map((r) => [rowKey(id, r.key), reviewFields(r, id, rowKey(id, r.key), lookup(r.caseKey))])), loaded.rows.reviews, keyed, { deleteExtra: true }),
      ...plan(site, "letters", new Map(projection.letters.map((l) => [rowKey(id, l.key), letterFields(l, id, rowKey(id, l.key), lookup(l.caseKey))])), loaded.rows.letters, keyed, { deleteExtra: true }),
      ...plan(
        site,
        "outbox",
        new Map(projection.outbox.filter((o) => o.seq > projectedSeq).map((o) => [rowKey(id, o.key), outboxFields(o, id, rowKey(id, o.key))])),
        loaded.rows.outbox,
        (r) => str(r.fields, "Title"),
        { deleteExtra: false, createOnly: true },
      ),
    ];
  };

  const customerOps = (): Op[] => {
    if (!loaded.customer) return [];
    const want = customerFields(c);
    const cols = changedColumns("customers", want, loaded.customer.fields);
    if (!cols.length) return [];
    return [
      {
        list: "customers",
        change: { list: "customers", itemId: loaded.customer.id, key: id, op: "update", columns: cols },
        request: { method: "PATCH", url: `${itemsPath(site, "customers")}/${id}/fields`, body: writeBody("customers", Object.fromEntries(cols.map((k) => [k, want[k]])), false), headers: loaded.customer.etag ? { "If-Match": loaded.customer.etag } : undefined },
      },
    ];
  };

  if (opts.dryRun) {
    // What would be written, without writing it: every row, with the case rows as they are now.
    result.changes = [...first, ...second(), ...customerOps()].map((o) => o.change);
    return result;
  }
  if (caseCreates) {
    await run(site, first, result, caseIds);
    await run(site, [...second(), ...customerOps()], result, caseIds);
  } else {
    await run(site, [...first, ...second(), ...customerOps()], result, caseIds);
  }
  return result;
}

/** Runs ops in $batches of 20; the customer row (always last) waits on everything in its batch. */
async function run(site: Site, ops: Op[], result: ReconcileResult, caseIds: Map<string, string>): Promise<void> {
  for (let i = 0; i < ops.length; i += 20) {
    const chunk = ops.slice(i, i + 20);
    const requests: BatchRequest[] = chunk.map((o, n) => ({ id: String(n), ...o.request }));
    const lastIsCustomer = chunk.at(-1)?.list === "customers";
    if (lastIsCustomer && requests.length > 1) requests[requests.length - 1].dependsOn = requests.slice(0, -1).map((r) => r.id);
    const res = await site.graph.batch(requests);
    result.requests++;
    let conflict = false;
    res.forEach((r, n) => {
      const op = chunk[n];
      if (r.status >= 200 && r.status < 300) {
        result.changes.push(op.change);
        if (op.list === "cases" && op.change.op === "create") caseIds.set(op.change.key, String((r.body as { id: string }).id));
        return;
      }
      const err = fromResponse(r.status, r.body);
      if (err.kind === "Duplicate" && op.list === "identities") {
        result.problems.push({ list: LIST_NAMES.identities, itemId: "", column: "Title", problem: `${op.change.key} is already recorded against another customer, so it cannot be shown on this one.` });
      } else if (err.kind === "Duplicate" || (err.kind === "NotFound" && op.change.op === "delete")) {
        // Another writer made the same row, or removed it, first: the next read shows it either way.
      } else if (err.kind === "Conflict" || r.status === 424) {
        conflict = true;
      } else throw err;
    });
    if (conflict) throw new DataError("Conflict", "Someone else changed this record while it was being saved. It will be saved again from the log.");
  }
}
