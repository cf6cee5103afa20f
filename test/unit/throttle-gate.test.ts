// The client's shared Retry-After: one throttled answer makes every request to the same budget wait, others carry on.
import { describe, expect, it } from "vitest";
import { budgetOf, ThrottleGate } from "../../graph/client/throttle-gate";

describe("the client's throttle gate", () => {
  it("tells SharePoint, each mailbox and the rest of Graph apart", () => {
    expect(budgetOf("/v1.0/sites/s1/lists/UpcContacts/items")).toBe("sharepoint");
    expect(budgetOf("/sites/s1/lists/UpcContacts/items")).toBe("sharepoint");
    expect(budgetOf("https://graph.microsoft.com/v1.0/sites/s1/lists/UpcContacts/items")).toBe("sharepoint");
    expect(budgetOf("/users/Case.Worker%40council.example/messages/AAk=")).toBe("mailbox:case.worker@council.example");
    expect(budgetOf("/subscriptions")).toBe("graph");
  });

  it("holds a throttled budget for its Retry-After and no other", async () => {
    const gate = new ThrottleGate();
    gate.throttled("sharepoint", 0.2);
    const t0 = Date.now();
    await gate.clear(["mailbox:a@x.example", "graph"]);
    expect(Date.now() - t0).toBeLessThan(100);
    await gate.clear(["sharepoint"]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(190);
  });

  it("keeps the later of two waits", async () => {
    const gate = new ThrottleGate();
    gate.throttled("graph", 0.15);
    gate.throttled("graph", 0.01);
    const t0 = Date.now();
    await gate.clear(["graph"]);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(140);
  });
});
