// A step against the register, end to end: read the log, let the workflow judge the step, append it, project it.
// This is the one path every writer takes (the case service for people, the scheduler, the flagging service, imports).
import { getPreset } from "../../shared/presets/registry";
import { presetVersion } from "../../shared/presets/version";
import type { OfficeFacts } from "../../shared/workflow/offices";
import { applyStep, asLogged, freshStepProblem, replayLog, type CaseRecord, type OwedMail, type PresetLookup, type StepEvent, type StoredEvent } from "../../shared/register";
import { isRoleRefusal, type Actor, type Effect } from "../../shared/workflow";
import type { OrganisationSettings } from "../../shared/settings/organisation";
import type { RowProblem } from "../repos/problems";
import { DataError } from "../client/errors";
import { persistently, updateFields, type Site } from "../repos/items";
import { appendEvent } from "./append";
import { legacyImport } from "./legacy";
import { loadRegister, type LoadedRegister } from "./load";
import { projectCustomer, type ProjectOutcome } from "./project";

export type Owe = (effects: Effect[], record: CaseRecord, customerId: string, event: StepEvent) => Promise<Omit<OwedMail, "n">[]>;

export interface StepRequest {
  event: StepEvent;
  actor: Actor;
  /** From the caller: the same step sent twice is stored once and answered the same. */
  idempotencyKey: string;
  now?: Date;
  /** The notices the step's effects owe, in full (the case service composes them). */
  owe?: Owe;
  presets?: PresetLookup;
  /** Who holds which policy offices, as the case service found them for this step. */
  offices?: OfficeFacts;
  /** The organisation's own choices where no policy speaks (all off unless given). */
  settings?: OrganisationSettings;
}

export type StepOutcome =
  | {
      ok: true;
      customerId: string;
      seq: number;
      record: CaseRecord;
      effects: Effect[];
      /** The step had already been stored under this key: this is its answer again. */
      repeated: boolean;
      /** How many notices the step owes (the outbox sends them). */
      owed: number;
      /** Null when the rows could not be brought up to date just now (the case service finishes it later). */
      projection: ProjectOutcome | null;
    }
  | { ok: false; status: 403 | 404 | 409 | 422; reason: string };

/** Steps that may land between a person's reading and their step without changing what they decided on. */
const BENIGN = new Set(["BreachRecorded"]);

/**
 * SharePoint keeps times to the second, so a step is judged at the time the log will show: the next whole second, so
 * that a date the person gave as "now" is never later than the step that records it.
 */
export function wholeSecond(d: Date): Date {
  return new Date(Math.ceil(d.getTime() / 1000) * 1000);
}

const refusal = (status: 403 | 404 | 409 | 422, reason: string): StepOutcome => ({ ok: false, status, reason });

export async function takeStep(site: Site, customerId: string, req: StepRequest): Promise<StepOutcome> {
  const presets = req.presets ?? getPreset;
  let seenSeq: number | null = null;
  for (let attempt = 0; attempt < 4; attempt++) {
    let loaded = await persistently(() => loadRegister(site, customerId));
    if (!loaded.customer && loaded.events.length === 0) return refusal(404, "That customer is not on the register.");
    if (loaded.events.length === 0) {
      const migrated = await migrateLegacy(site, loaded);
      if (!migrated.ok) return refusal(409, migrated.reason);
      loaded = await persistently(() => loadRegister(site, customerId));
    }
    const repeat = loaded.events.find((e) => e.idempotencyKey === req.idempotencyKey);
    if (repeat) return answerStored(site, loaded, repeat, presets);

    const replay = replayLog(loaded.events, presets, Infinity, req.settings);
    if (replay.problem) return refusal(409, `This case's history has a problem an administrator must look at, so no step can be taken: ${replay.problem}`);
    if (seenSeq !== null && loaded.events.slice(seenSeq).some((e) => !BENIGN.has(e.event.type))) {
      return refusal(409, "Someone else changed this case while you were working on it. Reload to see their change, then try again.");
    }
    const preset = presets(replay.record.customer.policyId);
    if (!preset) return refusal(422, `This customer is under a policy (${replay.record.customer.policyId}) that is not set up here.`);
    const now = wholeSecond(req.now ?? new Date());
    const event = asLogged(req.event);
    const t = applyStep(replay.record, event, { preset, actor: req.actor, now, first: false, settings: req.settings, offices: req.offices });
    if (!t.ok) return refusal(isRoleRefusal(t.reason) ? 403 : 422, t.reason);
    // Asked of steps taken now, not of logged ones replayed: a letter says how it went, so none is recorded unsent.
    const fresh = freshStepProblem(req.event, now);
    if (fresh) return refusal(422, fresh);
    const owed = req.owe ? (await req.owe(t.effects, t.record, customerId, req.event)).map((o, n) => ({ ...o, n })) : [];
    const stored: StoredEvent = { seq: replay.seq + 1, event, actor: req.actor, at: now.toISOString(), idempotencyKey: req.idempotencyKey, presetVersion: presetVersion(preset), owed };
    const appended = await appendEvent(site, customerId, stored);
    if (!appended.ok && appended.reason === "race") {
      seenSeq ??= replay.seq;
      continue;
    }
    if (!appended.ok) {
      if (appended.customerId !== customerId) return refusal(422, "This request's key was already used for a step on another customer; send the step again with a new key.");
      return answerStored(site, await persistently(() => loadRegister(site, customerId)), appended.event, presets);
    }
    const projection = await projectAfter(site, customerId, { ...loaded, events: [...loaded.events, stored] }, presets);
    return { ok: true, customerId, seq: stored.seq, record: t.record, effects: t.effects, repeated: false, owed: owed.length, projection };
  }
  return refusal(409, "Others kept changing this case while your step was being saved. Reload to see their changes, then try again.");
}

