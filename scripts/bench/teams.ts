// Teams tab figures: the gzip size of the tab's first JavaScript (views, charts and forms load on demand), and the
// time to first render of the referral queue and of a case page with 500 contacts, in Chromium against the emulator.
import { provisionDevSite } from "../../graph/provision/dev-site";
import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser } from "playwright-core";
import { startEmulator } from "../../emulator";
import { devAppTokens, devUserTokens } from "../../graph/auth/dev-token";
import { createGraph } from "../../graph/client/factory";
import { createCustomer } from "../../graph/repos/customers";
import { emulatorDelivery } from "../demo/deliver";
import { seedDemo } from "../demo/seed";
import { buildAddin, gzipBytes } from "../build-addin";
import { startDevServer, type DevServer } from "../dev-server";
import { check, figure, median } from "./report";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const USER = "dee.decider@upc.test";
const RUNS = 7;
const DAY = 86_400_000;
const BUDGET_KB = 200;

const kb = (bytes: number) => Math.round(bytes / 102.4) / 10;

/**
 * Milliseconds from navigation start until `selector` is in the page, each run in a fresh (cold-cache) context, and
 * the JavaScript files the page had fetched by then.
 */
async function timeToRender(browser: Browser, server: DevServer, hash: string, selector: string): Promise<{ times: number[]; scripts: string[] }> {
  const times: number[] = [];
  const scripts = new Set<string>();
  for (let i = 0; i < RUNS + 1; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await context.newPage();
    page.on("response", (r) => {
      const path = new URL(r.url()).pathname;
      if (path.endsWith(".js")) scripts.add(path.slice(1));
    });
    await page.goto(`${server.origin}/teams.html?user=${encodeURIComponent(USER)}${hash}`, { waitUntil: "commit" });
    const handle = await page.waitForFunction((sel) => (document.querySelector(sel) ? performance.now() : 0), selector, { polling: "raf", timeout: 60_000 });
    const ms = (await handle.jsonValue()) as number;
    if (i > 0) times.push(ms); // the first run warms the dev server and the emulator
    await context.close();
  }
  return { times, scripts: [...scripts] };
}

export async function benchTeams(): Promise<void> {
  console.log("\nTeams tab (production build, Chromium against the emulator)");
  const outDir = mkdtempSync(join(tmpdir(), "upc-bench-teams-"));
  const emu = await startEmulator({ port: 0, dataDir: null, reset: true, retryAfterSeconds: 0.05 });
  try {
    // ── Bundle: what the tab loads before its first render, and what it loads only when needed ────────────────
    const build = await buildAddin({ outDir, mode: "production" });
    const tab = build.entries.teams;
    if (!tab) throw new Error("The build has no teams entry.");
    const first = gzipBytes(outDir, tab.initial);
    figure("teams tab first JavaScript (gzip, before first render)", kb(first), "KB");
    const named = readdirSync(join(outDir, "chunks")).filter((f) => /^teams-.*\.js$/.test(f)).map((f) => `chunks/${f}`);
    const size = (re: RegExp) => kb(gzipBytes(outDir, named.filter((f) => re.test(f))));
    figure("teams tab contact chart chunk (gzip, loaded on the case page)", size(/teams-chart/), "KB");
    figure("teams tab decision, letter and review forms (gzip, loaded only for someone who can act)", size(/teams-(decide|letters|review-forms)/), "KB");
    check("teams tab first JavaScript within the task pane's budget", first <= BUDGET_KB * 1024, `≤ ${BUDGET_KB} KB gzip; ${(first / 1024).toFixed(1)} KB in ${tab.initial.join(", ")}`);

    // ── The register: the demo data, plus one customer with 500 contacts over six months ──────────────────────
    const admin = createGraph({ baseUrl: emu.url, tokens: devUserTokens("admin@upc.test") });
    await provisionDevSite(admin);
    const site = { graph: admin, siteId: "root" };
    await seedDemo(createGraph({ baseUrl: emu.url, tokens: devAppTokens() }), emulatorDelivery(emu));
    const busy = await createCustomer(site, { name: "Bench Busy Customer", kind: "Individual", status: "Referred", policyId: "cumbria-fire-2023", serviceAreas: "Fire Safety", allowedChannels: [], staffGuidance: "", adjustments: "Prefers e-mail." });
    const now = Date.now();
    const channels = ["Email", "Email", "Phone", "Letter", "InPerson"];
    emu.sharepoint.bulkInsert(
      "UpcContacts",
      Array.from({ length: 500 }, (_, i) => ({
        Title: `Bench contact ${i}`,
        CustomerLookupId: String(busy.id),
        ContactAt: new Date(now - (i * 180 * DAY) / 500).toISOString(),
        Channel: channels[i % channels.length],
        Direction: i % 7 === 0 ? "Out" : "In",
        StaffUpn: "sam.officer@upc.test",
        MessageId: `<bench-case-${i}@mail.example>`,
        Source: "TaskPane",
        Screening: "NotScreened",
      })),
    );

    if (!existsSync(CHROMIUM)) {
      check("teams tab render times in Chromium", false, `Chromium is not installed at ${CHROMIUM} (apt-get install -y chromium)`);
      return;
    }
    const server = await startDevServer({ port: 0, root: outDir, graphOrigin: emu.origin, tls: null });
    const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"] });
    try {
      const queue = await timeToRender(browser, server, "#/queue", 'table[aria-label="Open referrals"] tbody tr');
      figure("teams tab time to first render of the referral queue (median, cold cache)", median(queue.times), "ms");
      figure("teams tab JavaScript fetched by the time the queue shows (gzip, every chunk incl. sign-in)", kb(gzipBytes(outDir, queue.scripts)), "KB");
      emu.resetStats();
      const casePage = await timeToRender(browser, server, `#/case/${busy.id}`, "#contact-chart-title");
      figure("teams tab time to first render of a case page with 500 contacts (median, cold cache)", median(casePage.times), "ms");
      figure("teams tab JavaScript fetched by the time a case page shows (gzip, every chunk)", kb(gzipBytes(outDir, casePage.scripts)), "KB");
      figure("teams tab Graph requests to render a case page (sign-in, case file, contacts; $batch counts as 1)", emu.stats().requests / (RUNS + 1), "requests");
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    await emu.close();
    rmSync(outDir, { recursive: true, force: true });
  }
}
