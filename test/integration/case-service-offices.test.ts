// The office map over real HTTP: an administrator names who holds each office (validated against the policies and the
// directory, guarded against two saving at once), and the case service then judges steps by it (004_…txt §6).
import { loadLog } from "../../graph/caselog";
import { lookupSender } from "../../graph/lookup/sender";
import { queryAll } from "../../graph/repos/items";
import { userToken } from "../support/tokens";
import { startCaseService, startProduct, type Product } from "../support/product";
import type { RunningService } from "../../service/server";

let p: Product;
let api: RunningService;
beforeAll(async () => {
  p = await startProduct({ seed: true });
  api = await startCaseService(p);
}, 60_000);
afterAll(async () => {
  await api?.close();
  await p?.close();
});

type Answer = { status: number; body: Record<string, unknown> & { reason?: string } };
async function call(upn: string, method: string, path: string, body?: unknown): Promise<Answer> {
  const res = await fetch(`${api.url}${path}`, { method, headers: { Authorization: `Bearer ${userToken(upn)}`, "Content-Type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });
  return { status: res.status, body: (await res.json().catch(() => ({}))) as Answer["body"] };
}

const MAP = {
  "head-of-service": { groups: [], people: ["dee.decider@upc.test"] },
  "business-manager": { groups: [], people: ["mo.manager@upc.test"] },
  "executive-director": { groups: [], people: ["dan.decider@upc.test"] },
  "chief-executive": { groups: [], people: ["remi.reviewer@upc.test"] },
  "elected-members": { groups: ["UPC Reviewers"], people: [] },
};

describe("the office map, kept on the site and changed only by an administrator", () => {
  it("is not open to anyone outside UPC Admins", async () => {
    expect(await call("dee.decider@upc.test", "GET", "/api/settings")).toMatchObject({ status: 403, body: { reason: expect.stringMatching(/Only an administrator/) } });
    expect((await call("dee.decider@upc.test", "PUT", "/api/settings/offices", { value: MAP, etag: null })).status).toBe(403);
  });

  it("refuses, saving nothing, an address no one has, a group that does not exist and an office no policy names", async () => {
    const before = (await call("admin@upc.test", "GET", "/api/settings")).body as { etags: { offices: string | null } };
    const bad = await call("admin@upc.test", "PUT", "/api/settings/offices", { value: { ...MAP, "chief-executive": { groups: ["Cabinet"], people: ["nobody.here@upc.test"] } }, etag: before.etags.offices });
    expect(bad.status).toBe(422);
    expect(bad.body.problems).toEqual(["No one in the directory has the address nobody.here@upc.test.", 'There is no group called "Cabinet" in the directory.']);
    const unknown = await call("admin@upc.test", "PUT", "/api/settings/offices", { value: { "lord-mayor": { groups: [], people: ["dee.decider@upc.test"] } }, etag: before.etags.offices });
    expect(unknown).toMatchObject({ status: 422, body: { problems: ['"lord-mayor" is not an office any policy in use names.'] } });
    expect(((await call("admin@upc.test", "GET", "/api/settings")).body as { map: object }).map).toEqual({});
  });

  it("saves a map read at its latest version, and refuses a save made from an older read (409)", async () => {
    const read = (await call("admin@upc.test", "GET", "/api/settings")).body as { etags: { offices: string | null }; offices: { id: string; title: string }[] };
    expect(read.offices.find((o) => o.id === "chief-executive")).toMatchObject({ title: "the Chief Executive" });
    const saved = await call("admin@upc.test", "PUT", "/api/settings/offices", { value: MAP, etag: read.etags.offices });
    expect(saved.status).toBe(200);
    const stale = await call("admin@upc.test", "PUT", "/api/settings/offices", { value: {}, etag: read.etags.offices });
    expect(stale).toMatchObject({ status: 409, body: { reason: expect.stringMatching(/Someone else changed these settings/) } });
    expect(await call("dee.decider@upc.test", "GET", "/api/me")).toMatchObject({ status: 200, body: { offices: ["head-of-service"] } });
    expect(await call("rory.reviewer@upc.test", "GET", "/api/me")).toMatchObject({ status: 200, body: { offices: ["elected-members"] } });
  });

  it("judges a step by the map: the wrong office is refused (403) naming the office, a joint decision needs its people named", async () => {
    const id = (await lookupSender(p.admin, { from: "elmrow.residents@example.org" })).matches[0].customerId;
    const preChecks = { "contact-account": true, "disability-considered": true, "reasonable-adjustments": true };
    const monitor = { type: "Decide", outcome: "Monitor", reasons: "Eight e-mails a week to five officers.", preChecks, vulnerabilityConsidered: true };
    const byChief = await call("remi.reviewer@upc.test", "POST", `/api/customers/${id}/steps`, { event: { ...monitor, participants: [{ office: "business-manager", upn: "mo.manager@upc.test" }, { office: "executive-director", upn: "dan.decider@upc.test" }] }, idempotencyKey: "offices-chief-1" });
    expect(byChief).toMatchObject({ status: 403, body: { reason: expect.stringMatching(/^Only the Head of Service for the department affected may decide to monitor .+, and you are not named as the Head of Service for the department affected\./) } });
    const alone = await call("dee.decider@upc.test", "POST", `/api/customers/${id}/steps`, { event: monitor, idempotencyKey: "offices-alone-1" });
    expect(alone).toMatchObject({ status: 422, body: { reason: expect.stringMatching(/jointly with the Customer & ICT Services Business Manager: name who that is/) } });
    const wrongPerson = await call("dee.decider@upc.test", "POST", `/api/customers/${id}/steps`, { event: { ...monitor, participants: [{ office: "business-manager", upn: "sam.officer@upc.test" }, { office: "executive-director", upn: "dan.decider@upc.test" }] }, idempotencyKey: "offices-wrong-1" });
    expect(wrongPerson).toMatchObject({ status: 422, body: { reason: "sam.officer@upc.test is not named as the Customer & ICT Services Business Manager. An administrator names who holds each office in the Teams tab, under Offices." } });
    const joint = await call("dee.decider@upc.test", "POST", `/api/customers/${id}/steps`, { event: { ...monitor, participants: [{ office: "business-manager", upn: "mo.manager@upc.test" }, { office: "executive-director", upn: "dan.decider@upc.test" }] }, idempotencyKey: "offices-joint-1" });
    expect(joint).toMatchObject({ status: 200, body: { caseFile: { status: "Monitoring" } } });
    const log = await loadLog({ graph: p.app, siteId: "root" }, id);
    expect(log.events.at(-1)?.actor).toMatchObject({ upn: "dee.decider@upc.test", offices: ["head-of-service"] });
    const rows = await queryAll(p.admin, "caseEvents", { filter: `fields/CustomerLookupId eq ${id}` });
    expect(rows.map((r) => (r.fields as { ActorOffices?: string }).ActorOffices)).toContain("Decider,Manager,Staff|head-of-service");
  });
});

describe("values an administrator sets where a policy is silent", () => {
  it("fills what the text leaves unsaid (southampton-2018 gives no appeal window), never what it says (cumbria-fire-2023: 14 days)", async () => {
    const id = (await lookupSender(p.admin, { from: "colin.p@example.org" })).matches[0].customerId;
    const appeal = { type: "AppealLodged", receivedAt: new Date(Date.now() - 3_600_000).toISOString(), inWriting: true, grounds: "The restrictions are too wide." };
    const before = await call("sam.officer@upc.test", "POST", `/api/customers/${id}/steps`, { event: appeal, idempotencyKey: "pv-appeal-before" });
    expect(before).toMatchObject({ status: 422, body: { reason: expect.stringMatching(/does not say how long the customer has to appeal/) } });

    const read = (await call("admin@upc.test", "GET", "/api/settings")).body as { etags: { policy: string | null }; silent: { presetId: string; settings: { path: string }[] }[] };
    expect(read.silent.find((s) => s.presetId === "southampton-2018")?.settings.map((s) => s.path)).toEqual(expect.arrayContaining(["appeal.windowDays", "appeal.decisionDays"]));
    const textSays = await call("admin@upc.test", "PUT", "/api/settings/policy", { value: { "cumbria-fire-2023": { "appeal.windowDays": 30 } }, etag: read.etags.policy });
    expect(textSays).toMatchObject({ status: 422, body: { problems: ['Cumbria Fire and Rescue Service\'s policy already says this ("appeal.windowDays"): it cannot be changed here.'] } });
    const saved = await call("admin@upc.test", "PUT", "/api/settings/policy", { value: { "southampton-2018": { "appeal.windowDays": 365, "appeal.decisionDays": 28 } }, etag: read.etags.policy });
    expect(saved.status).toBe(200);

    const after = await call("sam.officer@upc.test", "POST", `/api/customers/${id}/steps`, { event: appeal, idempotencyKey: "pv-appeal-after" });
    expect(after).toMatchObject({ status: 200 });
    expect((after.body.caseFile as { reviews: { kind: string; outcome: string | null }[] }).reviews.filter((r) => r.kind === "Appeal" && r.outcome === null)).toHaveLength(1);
  });
});
