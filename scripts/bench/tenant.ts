// Figures under a tenant's throttling (SharePoint's resource-unit budgets and Exchange's per-mailbox limits, real time)
// at a given tenant size: flagged mails a second, delivery to logged contact, a council's day as a share of the
// budgets, and the Teams tab's queue, due reviews and case page with a customer of 20,000 contacts among 500,000.
import { startEmulator, type Emulator } from "../../emulator";
import { devAppTokens, devUserTokens } from "../../graph/auth/dev-token";
import { openCustomer } from "../../graph/caselog";
import { createGraph, type Graph } from "../../graph/client/factory";
import { provisionDevSite } from "../../graph/provision/dev-site";
import { loadCasePage } from "../../graph/reports/case-page";
import { loadCalendar, loadQueue } from "../../graph/reports/queue";
import { parseConfig } from "../../service/config";
import { startService, type RunningService } from "../../service/server";
import { newCaseFile } from "../../shared/workflow";
import { emulatorDelivery } from "../demo/deliver";
import { seedDemo } from "../demo/seed";
import { figure, median } from "./report";

const DAY = 86_400_000;
const MAILBOXES = ["sam.officer@upc.test", "kim.officer@upc.test", "mo.manager@upc.test", "complaints@upc.test", "customer.relations@upc.test"];
const FLAGGED = [
  { name: "Wendy Marsh", address: "wendy.marsh@example.org" },
  { name: "Gordon McBride", address: "gordon.mcbride@example.scot" },
  { name: "Kerry Walsh", address: "kerry.walsh@example.org" },
  { name: "Seán O'Brien", address: "o'brien@example.org" },
  { name: "Frank Doyle", address: "frank.doyle@example.org" },
];
/** The council DESIGN.md sizes the service for: 5,000 staff, 50,000 mails a day, 1% from flagged customers. */
const COUNCIL = { staff: 5_000, mailsPerDay: 50_000, flaggedShare: 0.01 };
/** Assumed busiest hour: a fifth of the day's mail; the busiest mailbox (a shared complaints inbox): a tenth of it. */
const PEAK_HOUR_SHARE = 0.2;
const BUSIEST_MAILBOX_SHARE = 0.1;

const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function settle(emu: Emulator, s: RunningService): Promise<void> {
  let quiet = 0;
  while (quiet < 2) {
    const before = s.service.stats.rounds;
    await emu.mail.notificationsIdle();
    await s.service.idle(600_000);
    await sleep(50);
    const n = emu.mail.notificationStats();
    quiet = before === s.service.stats.rounds && n.pending === 0 && n.inFlight === 0 ? quiet + 1 : 0;
  }
}

const units = (emu: Emulator) => emu.stats().throttle?.sharepointUnitsByApp["upc-service"] ?? 0;
const mailboxRequests = (emu: Emulator) => emu.stats().throttle?.mailboxRequests ?? 0;
const spRequests = (emu: Emulator) => emu.stats().throttle?.sharepointRequests ?? 0;

