// UpcCaseEvents rows ⇄ stored steps. A row that does not read as a step (typed by hand, cut short) is named with the
// problem in words rather than trusted, so a broken row can never be replayed into a decision.
import { ROLES, type Role } from "../../shared/domain/vocab";
import { parseStepEvent, type OwedMail, type StoredEvent } from "../../shared/register";
import { date, lookupId, num, str, type Fields } from "../repos/fields";
import type { ListItem } from "../repos/items";
import type { RowProblem } from "../repos/problems";

export type { RowProblem };

export const SYSTEM_ACTOR = "upc-service";

export function eventTitle(customerId: string, seq: number): string {
  return `${customerId}:${seq}`;
}

export function eventToFields(customerId: string, e: StoredEvent): Fields {
  return {
    Title: eventTitle(customerId, e.seq),
    CustomerLookupId: Number(customerId),
    Seq: e.seq,
    Type: e.event.type,
    Event: JSON.stringify(e.event),
    Actor: e.actor.system ? SYSTEM_ACTOR : e.actor.upn,
    ActorOffices: e.actor.system ? "system" : e.actor.roles.join(","),
    At: e.at,
    IdempotencyKey: e.idempotencyKey,
    PresetVersion: e.presetVersion,
    Owed: JSON.stringify(e.owed),
  };
}

const problem = (item: ListItem, column: string, words: string): { ok: false; problem: RowProblem } => ({
  ok: false,
  problem: { list: "UpcCaseEvents", itemId: String(item.id), column, problem: words },
});

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

export function eventFromItem(item: ListItem): { ok: true; event: StoredEvent; customerId: string } | { ok: false; problem: RowProblem } {
  const f = item.fields as Fields;
  const customerId = lookupId(f, "Customer");
  const seq = num(f, "Seq");
  if (!customerId) return problem(item, "Customer", "The step names no customer.");
  if (seq === null || !Number.isInteger(seq) || seq < 1) return problem(item, "Seq", "The step number is missing or not a whole number from 1.");
  if (str(f, "Title") !== eventTitle(customerId, seq)) return problem(item, "Title", `The title should be "${eventTitle(customerId, seq)}".`);
  let raw: unknown;
  try {
    raw = JSON.parse(str(f, "Event"));
  } catch {
    return problem(item, "Event", "The step is not readable JSON.");
  }
  const parsed = parseStepEvent(raw);
  if (!parsed.ok) return problem(item, "Event", parsed.problem);
  if (str(f, "Type") !== parsed.event.type) return problem(item, "Type", `The type should be ${parsed.event.type}.`);
  const at = date(f, "At");
  if (!at) return problem(item, "At", "The time of the step is missing.");
  const actor = str(f, "Actor").trim().toLowerCase();
  if (!actor) return problem(item, "Actor", "Who took the step is missing.");
  const offices = str(f, "ActorOffices");
  const system = actor === SYSTEM_ACTOR && offices === "system";
  const roles = system ? [] : offices.split(",").map((r) => r.trim()).filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  const owed = owedFrom(str(f, "Owed"));
  if (!owed) return problem(item, "Owed", "The notices this step owes are not readable.");
  const idempotencyKey = str(f, "IdempotencyKey");
  if (!idempotencyKey) return problem(item, "IdempotencyKey", "The step has no idempotency key.");
  return {
    ok: true,
    customerId,
    event: { seq, event: parsed.event, actor: { upn: actor, roles, ...(system ? { system: true } : {}) }, at, idempotencyKey, presetVersion: str(f, "PresetVersion"), owed },
  };
}
