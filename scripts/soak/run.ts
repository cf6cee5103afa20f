// The soak: the service (its own process) and the Teams tab (Chromium) run for a while against a register where 1% of
// the rows of every list are malformed, with 30% of Graph requests throttled or failed, while flagged and unflagged
// mail arrives. It reports what a council would ask of a long night: did every round finish, was every flagged mail
// logged once, is every bad row listed once for an administrator, and did the service's memory stay flat.
import { spawn, type ChildProcess } from "node:child_process";
import { appendFileSync, existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type Page } from "playwright-core";
import { startEmulator } from "../../emulator";
import { devAppTokens, devUserTokens } from "../../graph/auth/dev-token";
import { createGraph } from "../../graph/client/factory";
import { eq } from "../../graph/client/odata";
import { importRegister } from "../../graph/import";
import { provisionDevSite } from "../../graph/provision/dev-site";
import { getItem, persistently, queryAll, type ListItem, type Site } from "../../graph/repos/items";
import { readProblems } from "../../graph/repos/problem-rows";
import { checkRow } from "../../graph/repos/row-check";
import { buildAddin } from "../build-addin";
import { ensureDevCerts } from "../certs";
import { emulatorDelivery } from "../demo/deliver";
import { seedDemo } from "../demo/seed";
import { startDevServer, type DevServer } from "../dev-server";
import { malformRegister, type BadRow } from "./malform";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const MAILBOXES = ["sam.officer@upc.test", "kim.officer@upc.test", "mo.manager@upc.test", "dee.decider@upc.test", "complaints@upc.test"];
const DAY = 86_400_000;

export interface SoakOptions {
  minutes: number;
  /** Customers imported on top of the demo register (half monitored, half restricted from all contact). */
  customers?: number;
  /** Share of Graph requests answered 429 or 503. */
  chaos?: number;
  mailsPerMinute?: number;
  /** Run the Teams tab in Chromium beside the service. */
  browser?: boolean;
  /** How often the service checks the register's rows and its drift (ms). */
  auditMs?: number;
  log?: (line: string) => void;
}

export interface SoakReport {
  minutes: number;
  rows: Record<string, number>;
  badRows: number;
  badByList: Record<string, number>;
  /** Bad rows still bad at the end, each listed exactly once. */
  listedOnce: number;
  /** Bad rows the service put back from the log (controlled lists): no longer bad, so not listed. */
  repaired: number;
  /** Bad rows still bad but not listed, or listed more than once: each a failure. */
  unlisted: string[];
  listedTwice: string[];
  /** Problems listed for rows that read and are not about a broken log: each a failure. */
  unexplained: string[];
  flaggedSent: number;
  flaggedLoggedOnce: number;
  flaggedNotLogged: number;
  flaggedLoggedTwice: number;
  unflaggedSent: number;
  /** Mailboxes whose last mail was not logged after the throttling stopped. */
  stuckMailboxes: string[];
  /** Graph requests during the run, $batch parts counted one by one. */
  graphRequests: number;
  /** The share of them answered 429 or 503. */
  chaos: number;
  serviceErrors: number;
  rounds: number;
  heapMb: { early: number; late: number; growthPct: number } | null;
  tab: { reloads: number; pageErrors: number; listedInTab: number | null } | null;
  seconds: number;
}

interface Health {
  stats?: { rounds: number; errors: number };
  register?: { rowProblems: number };
  memory?: { heapMb: number; rssMb: number };
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
};
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const ddmmyyyy = (d: Date) => `${String(d.getUTCDate()).padStart(2, "0")}/${String(d.getUTCMonth() + 1).padStart(2, "0")}/${d.getUTCFullYear()}`;

/** The extra register, as a council's spreadsheet: imported through the product's own import. */
function registerCsv(n: number, now: Date): string {
  const rows = ["Case ref,Name,Status,Policy,Emails,Restrictions,Restrictions until,Review due,Monitoring ends"];
  for (let i = 0; i < n; i++) {
    const ref = `UPC-${5000 + i}`;
    const email = `soak.${i}@example.org`;
    if (i % 2 === 0) rows.push(`${ref},Soak Monitored ${i},Monitoring,council-ccm-2014,${email},,,,${ddmmyyyy(new Date(now.getTime() + 60 * DAY))}`);
    else rows.push(`${ref},Soak Restricted ${i},Restricted,council-ccm-2014,${email},NoContact,${ddmmyyyy(new Date(now.getTime() + 200 * DAY))},${ddmmyyyy(new Date(now.getTime() + 150 * DAY))},`);
  }
  return rows.join("\r\n");
}

