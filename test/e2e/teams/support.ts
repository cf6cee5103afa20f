// End-to-end support for the Teams tab: the emulator with demo data (in-process), the add-in built once with the
// product's webpack config (Teams tab included, unlike the task pane's stack), the dev server over https (pages plus
// /graph proxied to the emulator, as `npm start` serves them) and Debian's Chromium. Built on the task pane's
// scripts (build-addin, dev-server, certs) and its browser support (test/e2e/support/browser.ts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { BrowserContext, Locator, Page } from "playwright-core";
import { buildAddin, gzipBytes, type BuildResult } from "../../../scripts/build-addin";
import { ensureDevCerts } from "../../../scripts/certs";
import { startDevServer, type DevServer } from "../../../scripts/dev-server";
import { startCaseService, startProduct, type Product } from "../../support/product";
import { launchChromium, newContext, seriousViolations, type Chromium } from "../support/browser";
import type { RunningService } from "../../../service/server";

export { SCREENSHOTS } from "../support/browser";

export interface TeamsE2E {
  product: Product;
  server: DevServer;
  chrome: Chromium;
  build: BuildResult;
  /** A fresh browser context signed in as `upn`, on the tab at `hash`. */
  open(upn: string, hash?: string): Promise<TabPage>;
  /** Moves the case service's clock on (months pass without faking the register); 0 puts it back. */
  setClockAhead(ms: number): void;
  /** The case service behind the tab (its audit lists rows that do not read). */
  service: RunningService;
  close(): Promise<void>;
}

export interface TabPage {
  page: Page;
  context: BrowserContext;
  /** Everything the page wrote to the console (checked for personal data). */
  console: string[];
  /** How many times window.print() was called. */
  prints(): Promise<number>;
  close(): Promise<void>;
}

export async function startTeamsE2E(): Promise<TeamsE2E> {
  // Its own build folder and certificate folder, so it can run beside the task pane's end-to-end tests.
  const outDir = mkdtempSync(join(tmpdir(), "upc-teams-e2e-"));
  const [product, build, certs, chrome] = await Promise.all([
    startProduct({ seed: true }),
    buildAddin({ outDir, mode: "production" }),
    ensureDevCerts(resolve("test-results/.certs-teams")),
    launchChromium(),
  ]);
  let ahead = 0;
  const service = await startCaseService(product, { now: () => new Date(Date.now() + ahead) });
  const server = await startDevServer({ port: 0, root: build.outDir, graphOrigin: new URL(product.emu.url).origin, serviceOrigin: service.url, tls: certs });
  const open = async (upn: string, hash = "#/queue"): Promise<TabPage> => {
    const context = await newContext(chrome.browser);
    // Printing opens a dialog a headless browser cannot show: count the calls instead.
    await context.addInitScript(() => {
      (window as unknown as { __prints: number }).__prints = 0;
      window.print = () => {
        (window as unknown as { __prints: number }).__prints++;
      };
    });
    const page = await context.newPage();
    const lines: string[] = [];
    page.on("console", (m) => lines.push(m.text()));
    page.on("pageerror", (e) => lines.push(`pageerror: ${e.message}`));
    await page.goto(`${server.origin}/teams.html?user=${encodeURIComponent(upn)}${hash}`);
    return {
      page,
      context,
      console: lines,
      prints: () => page.evaluate(() => (window as unknown as { __prints: number }).__prints),
      close: () => context.close(),
    };
  };
  return {
    product,
    server,
    chrome,
    build,
    open,
    setClockAhead: (ms) => void (ahead = ms),
    service,
    async close() {
      await chrome.close().catch(() => undefined);
      await server.close();
      await service.close();
      await product.close();
      rmSync(build.outDir, { recursive: true, force: true });
    },
  };
}

/** The tab's first JavaScript (the entry's initial chunks), gzipped. */
export function firstJsGzip(build: BuildResult): number {
  return gzipBytes(build.outDir, build.entries.teams.initial);
}

/** axe-core's serious and critical violations, in the shape the tests print. */
export async function axeViolations(page: Page): Promise<{ id: string; impact: string | null; help: string; nodes: unknown[] }[]> {
  return (await seriousViolations(page)).map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => n.target) }));
}

/** Names someone who took part in a step, in the picker for their office: part of the name typed, their option chosen. */
export async function nameWhoTookPart(form: Locator, label: string | RegExp, search: string, name: string): Promise<void> {
  await form.getByRole("combobox", { name: label }).fill(search);
  await form.page().getByRole("option", { name: new RegExp(`^${name}`) }).click();
  await form.getByRole("option", { name: `Remove ${name}` }).waitFor();
  await form.page().keyboard.press("Escape");
}
