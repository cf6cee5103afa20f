// What one restriction says about one proposed contact: its kind's module judges it.
import type { Restriction } from "../domain/records";
import { describeRestriction } from "./describe";
import { moduleFor, type KindResult } from "./kinds";
import type { ContactCheckInput } from "./types";

export type { KindResult } from "./kinds";

/**
 * Judges one restriction in force against the proposed contact (routed purposes never reach here). A kind only staff
 * can judge never refuses a contact by itself: anything its check says is passed on as a note.
 */
export function checkKind(r: Restriction, input: ContactCheckInput): KindResult {
  const { proposed, history, spoc } = input;
  const kind = moduleFor(r.params);
  const result = kind.check(r.params, { proposed, history, spoc, row: r, label: describeRestriction(r) });
  if (!result.breach || kind.checkedBy(r.params) === "system") return result;
  return { notes: [...(result.notes ?? []), result.breach] };
}
