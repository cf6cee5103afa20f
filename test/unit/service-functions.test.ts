// The Azure Functions (v4) registration: the same handlers, registered as http and timer functions, invoked here as
// the Functions host would (the host itself cannot run on this machine).
import azf from "@azure/functions";
import type { HttpHandler, HttpRequest, InvocationContext, Timer, TimerHandler } from "@azure/functions";
import { FUNCTIONS, registerFunctions, type RuntimeSource } from "../../service/functions/app";
import { verifyNotifications } from "../../service/flagging/notifications";
import type { FlaggingService } from "../../service/flagging/service";
import type { Runtime } from "../../service/runtime";

const SECRET = "functions-test-client-state-0123456789";

function fakeRuntime() {
  const seen = { triggers: 0, forged: 0, upkeep: 0, scheduler: 0 };
  const service = {
    accept(body: unknown) {
      const v = verifyNotifications(body, SECRET, (id) => id === "sub-1");
      if (!v) return null;
      seen.triggers += v.changes.length;
      seen.forged += v.forged + v.unknown;
      return { accepted: v.changes.length, rejected: v.forged + v.unknown };
    },
    stats: { rounds: 0, logged: 0 },
  } as unknown as FlaggingService;
  const runtime = {
    service,
    upkeep: async () => void seen.upkeep++,
    runScheduler: async () => {
      seen.scheduler++;
      return { ran: true, reminders: 0, escalations: 0, expired: 0 };
    },
  } as unknown as Runtime;
  return { seen, runtime };
}

function register(source: RuntimeSource) {
  const http = new Map<string, { methods?: string[]; route?: string; authLevel?: string; handler: HttpHandler }>();
  const timers = new Map<string, { schedule: string; handler: TimerHandler }>();
  registerFunctions(
    {
      http: (name: string, o: { methods?: string[]; route?: string; authLevel?: string; handler: HttpHandler }) => void http.set(name, o),
      timer: (name: string, o: { schedule: string; handler: TimerHandler }) => void timers.set(name, o),
    } as unknown as Parameters<typeof registerFunctions>[0],
    source,
  );
  return { http, timers };
}

const ctx = () => new azf.InvocationContext({ functionName: "test" }) as InvocationContext;
const request = (url: string, body?: unknown) =>
  new azf.HttpRequest({ method: "POST", url, body: body === undefined ? undefined : { string: JSON.stringify(body) }, headers: { "content-type": "application/json" } }) as HttpRequest;

describe("the Functions app", () => {
  it("registers http triggers for notifications and lifecycle, and timers for upkeep and the scheduler", () => {
    const { runtime } = fakeRuntime();
    const { http, timers } = register({ peek: () => runtime, get: async () => runtime, built: () => runtime });
    expect([...http.keys(), ...timers.keys()].sort()).toEqual(FUNCTIONS.map((f) => f.name).sort());
    for (const name of ["notifications", "lifecycle"]) expect(http.get(name)).toMatchObject({ methods: ["POST"], authLevel: "anonymous", route: name });
    expect(timers.get("upkeep")!.schedule).toBe("0 * * * * *");
    expect(timers.get("scheduler")!.schedule).toBe("0 */5 * * * *");
  });

  it("answers the validation handshake at once, even before the service has started", async () => {
    let started = false;
    const { http } = register({ peek: () => null, get: async () => ((started = true), fakeRuntime().runtime), built: () => fakeRuntime().runtime });
    const token = "Validation: Testing client application reachability for subscription Request-Id: abc";
    const res = await http.get("notifications")!.handler(request(`https://upc.example/api/notifications?validationToken=${encodeURIComponent(token)}`), ctx());
    expect(res).toMatchObject({ status: 200, body: token });
    expect((res as { headers: Record<string, string> }).headers["Content-Type"]).toMatch(/^text\/plain/);
    expect(started).toBe(false);
  });

  it("queues genuine notifications with 202, and ignores forged ones", async () => {
    const { seen, runtime } = fakeRuntime();
    const { http } = register({ peek: () => runtime, get: async () => runtime, built: () => runtime });
    const h = http.get("notifications")!.handler;
    expect(await h(request("https://upc.example/api/notifications", { value: [{ subscriptionId: "sub-1", clientState: SECRET, changeType: "created" }] }), ctx())).toMatchObject({ status: 202 });
    expect(await h(request("https://upc.example/api/notifications", { value: [{ subscriptionId: "sub-1", clientState: "forged", changeType: "created" }] }), ctx())).toMatchObject({ status: 202 });
    expect(await h(request("https://upc.example/api/notifications", { value: [{ subscriptionId: "sub-9", clientState: SECRET }] }), ctx())).toMatchObject({ status: 202 });
    expect(await h(request("https://upc.example/api/notifications", "not json at all"), ctx())).toMatchObject({ status: 400 });
    expect(seen).toMatchObject({ triggers: 1, forged: 2 });
  });

  it("acknowledges during a cold start and starts the service (start-up catches every mailbox up)", async () => {
    let starts = 0;
    const { runtime } = fakeRuntime();
    const { http } = register({ peek: () => null, get: async () => (starts++, runtime), built: () => runtime });
    const res = await http.get("lifecycle")!.handler(request("https://upc.example/api/lifecycle", { value: [{ subscriptionId: "sub-1", clientState: SECRET, lifecycleEvent: "missed" }] }), ctx());
    expect(res).toMatchObject({ status: 202 });
    await new Promise((r) => setTimeout(r, 0));
    expect(starts).toBe(1);
  });

  it("runs upkeep and the scheduler from their timers", async () => {
    const { seen, runtime } = fakeRuntime();
    const { timers } = register({ peek: () => runtime, get: async () => runtime, built: () => runtime });
    const timer = { isPastDue: false, scheduleStatus: { last: "", next: "", lastUpdated: "" } } as Timer;
    await timers.get("upkeep")!.handler(timer, ctx());
    await timers.get("scheduler")!.handler(timer, ctx());
    expect(seen).toMatchObject({ upkeep: 1, scheduler: 1 });
  });

  // Issue: a 210 MB body to the notification endpoint was answered 202 after 6 s and cost 506 MB. It is refused with
  // 413 once past 1 MB, without reading the rest (the body is streamed, as the Functions host gives it).
  it("refuses an oversized body with 413 after reading no more than the limit", async () => {
    const { runtime } = fakeRuntime();
    const { http } = register({ peek: () => runtime, get: async () => runtime, built: () => runtime });
    for (const [name, declared] of [["notifications", false], ["lifecycle", true], ["takeStep", false]] as const) {
      let pulled = 0;
      const chunk = new Uint8Array(64 * 1024).fill(0x20);
      const body = new ReadableStream<Uint8Array>({
        pull(c) {
          if (pulled >= 210 * 1024 * 1024) return c.close();
          pulled += chunk.byteLength;
          c.enqueue(chunk);
        },
      });
      const headers = new Headers(declared ? { "content-length": String(210 * 1024 * 1024) } : {});
      const req = { method: "POST", url: `https://upc.example/api/${name === "takeStep" ? "customers/1/steps" : name}`, query: new URLSearchParams(), headers, body, params: {} } as unknown as HttpRequest;
      const res = await http.get(name)!.handler(req, ctx());
      expect(res).toMatchObject({ status: 413 });
      expect(pulled).toBeLessThanOrEqual(1024 * 1024 + 64 * 1024);
      if (declared) expect(pulled).toBeLessThanOrEqual(64 * 1024); // at most the one chunk a stream reads ahead
    }
  });
});

