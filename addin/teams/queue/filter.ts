// The queue's filters, pure so they are tested without a browser.
import type { QueueEntry } from "../../../graph/reports/queue";

export interface QueueFilter {
  text: string;
  serviceArea: string;
  policyId: string;
  behaviour: string;
  /** Days; "" for any. */
  minAge: string;
}

export const NO_FILTER: QueueFilter = { text: "", serviceArea: "", policyId: "", behaviour: "", minAge: "" };

export function filterQueue(entries: QueueEntry[], f: QueueFilter): QueueEntry[] {
  const text = f.text.trim().toLowerCase();
  const minAge = f.minAge ? Number(f.minAge) : 0;
  return entries.filter(
    (e) =>
      (!text || e.customerName.toLowerCase().includes(text) || e.caseRef.toLowerCase().includes(text)) &&
      (!f.serviceArea || e.serviceArea === f.serviceArea) &&
      (!f.policyId || e.policyId === f.policyId) &&
      (!f.behaviour || e.behaviours.some((b) => b.id === f.behaviour)) &&
      e.ageDays >= minAge,
  );
}
