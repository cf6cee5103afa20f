// Importing an existing register (a spreadsheet saved as CSV): read and check every row, check the rows against what
// the site already holds, and only then write, so that a file with any problem changes nothing. Safe to run again.
import type { Actor } from "../../shared/workflow";
import { whoAmI } from "../directory/roles";
import type { Site } from "../repos/items";
import { CsvError, parseCsv } from "./csv";
import { decodeRegister, garbledLine, garbledProblem } from "./encoding";
import { checkPlan } from "./check";
import { describeRowPlan, planImport, planIsEmpty, type ImportPlan } from "./plan";
import { problemText, readRegister } from "./rows";
import { writePlan, type WriteSummary } from "./write";

export { parseCsv, CsvError } from "./csv";
export { decodeRegister } from "./encoding";
export { readRegister, problemText, type Problem, type RegisterRow } from "./rows";
export { planImport, describeRowPlan, type ImportPlan } from "./plan";
export { writePlan, type WriteSummary } from "./write";

export interface ImportOptions {
  dryRun?: boolean;
  /** The policy for rows that do not name one. */
  defaultPolicy?: string;
  now?: Date;
  onProgress?: (done: number, total: number, step: string) => void;
  /** Who is importing (an administrator): recorded on each step; by default the signed-in person. */
  actor?: Actor;
}

export type ImportResult =
  /** Problems were found: nothing was written. */
  | { outcome: "invalid"; problems: string[]; notes: string[] }
  /** A dry run, or a run with nothing to do: the changes it would make (none for the latter). */
  | { outcome: "planned"; changes: string[]; notes: string[]; rows: number }
  | { outcome: "written"; changes: string[]; notes: string[]; rows: number; summary: WriteSummary };

function notesOf(plan: ImportPlan): string[] {
  return plan.rows.filter((p) => p.existing && p.differences.length).map((p) => `Row ${p.source.row}: ${p.existing!.caseRef} is already on the site and is kept as it is there (the sheet differs in ${p.differences.join(", ")}).`);
}

/** The register as the file's bytes (checked to be UTF-8) or as text already decoded. */
export async function importRegister(site: Site, file: string | Uint8Array, options: ImportOptions = {}): Promise<ImportResult> {
  const decoded = typeof file === "string" ? { ok: true as const, text: file } : decodeRegister(file);
  if (!decoded.ok) return { outcome: "invalid", problems: [decoded.problem], notes: [] };
  const csvText = decoded.text;
  const garbled = garbledLine(csvText);
  if (garbled !== null) return { outcome: "invalid", problems: [garbledProblem(garbled)], notes: [] };
  let table;
  try {
    table = parseCsv(csvText);
  } catch (e) {
    if (e instanceof CsvError) return { outcome: "invalid", problems: [e.message], notes: [] };
    throw e;
  }
  const reading = readRegister(table, { defaultPolicy: options.defaultPolicy, now: options.now });
  if (reading.problems.length) return { outcome: "invalid", problems: reading.problems.map(problemText), notes: reading.notes };

  const plan = await planImport(site, reading.rows);
  if (plan.problems.length) return { outcome: "invalid", problems: plan.problems.map(problemText), notes: reading.notes };

  const changes = plan.rows.flatMap(describeRowPlan);
  const notes = [...reading.notes, ...notesOf(plan)];
  if (planIsEmpty(plan)) return { outcome: "planned", changes, notes, rows: reading.rows.length };
  // The dry run judges each step as the real run will, so that "valid" means the real run writes every row.
  const now = options.now ?? new Date();
  const actor = options.actor ?? (await whoAmI(site.graph));
  const stepProblems = checkPlan(plan, { actor, now });
  if (stepProblems.length) return { outcome: "invalid", problems: stepProblems.map(problemText), notes };
  if (options.dryRun) return { outcome: "planned", changes, notes, rows: reading.rows.length };
  const summary = await writePlan(site, plan, { actor, now, onProgress: options.onProgress });
  return { outcome: "written", changes, notes, rows: reading.rows.length, summary };
}
