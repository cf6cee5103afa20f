// summary.html: one self-contained page in plain words with every record, printable to PDF from the browser, with
// staff names and addresses marked for review. Every piece of text is escaped: subjects and names can hold markup.
import { escapeHtml } from "./html";
import type { ReadableBundle, ReadableRecord, ReadableSection } from "./readable";
import type { Segment } from "./staff";
import { ukDate } from "./words";

const STYLE = `
body { font-family: Arial, Helvetica, sans-serif; color: #1b1b1b; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; line-height: 1.45; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.3rem; margin-top: 2rem; border-bottom: 2px solid #1b1b1b; } h3 { font-size: 1.05rem; margin: 1.2rem 0 .3rem; }
dl { display: grid; grid-template-columns: minmax(10rem, max-content) 1fr; gap: .2rem 1rem; margin: 0; }
dt { font-weight: bold; } dd { margin: 0; white-space: pre-wrap; overflow-wrap: anywhere; }
mark { background: #fff176; color: #000; outline: 1px dashed #000; print-color-adjust: exact; -webkit-print-color-adjust: exact; }
.legend { border: 2px solid #1b1b1b; padding: .5rem 1rem; }
.record { break-inside: avoid; border-top: 1px solid #bbb; }
.history { margin: .3rem 0 0 1rem; font-size: .95rem; }
@media print { body { margin: 0; max-width: none; } h2 { break-after: avoid; } }
`;

function seg(segments: Segment[]): string {
  return segments.map((s) => (s.staff ? `<mark>${escapeHtml(s.text)}</mark>` : escapeHtml(s.text))).join("");
}

function change(c: { label: string; from: Segment[]; to: Segment[] }): string {
  const label = escapeHtml(c.label);
  if (!c.from.length) return `${label}: set to “${seg(c.to)}”.`;
  if (!c.to.length) return `${label}: “${seg(c.from)}” taken out.`;
  return `${label}: from “${seg(c.from)}” to “${seg(c.to)}”.`;
}

function record(section: ReadableSection, r: ReadableRecord, n: number): string {
  const shown = r.fields.filter((f) => f.text);
  const rows = shown.map((f) => `<dt>${escapeHtml(f.label)}</dt><dd>${seg(f.segments)}</dd>`).join("");
  const history = r.history
    .map((h) =>
      h.created
        ? `<li>${escapeHtml(h.at)}: recorded by ${seg(h.by)}.</li>`
        : `<li>${escapeHtml(h.at)}: changed by ${seg(h.by)}. ${h.changes.map(change).join(" ")}</li>`,
    )
    .join("");
  return `<div class="record"><h3>${escapeHtml(section.spec.one)} ${n} of ${section.records.length}</h3><dl>${rows}</dl>${history ? `<p>What happened to this record:</p><ul class="history">${history}</ul>` : ""}</div>`;
}

function section(s: ReadableSection, i: number): string {
  const id = `list-${i}`;
  const body = s.withheld
    ? `<p>Not included: ${escapeHtml(s.withheld)}</p>`
    : s.records.length === 0
      ? "<p>The register holds nothing of this kind about the customer.</p>"
      : s.records.map((r, n) => record(s, r, n + 1)).join("");
  return `<section aria-labelledby="${id}"><h2 id="${id}">${escapeHtml(s.spec.heading)}</h2>${body}</section>`;
}

export function summaryHtml(b: ReadableBundle): string {
  const who = escapeHtml(b.name || b.caseRef);
  const contents = b.sections
    .map((s) => `<li>${escapeHtml(s.spec.heading)}: ${s.withheld ? "not included (see below)" : `${s.records.length} ${s.records.length === 1 ? "record" : "records"}`}</li>`)
    .join("");
  return `<!doctype html>
<html lang="en-GB">
<head><meta charset="utf-8"><title>Subject access: ${who} (${escapeHtml(b.caseRef)})</title><style>${STYLE}</style></head>
<body>
<main>
<h1>Subject access: what the case register holds about ${who}</h1>
<dl>
<dt>Customer</dt><dd>${who}</dd>
<dt>Case reference</dt><dd>${escapeHtml(b.caseRef)}</dd>
<dt>Prepared on</dt><dd>${escapeHtml(ukDate(b.exportedAt))}</dd>
<dt>Prepared by</dt><dd>${seg(b.exportedBy)}</dd>
</dl>
<p class="legend"><mark>Staff names and addresses are marked like this</mark>: review each one before the bundle is released.</p>
<p>This summary lists every record the register holds about the customer, with every change made to each. The same records are in the spreadsheet (CSV) files beside it, one for each kind of record, and exactly as SharePoint stores them in raw.json.</p>
<h2>Contents</h2>
<ul>${contents}</ul>
<h2>Notes on this export</h2>
<ul>${b.notes.map((n) => `<li>${escapeHtml(n)}</li>`).join("")}</ul>
${b.sections.map(section).join("\n")}
</main>
</body>
</html>
`;
}
