// Works out what provisioning must change on a site: lists, columns and indexes missing or different from the schema.
import type { ColumnDef } from "../schema/columns";
import type { ListDef } from "../schema/lists";

export interface ExistingColumn {
  id: string;
  name: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
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
  | { kind: "indexTitle"; list: ListDef };

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
  }
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
    }
    const title = byName.get("Title");
    if (title && ((list.titleIndexed && !title.indexed) || (list.titleUnique && !title.enforceUniqueValues))) steps.push({ kind: "indexTitle", list });
  }
  return steps;
}
