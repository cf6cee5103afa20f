// Rows that do not read: people, imports and flows write these lists too, so a row that fails its schema is left out
// and named (list, item, column, the problem in words), never allowed to stop the rows around it.
import { LISTS, type ListKey } from "../schema/lists";
import type { ListItem } from "./items";

export interface RowProblem {
  /** The list's name as people see it in SharePoint, e.g. "UpcContacts". */
  list: string;
  itemId: string;
  column: string;
  problem: string;
}

/** Domain field → SharePoint column, where they are not the same word. */
const COLUMN: Record<string, string> = { name: "Title", title: "Title", customerId: "Customer", caseId: "Case", evidenceContactIds: "Evidence", note: "Notes", value: "Title", reviewer: "Reviewer" };

function columnOf(path: readonly PropertyKey[]): string {
  const first = String(path[0] ?? "");
  return COLUMN[first] ?? (first ? first[0].toUpperCase() + first.slice(1) : "");
}

interface Issue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  values?: readonly unknown[];
  input?: unknown;
}

/** A schema's complaint in words an administrator can act on; `raw` is the column's value as the row holds it. */
function words(issue: Issue, raw: unknown): string {
  if (issue.code === "invalid_value" && issue.values) return `"${String(issue.input ?? raw ?? "")}" is not one of: ${issue.values.map(String).join(", ")}.`;
  if (issue.code === "invalid_type" && issue.input === undefined) return "It is empty, and it must be filled in.";
  if (issue.code === "invalid_union") return "It does not say which kind of restriction it is, or its settings are incomplete.";
  return issue.message.endsWith(".") ? issue.message : `${issue.message}.`;
}

/** The problem an error from reading a row stands for. */
export function problemOf(list: ListKey, item: Pick<ListItem, "id"> & { fields?: unknown }, error: unknown): RowProblem {
  const issue = (error as { issues?: Issue[] })?.issues?.[0];
  const column = issue ? columnOf(issue.path) : "";
  const raw = (item.fields as Record<string, unknown> | undefined)?.[column];
  return {
    list: LISTS[list],
    itemId: String(item.id),
    column,
    problem: issue ? words(issue, raw) : "The row could not be read.",
  };
}

/** Reads each row; one that does not read is left out and its problem added to `problems`. */
export function readRows<T>(list: ListKey, items: ListItem[], read: (item: ListItem) => T, problems: RowProblem[] = []): T[] {
  const out: T[] = [];
  for (const item of items) {
    try {
      out.push(read(item));
    } catch (e) {
      problems.push(problemOf(list, item, e));
    }
  }
  return out;
}

/** A problem in one line for a log, with no values from the row (they may be personal data). */
export function problemFields(p: RowProblem): Record<string, string> {
  return { list: p.list, item: p.itemId, column: p.column };
}
