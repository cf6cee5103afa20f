// One spreadsheet (CSV) per kind of record: headers in words, values as the summary shows them, and a last column
// naming the staff names and addresses in each row, since a spreadsheet cell cannot be marked.
import type { ReadableBundle } from "./readable";
import { csvTable } from "./csv";
import type { ZipEntry } from "./zip";

export const STAFF_COLUMN = "Staff names and addresses in this row (review before release)";

export function csvFiles(b: ReadableBundle): ZipEntry[] {
  return b.sections
    .filter((s) => !s.withheld)
    .map((s) => ({
      name: s.spec.file,
      // A byte-order mark so Excel reads the names (Seán, Wałęsa) as UTF-8.
      content: `\ufeff${csvTable(
        [...s.spec.columns.map((c) => c.label), STAFF_COLUMN],
        s.records.map((r) => [...r.fields.map((f) => f.text), r.staff.join("; ")]),
      )}`,
    }));
}
