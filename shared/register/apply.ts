// One step against a customer's record: register steps are judged here, workflow steps by the case workflow; either
// way the answer is the next record and what it sets in motion, or a refusal in words.
import { restrictionParamsSchema } from "../domain/restriction-params";
import { CUSTOMER_STATUSES } from "../domain/vocab";
import type { Preset } from "../presets/schema";
import type { OrganisationSettings } from "../settings/organisation";
import { firstProblem, mayAct, needsReasons, SYSTEM_ONLY } from "../workflow/guards";
import { transition } from "../workflow/machine";
import type { OfficeFacts, StepRule } from "../workflow/offices";
import type { Effect } from "../workflow/result";
import { newCaseFile, type Actor, type CaseFile } from "../workflow/state";
import { isRegisterEvent, type RegisterEvent, type StepEvent } from "./events";
import type { CaseRecord, CustomerDetails } from "./record";

export interface StepContext {
  /** The customer's policy; for a first step, the policy the step names. */
  preset: Preset;
  actor: Actor;
  now: Date;
  /** Whether the record has any events yet: a customer is opened or imported once, first. */
  first: boolean;
  /** Who holds which offices, for a step being taken now (absent on replay). */
  offices?: OfficeFacts;
  /** The organisation's own choices where no policy speaks (all off unless given). */
  settings?: OrganisationSettings;
  /** A logged step replayed: it was accepted when taken, under the rules of its day (see TransitionContext). */
  replaying?: boolean;
}

export type RecordTransition = { ok: true; record: CaseRecord; effects: Effect[] } | { ok: false; reason: string };

const ANY_STAFF = { roles: ["Staff", "Manager", "Decider", "Reviewer", "Admin"] as const, title: "a member of staff" };
const MANAGERS = { roles: ["Manager", "Decider", "Admin"] as const, title: "a manager, decider or administrator" };

const no = (reason: string): RecordTransition => ({ ok: false, reason });

export function applyStep(record: CaseRecord, event: StepEvent, ctx: StepContext): RecordTransition {
  const firstKind = event.type === "Opened" || event.type === "Imported";
  if (ctx.first && !firstKind) return no("This customer has no record yet: open or import it first.");
  if (!ctx.first && firstKind) return no("This customer is already on the register.");
  if (!ctx.first && record.file.purged) return no("This record has been deleted under the retention rules; start a new record instead.");
  if (!isRegisterEvent(event)) {
    const t = transition(record.file, event, ctx);
    return t.ok ? { ok: true, record: { ...record, file: t.file }, effects: t.effects } : t;
  }
  try {
    return register(record, event, ctx);
  } catch {
    return no("That request could not be understood; nothing was changed.");
  }
}

function may(ctx: StepContext, rule: StepRule, doing: string): string | null {
  return mayAct(ctx.preset, rule, ctx.actor, doing);
}

