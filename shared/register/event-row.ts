// A UpcCaseEvents row's fields read as a stored step. Here rather than in graph/ so that the subject access bundle
// (shared/access, no I/O) reads the log exactly as the case service does; a row that does not read says why in words.
import { ROLES, type Role } from "../domain/vocab";
import { parseStepEvent } from "./events";
import type { OwedMail, StoredEvent } from "./log";

/** The Actor of steps the service takes itself (the scheduler, the flagging service). */
export const SYSTEM_ACTOR = "upc-service";

export function eventTitle(customerId: string, seq: number): string {
  return `${customerId}:${seq}`;
}

export type EventRowRead = { ok: true; event: StoredEvent; customerId: string } | { ok: false; column: string; problem: string };

type Fields = Record<string, unknown>;
// The same readings as graph/repos/fields.ts, which shared/ cannot import: Graph gives strings, numbers or nothing.
const str = (f: Fields, k: string): string => (f[k] === undefined || f[k] === null ? "" : String(f[k]));
const num = (f: Fields, k: string): number | null => (f[k] === undefined || f[k] === null || f[k] === "" ? null : Number(f[k]));
const date = (f: Fields, k: string): string | null => (str(f, k) ? new Date(str(f, k)).toISOString() : null);

const problem = (column: string, words: string): EventRowRead => ({ ok: false, column, problem: words });

function owedFrom(raw: string): OwedMail[] | null {
  if (!raw) return [];
  try {
    const v = JSON.parse(raw) as unknown;
    if (!Array.isArray(v)) return null;
    const ok = v.every(
      (o) =>
        o && typeof o === "object" && Number.isInteger(o.n) && (o.kind === "SpocNotice" || o.kind === "StaffNotice" || o.kind === "Letter") && Array.isArray(o.to) && o.to.every((t: unknown) => typeof t === "string") && typeof o.subject === "string" && typeof o.text === "string",
    );
    return ok ? (v as OwedMail[]) : null;
  } catch {
    return null;
  }
}

export function eventFromFields(f: Fields): EventRowRead {
  const customerId = str(f, "CustomerLookupId");
  const seq = num(f, "Seq");
  if (!customerId) return problem("Customer", "The step names no customer.");
  if (seq === null || !Number.isInteger(seq) || seq < 1) return problem("Seq", "The step number is missing or not a whole number from 1.");
  if (str(f, "Title") !== eventTitle(customerId, seq)) return problem("Title", `The title should be "${eventTitle(customerId, seq)}".`);
  let raw: unknown;
  try {
    raw = JSON.parse(str(f, "Event"));
  } catch {
    return problem("Event", "The step is not readable JSON.");
  }
  const parsed = parseStepEvent(raw);
  if (!parsed.ok) return problem("Event", parsed.problem);
  if (str(f, "Type") !== parsed.event.type) return problem("Type", `The type should be ${parsed.event.type}.`);
  const at = date(f, "At");
  if (!at) return problem("At", "The time of the step is missing.");
  const actor = str(f, "Actor").trim().toLowerCase();
  if (!actor) return problem("Actor", "Who took the step is missing.");
  const offices = str(f, "ActorOffices");
  const system = actor === SYSTEM_ACTOR && offices === "system";
  const [roleText, officeText] = offices.split("|");
  const roles = system ? [] : roleText.split(",").map((r) => r.trim()).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  // Steps stored before offices carry roles alone; they replay under the roles they were accepted with.
  const held = !system && officeText !== undefined ? officeText.split(",").map((o) => o.trim()).filter((o) => /^[a-z0-9-]+$/.test(o)) : undefined;
  const owed = owedFrom(str(f, "Owed"));
  if (!owed) return problem("Owed", "The notices this step owes are not readable.");
  const idempotencyKey = str(f, "IdempotencyKey");
  if (!idempotencyKey) return problem("IdempotencyKey", "The step has no idempotency key.");
  return {
    ok: true,
    customerId,
    event: { seq, event: parsed.event, actor: { upn: actor, roles, ...(held ? { offices: held } : {}), ...(system ? { system: true } : {}) }, at, idempotencyKey, presetVersion: str(f, "PresetVersion"), owed },
  };
}