/** The flagging service under the tenant's budgets, and a council's day projected from what it spends. */
async function flagging(licences: number, label: string): Promise<void> {
  // The demo register is loaded first, unthrottled (it stands for a register already there), then the tenant's budgets apply.
  const emu = await startEmulator({ port: 0, dataDir: null, reset: true, throttle: false });
  await provisionDevSite(createGraph({ baseUrl: emu.url, tokens: devUserTokens("admin@upc.test") }));
  await seedDemo(createGraph({ baseUrl: emu.url, tokens: devAppTokens() }), emulatorDelivery(emu));
  emu.setThrottle({ licences });
  try {
    // What each of the service's timers costs when it fires, with nothing else going on: its day is that many ticks.
    const ticks = await startService({ graphBaseUrl: emu.url, port: 0, mailboxes: MAILBOXES, log: () => undefined, registerPollMs: 0, upkeepMs: 0, sweepMs: 0, schedulerMs: 0, outboxMs: 0, driftMs: 0 });
    let idleUnitsPerDay = 0;
    let idleMailboxPerDay = 0;
    let idleSpRequestsPerDay = 0;
    try {
      await settle(emu, ticks);
      // This service's own timers are off (0); a day is counted in the default intervals.
      const c = parseConfig();
      const timers: [number, () => Promise<unknown>][] = [
        [c.registerPollMs, () => ticks.service.refreshRegister()],
        [c.upkeepMs, () => ticks.service.ensureSubscriptions()],
        [c.sweepMs, async () => {
          ticks.service.catchUpAll();
          await settle(emu, ticks);
        }],
        [c.schedulerMs, () => ticks.runtime.runScheduler()],
        [c.outboxMs, () => ticks.runtime.cases.outbox.sweep()],
        [c.driftMs, () => ticks.runtime.cases.watch.sweep()],
      ];
      for (const [every, tick] of timers) {
        await tick();
        emu.resetStats();
        await tick();
        idleUnitsPerDay += units(emu) * (DAY / every);
        idleSpRequestsPerDay += spRequests(emu) * (DAY / every);
        idleMailboxPerDay += (mailboxRequests(emu) / MAILBOXES.length) * (DAY / every);
      }
    } finally {
      await ticks.close();
    }

    const s = await startService({ graphBaseUrl: emu.url, port: 0, mailboxes: MAILBOXES, log: () => undefined });
    try {
      await settle(emu, s);
      // Delivery to logged contact: a steady stream, one mail in ten from a flagged customer, timed one by one.
      const delivered = new Map<string, number>();
      const latency: number[] = [];
      const stop = emu.sharepoint.onItemCreated("UpcContacts", (f) => {
        const at = delivered.get(String(f.MessageId));
        if (at !== undefined) latency.push((performance.now() - at) / 1000);
      });
      for (let i = 0; i < 300; i++) {
        const flagged = i % 10 === 0;
        const id = `<${label.replace(/\W+/g, "-")}-latency-${i}@bench.example>`;
        const from = flagged ? FLAGGED[(i / 10) % FLAGGED.length] : { name: `Resident ${i}`, address: `resident.${i}@town.example` };
        if (flagged) delivered.set(id, performance.now());
        emu.mail.deliverNow({ to: [MAILBOXES[i % MAILBOXES.length]], from, subject: `Latency ${i}`, internetMessageId: id });
        await sleep(100);
      }
      await settle(emu, s);
      stop();
      figure(`${label}: seconds from delivery to contact logged, median (10 mails/s, 1 in 10 flagged)`, median(latency), "s");
      figure(`${label}: seconds from delivery to contact logged, 95th percentile`, pct(latency, 95), "s");

      // A council's mix, 1% flagged: what each mail costs the budgets beyond the timers.
      const W = 2_000;
      await settle(emu, s);
      emu.resetStats();
      let t0 = performance.now();
      for (let i = 0; i < W; i++) {
        const flagged = i % 100 === 0;
        emu.mail.deliverNow({ to: [MAILBOXES[i % MAILBOXES.length]], from: flagged ? FLAGGED[(i / 100) % FLAGGED.length] : { name: `Resident ${i}`, address: `resident.${i}@town-${i % 97}.example` }, subject: `Mix ${i}`, internetMessageId: `<mix-${licences}-${i}@bench.example>` });
        if (i % 50 === 49) await sleep(0);
      }
      await settle(emu, s);
      const mixMs = performance.now() - t0;
      const unitsPerMail = Math.max(0, units(emu) - (idleUnitsPerDay * mixMs) / DAY) / W;
      const spRequestsPerMail = Math.max(0, spRequests(emu) - (idleSpRequestsPerDay * mixMs) / DAY) / W;
      const mailboxPerMail = Math.max(0, mailboxRequests(emu) - (idleMailboxPerDay * MAILBOXES.length * mixMs) / DAY) / W;

      // Flagged mail as fast as the budgets allow: every one categorised and logged.
      const F = 300;
      const logged = s.service.stats.logged;
      emu.resetStats();
      t0 = performance.now();
      for (let i = 0; i < F; i++) emu.mail.deliverNow({ to: [MAILBOXES[i % MAILBOXES.length]], from: FLAGGED[i % FLAGGED.length], subject: `Flood ${i}`, internetMessageId: `<flood-${licences}-${i}@bench.example>` });
      await settle(emu, s);
      const floodSeconds = (performance.now() - t0) / 1000;
      figure(`${label}: flagged mails categorised and logged a second (${F} at once, throttled as the tenant is)`, (s.service.stats.logged - logged) / floodSeconds, "mails/s");
      const thr = emu.stats().throttle!.throttled;
      figure(`${label}: 429s the service was given meanwhile (SharePoint budgets; Exchange concurrency)`, thr.app + thr.tenant + thr.mailboxConcurrency, "answers");

      // The council's day, from what was measured.
      const budgets = emu.throttle!.budgets;
      const perDay = unitsPerMail * COUNCIL.mailsPerDay + idleUnitsPerDay;
      const peakMinute = unitsPerMail * ((COUNCIL.mailsPerDay * PEAK_HOUR_SHARE) / 60) + idleUnitsPerDay / 1440;
      figure(`${label}: SharePoint resource units a day for a council of ${COUNCIL.staff} staff, ${COUNCIL.mailsPerDay} mails a day, 1% flagged (timers ${Math.round(idleUnitsPerDay)})`, Math.round(perDay), "units");
      figure(`${label}: that day as a share of the app's daily SharePoint budget (${budgets.appPerDay})`, (100 * perDay) / budgets.appPerDay, "%");
      figure(`${label}: busiest minute as a share of the app's per-minute SharePoint budget (${budgets.appPerMinute})`, (100 * peakMinute) / budgets.appPerMinute, "%");
      const mailsPerMailbox = COUNCIL.mailsPerDay / COUNCIL.staff;
      const exchangePerMailboxDay = mailboxPerMail * mailsPerMailbox + idleMailboxPerDay;
      figure(`${label}: Exchange requests a day per staff mailbox (${mailsPerMailbox} mails each)`, exchangePerMailboxDay, "requests");
      const busiestTenMinutes = (mailboxPerMail * COUNCIL.mailsPerDay * BUSIEST_MAILBOX_SHARE * PEAK_HOUR_SHARE) / 6 + idleMailboxPerDay / 144;
      figure(`${label}: busiest mailbox's busiest 10 minutes as a share of Exchange's ${budgets.mailboxRequestsPer10Min} per app and mailbox`, (100 * busiestTenMinutes) / budgets.mailboxRequestsPer10Min, "%");
      figure(`${label}: SharePoint requests a day for that council (each batch part counted)`, Math.round(spRequestsPerMail * COUNCIL.mailsPerDay + idleSpRequestsPerDay), "requests");
      figure(`${label}: Exchange requests a day for that council (${COUNCIL.staff} mailboxes)`, Math.round(exchangePerMailboxDay * COUNCIL.staff), "requests");
    } finally {
      await s.close();
    }
  } finally {
    await emu.close();
  }
}

