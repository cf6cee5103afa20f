// The subject access bundle: summary.html, a CSV per kind of record and raw.json (the export untouched), as one ZIP.
import { londonDateKey } from "../time/calendar";
import { csvFiles } from "./csv-files";
import type { RawExport } from "./raw";
import { readableExport } from "./readable";
import { summaryHtml } from "./summary-html";
import { zipStore, type ZipEntry } from "./zip";

export interface AccessBundle {
  fileName: string;
  bytes: Uint8Array;
  files: string[];
}

export function bundleEntries(raw: RawExport): ZipEntry[] {
  const readable = readableExport(raw);
  return [{ name: "summary.html", content: summaryHtml(readable) }, ...csvFiles(readable), { name: "raw.json", content: JSON.stringify(raw, null, 2) }];
}

export function accessBundle(raw: RawExport): AccessBundle {
  const entries = bundleEntries(raw);
  const at = new Date(raw.exportedAt);
  return { fileName: `subject-access-${raw.caseRef.replace(/[^A-Za-z0-9-]+/g, "-")}-${londonDateKey(at)}.zip`, bytes: zipStore(entries, at), files: entries.map((e) => e.name) };
}
