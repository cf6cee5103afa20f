// Keeps docs/policies/<preset>.md honest: every quote is the policy's own words, every test named exists, every field resolves.
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { getPreset } from "../../shared/presets/registry";

const ROOT = fileURLToPath(new URL("../../", import.meta.url));
const SHARED_DIR = fileURLToPath(new URL("../../../shared/", import.meta.url));
const haveTexts = existsSync(`${SHARED_DIR}policies`);
if (!haveTexts) {
  // Loud, and fatal in CI: the quote check is what proves each row quotes the policy word for word.
  if (process.env.CI) throw new Error(`The policy texts are missing at ${SHARED_DIR}policies: the quote check of docs/policies cannot run.`);
  console.warn(`SKIPPING the quote check of docs/policies: the policy texts are not at ${SHARED_DIR}policies.`);
}

const DOCS: Record<string, string> = {
  "merseyside-fire-2011": "000_15ef6c37defcaa2d.txt",
  "cumbria-fire-2023": "001_de0aff75e8e4f05c.txt",
  "southampton-2018": "002_c47487000f646a0a.txt",
  "hampshire-sendiass": "003_f99db5e613e66c3b.txt",
  "council-ccm-2014": "004_4a3366f45c554bec.txt",
};
const HEADER = ["#", "Section", "Quote", "What the product does", "Preset field", "Test"];

/** Whitespace collapsed, curly quotes straightened, markdown emphasis dropped (the texts carry a few asterisks). */
export const normalise = (s: string) =>
  s.replace(/[‘’]/g, "'").replace(/[“”]/g, '"').replace(/\*/g, "").replace(/\\\|/g, "|").replace(/\s+/g, " ").trim();

export interface Row {
  n: string;
  section: string;
  quote: string;
  does: string;
  field: string;
  test: string;
}

/** The table's rows, or a problem in words. Cells are split on unescaped pipes, so a pipe in a quote is written \|. */
export function parseTable(markdown: string): { rows: Row[] } | { problem: string } {
  const lines = markdown.split("\n").map((l) => l.trim());
  const head = lines.findIndex((l) => l.startsWith("|") && cells(l).join("|") === HEADER.join("|"));
  if (head < 0) return { problem: `no table with the header | ${HEADER.join(" | ")} |` };
  if (!/^\|(\s*:?-+:?\s*\|)+$/.test(lines[head + 1] ?? "")) return { problem: "the header is not followed by a separator line" };
  const rows: Row[] = [];
  for (let i = head + 2; i < lines.length && lines[i].startsWith("|"); i++) {
    const c = cells(lines[i]);
    if (c.length !== HEADER.length) return { problem: `line ${i + 1} has ${c.length} cells, not ${HEADER.length}` };
    const [n, section, quote, does, field, test] = c;
    rows.push({ n, section, quote, does, field, test });
  }
  return rows.length ? { rows } : { problem: "the table has no rows" };
}