function register(record: CaseRecord, e: RegisterEvent, ctx: StepContext): RecordTransition {
  const { preset, actor } = ctx;
  switch (e.type) {
    case "Opened": {
      const problem = firstProblem(
        may(ctx, ANY_STAFF, "start a contact log"),
        e.customer.policyId === preset.id ? null : "The policy given for this customer is not the one being applied.",
        e.customer.name.trim() ? null : "Give the customer's name.",
        e.customer.caseRef ? null : "The customer has no case reference.",
        duplicateAddress(e.identities.map((i) => i.value)),
      );
      if (problem) return no(problem);
      const customer: CustomerDetails = { ...e.customer, name: e.customer.name.trim(), caseRef: e.customer.caseRef! };
      return { ok: true, record: { customer, identities: [...e.identities], file: newCaseFile(preset.id) }, effects: [] };
    }
    case "Imported": {
      const problem = firstProblem(
        actor.system || actor.roles.includes("Admin") ? null : SYSTEM_ONLY,
        e.customer.policyId === preset.id ? null : "The policy given for this customer is not the one being applied.",
        e.customer.name.trim() ? null : "Give the customer's name.",
        e.customer.caseRef ? null : "The customer has no case reference.",
        duplicateAddress(e.identities.map((i) => i.value)),
      );
      if (problem) return no(problem);
      const file = importedFile(e.file, preset.id);
      if (typeof file === "string") return no(file);
      return { ok: true, record: { customer: { ...e.customer }, identities: [...e.identities], file }, effects: [] };
    }
    case "ImportAmended": {
      const problem = firstProblem(
        actor.system || actor.roles.includes("Admin") ? null : SYSTEM_ONLY,
        duplicateAddress([...record.identities, ...e.identities].map((i) => i.value)),
        e.restrictions.every((t) => ctx.preset.restrictions.kinds.includes(t.kind)) ? null : `${ctx.preset.organisation}'s policy does not provide for one of these restrictions.`,
        e.restrictions.every((t) => restrictionParamsSchema.safeParse(t.params).success && t.params.kind === t.kind) ? null : "One of these restrictions is not complete.",
      );
      if (problem) return no(problem);
      const file = { ...record.file, restrictions: [...record.file.restrictions, ...e.restrictions], reviews: [...record.file.reviews, ...e.reviews] };
      return { ok: true, record: { ...record, identities: [...record.identities, ...e.identities], file }, effects: [] };
    }
    case "DetailsChanged": {
      const problem = firstProblem(may(ctx, MANAGERS, "change a customer's details"), needsReasons(e.reason, "this change"), Object.keys(e.changes).length ? null : "Nothing was changed.");
      if (problem) return no(problem);
      if (e.changes.name !== undefined && !e.changes.name.trim()) return no("Give the customer's name.");
      return { ok: true, record: { ...record, customer: { ...record.customer, ...e.changes } }, effects: [] };
    }
    case "IdentityAdded": {
      const problem = firstProblem(
        may(ctx, MANAGERS, "add an address to a customer"),
        record.identities.some((i) => i.value === e.identity.value) ? `${e.identity.value} is already on this customer's record.` : null,
        e.evidence.trim().length >= 3 ? null : "Say how you know this address belongs to the customer.",
      );
      if (problem) return no(problem);
      return { ok: true, record: { ...record, identities: [...record.identities, { ...e.identity }] }, effects: [] };
    }
    case "IdentityRemoved": {
      const problem = firstProblem(
        may(ctx, MANAGERS, "remove an address from a customer"),
        record.identities.some((i) => i.value === e.value) ? null : `${e.value} is not on this customer's record.`,
        needsReasons(e.reason, "removing the address"),
      );
      if (problem) return no(problem);
      return { ok: true, record: { ...record, identities: record.identities.filter((i) => i.value !== e.value) }, effects: [] };
    }
    case "BreachRecorded": {
      if (!actor.system) return no(SYSTEM_ONLY);
      if (!e.breaches.length) return no("A breach names the restriction it breaches.");
      const message = e.breaches.map((b) => b.message).join(" ");
      return { ok: true, record, effects: [{ type: "NotifySpoc", message }] };
    }
  }
}

function duplicateAddress(values: string[]): string | null {
  const seen = new Set<string>();
  for (const v of values) {
    if (!v.trim()) return "An address is empty.";
    if (seen.has(v)) return `${v} is given twice.`;
    seen.add(v);
  }
  return null;
}

/** A case file carried in by an import, with every field the workflow needs present and of the right kind. */
function importedFile(raw: object, presetId: string): CaseFile | string {
  const base = newCaseFile(presetId);
  const file = { ...base, ...raw, presetId } as CaseFile;
  if (!(CUSTOMER_STATUSES as readonly string[]).includes(file.status)) return `"${String(file.status)}" is not a status this product knows.`;
  for (const k of ["warnings", "localResolution", "decisions", "restrictions", "reviews", "lettersOwed", "letters"] as const) {
    if (!Array.isArray(file[k])) return `The imported case file's ${k} is not a list.`;
  }
  if (file.purged) return "A deleted record cannot be imported.";
  return file;
}
