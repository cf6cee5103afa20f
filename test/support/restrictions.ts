// A restriction record for tests: Active from 1 January 2026 unless the test says otherwise.
import type { Restriction } from "../../shared/domain/records";
import type { RestrictionParams } from "../../shared/domain/restriction-params";

let seq = 0;

export function restriction(params: RestrictionParams, extra: Partial<Restriction> = {}): Restriction {
  return {
    id: `R${++seq}`,
    title: "",
    customerId: "C1",
    kind: params.kind,
    params,
    startsAt: "2026-01-01T00:00:00Z",
    endsAt: null,
    reviewDue: null,
    state: "Active",
    ...extra,
  };
}
