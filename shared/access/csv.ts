// CSV as RFC 4180 has it (CRLF lines, quotes doubled), with formula-like cells neutralised for spreadsheets.

/**
 * One cell: quoted when needed, and a leading = + - @ (or tab, CR) prefixed with ' so a spreadsheet never runs it as a
 * formula. The same rule as the reports' CSV (graph/reports/aggregate.ts csvCell), which shared/ cannot import.
 */
export function csvCell(value: string | number): string {
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function csvTable(header: string[], rows: (string | number)[][]): string {
  return `${[header, ...rows].map((row) => row.map(csvCell).join(",")).join("\r\n")}\r\n`;
}