/** A customer imported through the case service, as a council's register is loaded, so the case page has its log. */
async function imported(app: Graph, name: string, email: string, status: "Referred" | "Monitoring"): Promise<string> {
  const r = await openCustomer(
    { graph: app, siteId: "root" },
    {
      event: { type: "Imported", customer: { name, caseRef: "", kind: "Individual", policyId: "cumbria-fire-2023", serviceAreas: "Prevention", spocUpn: null, spocName: null, spocDeputyUpn: null, allowedChannels: [], staffGuidance: "", adjustments: "" }, identities: [{ kind: "Email", value: email }], file: newCaseFile("cumbria-fire-2023", status), source: "the bench" },
      actor: { upn: "admin@upc.test", roles: ["Admin", "Staff"] },
      idempotencyKey: `bench:${email}`,
    },
  );
  if (!r.ok) throw new Error(r.reason);
  return r.customerId;
}

/** The Teams tab against a large register, under the tenant's budgets. */
async function largeRegister(licences: number, label: string): Promise<void> {
  // Loaded unthrottled (it stands for a register already there); each figure is then measured with fresh budgets.
  const emu = await startEmulator({ port: 0, dataDir: null, reset: true, throttle: false });
  try {
    await provisionDevSite(createGraph({ baseUrl: emu.url, tokens: devUserTokens("admin@upc.test") }));
    const app = createGraph({ baseUrl: emu.url, tokens: devAppTokens() });
    const busy = await imported(app, "Busy Customer", "busy@example.org", "Referred");
    const quiet = await imported(app, "Quiet Customer", "quiet@example.org", "Monitoring");
    const now = Date.now();
    const CUSTOMERS = 50_000;
    const statuses = ["Observed", "Warned", "Closed", "Observed", "Monitoring"];
    const first = Number(quiet) + 1;
    emu.sharepoint.bulkInsert(
      "UpcCustomers",
      Array.from({ length: CUSTOMERS - 2 }, (_, i) => ({ Title: `Customer ${i + 3}`, CaseRef: `UPC-${String(i + 3).padStart(6, "0")}`, Kind: "Individual", Status: i % 1000 === 7 ? "Restricted" : statuses[i % 5], PolicyId: "cumbria-fire-2023" })),
    );
    // 500,000 contacts over 120 days: 20,000 of them the busy customer's, 10 the quiet one's, the rest spread over the others.
    const contacts: Record<string, unknown>[] = [];
    for (let k = 0; k < 500_000; k++) {
      const owner = k < 20_000 ? busy : k < 20_010 ? quiet : String(first + (k % (CUSTOMERS - 2)));
      contacts.push({ Title: "mail", CustomerLookupId: owner, ContactAt: new Date(now - ((k % 120_000) / 1000) * DAY - (k % 977) * 1000).toISOString(), Channel: "Email", Direction: "In", StaffUpn: "sam.officer@upc.test", MessageId: `<big-${k}@mail.example>`, Source: "Flagger", Screening: "NotScreened" });
    }
    emu.sharepoint.bulkInsert("UpcContacts", contacts);
    contacts.length = 0;
    const customerOf = (i: number) => (i === 0 ? busy : i === 1 ? quiet : String(first + i - 2));
    emu.sharepoint.bulkInsert(
      "UpcCases",
      Array.from({ length: CUSTOMERS }, (_, i) => ({ Title: `case ${i}`, Key: `bench-case-${i}`, CustomerLookupId: customerOf(i), Stage: i === 0 || i % 2000 === 5 ? "Referred" : "Decided", ReferredAt: new Date(now - (i % 300) * DAY).toISOString(), ReferredBy: "sam.officer@upc.test" })),
    );
    emu.sharepoint.bulkInsert(
      "UpcReviews",
      Array.from({ length: CUSTOMERS }, (_, i) => ({ Title: `review ${i}`, Key: `bench-review-${i}`, CustomerLookupId: customerOf(i), Kind: "ScheduledReview", DueBy: new Date(now + ((i % 60) - 30) * DAY).toISOString(), State: i % 1000 === 7 ? "Open" : "Decided", OpenedAt: new Date(now - 200 * DAY).toISOString() })),
    );
    const site = { graph: createGraph({ baseUrl: emu.url, tokens: devUserTokens("dee.decider@upc.test") }), siteId: "root" };
    const measure = async (runs: number, fn: () => Promise<unknown>) => {
      const times: number[] = [];
      const reqs: number[] = [];
      const ru: number[] = [];
      const refused: number[] = [];
      // The first run reads cold (the client has not yet learnt which customers need date windows); the median is of all.
      for (let i = 0; i < runs; i++) {
        emu.setThrottle({ licences });
        const t = performance.now();
        await fn();
        times.push(performance.now() - t);
        const st = emu.stats();
        reqs.push(st.throttle?.sharepointRequests ?? st.requests);
        ru.push(st.throttle?.sharepointUnits ?? 0);
        const thr = st.throttle?.throttled;
        refused.push(thr ? thr.app + thr.tenant + thr.user : 0);
      }
      return { ms: median(times), requests: median(reqs), units: median(ru), throttled: median(refused) };
    };
    const queue = await measure(5, () => loadQueue(site));
    figure(`${label}: referral queue with 50,000 customers (SharePoint requests, each batch part counted)`, queue.requests, "requests");
    figure(`${label}: referral queue (median)`, queue.ms, "ms");
    const reviews = await measure(5, () => loadCalendar(site));
    figure(`${label}: due reviews with 50,000 customers (SharePoint requests)`, reviews.requests, "requests");
    figure(`${label}: due reviews (median)`, reviews.ms, "ms");
    const small = await measure(5, () => loadCasePage(site, quiet, { withSensitive: true }));
    figure(`${label}: case page of a customer with 10 contacts among 500,000 (SharePoint requests)`, small.requests, "requests");
    figure(`${label}: that case page (median)`, small.ms, "ms");
    let shown = 0;
    const page = await measure(3, async () => {
      shown = (await loadCasePage(site, busy, { withSensitive: true })).contacts.length;
    });
    figure(`${label}: case page of a customer with ${shown.toLocaleString("en-GB")} contacts among 500,000 (SharePoint requests)`, page.requests, "requests");
    figure(`${label}: that case page's SharePoint resource units (429s met: ${page.throttled})`, page.units, "units");
    figure(`${label}: that case page (median)`, page.ms, "ms");
  } finally {
    await emu.close();
  }
}

export async function benchTenant(licences: number): Promise<void> {
  const label = `tenant of ${licences.toLocaleString("en-GB")} licences`;
  console.log(`\nUnder a ${label}'s throttling (SharePoint budgets by tenant size; Exchange 10,000 requests in 10 min and 4 at a time per mailbox)`);
  await flagging(licences, label);
  await largeRegister(licences, label);
}
