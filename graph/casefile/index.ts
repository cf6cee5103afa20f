// Run a workflow step against the register: load the case file, apply the preset's rules, save what changed.
import { getPreset } from "../../shared/presets/registry";
import type { Preset } from "../../shared/presets/schema";
import { transition, type Actor, type Transition, type WorkflowEvent } from "../../shared/workflow";
import type { Site } from "../repos/items";
import { loadCaseFile, type LoadedCase } from "./load";
import { saveCaseFile, type SaveOptions } from "./save";

export { loadCaseFile, type LoadedCase } from "./load";
export { saveCaseFile, purgeCustomer, type SaveOptions, type LetterContent } from "./save";

export type StepResult = Transition & { loaded: LoadedCase };

/**
 * Applies events in order for one customer and saves the result if every one is allowed; nothing is written when
 * any is refused, and the refusal comes back in the policy's words.
 */
export async function runSteps(site: Site, customerId: string, actor: Actor, events: WorkflowEvent[], opts: SaveOptions & { now?: Date; preset?: Preset } = {}): Promise<StepResult> {
  const loaded = await loadCaseFile(site, customerId);
  const preset = opts.preset ?? getPreset(loaded.customer.policyId);
  if (!preset) return { ok: false, reason: `This customer is under a policy (${loaded.customer.policyId}) that is not set up here.`, loaded };
  let file = loaded.file;
  const effects: Extract<Transition, { ok: true }>["effects"] = [];
  for (const event of events) {
    const r = transition(file, event, { preset, actor, now: opts.now ?? new Date() });
    if (!r.ok) return { ...r, loaded };
    file = r.file;
    effects.push(...r.effects);
  }
  await saveCaseFile(site, loaded, file, opts);
  return { ok: true, file, effects, loaded };
}
