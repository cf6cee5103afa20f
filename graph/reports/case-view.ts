// One customer's case as people read it: the record replayed from the log (the truth) and the rows projected from
// it (their ids carry the change history), in one $batch. A customer from before the log shows what its rows hold.
import type { Case, Customer, Restriction, Review } from "../../shared/domain/records";
import type { CustomerStatus } from "../../shared/domain/vocab";
import { getPreset } from "../../shared/presets/registry";
import { applyStep, emptyRecord, historyOf, replayLog, type CaseRecord, type LogEntry, type PresetLookup } from "../../shared/register";
import type { CaseFile } from "../../shared/workflow";
import { eventsUrl } from "../caselog/load";
import { eventFromItem } from "../caselog/event-rows";
import { legacyImport } from "../caselog/legacy";
import { DataError } from "../client/errors";
import { ensureOk } from "../client/factory";
import { eq } from "../client/odata";
import { caseFromItem } from "../repos/cases";
import { json, str, type Fields } from "../repos/fields";
import { allRows, itemsPath, queryUrl, type ListItem, type Site } from "../repos/items";
import { letterFromItem, type LetterRow } from "../repos/letters";
import { restrictionFromItem } from "../repos/restrictions";
import { reviewFromItem } from "../repos/reviews";

export interface LoadedCase {
  file: CaseFile;
  customer: Customer;
  /** The last step in the log (0 for a customer from before the log). */
  seq: number;
  /** Every step in the log, newest first: who did what, and when. */
  history: LogEntry[];
  cases: (Case & { id: string; priorStatus: CustomerStatus | null; participants: string[] })[];
  restrictions: (Restriction & { id: string })[];
  reviews: (Review & { id: string; receivedAt?: string })[];
  letters: LetterRow[];
}

/** Rows that do not read are left out of the page rather than blanking it. */
function readable<T>(items: ListItem[], read: (i: ListItem) => T): T[] {
  const out: T[] = [];
  for (const i of items) {
    try {
      out.push(read(i));
    } catch {
      // reported by the case service when it next projects this customer
    }
  }
  return out;
}

function customerOf(id: string, etag: string | undefined, r: CaseRecord): Customer {
  const { customer: c, file } = r;
  return {
    id,
    name: c.name,
    caseRef: c.caseRef,
    kind: c.kind,
    status: file.status,
    policyId: c.policyId,
    serviceAreas: c.serviceAreas,
    spocUpn: c.spocUpn,
    spocName: c.spocName,
    spocDeputyUpn: c.spocDeputyUpn,
    allowedChannels: c.allowedChannels,
    staffGuidance: c.staffGuidance,
    adjustments: c.adjustments,
    monitoringEnds: file.monitoring?.endsAt ?? null,
    reviewDue: file.reviewDue,
    retainUntil: file.retainUntil,
    etag,
  };
}

export async function loadCaseView(site: Site, customerId: string, presets: PresetLookup = getPreset): Promise<LoadedCase> {
  const id = Number(customerId);
  const byCustomer = (list: "cases" | "restrictions" | "reviews" | "letters" | "identities") => queryUrl(site, list, { filter: eq("CustomerLookupId", id), top: 999 });
  const [c, e, cs, rs, rv, ls, ids] = await site.graph.batch([
    { id: "customer", method: "GET", url: `${itemsPath(site, "customers")}/${id}?$expand=fields` },
    { id: "events", method: "GET", url: eventsUrl(site, customerId) },
    { id: "cases", method: "GET", url: byCustomer("cases") },
    { id: "restrictions", method: "GET", url: byCustomer("restrictions") },
    { id: "reviews", method: "GET", url: byCustomer("reviews") },
    { id: "letters", method: "GET", url: byCustomer("letters") },
    { id: "identities", method: "GET", url: byCustomer("identities") },
  ]);
  const customerItem = ensureOk<ListItem>(c);
  const [events, caseItems, restrictionItems, reviewItems, letterItems, identityItems] = await Promise.all([e, cs, rs, rv, ls, ids].map((r) => allRows(site, r)));
  const stored = events.map(eventFromItem).flatMap((r) => (r.ok ? [r.event] : []));
  let record: CaseRecord;
  let seq = 0;
  let history: LogEntry[] = [];
  if (stored.length) {
    const replay = replayLog(stored, presets);
    if (replay.seq === 0) throw new DataError("Invalid", `This case's history cannot be read: ${replay.problem}`);
    record = replay.record;
    seq = replay.seq;
    history = historyOf(replay.steps);
  } else {
    const ref = (i: ListItem) => ({ id: String(i.id), etag: i.eTag, fields: i.fields as Fields });
    const legacy = legacyImport({
      customerId,
      customer: ref(customerItem),
      events: [],
      problems: [],
      rows: { identities: identityItems.map(ref), cases: caseItems.map(ref), restrictions: restrictionItems.map(ref), reviews: reviewItems.map(ref), letters: letterItems.map(ref), outbox: [] },
    });
    if ("problem" in legacy) throw new DataError("Invalid", `This customer's row cannot be read: ${legacy.problem.problem}`);
    const preset = getPreset(legacy.event.customer.policyId);
    const t = preset ? applyStep(emptyRecord(preset.id), legacy.event, { preset, actor: { upn: "upc-service", roles: [], system: true }, now: new Date(), first: true }) : null;
    if (!t || !t.ok) throw new DataError("Invalid", `This customer is under a policy (${legacy.event.customer.policyId}) that is not set up here.`);
    record = t.record;
  }
  return {
    file: record.file,
    customer: customerOf(String(customerItem.id), customerItem.eTag, record),
    seq,
    history,
    cases: readable(caseItems, (item) => ({
      ...caseFromItem(item),
      priorStatus: (str(item.fields as Fields, "PriorStatus") || null) as CustomerStatus | null,
      participants: json<string[]>(item.fields as Fields, "Participants", []),
    })),
    restrictions: readable(restrictionItems, restrictionFromItem),
    reviews: readable(reviewItems, (item) => ({ ...reviewFromItem(item), receivedAt: str(item.fields as Fields, "ReceivedAt") || undefined })),
    letters: readable(letterItems, letterFromItem),
  };
}
