// @vitest-environment jsdom
// A step taken in the tab invalidates exactly what it changed (the customer's case page, the queue, what is due and
// the reports), so a view visited next shows the new state without a reload; a refused or failed step changes nothing.
import { act, cleanup, renderHook, waitFor } from "@testing-library/react";
import { QueryClientProvider, type QueryClient } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { makeQueryClient } from "../../addin/components/query-client";
import { teamsKeys } from "../../addin/teams/app/query-keys";
import { ServicesContext, type TabServices } from "../../addin/teams/app/services";
import { useStep } from "../../addin/teams/app/useStep";
import type { StepAnswer, StepRefusal } from "../../graph/case-service/client";
import { DataError } from "../../graph/client/errors";
import type { Site } from "../../graph/repos/items";

afterEach(cleanup);

function seeded(): QueryClient {
  const queries = makeQueryClient();
  for (const key of [teamsKeys.queue(), teamsKeys.case("7", true), teamsKeys.case("8", true), teamsKeys.calendar(3), teamsKeys.report("Quarter", "2026-10-01"), teamsKeys.problems()]) queries.setQueryData(key, ["loaded"]);
  return queries;
}

function mount(queries: QueryClient, step: () => Promise<StepAnswer | StepRefusal>, onDone = vi.fn()) {
  const services = { graph: {}, site: {} as Site, cases: { step }, me: { upn: "dee.decider@upc.test", name: "Dee", roles: ["Decider"] }, now: () => new Date() } as unknown as TabServices;
  const wrapper = ({ children }: { children: ReactNode }) => (
    <QueryClientProvider client={queries}>
      <ServicesContext.Provider value={services}>{children}</ServicesContext.Provider>
    </QueryClientProvider>
  );
  return { onDone, ...renderHook(() => useStep("7", onDone), { wrapper }) };
}

const invalidated = (queries: QueryClient, key: readonly unknown[]) => queries.getQueryState(key)?.isInvalidated ?? false;

it("invalidates the customer's case page, the queue, the calendar and the reports after a step, and nothing else", async () => {
  const queries = seeded();
  const answer = { ok: true, effects: [{ type: "StatusChanged", from: "Referred", to: "Restricted" }] } as unknown as StepAnswer;
  const { result, onDone } = mount(queries, async () => answer);
  await act(async () => {
    await result.current.run({ type: "InviteExtensionComment" });
  });
  expect(onDone).toHaveBeenCalledWith(answer.effects);
  expect(invalidated(queries, teamsKeys.queue())).toBe(true);
  expect(invalidated(queries, teamsKeys.case("7", true))).toBe(true);
  expect(invalidated(queries, teamsKeys.calendar(3))).toBe(true);
  expect(invalidated(queries, teamsKeys.report("Quarter", "2026-10-01"))).toBe(true);
  expect(invalidated(queries, teamsKeys.case("8", true))).toBe(false);
  expect(invalidated(queries, teamsKeys.problems())).toBe(false);
});

it("leaves every query alone when the policy refuses the step, and says why", async () => {
  const queries = seeded();
  const { result, onDone } = mount(queries, async () => ({ ok: false, status: 422, reason: "Only the Director decides this." }));
  await act(async () => {
    await result.current.run({ type: "InviteExtensionComment" });
  });
  // The mutation settles in a later render; under a busy machine that is after act() returns.
  await waitFor(() => expect(result.current.refusal).toBe("Only the Director decides this."));
  expect(onDone).not.toHaveBeenCalled();
  expect(invalidated(queries, teamsKeys.queue())).toBe(false);
});

it("keeps a failure in officers' words, and Retry sends the same step under the same key", async () => {
  const queries = seeded();
  const keys: string[] = [];
  let fail = true;
  const step = vi.fn(async (_id: string, _e: unknown, key: string) => {
    keys.push(key);
    if (fail) throw new DataError("Unavailable", undefined, 503);
    return { ok: true, effects: [] } as unknown as StepAnswer;
  });
  const { result } = mount(queries, step as unknown as () => Promise<StepAnswer>);
  await act(async () => {
    await result.current.run({ type: "InviteExtensionComment" });
  });
  await waitFor(() => expect(result.current.error).toBeInstanceOf(DataError));
  expect(invalidated(queries, teamsKeys.queue())).toBe(false);
  fail = false;
  await act(async () => {
    result.current.retry();
  });
  // "Not busy" is also true before the resent step has begun: wait for what only its success brings.
  await waitFor(() => expect(invalidated(queries, teamsKeys.queue())).toBe(true));
  await waitFor(() => expect(result.current.error).toBeUndefined());
  expect(result.current.busy).toBe(false);
  expect(keys).toHaveLength(2);
  expect(keys[1]).toBe(keys[0]);
});
