// A customer's first step: a contact log opened by an officer, or a record imported. The customer row is made first
// (the log's rows point at it), carrying the request's key, so a retried request opens one customer, not two.
import { getPreset } from "../../shared/presets/registry";
import { presetVersion } from "../../shared/presets/version";
import { applyStep, emptyRecord, isRegisterEvent, type PresetLookup, type RegisterEvent, type StepEvent, type StoredEvent } from "../../shared/register";
import { isRoleRefusal, type Actor } from "../../shared/workflow";
import { DataError } from "../client/errors";
import { anyOf, eq } from "../client/odata";
import { nextCaseRef } from "../repos/case-refs";
import { str, type Fields } from "../repos/fields";
import { createItem, persistently, queryPage, type Site } from "../repos/items";
import { appendEvent } from "./append";
import { findByIdempotencyKey } from "./load";
import { projectCustomer } from "./project";
import { takeStep, wholeSecond, type StepOutcome } from "./steps";

export type FirstEvent = Extract<RegisterEvent, { type: "Opened" | "Imported" }>;

export interface OpenRequest {
  event: StepEvent;
  actor: Actor;
  idempotencyKey: string;
  now?: Date;
  presets?: PresetLookup;
}

const refusal = (status: 403 | 404 | 409 | 422, reason: string): StepOutcome => ({ ok: false, status, reason });

/** The customer row made for this request earlier (its CreatedKey), or a new one with a free case reference. */
async function customerRowFor(site: Site, e: FirstEvent, key: string): Promise<{ id: string; caseRef: string }> {
  const [mine] = await persistently(() => queryPage<Fields>(site, "customers", { filter: eq("CreatedKey", key), top: 1, select: ["CaseRef"] }));
  if (mine) return { id: String(mine.id), caseRef: str(mine.fields, "CaseRef") };
  for (let attempt = 0; attempt < 8; attempt++) {
    const caseRef = e.customer.caseRef || (await persistently(() => nextCaseRef(site)));
    try {
      const item = await persistently(() =>
        createItem(site, "customers", { Title: e.customer.name.slice(0, 255), CaseRef: caseRef, Kind: e.customer.kind, Status: "Observed", PolicyId: e.customer.policyId, ProjectedSeq: 0, CreatedKey: key }),
      );
      return { id: String(item.id), caseRef };
    } catch (err) {
      if (!(err instanceof DataError && err.kind === "Duplicate")) throw err;
      // Our own earlier try may have landed; otherwise another customer took the reference: take the next.
      const [again] = await persistently(() => queryPage<Fields>(site, "customers", { filter: eq("CreatedKey", key), top: 1, select: ["CaseRef"] }));
      if (again) return { id: String(again.id), caseRef: str(again.fields, "CaseRef") };
      if (e.customer.caseRef) throw new DataError("Duplicate", `The case reference ${e.customer.caseRef} is already used by another customer.`);
    }
  }
  throw new DataError("Conflict", "Could not allocate a case reference; please try again.");
}

export async function openCustomer(site: Site, req: OpenRequest): Promise<StepOutcome> {
  const presets = req.presets ?? getPreset;
  const e = req.event;
  if (!isRegisterEvent(e) || (e.type !== "Opened" && e.type !== "Imported")) return refusal(422, "A new customer starts with opening a contact log or importing a record.");
  const stored = await persistently(() => findByIdempotencyKey(site, req.idempotencyKey));
  if (stored) return takeStep(site, stored.customerId, { ...req, presets });
  const preset = presets(e.customer.policyId);
  if (!preset) return refusal(422, `"${e.customer.policyId}" is not a policy set up here.`);
  const now = wholeSecond(req.now ?? new Date());
  // Judged before anything is written, so a refused request leaves no row behind.
  const trial = applyStep(emptyRecord(preset.id), { ...e, customer: { ...e.customer, caseRef: e.customer.caseRef || "UPC-0000" } } as FirstEvent, { preset, actor: req.actor, now, first: true });
  if (!trial.ok) return refusal(isRoleRefusal(trial.reason) ? 403 : 422, trial.reason);
  const values = e.identities.map((i) => i.value);
  if (values.length) {
    const held = await persistently(() => queryPage<Fields>(site, "identities", { filter: anyOf("Title", values), top: 50, select: ["Title", "CaseRef"] }));
    if (held.length) return refusal(422, `${str(held[0].fields, "Title")} is already recorded against ${str(held[0].fields, "CaseRef") || "another customer"}.`);
  }
  const row = await customerRowFor(site, e, req.idempotencyKey);
  const event = { ...e, customer: { ...e.customer, caseRef: row.caseRef } } as FirstEvent;
  const t = applyStep(emptyRecord(preset.id), event, { preset, actor: req.actor, now, first: true });
  if (!t.ok) return refusal(422, t.reason);
  const first: StoredEvent = { seq: 1, event, actor: req.actor, at: now.toISOString(), idempotencyKey: req.idempotencyKey, presetVersion: presetVersion(preset), owed: [] };
  const appended = await appendEvent(site, row.id, first);
  if (!appended.ok) return takeStep(site, row.id, { ...req, presets });
  let projection = null;
  try {
    projection = await projectCustomer(site, row.id, undefined, presets);
  } catch (err) {
    if (!(err instanceof DataError && (err.retryable || err.kind === "Conflict"))) throw err;
  }
  return { ok: true, customerId: row.id, seq: 1, record: t.record, effects: t.effects, repeated: false, owed: 0, projection };
}

