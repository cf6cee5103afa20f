// Column builders producing Graph columnDefinition bodies, so the schema reads like DESIGN.md.

export interface ColumnDef {
  name: string;
  /** Set on lookups: the list the lookup points at, resolved to its id at provisioning. */
  lookupList?: string;
  indexed?: boolean;
  enforceUniqueValues?: boolean;
  body: Record<string, unknown>;
}

type Opts = { indexed?: boolean; unique?: boolean };

function col(name: string, body: Record<string, unknown>, o: Opts = {}): ColumnDef {
  return { name, indexed: !!(o.indexed || o.unique), enforceUniqueValues: !!o.unique, body: { name, ...body } };
}

export const text = (name: string, o?: Opts) => col(name, { text: { allowMultipleLines: false, maxLength: 255 } }, o);
export const note = (name: string) => col(name, { text: { allowMultipleLines: true, textType: "plain" } });
export const number = (name: string, o?: Opts) => col(name, { number: {} }, o);
export const bool = (name: string, o?: Opts) => col(name, { boolean: {} }, o);
export const dateTime = (name: string, o?: Opts) => col(name, { dateTime: { format: "dateTime" } }, o);
export const choice = (name: string, choices: readonly string[], o?: Opts) =>
  col(name, { choice: { choices: [...choices], allowTextEntry: false, displayAs: "dropDownMenu" } }, o);
/** Graph represents a multi-select choice column as displayAs "checkBoxes". */
export const multiChoice = (name: string, choices: readonly string[]) =>
  col(name, { choice: { choices: [...choices], allowTextEntry: false, displayAs: "checkBoxes" } });
export const lookup = (name: string, list: string, o?: Opts): ColumnDef => ({
  ...col(name, { lookup: { columnName: "Title" } }, o),
  lookupList: list,
});
