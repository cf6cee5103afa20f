// The last check before anything is written: each row's step as the case service will judge it (its shape, the
// policy's rules for the person importing, and the size SharePoint will store), so the real run cannot stop half-way.
import { characters, MULTI_LINE_MAX } from "../../shared/domain/limits";
import { getPreset } from "../../shared/presets/registry";
import { applyStep, emptyRecord, parseStepEvent, type PresetLookup, type RegisterEvent } from "../../shared/register";
import type { Actor } from "../../shared/workflow";
import type { ImportPlan } from "./plan";
import type { Problem } from "./rows";
import { stepFor, writesOf } from "./write";

export function checkPlan(plan: ImportPlan, options: { actor: Actor; now: Date; presets?: PresetLookup }): Problem[] {
  const presets = options.presets ?? getPreset;
  const problems: Problem[] = [];
  for (const p of plan.rows) {
    if (writesOf(p) === 0) continue;
    const row = p.source.row;
    const { event } = stepFor(p, options.now);
    const stored = JSON.stringify(event).length;
    if (stored > MULTI_LINE_MAX) {
      problems.push({ row, column: null, message: `everything this row holds comes to ${characters(stored)} characters, more than the ${characters(MULTI_LINE_MAX)} SharePoint keeps in one step of the log. Shorten the staff guidance or adjustments, or split the addresses over a later import.` });
      continue;
    }
    const parsed = parseStepEvent(JSON.parse(JSON.stringify(event)));
    if (!parsed.ok) {
      problems.push({ row, column: null, message: parsed.problem });
      continue;
    }
    if (p.existing) continue; // additions to a record on file are judged against its log when written
    const preset = presets(p.source.customer.policyId);
    if (!preset) continue; // named by the row checks already
    const first = event as Extract<RegisterEvent, { type: "Imported" }>;
    const trial = applyStep(emptyRecord(preset.id), { ...first, customer: { ...first.customer, caseRef: first.customer.caseRef || "UPC-0000" } }, { preset, actor: options.actor, now: options.now, first: true });
    if (!trial.ok) problems.push({ row, column: null, message: trial.reason });
  }
  return problems;
}
