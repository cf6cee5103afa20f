// Graph columnDefinition bodies turned into list columns: text, number, boolean, dateTime, choice (single or multi), lookup.
import { randomUUID } from "node:crypto";
import { GraphError } from "../core/types";
import type { ColumnDef, ColumnKind } from "./model";

function invalid(message: string): GraphError {
  return new GraphError(400, "invalidRequest", message);
}

const FACETS = ["text", "number", "boolean", "dateTime", "choice", "lookup"] as const;
const UNSUPPORTED_FACETS = ["calculated", "currency", "hyperlinkOrPicture", "personOrGroup", "term", "thumbnail", "geolocation", "contentApprovalStatus"];

function obj(v: unknown): Record<string, unknown> {
  return v && typeof v === "object" && !Array.isArray(v) ? (v as Record<string, unknown>) : {};
}

/**
 * Builds a column from a columnDefinition. Multi-choice is a choice column displayed as check boxes, which is how
 * Graph's choiceColumn represents a column that allows several selections.
 */
export function columnFromDefinition(body: unknown, listExists: (id: string) => boolean): ColumnDef {
  const b = obj(body);
  const name = b.name;
  if (typeof name !== "string" || !/^[A-Za-z_][A-Za-z0-9_]{0,63}$/.test(name)) {
    throw invalid("A column needs a name of letters, digits and underscores, starting with a letter.");
  }
  const given = FACETS.filter((f) => b[f] !== undefined && b[f] !== null);
  const unsupported = UNSUPPORTED_FACETS.find((f) => b[f] !== undefined && b[f] !== null);
  if (unsupported) throw invalid(`Column type '${unsupported}' is not supported by the emulator.`);
  if (given.length > 1) throw invalid("A column definition can have only one type facet.");
  const facetName = given[0] ?? "text";
  const raw = obj(b[facetName]);
  let kind: ColumnKind;
  let facet: Record<string, unknown>;
  switch (facetName) {
    case "text": {
      const multi = raw.allowMultipleLines === true;
      kind = multi ? "note" : "text";
      facet = {
        allowMultipleLines: multi,
        appendChangesToExistingText: raw.appendChangesToExistingText === true,
        linesForEditing: typeof raw.linesForEditing === "number" ? raw.linesForEditing : multi ? 6 : 0,
        maxLength: typeof raw.maxLength === "number" && !multi ? Math.min(255, raw.maxLength) : 255,
        ...(typeof raw.textType === "string" ? { textType: raw.textType } : {}),
      };
      break;
    }
    case "number":
      kind = "number";
      facet = {
        decimalPlaces: raw.decimalPlaces ?? "automatic",
        displayAs: raw.displayAs ?? "number",
        maximum: typeof raw.maximum === "number" ? raw.maximum : 1.7976931348623157e308,
        minimum: typeof raw.minimum === "number" ? raw.minimum : -1.7976931348623157e308,
      };
      break;
    case "boolean":
      kind = "boolean";
      facet = {};
      break;
    case "dateTime":
      kind = "dateTime";
      facet = { displayAs: raw.displayAs ?? "default", format: raw.format === "dateOnly" ? "dateOnly" : "dateTime" };
      break;
    case "choice": {
      const choices = raw.choices;
      if (!Array.isArray(choices) || choices.some((c) => typeof c !== "string")) throw invalid("A choice column needs a list of choices.");
      const displayAs = typeof raw.displayAs === "string" ? raw.displayAs : "dropDownMenu";
      if (!["checkBoxes", "dropDownMenu", "radioButtons"].includes(displayAs)) throw invalid(`Unknown choice displayAs '${displayAs}'.`);
      kind = displayAs === "checkBoxes" ? "multiChoice" : "choice";
      facet = { allowTextEntry: raw.allowTextEntry === true, choices: [...choices], displayAs };
      break;
    }
    case "lookup": {
      const listId = raw.listId;
      if (typeof listId !== "string" || !listExists(listId)) throw invalid("The lookup column's listId does not name a list of this site.");
      if (raw.allowMultipleValues === true) throw invalid("Multi-value lookup columns are not supported by the emulator.");
      kind = "lookup";
      facet = {
        allowMultipleValues: false,
        allowUnlimitedLength: false,
        columnName: typeof raw.columnName === "string" ? raw.columnName : "Title",
        listId,
      };
      break;
    }
    default:
      throw invalid("Unknown column type.");
  }
  return {
    id: randomUUID(),
    name,
    displayName: typeof b.displayName === "string" ? b.displayName : name,
    description: typeof b.description === "string" ? b.description : "",
    kind,
    indexed: b.indexed === true,
    unique: b.enforceUniqueValues === true,
    required: b.required === true,
    hidden: b.hidden === true,
    readOnly: false,
    builtIn: false,
    facetName,
    facet,
  };
}
