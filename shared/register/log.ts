// The register's log as the domain sees it: stored steps in order, and their replay into a customer's record.
import type { Preset } from "../presets/schema";
import { DEFAULT_SETTINGS, type OrganisationSettings } from "../settings/organisation";
import type { Effect } from "../workflow/result";
import type { Actor } from "../workflow/state";
import { applyStep } from "./apply";
import type { StepEvent } from "./events";
import { emptyRecord, type CaseRecord } from "./record";

/** A mail the step owes (a notice to the SPOC or to staff), carried out exactly once by the case service's outbox. */
export interface OwedMail {
  /** Which of the step's effects this is, counted from 0: with the seq it names the outbox row. */
  n: number;
  /** A notice the service composes, or a letter or staff notice a person wrote and sent by e-mail. */
  kind: "SpocNotice" | "StaffNotice" | "Letter";
  to: string[];
  subject: string;
  text: string;
}

export interface StoredEvent {
  seq: number;
  event: StepEvent;
  actor: Actor;
  /** When the step was taken, to the second (SharePoint keeps no finer time). */
  at: string;
  idempotencyKey: string;
  presetVersion: string;
  owed: OwedMail[];
}

export interface ReplayedStep {
  stored: StoredEvent;
  before: CaseRecord;
  after: CaseRecord;
  effects: Effect[];
}

export interface Replayed {
  record: CaseRecord;
  /** The last seq replayed (0 when there is none). */
  seq: number;
  steps: ReplayedStep[];
  /** Why the log could not be replayed to its end, in words; the record is as it stood before that step. */
  problem: string | null;
}

export type PresetLookup = (id: string) => Preset | undefined;

/**
 * The rules a logged step is replayed under: today's, with the warning exceptions earlier versions of the preset
 * offered put back. A decision logged under one was taken then and is history: it is not judged again, and the log
 * behind it keeps replaying. A new step is judged by the preset as it is (the case service does not use this).
 */
export function presetAsLogged(preset: Preset): Preset {
  const retired = preset.warning.retiredExceptions ?? [];
  if (!retired.length) return preset;
  return { ...preset, warning: { ...preset.warning, exceptions: [...preset.warning.exceptions, ...retired.filter((r) => !preset.warning.exceptions.some((x) => x.id === r.id))] } };
}

function policyOf(e: StepEvent): string | null {
  return e.type === "Opened" || e.type === "Imported" ? e.customer.policyId : null;
}

/**
 * Replays stored steps through the same rules that accepted them, each with its own actor and time. Steps are taken
 * in seq order and must run 1, 2, 3…: a gap or a step the rules now refuse stops the replay and is reported.
 */
export function replayLog(events: readonly StoredEvent[], presets: PresetLookup, upTo = Infinity, settings: OrganisationSettings = DEFAULT_SETTINGS): Replayed {
  const ordered = [...events].filter((e) => e.seq <= upTo).sort((a, b) => a.seq - b.seq);
  let record = emptyRecord();
  const steps: ReplayedStep[] = [];
  let seq = 0;
  let preset: Preset | undefined;
  for (const stored of ordered) {
    if (stored.seq !== seq + 1) return { record, seq, steps, problem: stored.seq === seq ? `Step ${seq} is in the log twice.` : `Step ${seq + 1} is missing from the log.` };
    const policy = seq === 0 ? policyOf(stored.event) : record.customer.policyId;
    preset = policy ? presets(policy) : undefined;
    if (!preset) return { record, seq, steps, problem: policy ? `This customer is under a policy (${policy}) that is not set up here.` : "The log does not start by opening or importing the customer." };
    const t = applyStep(record, stored.event, { preset: presetAsLogged(preset), actor: stored.actor, now: new Date(stored.at), first: seq === 0, settings, replaying: true });
    if (!t.ok) return { record, seq, steps, problem: `Step ${stored.seq} (${stored.event.type}) can no longer be replayed: ${t.reason}` };
    steps.push({ stored, before: record, after: t.record, effects: t.effects });
    record = t.record;
    seq = stored.seq;
  }
  return { record, seq, steps, problem: null };
}
