// Data-layer figures at three register sizes: requests and time for the four everyday queries, and no loss under chaos.
import { provisionDevSite } from "../../graph/provision/dev-site";
import { startEmulator } from "../../emulator";
import { createGraph } from "../../graph/client/factory";
import { devUserTokens } from "../../graph/auth/dev-token";
import { lookupSender } from "../../graph/lookup/sender";
import { contactsSince, logContact } from "../../graph/repos/contacts";
import { referralQueue } from "../../graph/repos/cases";
import { reviewsDue } from "../../graph/repos/reviews";
import { startOfLondonWeek } from "../../shared/time/london";
import type { Site } from "../../graph/repos/items";
import { check, figure, median } from "./report";

const DAY = 86_400_000;
type Emu = Awaited<ReturnType<typeof startEmulator>>;

async function loaded(customers: number, contactsPer: number): Promise<{ emu: Emu; site: Site }> {
  const emu = await startEmulator({ port: 0, dataDir: null, reset: true });
  const graph = createGraph({ baseUrl: emu.url, tokens: devUserTokens("admin@upc.test") });
  await provisionDevSite(graph);
  const now = Date.now();
  const statuses = ["Observed", "Warned", "Monitoring", "Restricted", "Closed"];
  const rows = [];
  for (let i = 1; i <= customers; i++) {
    rows.push({ Title: `Customer ${i}`, CaseRef: `UPC-${String(i).padStart(6, "0")}`, Kind: "Individual", Status: statuses[i % 5], PolicyId: "cumbria-fire-2023" });
  }
  emu.sharepoint.bulkInsert("UpcCustomers", rows);
  const ids = [];
  for (let i = 1; i <= customers; i++) {
    ids.push({ Title: `person${i}@example.org`, Kind: "Email", CustomerLookupId: String(i), CustomerStatus: statuses[i % 5], CustomerName: `Customer ${i}`, CaseRef: `UPC-${String(i).padStart(6, "0")}` });
    if (i % 50 === 0) ids.push({ Title: `@org${i}.example`, Kind: "Domain", CustomerLookupId: String(i), CustomerStatus: statuses[i % 5], CustomerName: `Customer ${i}`, CaseRef: `UPC-${String(i).padStart(6, "0")}` });
  }
  emu.sharepoint.bulkInsert("UpcIdentities", ids);
  const contacts = [];
  for (let i = 1; i <= customers; i++) {
    for (let k = 0; k < contactsPer; k++) {
      contacts.push({ Title: "mail", CustomerLookupId: String(i), ContactAt: new Date(now - ((k * 13) % 120) * DAY - k * 1000).toISOString(), Channel: "Email", Direction: "In", StaffUpn: "sam.officer@upc.test", MessageId: `<c${i}-${k}@mail.example>`, Source: "Flagger", Screening: "NotScreened" });
    }
  }
  emu.sharepoint.bulkInsert("UpcContacts", contacts);
  // The queue and the due list hold what a service has open, which does not grow with the register's history.
  const cases = [];
  const reviews = [];
  for (let i = 0; i < customers; i++) {
    const referred = i % Math.floor(customers / 25) === 0;
    cases.push({ Title: `case ${i}`, CustomerLookupId: String(i + 1), Stage: referred ? "Referred" : "Decided", ReferredAt: new Date(now - (i % 300) * DAY).toISOString(), ReferredBy: "sam.officer@upc.test" });
    const open = i % Math.floor(customers / 40) === 0;
    reviews.push({ Title: `review ${i}`, CustomerLookupId: String(i + 1), Kind: "ScheduledReview", DueBy: new Date(now + ((i % 60) - 30) * DAY).toISOString(), State: open ? "Open" : "Decided", OpenedAt: new Date(now - 200 * DAY).toISOString() });
  }
  emu.sharepoint.bulkInsert("UpcCases", cases);
  emu.sharepoint.bulkInsert("UpcReviews", reviews);
  return { emu, site: { graph: createGraph({ baseUrl: emu.url, tokens: devUserTokens("sam.officer@upc.test") }), siteId: "root" } };
}

