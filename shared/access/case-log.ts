// The case's log in a subject access bundle: every step replayed through its policy and told in the words the Teams
// tab's history uses. A row that does not read (typed by hand, cut short) is listed as a step that could not be read,
// with what it holds, and never stops the rest: the export must still be given.
import { getPreset } from "../presets/registry";
import { eventFromFields, SYSTEM_ACTOR } from "../register/event-row";
import { historyOf } from "../register/history";
import { replayLog, type ReplayedStep, type StoredEvent } from "../register/log";
import type { CaseRecord } from "../register/record";
import type { RawItem } from "./raw";
import { ukDateTime } from "./words";

export interface LogLine {
  /** The step's number in the log; null for a row whose number cannot be read (listed last). */
  seq: number | null;
  /** In words (UK date and time), or empty when the row does not say. */
  when: string;
  /** A person's address, or the case service for what the scheduler and the flagging service did. */
  by: string;
  what: string;
  changes: string;
}

const THE_SERVICE = "the case service";
export const UNREADABLE_STEP = "A step that could not be read";

/**
 * Steps the replay could not reach (a gap left by an unreadable row, or a step the policy now refuses) are still told
 * from what they hold; a change of details shows its new values, as nothing before it can be trusted to compare with.
 */
function unreplayed(stored: StoredEvent, last: CaseRecord): ReplayedStep {
  const e = stored.event;
  if (e.type !== "DetailsChanged") return { stored, before: last, after: last, effects: [] };
  const unknown = Object.fromEntries(Object.keys(e.changes).map((k) => [k, undefined])) as Partial<CaseRecord["customer"]>;
  return { stored, before: { ...last, customer: { ...last.customer, ...unknown } }, after: { ...last, customer: { ...last.customer, ...e.changes } }, effects: [] };
}

function unreadable(f: Record<string, unknown>): LogLine {
  const seq = Number(f.Seq);
  const at = Date.parse(String(f.At ?? ""));
  const actor = String(f.Actor ?? "").trim();
  const held = String(f.Event ?? "").trim();
  return {
    seq: Number.isInteger(seq) && seq > 0 ? seq : null,
    when: Number.isFinite(at) ? ukDateTime(f.At) : "",
    by: actor.toLowerCase() === SYSTEM_ACTOR ? THE_SERVICE : actor,
    what: `${UNREADABLE_STEP}. ${held ? `What it holds, exactly as stored: “${held}”` : "It holds no description of the step."}`,
    changes: "",
  };
}

/** Every row of the customer's log, oldest step first. */
export function caseLogLines(rows: RawItem[]): LogLine[] {
  const stored: StoredEvent[] = [];
  const lines: LogLine[] = [];
  for (const row of rows) {
    const r = eventFromFields(row.fields);
    if (r.ok) stored.push(r.event);
    else lines.push(unreadable(row.fields));
  }
  const replay = replayLog(stored, getPreset);
  const replayed = new Set(replay.steps.map((r) => r.stored));
  const rest = stored.filter((s) => !replayed.has(s)).sort((a, b) => a.seq - b.seq);
  const steps = [...replay.steps, ...rest.map((s) => unreplayed(s, replay.record))];
  for (const entry of historyOf(steps)) {
    const compared = entry.seq <= replay.seq;
    lines.push({
      seq: entry.seq,
      when: ukDateTime(entry.at),
      by: entry.by,
      what: entry.what,
      changes: entry.changes.map((c) => (compared ? `${c.field}: from “${c.from || "(empty)"}” to “${c.to || "(empty)"}”` : `${c.field}: set to “${c.to}”`)).join("; "),
    });
  }
  const last = Number.MAX_SAFE_INTEGER;
  return lines.sort((a, b) => (a.seq ?? last) - (b.seq ?? last));
}
