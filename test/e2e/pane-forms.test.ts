// The pane's forms sized for a pane, in Chromium at 320 px and 1280 px: behaviours under collapsible headings with a
// search, the breach verdict live at the top, GOV.UK's error summary, and focus on the result after Save.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { BrowserContext, FrameLocator, Frame, Locator, Page } from "playwright-core";
import { launchChromium, newContext, screenshot, wcagViolations, type Chromium } from "./support/browser";
import { startAddinStack, type AddinStack } from "./support/stack";

let stack: AddinStack;
let chrome: Chromium;
let ctx: BrowserContext;
let mailNo = 0;

beforeAll(async () => {
  [stack, chrome] = await Promise.all([startAddinStack(), launchChromium()]);
  ctx = await newContext(chrome.browser);
}, 180_000);

afterAll(async () => {
  await ctx?.close();
  await chrome?.close();
  await stack?.close();
});

/**
 * Cumbria's referral form for Tom Allardyce at 320 px, measured in this harness: 2,830 px before (every tick box open),
 * 1,036 px with its groups closed, 1,072 px once "Other (describe)" sat below them. The bound leaves room for font
 * differences, not for a list left open.
 */
const COLLAPSED_REFERRAL_MAX_320 = 1_100;

async function deliver(from: { name: string; address: string }, subject: string): Promise<string> {
  const internetMessageId = `<pane-forms-${Date.now()}-${++mailNo}@mail.example>`;
  const [id] = await stack.product.emu.mail.deliver({ to: ["sam.officer@upc.test"], from, subject, body: subject, internetMessageId });
  return id;
}

interface Opened {
  page: Page;
  pane: FrameLocator;
  frame: Frame;
}

async function open(from: { name: string; address: string }, width: number, flag: "flagged" | "unknown" = "flagged"): Promise<Opened> {
  const messageId = await deliver(from, "About my case, again");
  const page = await ctx.newPage();
  await page.goto(stack.harness("sam.officer@upc.test", messageId));
  const iframe = page.locator('iframe[title="UPC task pane"]');
  // Outlook's narrowest pane, or a wide one; tall enough that the whole form is laid out and photographed.
  await iframe.evaluate((e, w) => void Object.assign((e as HTMLElement).style, { width: `${w}px`, height: "2400px", boxSizing: "border-box" }), width);
  const pane = page.frameLocator('iframe[title="UPC task pane"]');
  await pane.locator(`[data-flag-for="${messageId}"][data-flag-state="${flag}"]`).waitFor({ timeout: 20_000 });
  return { page, pane, frame: page.frame({ url: /harness-pane\.html/ })! };
}

/** Every WCAG 2.2 A and AA rule axe-core has, whatever its impact, as lines to print. */
async function wcagLines(frame: Frame): Promise<string[]> {
  return (await wcagViolations(frame)).map((v) => `${v.id} (${v.impact}) ${v.help} at ${JSON.stringify(v.nodes.slice(0, 3).map((n) => n.target))}`);
}

/** Screenshot and accessibility check of one state of a form. */
async function state(o: Opened, name: string, width: number, problems: string[]): Promise<void> {
  await screenshot(o.page.locator('iframe[title="UPC task pane"]'), `pane-form-${name}-${width}`);
  for (const v of await wcagLines(o.frame)) problems.push(`${name} at ${width}px: ${v}`);
}

const heightOf = (l: Locator) => l.evaluate((e) => Math.round(e.getBoundingClientRect().height));
const focusedId = (frame: Frame) => frame.evaluate(() => document.activeElement?.id ?? "");
const focusedIs = (frame: Frame, selector: string) => frame.evaluate((s) => !!document.activeElement?.closest(s), selector);