async function measure(emu: Emu, runs: number, fn: (i: number) => Promise<unknown>): Promise<{ ms: number; requests: number }> {
  for (let i = 0; i < 5; i++) await fn(i); // warm up
  const times: number[] = [];
  const reqs: number[] = [];
  for (let i = 0; i < runs; i++) {
    emu.resetStats();
    const t = performance.now();
    await fn(i + 7);
    times.push(performance.now() - t);
    reqs.push(emu.stats().requests);
  }
  return { ms: median(times), requests: Math.max(...reqs) };
}

export async function benchDataLayer(): Promise<void> {
  const sizes: [number, number][] = [
    [1_000, 10],
    [10_000, 10],
    [50_000, 10],
  ];
  const results: Record<string, { ms: number; requests: number }[]> = { sender: [], week: [], queue: [], reviews: [] };
  for (const [customers, per] of sizes) {
    const label = `${customers / 1000}k`;
    const { emu, site } = await loaded(customers, per);
    const pick = (i: number) => 1 + ((i * 7919) % customers);
    const r = {
      sender: await measure(emu, 40, (i) => lookupSender(site, { from: `person${pick(i)}@example.org`, displayName: `Customer ${pick(i)}` })),
      week: await measure(emu, 40, (i) => contactsSince(site, String(pick(i)), startOfLondonWeek(new Date()))),
      queue: await measure(emu, 20, () => referralQueue(site)),
      reviews: await measure(emu, 20, () => reviewsDue(site, new Date(Date.now() + 14 * DAY))),
    };
    for (const [k, v] of Object.entries(r)) {
      results[k].push(v);
      figure(`${k === "sender" ? "sender lookup" : k === "week" ? "contacts this week" : k === "queue" ? "referral queue" : "due reviews"} at ${label} customers / ${(customers * per) / 1000}k contacts`, v.ms, "ms");
      figure(`${k === "sender" ? "sender lookup" : k === "week" ? "contacts this week" : k === "queue" ? "referral queue" : "due reviews"} requests at ${label} customers`, v.requests, "requests");
    }
    await emu.close();
  }
  for (const [k, v] of Object.entries(results)) {
    const ratio = v[2].ms / v[0].ms;
    figure(`${k} time ratio 50k/1k`, ratio, "x");
    check(`${k} scales`, ratio <= 1.5 && v[0].requests === v[2].requests, `requests ${v[0].requests} → ${v[2].requests}, time ×${ratio.toFixed(2)}, limit ×1.5`);
  }
  await benchChaos();
}

async function benchChaos(): Promise<void> {
  const emu = await startEmulator({ port: 0, dataDir: null, reset: true, retryAfterSeconds: 0.01 });
  const admin = createGraph({ baseUrl: emu.url, tokens: devUserTokens("admin@upc.test") });
  await provisionDevSite(admin);
  emu.sharepoint.bulkInsert("UpcCustomers", [{ Title: "Chaos", CaseRef: "UPC-0001", Kind: "Individual", Status: "Monitoring", PolicyId: "council-ccm-2014" }]);
  emu.setChaos(0.3);
  const writers = ["sam.officer@upc.test", "kim.officer@upc.test", "mo.manager@upc.test", "dee.decider@upc.test"];
  const N = 1000;
  const t = performance.now();
  await Promise.all(
    writers.map(async (upn, w) => {
      const site = { graph: createGraph({ baseUrl: emu.url, tokens: devUserTokens(upn) }), siteId: "root" };
      for (let i = w; i < N; i += 4) {
        await logContact(site, { title: `mail ${i}`, customerId: "1", contactAt: new Date().toISOString(), channel: "Email", direction: "In", staffUpn: upn, serviceArea: "", matterRef: "", behaviours: [], messageId: `<chaos-${i}@mail.example>`, recipients: [upn], source: "Flagger", breach: "", screening: "NotScreened", note: "" });
      }
    }),
  );
  const seconds = (performance.now() - t) / 1000;
  emu.setChaos(0);
  const stored = await contactsSince({ graph: admin, siteId: "root" }, "1", new Date(0));
  const unique = new Set(stored.map((s) => s.messageId)).size;
  figure("contacts logged under 30% chaos (4 writers)", N, "contacts");
  figure("contacts stored under 30% chaos", stored.length, "contacts");
  figure("time to log 1,000 contacts under 30% chaos", seconds, "s");
  check("no data lost under chaos", stored.length === N && unique === N, `${stored.length} stored, ${unique} distinct, ${N} logged`);
  await emu.close();
}
