// Works out what provisioning must change on a site: lists, columns and indexes missing or different from the schema.
import type { ColumnDef } from "../schema/columns";
import type { ListDef } from "../schema/lists";

export interface ExistingColumn {
  id: string;
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  /** A choice column's choices, as Graph gives them. */
  choice?: { choices?: string[] };
}

export interface ExistingList {
  id: string;
  displayName: string;
  columns: ExistingColumn[];
}

export type Step =
  | { kind: "createList"; list: ListDef }
  | { kind: "addColumn"; list: ListDef; column: ColumnDef }
  | { kind: "indexColumn"; list: ListDef; columnId: string; columnName: string }
  | { kind: "indexTitle"; list: ListDef }
  /** A choice column made by an older version lacks choices the schema has since gained (a new restriction kind). */
  | { kind: "addChoices"; list: ListDef; column: ColumnDef; columnId: string; added: string[]; choices: string[] };

export function describeStep(step: Step): string {
  switch (step.kind) {
    case "createList":
      return `Create list ${step.list.name} with ${step.list.columns.length} columns`;
    case "addColumn":
      return `Add column ${step.list.name}.${step.column.name}`;
    case "indexColumn":
      return `Index column ${step.list.name}.${step.columnName}`;
    case "indexTitle":
      return `Index column ${step.list.name}.Title`;
    case "addChoices":
      return `Add ${step.added.join(", ")} to the choices of ${step.list.name}.${step.column.name}`;
  }
}

/**
 * The schema's choices a column lacks, and the whole list to set: the site's own first, in its order, then the new
 * ones, so nothing a site already has (even a choice an admin added) is taken away.
 */
function missingChoices(column: ColumnDef, current: ExistingColumn): { added: string[]; choices: string[] } | null {
  const wanted = (column.body.choice as { choices?: string[] } | undefined)?.choices;
  const have = current.choice?.choices;
  if (!wanted || !have) return null;
  const added = wanted.filter((c) => !have.includes(c));
  return added.length ? { added, choices: [...have, ...added] } : null;
}

export function planLists(schema: ListDef[], existing: Map<string, ExistingList>): Step[] {
  const steps: Step[] = [];
  for (const list of schema) {
    const have = existing.get(list.name);
    if (!have) {
      steps.push({ kind: "createList", list });
      if (list.titleIndexed) steps.push({ kind: "indexTitle", list });
      continue;
    }
    const byName = new Map(have.columns.map((c) => [c.name, c]));
    for (const column of list.columns) {
      const current = byName.get(column.name);
      if (!current) steps.push({ kind: "addColumn", list, column });
      else if (column.indexed && !current.indexed) steps.push({ kind: "indexColumn", list, columnId: current.id, columnName: column.name });
      const addChoices = current && missingChoices(column, current);
      if (current && addChoices) steps.push({ kind: "addChoices", list, column, columnId: current.id, ...addChoices });
    }
    const title = byName.get("Title");
    if (title && ((list.titleIndexed && !title.indexed) || (list.titleUnique && !title.enforceUniqueValues))) steps.push({ kind: "indexTitle", list });
  }
  return steps;
}
