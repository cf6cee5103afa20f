// Case service figures, end to end over HTTP through the emulator: Graph requests and time for one decision (judged,
// appended, projected), for loading a case file whose log holds 500 steps, and for sending what a decision owes.
import { provisionDevSite } from "../../graph/provision/dev-site";
import { startEmulator } from "../../emulator";
import { createGraph } from "../../graph/client/factory";
import { devAppTokens, devUserTokens } from "../../graph/auth/dev-token";
import { openCustomer } from "../../graph/caselog";
import { eventToFields } from "../../graph/caselog/event-rows";
import { loadCasePage } from "../../graph/reports/case-page";
import { getPreset } from "../../shared/presets/registry";
import { presetVersion } from "../../shared/presets/version";
import { newCaseFile } from "../../shared/workflow";
import { startService } from "../../service/server";
import { check, figure, median } from "./report";

const DAY = 86_400_000;

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}
const token = (upn: string) => `${b64url({ alg: "none", typ: "JWT" })}.${b64url({ upn, oid: upn, tid: "emulator" })}.`;

export async function benchCases(): Promise<void> {
  const emu = await startEmulator({ port: 0, dataDir: null, reset: true, retryAfterSeconds: 0.05 });
  const admin = createGraph({ baseUrl: emu.url, tokens: devUserTokens("admin@upc.test") });
  await provisionDevSite(admin);
  const app = createGraph({ baseUrl: emu.url, tokens: devAppTokens() });
  const site = { graph: app, siteId: "root" };
  const cumbria = getPreset("cumbria-fire-2023")!;
  const s = await startService({ graphBaseUrl: emu.url, port: 0, flagging: false, scheduler: false, noticeFrom: "complaints@upc.test", mailboxes: ["complaints@upc.test"], log: () => undefined });
  try {
    // Referred customers, each with a formal warning, as a decider finds them in the queue.
    const ids: string[] = [];
    for (let i = 0; i < 25; i++) {
      const file = { ...newCaseFile(cumbria.id, "Referred"), referral: { at: new Date(Date.now() - DAY).toISOString(), by: "sam.officer@upc.test", behaviours: [cumbria.behaviours.items[0].id], serviceArea: "Prevention", summary: "Calls every day.", evidenceContactIds: [] }, warnings: [{ level: "Formal" as const, at: new Date(Date.now() - 5 * DAY).toISOString(), by: "mo.manager@upc.test", note: "Written warning." }] };
      const r = await openCustomer(site, { event: { type: "Imported", customer: { name: `Bench ${i}`, caseRef: "", kind: "Individual", policyId: cumbria.id, serviceAreas: "Prevention", spocUpn: null, spocName: null, spocDeputyUpn: null, allowedChannels: [], staffGuidance: "", adjustments: "" }, identities: [{ kind: "Email", value: `bench.${i}@example.org` }, { kind: "Email", value: `bench.${i}@mail.example` }], file, source: "the benchmark" }, actor: { upn: "admin@upc.test", roles: ["Admin"] }, idempotencyKey: `bench-${i}` });
      if (!r.ok) throw new Error(r.reason);
      ids.push(r.customerId);
    }
    const checks = Object.fromEntries(cumbria.preChecks.items.map((c) => [c.id, true]));
    const times: number[] = [];
    const requests: number[] = [];
    for (const [i, id] of ids.entries()) {
      await s.runtime.cases.outbox.idle();
      emu.resetStats();
      const t0 = performance.now();
      const res = await fetch(`${s.url}/api/customers/${id}/steps`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token("dee.decider@upc.test")}`, "Content-Type": "application/json" },
        body: JSON.stringify({ event: { type: "Decide", outcome: "Restrict", reasons: "Calls continued after a written warning.", preChecks: checks, vulnerabilityConsidered: true, restrictions: [{ params: { kind: "SingleChannel", channel: "Letter" } }, { params: { kind: "CallLength", maxMinutes: 15 } }] }, idempotencyKey: `bench-decide-${i}` }),
      });
      await res.text();
      if (res.status !== 200) throw new Error(`decision answered ${res.status}`);
      times.push(performance.now() - t0);
      requests.push(emu.stats().requests);
      await new Promise((r) => setTimeout(r, 60));
    }
    await s.runtime.cases.outbox.idle();
    figure("case service: Graph requests for one decision (judge, append, project; $batch counts as 1)", median(requests.slice(5)), "requests");
    figure("case service: one decision end to end over HTTP (median)", median(times.slice(5)), "ms");

    // What each decision owed (a staff-notice reminder to the managers), sent exactly once through a draft.
    figure("case service: notices sent for the 25 decisions (one each, exactly once)", s.runtime.cases.outbox.stats.sent, "mails");

    // A case whose log holds 500 steps: loaded in one request, replayed in memory.
    const big = ids[1];
    const rows = [];
    for (let seq = 3; seq <= 500; seq++) {
      rows.push(eventToFields(big, { seq, event: { type: "DetailsChanged", changes: { staffGuidance: `Guidance revision ${seq}` }, reason: "Updated at the case meeting." }, actor: { upn: "mo.manager@upc.test", roles: ["Manager", "Staff"] }, at: new Date(Date.now() + seq * 1000).toISOString(), idempotencyKey: `bench-big-${seq}`, presetVersion: presetVersion(cumbria), owed: [] }));
    }
    emu.sharepoint.bulkInsert("UpcCaseEvents", rows.map((f) => ({ ...f, CustomerLookupId: String(f.CustomerLookupId) })));
    const loads: number[] = [];
    const loadRequests: number[] = [];
    for (let i = 0; i < 8; i++) {
      emu.resetStats();
      const t = performance.now();
      const r = await fetch(`${s.url}/api/customers/${big}`, { headers: { Authorization: `Bearer ${token("sam.officer@upc.test")}` } });
      const body = (await r.json()) as { seq: number };
      if (body.seq !== 500) throw new Error(`the 500-step case loaded to step ${body.seq}`);
      loads.push(performance.now() - t);
      loadRequests.push(emu.stats().requests);
    }
    // The caller's roles are read once and kept a few minutes, so a load is the log's one request.
    figure("case service: Graph requests to load a case file of 500 steps", median(loadRequests.slice(2)), "requests");
    figure("case service: case file of 500 steps loaded and replayed over HTTP (median)", median(loads.slice(2)), "ms");
    const pageTimes: number[] = [];
    const pageRequests: number[] = [];
    const userSite = { graph: createGraph({ baseUrl: emu.url, tokens: devUserTokens("dee.decider@upc.test") }), siteId: "root" };
    for (let i = 0; i < 6; i++) {
      emu.resetStats();
      const t = performance.now();
      const page = await loadCasePage(userSite, big, { withSensitive: true });
      if (page.loaded.seq !== 500) throw new Error("the case page did not replay the whole log");
      pageTimes.push(performance.now() - t);
      pageRequests.push(emu.stats().requests);
    }
    figure("teams case page of a 500-step case: Graph requests (log, rows, contacts, notes)", median(pageRequests), "requests");
    figure("teams case page of a 500-step case (median)", median(pageTimes.slice(1)), "ms");
    check("case file of 500 steps loads in one request", median(loadRequests.slice(2)) <= 1, `${median(loadRequests.slice(2))} request`);
  } finally {
    await s.close();
    await emu.close();
  }
}
