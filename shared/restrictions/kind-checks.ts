// What one restriction says about one proposed contact: its kind's module judges it.
import type { Restriction } from "../domain/records";
import { describeRestriction } from "./describe";
import { moduleFor, type KindResult } from "./kinds";
import type { ContactCheckInput } from "./types";

export type { KindResult } from "./kinds";

/** Judges one restriction in force against the proposed contact (routed purposes never reach here). */
export function checkKind(r: Restriction, input: ContactCheckInput): KindResult {
  const { proposed, history, spoc } = input;
  return moduleFor(r.params).check(r.params, { proposed, history, spoc, row: r, label: describeRestriction(r) });
}
