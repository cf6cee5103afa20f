// Adding to the register from the flag: a new record for an unknown sender (with the open mail as its first contact),
// or an address for a possible match. Both are steps the case service takes; a refusal comes back in its words.
import { normaliseEmail } from "../../shared/address";
import type { Customer } from "../../shared/domain/records";
import { newIdempotencyKey, refusalError, type CaseServiceClient, type StepAnswer } from "../../graph/case-service/client";
import { DataError } from "../../graph/client/errors";
import { loadCustomerCard } from "../../graph/lookup/card";
import type { ReadItem } from "../office/types";
import { logEmail } from "./actions";
import type { PaneServices } from "./services";
import { cardView } from "./view";

function address(raw: string): string {
  const n = normaliseEmail(raw);
  if (!n.ok) throw new DataError("Invalid", n.error);
  return n.value;
}

/** Starts a contact log for an unknown sender: an Observed customer under the organisation's policy, and the address. */
export async function startContactLog(cases: CaseServiceClient, input: { name: string; address: string; policyId: string; serviceArea?: string }): Promise<StepAnswer> {
  const value = address(input.address);
  const r = await cases.open(
    {
      type: "Opened",
      customer: { name: (input.name.trim() || value).slice(0, 255), kind: "Individual", policyId: input.policyId, serviceAreas: (input.serviceArea ?? "").trim().slice(0, 255), spocUpn: null, spocName: null, spocDeputyUpn: null, allowedChannels: [], staffGuidance: "", adjustments: "" },
      identities: [{ kind: "Email", value }],
    },
    newIdempotencyKey(),
  );
  if (!r.ok) throw refusalError(r);
  return r;
}

/**
 * Starts a contact log from the open mail and logs that mail as its first contact: a log that left out the mail that
 * prompted it would start one contact short. If the log starts but the mail cannot be logged, the officer is told so
 * and logs it from the card.
 */
export async function startLogWithMail(services: Pick<PaneServices, "cases" | "site">, item: ReadItem, me: string, input: { name: string; address: string; policyId: string; serviceArea: string }): Promise<StepAnswer> {
  const opened = await startContactLog(services.cases, input);
  const card = await loadCustomerCard(services.site, opened.customerId);
  try {
    await logEmail(services.site, card, item, me, cardView(card, item, me).emailCheck, "NotScreened");
  } catch (e) {
    const why = e instanceof DataError ? e.userMessage : "something went wrong";
    throw new DataError("Unavailable", `The contact log was started, but this e-mail was not logged (${why}). Use "Log this e-mail" on the card to log it.`);
  }
  return opened;
}

/**
 * A decider adds the sender's address to a customer of the same name (a "possible match"), with the evidence that it
 * is theirs: the name alone is not enough, and the log keeps why.
 */
export async function addAddress(cases: CaseServiceClient, customer: Customer, raw: string, evidence: string): Promise<StepAnswer> {
  const why = evidence.trim();
  if (why.length < 10) throw new DataError("Invalid", "Say how you know this address is theirs: the display name alone is not enough.");
  const r = await cases.step(customer.id!, { type: "IdentityAdded", identity: { kind: "Email", value: address(raw) }, evidence: `Added from the task pane (the mail's display name matched): ${why}`.slice(0, 2000) }, newIdempotencyKey());
  if (!r.ok) throw refusalError(r);
  return r;
}