function cells(line: string): string[] {
  return line
    .replace(/^\|/, "")
    .replace(/\|$/, "")
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

/** Where each fragment of a quote (split at " … ") is found in order, or the first fragment that is not. */
export function missingFragment(quote: string, text: string): string | null {
  let from = 0;
  for (const part of quote.split("…").map(normalise).filter(Boolean)) {
    const at = text.indexOf(part, from);
    if (at < 0) return part;
    from = at + part.length;
  }
  return null;
}

export type TestCell =
  | { kind: "refs"; refs: { file: string; title: string }[] }
  | { kind: "Not done" | "Outside the product" | "Pending"; why: string }
  | { kind: "bad"; problem: string };

const REF = /`([^`]+)`\s*›\s*"((?:[^"\\]|\\.)*)"/y;

/** A Test cell: `file` › "title" references separated by "; ", or "Not done: …", "Outside the product: …", "Pending: …". */
export function parseTestCell(cell: string): TestCell {
  const label = /^(Not done|Outside the product|Pending):\s*(.*)$/s.exec(cell);
  if (label) {
    return label[2].trim().length >= 3 ? { kind: label[1] as "Not done", why: label[2].trim() } : { kind: "bad", problem: `"${label[1]}:" needs a reason in words` };
  }
  const refs: { file: string; title: string }[] = [];
  let at = 0;
  while (at < cell.length) {
    REF.lastIndex = at;
    const m = REF.exec(cell);
    if (!m) return { kind: "bad", problem: `cannot read a test reference at "${cell.slice(at, at + 40)}" (write \`file\` › "title", separated by "; ")` };
    refs.push({ file: m[1], title: m[2].replace(/\\"/g, '"') });
    at = REF.lastIndex;
    const sep = /^\s*;\s*/.exec(cell.slice(at));
    if (sep) at += sep[0].length;
    else if (at < cell.length) return { kind: "bad", problem: `expected "; " between references at "${cell.slice(at, at + 40)}"` };
  }
  return refs.length ? { kind: "refs", refs } : { kind: "bad", problem: "the Test cell is empty" };
}

const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Whether a test file declares a test with exactly this title: it("…"), test("…"), it.skipIf(…)("…") and the like,
 * in any quote style. Template literals with ${} cannot be matched and should not be referenced.
 */
export function hasTest(source: string, title: string): boolean {
  const opener = String.raw`\b(?:it|test)(?:\.(?:only|skip|todo|concurrent|fails|skipIf\([^()]*(?:\([^()]*\))?[^()]*\)|runIf\([^()]*(?:\([^()]*\))?[^()]*\)))*\(\s*`;
  return ['"', "'", "`"].some((q) => {
    const body = escapeRe(q === "'" ? title.replace(/'/g, "\\'") : q === '"' ? title.replace(/"/g, '\\"') : title);
    return new RegExp(`${opener}${q}${body}${q}`).test(source);
  });
}

/**
 * The Preset field grammar: `—`, or one or more paths separated by "; ". A path is segments joined by dots; a segment
 * is a name, optionally followed by [Key]: on a list, the item whose outcome, kind or id is Key (or a number for the
 * index). A path starting with "+" names a field expected from work not yet merged: it is allowed only in a Pending row
 * and must not resolve yet (when it does, drop the "+").
 */
export function resolvePath(root: unknown, path: string): { ok: true } | { ok: false; at: string } {
  let value: unknown = root;
  let walked = "";
  for (const seg of path.split(".")) {
    const m = /^([A-Za-z_][\w-]*)(?:\[([^\]]+)\])?$/.exec(seg);
    if (!m) return { ok: false, at: `${walked}${seg} (not a field name)` };
    walked += walked ? `.${seg}` : seg;
    if (!value || typeof value !== "object" || !(m[1] in (value as object))) return { ok: false, at: walked };
    value = (value as Record<string, unknown>)[m[1]];
    if (m[2] !== undefined) {
      if (!Array.isArray(value)) return { ok: false, at: `${walked} (not a list)` };
      const key = m[2];
      value = /^\d+$/.test(key)
        ? value[Number(key)]
        : value.find((v) => v && typeof v === "object" && [v.outcome, v.kind, v.id].includes(key));
      if (value === undefined) return { ok: false, at: walked };
    }
  }
  return { ok: true };
}

export function fieldPaths(cell: string): string[] {
  return cell === "—" ? [] : cell.split(";").map((p) => p.trim().replace(/^`|`$/g, "")).filter(Boolean);
}

const sources = new Map<string, string | null>();
function sourceOf(file: string): string | null {
  if (!sources.has(file)) sources.set(file, existsSync(`${ROOT}${file}`) ? readFileSync(`${ROOT}${file}`, "utf8") : null);
  return sources.get(file)!;
}

describe("the checker's own rules", () => {
  it("reads references, labels and bad cells", () => {
    expect(parseTestCell('`test/unit/a.test.ts` › "one"; `test/unit/b.test.ts` › "two"')).toEqual({
      kind: "refs",
      refs: [{ file: "test/unit/a.test.ts", title: "one" }, { file: "test/unit/b.test.ts", title: "two" }],
    });
    expect(parseTestCell("Not done: the product holds no meetings")).toMatchObject({ kind: "Not done" });
    expect(parseTestCell("Pending: named offices")).toMatchObject({ kind: "Pending" });
    expect(parseTestCell("Outside the product: training")).toMatchObject({ kind: "Outside the product" });
    expect(parseTestCell("see lifecycle")).toMatchObject({ kind: "bad" });
    expect(parseTestCell("Pending:")).toMatchObject({ kind: "bad" });
  });

  it("finds titles in any quote style and after skipIf, and not a mere mention", () => {
    const src = `it("a \\"b\\"", () => {});\nit.skipIf(!x)('c\\'s', () => {});\ntest(\`d\`, () => {});\nconst s = "e";`;
    expect(hasTest(src, 'a "b"')).toBe(true);
    expect(hasTest(src, "c's")).toBe(true);
    expect(hasTest(src, "d")).toBe(true);
    expect(hasTest(src, "e")).toBe(false);
    expect(hasTest(src, "a")).toBe(false);
  });

  it("resolves dotted and keyed paths, and refuses the rest", () => {
    const p = getPreset("cumbria-fire-2023")!;
    expect(resolvePath(p, "appeal.windowDays")).toEqual({ ok: true });
    expect(resolvePath(p, "decisions[Restrict].actor")).toEqual({ ok: true });
    expect(resolvePath(p, "letters[StaffNotice].elements")).toEqual({ ok: true });
    expect(resolvePath(p, "preChecks.items[decision-right]")).toEqual({ ok: true });
    expect(resolvePath(p, "decisions[Monitor]")).toEqual({ ok: false, at: "decisions[Monitor]" });
    expect(resolvePath(p, "appeal.nope")).toEqual({ ok: false, at: "appeal.nope" });
  });

  it("matches quotes across line breaks, curly quotes and elisions, in order", () => {
    const text = normalise("We will   **always** use the customer’s\nname. Then more.");
    expect(missingFragment("We will always use the customer's name. … more.", text)).toBeNull();
    expect(missingFragment("more. … We will", text)).toBe("We will");
  });
});

for (const [id, policyFile] of Object.entries(DOCS)) {
  describe(`docs/policies/${id}.md`, () => {
    const docPath = `${ROOT}docs/policies/${id}.md`;
    const exists = existsSync(docPath);
    const parsed = exists ? parseTable(readFileSync(docPath, "utf8")) : ({ problem: "missing" } as const);
    const rows = "rows" in parsed ? parsed.rows : [];
    const where = (r: Row) => `docs/policies/${id}.md row ${r.n}`;

    it("exists and its table parses", () => {
      expect(exists, `docs/policies/${id}.md does not exist`).toBe(true);
      expect("problem" in parsed ? `docs/policies/${id}.md: ${parsed.problem}` : null).toBeNull();
      const numbers = rows.map((r) => r.n);
      expect(numbers.every((n) => /^\d+$/.test(n)), `docs/policies/${id}.md: every # is a number`).toBe(true);
      expect(new Set(numbers).size, `docs/policies/${id}.md: a # is used twice`).toBe(numbers.length);
      for (const r of rows) for (const [k, v] of Object.entries(r)) expect(v, `${where(r)}: the ${k} cell is empty`).not.toBe("");
    });

    it.skipIf(!haveTexts)("quotes its policy word for word", () => {
      const text = normalise(readFileSync(`${SHARED_DIR}policies/${policyFile}`, "utf8"));
      for (const r of rows) expect(missingFragment(r.quote, text), `${where(r)}: not in ${policyFile}`).toBeNull();
    });

    it("names only tests that exist, or says why there is none", () => {
      const pending = rows.filter((r) => parseTestCell(r.test).kind === "Pending").length;
      // Visible in the run so the merger can see what is still to be proved; counts only.
      console.info(`docs/policies/${id}.md: ${pending} of ${rows.length} rows Pending`);
      for (const r of rows) {
        const cell = parseTestCell(r.test);
        expect(cell.kind === "bad" ? `${where(r)}: ${cell.problem}` : null).toBeNull();
        if (cell.kind !== "refs") continue;
        for (const ref of cell.refs) {
          const source = sourceOf(ref.file);
          expect(source, `${where(r)}: the test file ${ref.file} does not exist`).not.toBeNull();
          expect(hasTest(source ?? "", ref.title), `${where(r)}: no test titled "${ref.title}" in ${ref.file}`).toBe(true);
        }
      }
    });

    it("names only preset fields that exist", () => {
      const preset = getPreset(id);
      expect(preset, `no preset ${id}`).toBeDefined();
      for (const r of rows) {
        const pending = parseTestCell(r.test).kind === "Pending";
        for (const path of fieldPaths(r.field)) {
          if (path.startsWith("+")) {
            expect(pending, `${where(r)}: "${path}" (a field still to come) is only allowed in a Pending row`).toBe(true);
            expect(resolvePath(preset, path.slice(1)).ok, `${where(r)}: "${path.slice(1)}" now exists in the preset: drop the "+"`).toBe(false);
            continue;
          }
          const found = resolvePath(preset, path);
          expect(found.ok ? null : `${where(r)}: the preset has no field "${found.at}" (from "${path}")`).toBeNull();
        }
      }
    });
  });
}
