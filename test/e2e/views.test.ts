// Every view of the pane and the tab at Outlook's narrowest pane (320 px) and at desktop width (1280 px), in light,
// dark and high contrast: what the view is for is on screen (found by role and name), nothing scrolls sideways
// (WCAG 2.2 1.4.10 Reflow), axe-core finds nothing under the WCAG 2.2 A and AA rules, and a screenshot is kept as
// test-results/screenshots/<view>-<width>-<theme>.png.
import type { FrameLocator, Locator, Page } from "playwright-core";
import { eq } from "../../graph/client/odata";
import { queryAll } from "../../graph/repos/items";
import { mkdirSync } from "node:fs";
import { SCREENSHOTS, screenshot, wcagViolations } from "./support/browser";
import { startTeamsE2E, type TeamsE2E } from "./teams/support";

let t: TeamsE2E;
beforeAll(async () => {
  t = await startTeamsE2E();
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const WIDTHS = [320, 1280] as const;
const THEMES = ["light", "dark", "highContrast"] as const;
type Theme = (typeof THEMES)[number];
let mailNo = 0;

async function customerIdOf(name: string): Promise<string> {
  const rows = await queryAll<Record<string, unknown>>(t.product.admin, "customers", { filter: eq("Title", name) });
  expect(rows).toHaveLength(1);
  return String(rows[0].id);
}

async function deliver(to: string, from: { name: string; address: string }, subject: string): Promise<string> {
  const [id] = await t.product.emu.mail.deliver({ to: [to], from, subject, body: `Dear officer,\n\n${subject}`, internetMessageId: `<views-${Date.now()}-${++mailNo}@mail.example>` });
  return id;
}

/** Checks one state of a page or pane at every width, in the theme it is showing. */
async function checkWidths(page: Page, name: string, theme: Theme, target: { shot: Page | Locator; audit: () => Promise<unknown>; overflow: () => Promise<number> }, ready: () => Promise<void>) {
  const problems: string[] = [];
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: width === 320 ? 700 : 900 });
    await ready();
    const over = await target.overflow();
    if (over > 0) problems.push(`${name} at ${width} px, ${theme}: the page is ${over} px wider than the window`);
    for (const v of (await target.audit()) as { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[]) {
      problems.push(`${name} at ${width} px, ${theme}: ${v.id} (${v.impact}) ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
    }
    if ("goto" in target.shot) await target.shot.screenshot({ path: `${SCREENSHOTS}/${name}-${width}-${theme}.png`, fullPage: true });
    else await screenshot(target.shot, `${name}-${width}-${theme}`);
  }
  return problems;
}

interface PaneView {
  name: string;
  user: string;
  from: { name: string; address: string };
  /** Waits for what the officer needs to see (and opens a form, where the view is a form). */
  show(pane: FrameLocator): Promise<void>;
}

const SAM = "sam.officer@upc.test";
const PANE_VIEWS: PaneView[] = [
  {
    name: "pane-restricted",
    user: SAM,
    from: { name: "Seán O'Brien", address: "o'brien@example.org" },
    show: async (pane) => {
      await pane.locator('section[data-status="Restricted"] svg[aria-hidden="true"]').first().waitFor();
      await pane.getByRole("button", { name: "Send to SPOC" }).waitFor();
    },
  },
  { name: "pane-monitored", user: SAM, from: { name: "Wendy Marsh", address: "wendy.marsh@example.org" }, show: (pane) => pane.locator('section[data-status="Monitoring"]').waitFor() },
  { name: "pane-possible-match", user: SAM, from: { name: "Seán O'Brien", address: "sean.views@example.net" }, show: (pane) => pane.getByRole("heading", { name: "Possible match" }).waitFor() },
  { name: "pane-unknown-sender", user: SAM, from: { name: "Alice Views", address: "alice.views@example.com" }, show: (pane) => pane.getByRole("heading", { name: "No record for alice.views@example.com" }).waitFor() },
  {
    name: "pane-start-log",
    user: SAM,
    from: { name: "Bob Views", address: "bob.views@example.com" },
    show: async (pane) => {
      if (!(await pane.getByRole("form", { name: "Start a contact log" }).count())) await pane.getByRole("button", { name: "Start a contact log…" }).click();
      await pane.getByRole("form", { name: "Start a contact log" }).waitFor();
    },
  },
  {
    name: "pane-log-form",
    user: SAM,
    from: { name: "Hal Pemberton", address: "hal.pemberton@example.org" },
    show: async (pane) => {
      if (!(await pane.getByRole("form", { name: "Log a call, visit or letter" }).count())) await pane.getByRole("button", { name: "Log a call, visit or letter" }).click();
      await pane.getByRole("form", { name: "Log a call, visit or letter" }).waitFor();
    },
  },
  {
    name: "pane-referral-form",
    user: SAM,
    from: { name: "Tom Allardyce", address: "tom.allardyce@example.co.uk" },
    show: async (pane) => {
      if (!(await pane.getByRole("form", { name: /Refer a case under/ }).count())) await pane.getByRole("button", { name: "Refer a case" }).click();
      await pane.getByRole("form", { name: /Refer a case under/ }).waitFor();
    },
  },
  { name: "pane-you-are-the-spoc", user: "kim.officer@upc.test", from: { name: "Seán O'Brien", address: "o'brien@example.org" }, show: (pane) => pane.getByText(/You are .*single point of contact|you are the SPOC/i).first().waitFor() },
];

interface TabView {
  name: string;
  user: string;
  hash: () => Promise<string>;
  show(page: Page): Promise<void>;
}

const DEE = "dee.decider@upc.test";
const MO = "mo.manager@upc.test";
const TAB_VIEWS: TabView[] = [
  { name: "teams-queue", user: DEE, hash: async () => "#/queue", show: (p) => p.getByRole("table", { name: "Open referrals" }).waitFor() },
  { name: "teams-staff-queue", user: SAM, hash: async () => "#/queue", show: (p) => p.getByRole("heading", { level: 1, name: "Your referrals" }).waitFor() },
  { name: "teams-case-referred", user: DEE, hash: async () => `#/case/${await customerIdOf("Dana Whitlock")}`, show: (p) => p.getByRole("heading", { level: 1, name: "Dana Whitlock" }).waitFor() },
  { name: "teams-case-restricted", user: DEE, hash: async () => `#/case/${await customerIdOf("Seán O'Brien")}`, show: (p) => p.getByRole("heading", { level: 1, name: "Seán O'Brien" }).waitFor() },
  { name: "teams-case-monitoring", user: DEE, hash: async () => `#/case/${await customerIdOf("Mary-Jane D'Arcy")}`, show: (p) => p.getByRole("heading", { level: 1, name: "Mary-Jane D'Arcy" }).waitFor() },
  {
    name: "teams-appeal",
    user: "rory.reviewer@upc.test",
    hash: async () => `#/case/${await customerIdOf("Seán O'Brien")}`,
    show: async (p) => {
      await p.getByRole("form", { name: "Decide the appeal" }).waitFor();
      await p.getByRole("figure", { name: "Grounds of appeal" }).waitFor();
    },
  },
  { name: "teams-reviews", user: DEE, hash: async () => "#/reviews", show: (p) => p.getByRole("heading", { level: 1, name: "Reviews and appeals" }).waitFor() },
  { name: "teams-reports", user: MO, hash: async () => "#/reports", show: (p) => p.getByRole("heading", { level: 1, name: "Reports" }).waitFor() },
  { name: "teams-access", user: MO, hash: async () => "#/access", show: (p) => p.getByRole("heading", { level: 1, name: "Subject access" }).waitFor() },
  { name: "teams-problems", user: "admin@upc.test", hash: async () => "#/problems", show: (p) => p.getByRole("heading", { level: 1, name: "Register problems" }).waitFor() },
  { name: "teams-offices", user: "admin@upc.test", hash: async () => "#/offices", show: (p) => p.getByRole("button", { name: "Save offices" }).waitFor() },
];

describe("every view at 320 and 1280 px, in light, dark and high contrast", () => {
  it("the task pane's views", { timeout: 300_000 }, async () => {
    const context = await t.chrome.browser.newContext({ ignoreHTTPSErrors: true, locale: "en-GB", timezoneId: "Europe/London" });
    const problems: string[] = [];
    for (const view of PANE_VIEWS) {
      const message = await deliver(view.user, view.from, `Views check: ${view.name}`);
      for (const theme of THEMES) {
        const page = await context.newPage();
        await page.goto(`${t.server.origin}/harness.html?${new URLSearchParams({ user: view.user, message, theme })}`);
        const pane = page.frameLocator('iframe[title="UPC task pane"]');
        await pane.locator(`[data-theme="${theme}"]`).first().waitFor();
        const frameEl = page.locator('iframe[title="UPC task pane"]');
        const frame = () => page.frame({ url: /harness-pane\.html/ })!;
        problems.push(
          ...(await checkWidths(
            page,
            view.name,
            theme,
            {
              shot: frameEl,
              audit: () => wcagViolations(frame()),
              overflow: () => frame().evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
            },
            async () => {
              // At 320 the pane is Outlook's narrowest; at desktop width it is as wide as the harness gives it.
              const width = page.viewportSize()!.width;
              await frameEl.evaluate((e, w) => void Object.assign((e as HTMLElement).style, { width: w === 320 ? "320px" : "", boxSizing: "border-box" }), width);
              await view.show(pane);
            },
          )),
        );
        await page.close();
      }
    }
    await context.close();
    expect(problems).toEqual([]);
  });

  it("the Teams tab's views", { timeout: 300_000 }, async () => {
    const problems: string[] = [];
    for (const view of TAB_VIEWS) {
      const hash = await view.hash();
      for (const theme of THEMES) {
        const p = await t.open(view.user, hash);
        await p.page.goto(`${t.server.origin}/teams.html?${new URLSearchParams({ user: view.user, theme })}${hash}`);
        await view.show(p.page);
        // Dark and high contrast arrive in a chunk of their own: wait until the page is no longer light.
        if (theme !== "light") await p.page.waitForFunction(() => getComputedStyle(document.querySelector(".fui-FluentProvider")!).backgroundColor !== "rgb(255, 255, 255)");
        problems.push(
          ...(await checkWidths(
            p.page,
            view.name,
            theme,
            {
              shot: p.page,
              audit: () => wcagViolations(p.page),
              overflow: () => p.page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth),
            },
            () => view.show(p.page),
          )),
        );
        await p.close();
      }
    }
    expect(problems).toEqual([]);
  });
});
