// The raw export as a reader takes it: each list's records oldest first, each column in words, each change to a record
// (from SharePoint's versions) as "from → to", and staff names and addresses split out for marking.
import { caseLogLines } from "./case-log";
import { LIST_SPECS, type ListSpec } from "./columns";
import type { RawExport, RawItem, RawVersion } from "./raw";
import { changedBy, staffMarker, staffTerms, type Segment } from "./staff";
import { ukDateTime, valueWords } from "./words";

export interface ReadableField {
  label: string;
  /** The value in words, as plain text (for CSV). */
  text: string;
  segments: Segment[];
}

export interface ReadableChange {
  at: string;
  by: Segment[];
  /** True for the record's first version: what it was created with is the record itself. */
  created: boolean;
  changes: { label: string; from: Segment[]; to: Segment[] }[];
}

export interface ReadableRecord {
  fields: ReadableField[];
  history: ReadableChange[];
  /** Staff names and addresses found in this record's values, for the CSV's review column. */
  staff: string[];
}

export interface ReadableSection {
  spec: ListSpec;
  /** Why this list is not in the bundle (the exporter may not read it). */
  withheld?: string;
  records: ReadableRecord[];
}

export interface ReadableBundle {
  name: string;
  caseRef: string;
  exportedAt: string;
  exportedBy: Segment[];
  sections: ReadableSection[];
  notes: string[];
}

function fieldsOf(spec: ListSpec, fields: Record<string, unknown>, mark: (t: string) => Segment[]): ReadableField[] {
  return spec.columns.map((c) => {
    const text = valueWords(c.kind, fields[c.key], fields);
    return { label: c.label, text, segments: mark(text) };
  });
}

function historyOf(spec: ListSpec, versions: RawVersion[], mark: (t: string) => Segment[]): ReadableChange[] {
  const ordered = [...versions].sort((a, b) => parseFloat(a.id) - parseFloat(b.id));
  const out: ReadableChange[] = [];
  let prev: ReadableField[] | null = null;
  for (const v of ordered) {
    const now = fieldsOf(spec, v.fields ?? {}, mark);
    const by = changedBy(v);
    const who = [{ text: by.who, staff: by.staff }];
    if (!prev) out.push({ at: ukDateTime(v.lastModifiedDateTime), by: who, created: true, changes: [] });
    else {
      const before = prev;
      const changes = now.flatMap((f, i) => (f.text === before[i].text ? [] : [{ label: f.label, from: before[i].segments, to: f.segments }]));
      if (changes.length) out.push({ at: ukDateTime(v.lastModifiedDateTime), by: who, created: false, changes });
    }
    prev = now;
  }
  return out;
}

function oldestFirst(spec: ListSpec, items: RawItem[]): RawItem[] {
  const key = (i: RawItem) => Date.parse(String((spec.when ? i.fields[spec.when] : undefined) ?? i.createdDateTime ?? "")) || 0;
  return [...items].sort((a, b) => key(a) - key(b) || Number(a.id) - Number(b.id));
}

/** The log's steps in words: read by replaying them, not column by column, and with no changes (the log is never changed). */
function logRecords(spec: ListSpec, rows: RawItem[], mark: (t: string) => Segment[]): ReadableRecord[] {
  return caseLogLines(rows).map((line) => {
    const texts = [line.when, line.by, line.what, line.changes];
    const fields = spec.columns.map((c, i) => ({ label: c.label, text: texts[i], segments: mark(texts[i]) }));
    const staff = [...new Set(fields.flatMap((f) => f.segments.filter((s) => s.staff).map((s) => s.text)))];
    return { fields, history: [], staff };
  });
}

export function readableExport(raw: RawExport): ReadableBundle {
  const mark = staffMarker(staffTerms(raw));
  const customer = Array.isArray(raw.lists.UpcCustomers) ? raw.lists.UpcCustomers[0] : undefined;
  const sections = LIST_SPECS.filter((spec) => spec.list in raw.lists).map((spec): ReadableSection => {
    const rows = raw.lists[spec.list];
    if (!Array.isArray(rows)) return { spec, withheld: rows.withheld, records: [] };
    if (spec.list === "UpcCaseEvents") return { spec, records: logRecords(spec, rows, mark) };
    return {
      spec,
      records: oldestFirst(spec, rows).map((item) => {
        const fields = fieldsOf(spec, item.fields, mark);
        const staff = [...new Set(fields.flatMap((f) => f.segments.filter((s) => s.staff).map((s) => s.text)))];
        return { fields, history: historyOf(spec, item.versions, mark), staff };
      }),
    };
  });
  return {
    name: String(customer?.fields.Title ?? ""),
    caseRef: raw.caseRef,
    exportedAt: raw.exportedAt,
    exportedBy: mark(raw.exportedBy),
    sections,
    notes: raw.notes,
  };
}
