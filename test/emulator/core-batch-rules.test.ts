// $batch as Graph takes it, where the emulator used to be kinder: relative URLs only, a Content-Type with every body
// (and a body with every write), answers in no particular order, Outlook parts four at a time.
import { describe, expect, it } from "vitest";
import { useEmulator, type Json } from "../support/emulator";

const t = useEmulator();
const sam = () => t.as("sam.officer@upc.test");

describe("$batch rules", () => {
  // learn.microsoft.com/graph/json-batching: "url: Required. The relative resource URL for the individual request.
  // Therefore, while the absolute URL is https://graph.microsoft.com/v1.0/users, this url is /users."
  it("refuses a batch with an absolute part URL as malformed (400)", async () => {
    const res = await sam().post("/$batch", { requests: [{ id: "1", method: "GET", url: `${t.emu.url}/me` }] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("BadRequest");
  });

  // json-batching: "When a body is included with the request, the headers object must contain a value for
  // Content-Type"; the service's wording, "Write request id : 1 does not contain Content-Type header or body.", as seen
  // in github.com/microsoftgraph/msgraph-sdk-dotnet/issues/2628 (GRAPH-FIDELITY.md BATCH-no-content-type).
  it("refuses a part with a body but no Content-Type, and a write with no body", async () => {
    const noType = await t.as("admin@upc.test").post("/$batch", { requests: [{ id: "1", method: "POST", url: "/sites/root/lists", body: { displayName: "X" } }] });
    expect(noType.status).toBe(400);
    expect(noType.body.error.message).toBe("Write request id : 1 does not contain Content-Type header or body.");
    // json-batching, request 4 of the example: a write whose target takes no body must still carry one ({}).
    const bodyless = await sam().post("/$batch", { requests: [{ id: "7", method: "POST", url: "/me/messages/x/send" }] });
    expect(bodyless.status).toBe(400);
    expect(bodyless.body.error.message).toBe("Write request id : 7 does not contain Content-Type header or body.");
    const fine = await sam().post("/$batch", { requests: [{ id: "1", method: "DELETE", url: "/me/messages/nothing" }, { id: "2", method: "GET", url: "/me" }] });
    expect(fine.status).toBe(200);
  });

  // json-batching, "Processing the JSON batch response": "Individual responses might appear in a different order than
  // the requests. The id property can be used to correlate individual requests and responses."
  it("answers parts in no fixed order", async () => {
    const requests = Array.from({ length: 20 }, (_, n) => ({ id: String(n), method: "GET", url: "/me" }));
    const orders = new Set<string>();
    for (let i = 0; i < 8; i++) {
      const res = await sam().post("/$batch", { requests });
      orders.add(res.body.responses.map((r: Json) => r.id).join(","));
    }
    expect(orders.size).toBeGreaterThan(1);
  });
});
