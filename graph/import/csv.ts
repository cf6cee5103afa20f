// CSV as spreadsheets save it (RFC 4180): quoted fields with doubled quotes, commas and line breaks inside quotes, a
// UTF-8 byte-order mark, CRLF or LF line ends. Excel in some locales saves with semicolons: the header decides.

export interface CsvRecord {
  /** The row number a spreadsheet shows: the header is row 1, so the first record is row 2. */
  row: number;
  cells: string[];
}

export interface CsvTable {
  header: string[];
  records: CsvRecord[];
  delimiter: "," | ";";
}

export class CsvError extends Error {}

function detectDelimiter(text: string): "," | ";" {
  let inQuotes = false;
  let commas = 0;
  let semicolons = 0;
  for (const ch of text) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "\n" || ch === "\r")) break;
    else if (!inQuotes && ch === ",") commas++;
    else if (!inQuotes && ch === ";") semicolons++;
  }
  return semicolons > commas ? ";" : ",";
}

export function parseCsv(input: string): CsvTable {
  const text = input.replace(/^\uFEFF/, "");
  const delimiter = detectDelimiter(text);
  const rows: string[][] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let fieldStarted = false;
  let line = 1;
  let quoteOpenedOn = 0;
  const endField = () => {
    row.push(field);
    field = "";
    fieldStarted = false;
  };
  const endRow = () => {
    endField();
    rows.push(row);
    row = [];
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        field += ch === "\r" && text[i + 1] === "\n" ? "" : ch;
      }
      continue;
    }
    if (ch === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
      quoteOpenedOn = line;
    } else if (ch === delimiter) endField();
    else if (ch === "\r" || ch === "\n") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      line++;
      endRow();
    } else {
      // A quote in the middle of an unquoted field (O"Brien) is kept as it is, as spreadsheets do.
      field += ch;
      fieldStarted = true;
    }
  }
  if (quoted) throw new CsvError(`A quoted cell that starts on line ${quoteOpenedOn} never ends: a closing " is missing.`);
  if (field !== "" || fieldStarted || row.length) endRow();

  const [header, ...body] = rows;
  if (!header || header.every((h) => !h.trim())) throw new CsvError("The file is empty: the first row must name the columns.");
  const records: CsvRecord[] = [];
  body.forEach((cells, i) => {
    // Blank lines (and rows of empty cells, as spreadsheets leave at the end) are not records.
    if (cells.every((c) => !c.trim())) return;
    records.push({ row: i + 2, cells });
  });
  return { header: header.map((h) => h.trim()), records, delimiter };
}