describe.each([
  { width: 320, referrer: { name: "Tom Allardyce", address: "tom.allardyce@example.co.uk" } },
  { width: 1280, referrer: { name: "Greta Lindqvist", address: "greta@example.se" } },
])("the pane's forms at $width px", ({ width, referrer }) => {
  it("refers a case: grouped behaviours with a search, “Other (describe)” with its description, every problem at once with links, focus on the result", async () => {
    const o = await open(referrer, width);
    await o.pane.getByRole("heading", { name: referrer.name, exact: true }).waitFor();
    const { pane, frame } = o;
    const problems: string[] = [];
    await pane.getByRole("button", { name: "Refer a case" }).click();
    const form = pane.getByRole("form", { name: /Refer a case under Cumbria Fire and Rescue Service's policy/ });
    const groups = ["What their contact is like", "Unacceptable behaviour", "Actions that can lead to the policy being used"];
    const header = (label: string) => form.getByRole("button", { name: new RegExp(`^${label} \\(\\d+ of \\d+ ticked\\)$`) });

    // Collapsed: the three headings with their counts, no tick box of a closed group on show.
    for (const g of groups) expect(await header(g).getAttribute("aria-expanded")).toBe("false");
    await expect.poll(() => form.getByRole("checkbox", { name: "Refusing to accept a decision" }).isVisible()).toBe(false);
    const collapsed = await heightOf(form);
    await state(o, "referral-collapsed", width, problems);

    // Save with nothing filled in: GOV.UK's summary at the top, focused, a link per problem, each field's own message.
    await form.getByRole("button", { name: "Refer case", exact: true }).click();
    const summary = form.locator("[data-error-summary]");
    await summary.getByRole("heading", { name: "There is a problem" }).waitFor();
    await expect.poll(() => focusedIs(frame, "[data-error-summary]")).toBe(true);
    const links = summary.getByRole("link");
    expect(await links.allInnerTexts()).toEqual(["Choose at least one behaviour from the policy that this referral is about.", "Write a short summary of what has happened, with the evidence."]);
    const summaryBox = (await summary.boundingBox())!;
    expect(summaryBox.y).toBeLessThan((await form.getByRole("heading", { name: /Refer a case under/ }).boundingBox())!.y);
    await form.getByRole("group", { name: "Behaviours this referral is about" }).getByText("Choose at least one behaviour from the policy that this referral is about.").waitFor();
    await form.getByText("Write a short summary of what has happened, with the evidence.").nth(1).waitFor();
    await state(o, "referral-errors", width, problems);
    await summary.getByRole("link", { name: /Write a short summary/ }).click();
    await expect.poll(() => focusedId(frame)).toBe("upc-refer-summary");
    await summary.getByRole("link", { name: /Choose at least one behaviour/ }).click();
    await expect.poll(() => focusedId(frame)).toBe("upc-refer-behaviour-find");

    // The search filters the list and opens the groups that match; a ticked behaviour stays when the search changes.
    const find = form.getByRole("searchbox", { name: "Find a behaviour" });
    await find.fill("record");
    await form.getByRole("status").getByText("1 behaviour matches.").waitFor();
    expect(await header(groups[2]).getAttribute("aria-expanded")).toBe("true");
    expect(await header(groups[0]).count()).toBe(0);
    const actions = form.getByRole("group", { name: groups[2] });
    expect(await actions.getByRole("checkbox").count()).toBe(1);
    await actions.getByRole("checkbox", { name: "Electronically recording meetings and conversations without the prior knowledge and consent of the other persons involved" }).waitFor();
    await state(o, "referral-search", width, problems);
    await form.getByRole("checkbox", { name: "Electronically recording meetings and conversations without the prior knowledge and consent of the other persons involved" }).check();
    await find.fill("calls");
    await form.getByRole("checkbox", { name: /Sending a high volume of letters, emails and\/or phone calls/ }).waitFor();
    await form.getByRole("checkbox", { name: "Electronically recording meetings and conversations without the prior knowledge and consent of the other persons involved" }).waitFor();
    await find.fill("");
    await header(groups[2]).filter({ hasText: "(1 of 18 ticked)" }).waitFor();

    // Each heading opens and closes its group.
    const first = header(groups[0]);
    await first.click();
    expect(await first.getAttribute("aria-expanded")).toBe("true");
    await form.getByRole("checkbox", { name: "Complaints, requests or enquiries that are obviously vexatious in nature" }).waitFor();
    await first.click();
    expect(await first.getAttribute("aria-expanded")).toBe("false");
    await form.getByRole("checkbox", { name: "Complaints, requests or enquiries that are obviously vexatious in nature" }).waitFor({ state: "hidden" });
    for (const g of groups) if ((await header(g).getAttribute("aria-expanded")) === "false") await header(g).click();
    const expanded = await heightOf(form);
    await state(o, "referral-expanded", width, problems);
    for (const g of groups) await header(g).click();
    console.log(`referral form at ${width}px: ${collapsed} px with its groups closed, ${expanded} px with all open`);
    expect(collapsed).toBeLessThan(expanded - 400);
    if (width === 320) expect(collapsed).toBeLessThan(COLLAPSED_REFERRAL_MAX_320);

    // Cumbria calls its indicators "the examples given in the definitions section" (2.2 The Process): a behaviour
    // outside the list is "Other (describe)", and its description is required before the referral goes.
    const behaviourGroup = form.getByRole("group", { name: "Behaviours this referral is about" });
    await behaviourGroup.getByRole("checkbox", { name: "Other (describe)" }).check();
    const describeBox = behaviourGroup.getByRole("textbox", { name: /Describe the behaviour/ });
    await describeBox.waitFor();
    await form.getByRole("textbox", { name: /Summary/ }).fill("Records every call without consent; see the log.");
    await form.getByRole("button", { name: "Refer case", exact: true }).click();
    await summary.getByRole("heading", { name: "There is a problem" }).waitFor();
    expect(await summary.getByRole("link").allInnerTexts()).toEqual(["Describe the behaviour you ticked as “Other”."]);
    await state(o, "referral-other-missing", width, problems);
    await summary.getByRole("link", { name: /Describe the behaviour/ }).click();
    await expect.poll(() => focusedId(frame)).toBe("upc-refer-behaviour-other-description");
    await describeBox.fill("Leaves voicemails pretending to be <b>a solicitor</b>");

    // A good referral: the form closes and focus is on the result, in a status region.
    await form.getByRole("button", { name: "Refer case", exact: true }).click();
    const saved = pane.getByRole("status").filter({ hasText: /The case is referred: .+ is now Referred\./ });
    await saved.waitFor({ timeout: 20_000 });
    await expect.poll(() => focusedIs(frame, "[data-saved-message]")).toBe(true);
    await state(o, "referral-saved", width, problems);
    expect(problems).toEqual([]);
    await o.page.close();
  });

  it("logs a call: the breach verdict at the top follows the channel; the date's problem is linked; focus on the result", async () => {
    const o = await open({ name: "Hal Pemberton", address: "hal.pemberton@example.org" }, width);
    const { pane, frame } = o;
    const problems: string[] = [];
    await pane.getByRole("button", { name: "Log a call, visit or letter" }).click();
    const form = pane.getByRole("form", { name: "Log a call, visit or letter" });
    const verdict = form.locator("[data-breach-verdict]");
    const how = form.getByRole("combobox", { name: "How" });

    // Letters are the one channel Hal may use: no breach, said in words beside a tick; a call breaks that.
    await how.selectOption("Letter");
    await verdict.getByText("No breach. This contact breaches no restriction.").waitFor();
    expect(await verdict.getAttribute("role")).toBe("status");
    expect(await verdict.getAttribute("aria-live")).toBe("polite");
    expect((await verdict.boundingBox())!.y).toBeLessThan((await how.boundingBox())!.y);
    await state(o, "log-no-breach", width, problems);
    await how.selectOption("Phone");
    await verdict.getByText(/^Breach\. This contact breaches: .*Letters only/).waitFor();
    expect(await verdict.getAttribute("data-breach-verdict")).toBe("breach");
    expect(await verdict.locator('svg[aria-hidden="true"]').count()).toBe(1);
    await state(o, "log-breach", width, problems);

    console.log(`log form at ${width}px: ${await heightOf(form)} px with its behaviour groups closed`);

    // Without a date: the summary, focused, links to the date.
    await form.getByLabel("When").fill("");
    await form.getByRole("button", { name: "Save contact" }).click();
    const summary = form.locator("[data-error-summary]");
    await summary.getByRole("heading", { name: "There is a problem" }).waitFor();
    await expect.poll(() => focusedIs(frame, "[data-error-summary]")).toBe(true);
    expect(await summary.getByRole("link").allInnerTexts()).toEqual(["Give the date and time of the contact."]);
    await state(o, "log-errors", width, problems);
    await summary.getByRole("link", { name: "Give the date and time of the contact." }).click();
    await expect.poll(() => focusedId(frame)).toBe("upc-log-when");

    await form.getByLabel("When").fill("2026-11-30T10:15");
    await form.getByRole("button", { name: "Save contact" }).click();
    await pane.getByRole("status").filter({ hasText: /The contact is logged, with the breach recorded/ }).waitFor({ timeout: 20_000 });
    await expect.poll(() => focusedIs(frame, "[data-saved-message]")).toBe(true);
    await state(o, "log-saved", width, problems);
    expect(problems).toEqual([]);
    await o.page.close();
  });

  it("starts a log: a name left out is listed at the top and its link goes to the name", async () => {
    const o = await open({ name: "", address: `newcomer.${width}@example.net` }, width, "unknown");
    const { pane, frame } = o;
    const problems: string[] = [];
    await pane.getByRole("button", { name: "Start a contact log…" }).click();
    const form = pane.getByRole("form", { name: "Start a contact log" });
    await form.getByRole("button", { name: "Start the log and log this e-mail" }).click();
    const summary = form.locator("[data-error-summary]");
    await summary.getByRole("heading", { name: "There is a problem" }).waitFor();
    await expect.poll(() => focusedIs(frame, "[data-error-summary]")).toBe(true);
    await state(o, "start-log-errors", width, problems);
    await summary.getByRole("link", { name: "Give the sender's name as it should appear on the register." }).click();
    await expect.poll(() => focusedId(frame)).toBe("upc-start-name");
    expect(problems).toEqual([]);
    await o.page.close();
  });
});