/** The answer a stored step gave: the record as it stood just after it (and its rows finished, if they were not). */
async function answerStored(site: Site, loaded: LoadedRegister, stored: StoredEvent, presets: PresetLookup): Promise<StepOutcome> {
  const upTo = replayLog(loaded.events, presets, stored.seq);
  if (upTo.problem) return refusal(409, `This case's history has a problem an administrator must look at: ${upTo.problem}`);
  const projection = await projectAfter(site, loaded.customerId, loaded, presets);
  return { ok: true, customerId: loaded.customerId, seq: stored.seq, record: upTo.record, effects: upTo.steps.at(-1)?.effects ?? [], repeated: true, owed: stored.owed.length, projection };
}

/** Projection is best done at once, but the step is already safe in the log: a failure here is finished later. */
async function projectAfter(site: Site, customerId: string, loaded: LoadedRegister, presets: PresetLookup): Promise<ProjectOutcome | null> {
  try {
    return await projectCustomer(site, customerId, loaded, presets);
  } catch (e) {
    if (e instanceof DataError && e.retryable) return null;
    if (e instanceof DataError && e.kind === "Conflict") return null;
    throw e;
  }
}

/**
 * A customer with rows but no log (from before the log existed, or written by an import or a flow): its rows become
 * one Imported step, taken by the service itself, and each row is given the key the log knows it by.
 */
export async function migrateLegacy(site: Site, loaded: LoadedRegister): Promise<{ ok: true } | { ok: false; reason: string; problem?: RowProblem }> {
  const claimed = loaded.customer?.fields.ProjectedSeq;
  if (claimed !== undefined && claimed !== null && claimed !== "") {
    return { ok: false, reason: Number(claimed) === 0 ? "This customer is still being opened; try again in a moment." : "This customer's log is missing although its rows say it had one: an administrator must look at it." };
  }
  const legacy = legacyImport(loaded);
  if ("problem" in legacy) return { ok: false, reason: `This customer's row cannot be read: ${legacy.problem.problem}`, problem: legacy.problem };
  const preset = getPreset(legacy.event.customer.policyId);
  if (!preset) return { ok: false, reason: `This customer is under a policy (${legacy.event.customer.policyId}) that is not set up here.` };
  const actor: Actor = { upn: "upc-service", roles: [], system: true };
  const now = wholeSecond(new Date());
  const t = applyStep(replayLog([], getPreset).record, legacy.event, { preset, actor, now, first: true });
  if (!t.ok) return { ok: false, reason: `This customer's rows cannot be brought into the log: ${t.reason}` };
  for (const k of legacy.keys) await persistently(() => updateFields(site, k.list, k.id, { Key: k.key }));
  const stored: StoredEvent = { seq: 1, event: legacy.event, actor, at: now.toISOString(), idempotencyKey: `legacy:${loaded.customerId}`, presetVersion: presetVersion(preset), owed: [] };
  const appended = await appendEvent(site, loaded.customerId, stored);
  if (!appended.ok && appended.reason === "stored" && appended.customerId !== loaded.customerId) return { ok: false, reason: "This customer could not be brought into the log." };
  return { ok: true };
}
