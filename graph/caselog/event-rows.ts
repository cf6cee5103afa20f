// UpcCaseEvents rows ⇄ stored steps. A row that does not read as a step (typed by hand, cut short) is named with the
// problem in words rather than trusted, so a broken row can never be replayed into a decision. The reading itself is
// shared/register/event-row.ts, which the subject access bundle uses too.
import type { StoredEvent } from "../../shared/register";
import { eventFromFields, eventTitle, SYSTEM_ACTOR } from "../../shared/register/event-row";
import type { Fields } from "../repos/fields";
import type { ListItem } from "../repos/items";
import type { RowProblem } from "../repos/problems";

export type { RowProblem };

export { SYSTEM_ACTOR, eventTitle };

export function eventToFields(customerId: string, e: StoredEvent): Fields {
  return {
    Title: eventTitle(customerId, e.seq),
    CustomerLookupId: Number(customerId),
    Seq: e.seq,
    Type: e.event.type,
    Event: JSON.stringify(e.event),
    Actor: e.actor.system ? SYSTEM_ACTOR : e.actor.upn,
    // Roles, then the policy offices held when the step was taken ("Decider,Staff|chief-executive"); replay reads both.
    ActorOffices: e.actor.system ? "system" : `${e.actor.roles.join(",")}${e.actor.offices ? `|${e.actor.offices.join(",")}` : ""}`,
    At: e.at,
    IdempotencyKey: e.idempotencyKey,
    PresetVersion: e.presetVersion,
    Owed: JSON.stringify(e.owed),
  };
}

export function eventFromItem(item: ListItem): { ok: true; event: StoredEvent; customerId: string } | { ok: false; problem: RowProblem } {
  const r = eventFromFields(item.fields as Fields);
  return r.ok ? r : { ok: false, problem: { list: "UpcCaseEvents", itemId: String(item.id), column: r.column, problem: r.problem } };
}