function startServiceProcess(graphUrl: string, auditMs: number): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, ["--import", "tsx", "service/main.ts"], {
    env: {
      ...process.env,
      GRAPH_BASE_URL: graphUrl,
      SERVICE_PORT: "0",
      SERVICE_INSTANCE_ID: "soak",
      SERVICE_MAILBOXES: MAILBOXES.join(","),
      SERVICE_NOTICE_FROM: "complaints@upc.test",
      SERVICE_AUDIT_MS: String(auditMs),
      SERVICE_DRIFT_MS: String(auditMs),
      SERVICE_REGISTER_POLL_MS: String(auditMs),
      SERVICE_OUTBOX_MS: "2000",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const url = new Promise<string>((ok, fail) => {
    let out = "";
    child.stdout!.on("data", (c: Buffer) => {
      out += c.toString();
      if (process.env.SOAK_SERVICE_LOG) appendFileSync(process.env.SOAK_SERVICE_LOG, c);
      const m = /listening on (http:\/\/[^\s:]+:\d+)/.exec(out);
      if (m) ok(m[1]);
      if (out.length > 100_000) out = out.slice(-10_000);
    });
    child.stderr!.on("data", () => undefined);
    child.on("exit", (code) => fail(new Error(`The service stopped (exit ${code}) before it was listening.`)));
  });
  url.catch(() => undefined);
  return { child, url };
}

async function health(url: string): Promise<Health | null> {
  try {
    return (await (await fetch(`${url}/health`)).json()) as Health;
  } catch {
    return null;
  }
}

async function contactsWith(site: Site, messageId: string): Promise<number> {
  return (await persistently(() => queryAll(site, "contacts", { filter: eq("MessageId", messageId), select: ["MessageId"] }))).length;
}

export async function runSoak(options: SoakOptions): Promise<SoakReport> {
  const log = options.log ?? (() => undefined);
  const started = Date.now();
  const chaos = options.chaos ?? 0.3;
  const perMinute = options.mailsPerMinute ?? 60;
  const auditMs = options.auditMs ?? 10_000;
  const emu = await startEmulator({ port: 0, dataDir: null, reset: true, retryAfterSeconds: 0.05 });
  const cleanups: (() => Promise<unknown> | unknown)[] = [() => emu.close()];
  try {
    const admin = createGraph({ baseUrl: emu.url, tokens: devUserTokens("admin@upc.test") });
    await provisionDevSite(admin);
    const app = createGraph({ baseUrl: emu.url, tokens: devAppTokens() });
    const site: Site = { graph: app, siteId: "root" };
    const now = new Date();
    await seedDemo(app, emulatorDelivery(emu), now);
    const n = options.customers ?? 200;
    const imported = await importRegister({ graph: admin, siteId: "root" }, registerCsv(n, now), { now, onProgress: () => undefined });
    if (imported.outcome !== "written") throw new Error(`The soak register did not import: ${JSON.stringify(imported).slice(0, 500)}`);
    log(`register: demo plus ${n} imported customers`);

    // The senders whose mail is checked: their rows are left alone, so every one of their mails must be logged.
    const senders = await Promise.all(
      Array.from({ length: Math.min(20, n) }, async (_, i) => {
        const [c] = await queryAll(site, "customers", { filter: eq("CaseRef", `UPC-${5000 + i}`), select: ["CaseRef"] });
        return { id: String(c.id), address: `soak.${i}@example.org`, name: `Soak ${i}` };
      }),
    );
    const bad = await malformRegister(site, new Set(senders.map((s) => s.id)));
    const rows: Record<string, number> = {};
    for (const key of ["customers", "identities", "contacts", "cases", "restrictions", "reviews", "letters", "sensitive", "caseEvents"] as const) rows[key] = (await queryAll(site, key, { select: ["Title"] })).length;
    const badByList: Record<string, number> = {};
    for (const b of bad) badByList[b.list] = (badByList[b.list] ?? 0) + 1;
    log(`malformed ${bad.length} rows: ${Object.entries(badByList).map(([l, c]) => `${l} ${c}`).join(", ")}`);

    const svc = startServiceProcess(emu.url, auditMs);
    cleanups.unshift(() => new Promise<void>((ok) => (svc.child.exitCode !== null ? ok() : (svc.child.once("exit", () => ok()), svc.child.kill("SIGTERM")))));
    const serviceUrl = await svc.url;
    log(`service at ${serviceUrl}`);

    // The tab: an administrator on Register problems and a manager on the queue, reloaded as people do.
    let tab: { pages: Page[]; browser: Browser; server: DevServer; reloads: number; errors: number } | null = null;
    if (options.browser) {
      if (!existsSync(CHROMIUM)) throw new Error(`Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium).`);
      const outDir = mkdtempSync(join(tmpdir(), "upc-soak-"));
      cleanups.unshift(() => rmSync(outDir, { recursive: true, force: true }));
      const [build, certs] = await Promise.all([buildAddin({ outDir, mode: "production" }), ensureDevCerts(resolve("test-results/.certs-soak"))]);
      const server = await startDevServer({ port: 0, root: build.outDir, graphOrigin: new URL(emu.url).origin, serviceOrigin: serviceUrl, tls: certs });
      cleanups.unshift(() => server.close());
      const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--no-first-run"] });
      cleanups.unshift(() => browser.close());
      const pages: Page[] = [];
      tab = { pages, browser, server, reloads: 0, errors: 0 };
      for (const [upn, hash] of [["admin@upc.test", "#/problems"], ["mo.manager@upc.test", "#/queue"]] as const) {
        const context = await browser.newContext({ ignoreHTTPSErrors: true });
        const page = await context.newPage();
        page.on("pageerror", () => void (tab!.errors++));
        await page.goto(`${server.origin}/teams.html?user=${encodeURIComponent(upn)}${hash}`);
        pages.push(page);
      }
    }

    emu.resetStats();
    emu.setChaos(chaos);
    const flagged: { id: string; mailbox: string }[] = [];
    let unflagged = 0;
    const heap: { at: number; mb: number }[] = [];
    const until = Date.now() + options.minutes * 60_000;
    const gap = 60_000 / perMinute;
    let i = 0;
    let nextSample = Date.now();
    let nextReload = Date.now() + 20_000;
    // Halfway, people edit the lists by hand again, this time while the service is running.
    let secondPass = Date.now() + (options.minutes * 60_000) / 2;
    while (Date.now() < until) {
      if (Date.now() >= secondPass) {
        secondPass = Infinity;
        const more = await malformRegister(site, new Set(senders.map((s) => s.id)), 0.005, bad);
        bad.push(...more);
        for (const b of more) badByList[b.list] = (badByList[b.list] ?? 0) + 1;
        log(`malformed ${more.length} more rows while running`);
      }
      const mailbox = MAILBOXES[i % MAILBOXES.length];
      if (i % 3 === 2) {
        await emu.mail.deliver({ to: [mailbox], from: { name: "Someone New", address: `new.${i}@example.net` }, subject: `Enquiry ${i}`, internetMessageId: `<soak-u-${i}@mail.example>` });
        unflagged++;
      } else {
        const s = senders[i % senders.length];
        const id = `<soak-f-${i}@mail.example>`;
        await emu.mail.deliver({ to: [mailbox], from: { name: s.name, address: s.address }, subject: `<b>Again</b> ${i}`, internetMessageId: id });
        flagged.push({ id, mailbox });
      }
      i++;
      if (Date.now() >= nextSample) {
        const h = await health(serviceUrl);
        if (h?.memory) heap.push({ at: Date.now(), mb: h.memory.heapMb });
        nextSample = Date.now() + 5_000;
      }
      if (tab && Date.now() >= nextReload) {
        await Promise.all(tab.pages.map((p) => p.reload().catch(() => undefined)));
        tab.reloads++;
        nextReload = Date.now() + 20_000;
      }
      await sleep(gap);
    }
    const stats = emu.stats();
    emu.setChaos(0);
    log(`sent ${flagged.length} flagged and ${unflagged} unflagged mails; Graph answered ${stats.requests} requests (${stats.subRequests} in batches), ${Math.round(chaos * 100)}% of them throttled or failed`);

    // Once Graph answers again, one more mail to every mailbox: a stuck round would leave it unlogged.
    const probes = await Promise.all(
      MAILBOXES.map(async (mailbox, k) => {
        const id = `<soak-probe-${k}@mail.example>`;
        await emu.mail.deliver({ to: [mailbox], from: { name: senders[0].name, address: senders[0].address }, subject: "probe", internetMessageId: id });
        return { id, mailbox };
      }),
    );
    const settleBy = Date.now() + 180_000;
    let missing = [...flagged, ...probes];
    while (missing.length && Date.now() < settleBy) {
      const counts = await Promise.all(missing.map(async (m) => ({ m, n: await contactsWith(site, m.id) })));
      missing = counts.filter((c) => c.n === 0).map((c) => c.m);
      if (missing.length) await sleep(2_000);
    }
    // The audit's next two rounds see the last changes.
    await sleep(auditMs * 2 + 2_000);

    const counts = await Promise.all(flagged.map(async (m) => contactsWith(site, m.id)));
    const problems = await readProblems(site);
    const byRow = new Map<string, number>();
    for (const p of problems) byRow.set(`${p.list}:${p.itemId}`, (byRow.get(`${p.list}:${p.itemId}`) ?? 0) + 1);
    const stillBad = async (b: BadRow) => {
      try {
        const item = await getItem(site, b.key, b.itemId);
        return !!checkRow(b.key, item as ListItem);
      } catch {
        return false; // deleted
      }
    };
    let listedOnce = 0;
    let repaired = 0;
    const unlisted: string[] = [];
    const listedTwice: string[] = [];
    for (const b of bad) {
      const k = `${b.list}:${b.itemId}`;
      const listed = byRow.get(k) ?? 0;
      const isBad = await stillBad(b);
      if (process.env.SOAK_VERBOSE) log(`row ${k} (${b.way}): ${isBad ? "still bad" : "mended"}, listed ${listed}`);
      if (isBad) {
        if (listed === 1) listedOnce++;
        else if (listed === 0) unlisted.push(`${k} (${b.way})`);
        else listedTwice.push(k);
      } else if (listed === 0) repaired++;
      else unlisted.push(`${k} (${b.way}): mended, yet still listed`);
    }
    const badKeys = new Set(bad.map((b) => `${b.list}:${b.itemId}`));
    const unexplained = problems.filter((p) => !badKeys.has(`${p.list}:${p.itemId}`) && !/log/i.test(p.problem)).map((p) => `${p.list}:${p.itemId} ${p.column}: ${p.problem}`);

    const last = await health(serviceUrl);
    let listedInTab: number | null = null;
    if (tab) {
      const page = tab.pages[0];
      await page.reload();
      const status = page.getByRole("status").filter({ hasText: /to mend|No problems/ });
      await status.first().waitFor({ timeout: 30_000 }).catch(() => undefined);
      const text = (await status.first().innerText().catch(() => "")) || "";
      const m = /(\d+) rows? to mend/.exec(text);
      listedInTab = m ? Number(m[1]) : /No problems/.test(text) ? 0 : null;
    }
    let heapMb: SoakReport["heapMb"] = null;
    if (heap.length >= 6) {
      // Early: the second fifth of the run (after start-up has settled); late: the last fifth.
      const span = heap[heap.length - 1].at - heap[0].at;
      const early = median(heap.filter((h) => h.at >= heap[0].at + span * 0.2 && h.at <= heap[0].at + span * 0.4).map((h) => h.mb));
      const late = median(heap.filter((h) => h.at >= heap[0].at + span * 0.8).map((h) => h.mb));
      heapMb = { early, late, growthPct: early ? Math.round(((late - early) / early) * 1000) / 10 : 0 };
    }
    return {
      minutes: options.minutes,
      rows,
      badRows: bad.length,
      badByList,
      listedOnce,
      repaired,
      unlisted,
      listedTwice,
      unexplained,
      flaggedSent: flagged.length,
      flaggedLoggedOnce: counts.filter((c) => c === 1).length,
      flaggedNotLogged: counts.filter((c) => c === 0).length,
      flaggedLoggedTwice: counts.filter((c) => c > 1).length,
      unflaggedSent: unflagged,
      stuckMailboxes: [...new Set(missing.filter((m) => probes.includes(m)).map((m) => m.mailbox))],
      graphRequests: stats.requests + stats.subRequests,
      chaos,
      serviceErrors: last?.stats?.errors ?? -1,
      rounds: last?.stats?.rounds ?? -1,
      heapMb,
      tab: tab ? { reloads: tab.reloads, pageErrors: tab.errors, listedInTab } : null,
      seconds: Math.round((Date.now() - started) / 1000),
    };
  } finally {
    for (const c of cleanups) await Promise.resolve(c()).catch(() => undefined);
  }
}
