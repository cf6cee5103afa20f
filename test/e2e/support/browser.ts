// Debian's Chromium driven by playwright-core: launched with this machine's headless flags, failing loudly when absent.
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Frame, type Locator, type Page } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
export const SCREENSHOTS = resolve("test-results/screenshots");

export interface Chromium {
  browser: Browser;
  close(): Promise<void>;
}

/** Never skips: a missing browser is a failure with the fix in words. */
export async function launchChromium(): Promise<Chromium> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM}. The end-to-end tests need it: run "apt-get install -y chromium" (CI's .ci/run does), or set CHROMIUM_PATH.`);
  }
  // playwright-core gives every launch a fresh, temporary --user-data-dir of its own (and refuses one passed in args).
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
      "--ignore-certificate-errors",
    ],
  });
  return {
    browser,
    close: () => browser.close(),
  };
}

export async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ ignoreHTTPSErrors: true, viewport: { width: 1400, height: 1500 }, locale: "en-GB", timezoneId: "Europe/London" });
}

/** Saves a screenshot under test-results/screenshots/ and prints its path. */
export async function screenshot(target: Page | Locator, name: string): Promise<string> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const path = join(SCREENSHOTS, `${name}.png`);
  await target.screenshot({ path });
  console.log(`screenshot: ${path}`);
  return path;
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[] }[];
}

/** axe-core's serious and critical violations in a page or frame. */
export async function seriousViolations(frame: Page | Frame): Promise<AxeViolation[]> {
  const source = readFileSync(resolve("node_modules/axe-core/axe.min.js"), "utf8");
  const has = await frame.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!has) await frame.addScriptTag({ content: source });
  const result = await frame.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
    const r = await axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
  });
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}

/** The WCAG 2.0, 2.1 and 2.2 A and AA rules of axe-core (every impact): what "axe clean to WCAG 2.2 AA" means here. */
export const WCAG_AA_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/**
 * Waits until no CSS transition is running: axe samples colours as they are painted, and a Fluent button fading from
 * disabled back to enabled is, for a moment, grey on lilac.
 */
export async function transitionsDone(frame: Page | Frame): Promise<void> {
  await frame.waitForFunction(() => document.getAnimations().every((a) => !(a instanceof CSSTransition)), undefined, { timeout: 5_000 });
}

/**
 * Every violation of axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules, whatever its impact, in the page or frame (or the
 * parts `include` names). Tabster's focus sentinels (<i data-tabster-dummy aria-hidden tabindex=0>, which Fluent puts
 * round a tag group to move focus on) trip aria-hidden-focus; they hand focus on at once and are never read, so they
 * are left out.
 */
export async function wcagViolations(frame: Page | Frame, include?: string[]): Promise<AxeViolation[]> {
  await transitionsDone(frame);
  const source = readFileSync(resolve("node_modules/axe-core/axe.min.js"), "utf8");
  const has = await frame.evaluate(() => typeof (window as unknown as { axe?: unknown }).axe !== "undefined");
  if (!has) await frame.addScriptTag({ content: source });
  return frame.evaluate(
    async ({ tags, include }) => {
      const axe = (window as unknown as { axe: { run(ctx: unknown, opts: unknown): Promise<{ violations: AxeViolation[] }> } }).axe;
      const context = { include: include ? include.map((sel) => [sel]) : [["html"]], exclude: [["[data-tabster-dummy]"]] };
      const r = await axe.run(context, { runOnly: { type: "tag", values: tags }, resultTypes: ["violations"] });
      return r.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
    },
    { tags: WCAG_AA_TAGS, include },
  );
}
