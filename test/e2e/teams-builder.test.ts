// The restriction builder end to end, as a decider in Chromium against the emulator with the demo data: no problem shown
// before anything is typed, a clear one on Save when the named officer is missing, the officer chosen from the directory
// by typing part of their name, and the decision letter giving their work e-mail and phone; at 320 and 1280 px, with
// axe-core's WCAG 2.2 AA rules.
import { mkdirSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { eq } from "../../graph/client/odata";
import { queryAll } from "../../graph/repos/items";
import { wcagViolations } from "./support/browser";
import { nameWhoTookPart, SCREENSHOTS, startTeamsE2E, type TabPage, type TeamsE2E } from "./teams/support";

let t: TeamsE2E;
beforeAll(async () => {
  t = await startTeamsE2E();
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const DEE = "dee.decider@upc.test";
// Southampton's policy: a decider restricts straight from a referral, no warning needed, a named officer allowed.
const CUSTOMER = "Aisha Rahman";
const MISSING_OFFICER = "Choose the named officer: type part of their name and pick them from the list.";
const DECIDE_FORM = 'form[aria-labelledby="decide-heading"]';
const DECISION_LETTER = 'section[aria-labelledby="letter-Restriction"]';

async function customerId(): Promise<string> {
  const rows = await queryAll<Record<string, unknown>>(t.product.admin, "customers", { filter: eq("Title", CUSTOMER) });
  return String(rows[0].id);
}

async function shot(p: TabPage, state: string, width: number) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await p.page.screenshot({ path: `${SCREENSHOTS}/teams-builder-${state}-${width}.png`, fullPage: true });
}

/** Every violation of axe-core's WCAG 2.2 A and AA rules, whatever its impact, in the parts this test is about and in the whole page. */
async function expectWcag(page: Page, where: string, parts: string[]) {
  const mine = await wcagViolations(page, parts);
  expect(mine, `${where}: ${JSON.stringify(mine, null, 1)}`).toEqual([]);
  const whole = await wcagViolations(page);
  expect(whole, `${where}, whole page: ${JSON.stringify(whole, null, 1)}`).toEqual([]);
}

/** What sticks out past the right edge at this width, innermost first, to say what breaks reflow. */
async function wider(page: Page, width: number): Promise<string[]> {
  return page.evaluate((w) => {
    const out: string[] = [];
    for (const el of Array.from(document.querySelectorAll("body *"))) {
      const r = el.getBoundingClientRect();
      if (r.right > w + 0.5 && r.width > 0 && !Array.from(el.children).some((c) => c.getBoundingClientRect().right > w + 0.5)) out.push(`${el.tagName.toLowerCase()}.${el.className} "${(el.textContent ?? "").slice(0, 40)}" ${Math.round(r.right)}`);
    }
    return out.slice(0, 8);
  }, width);
}

async function stepDone(page: Page, text: RegExp) {
  try {
    await page.getByRole("status").filter({ hasText: text }).first().waitFor({ timeout: 40_000 });
  } catch (e) {
    const said = await page.getByRole("alert").allInnerTexts().catch(() => []);
    throw new Error(`${(e as Error).message}\nThe page's alerts: ${JSON.stringify(said)}`, { cause: e });
  }
}

/** Opens the case at a width, chooses to restrict, and adds a named-officer restriction. */
async function openBuilder(width: number): Promise<{ p: TabPage; decide: Locator }> {
  const p = await t.open(DEE, `#/case/${await customerId()}`);
  await p.page.setViewportSize({ width, height: 900 });
  await p.page.getByRole("heading", { level: 1, name: CUSTOMER }).waitFor();
  const decide = p.page.getByRole("form", { name: "Record a decision" });
  await decide.getByRole("radio", { name: /Restrict their contact/ }).check();
  await decide.getByRole("combobox", { name: "Kind of restriction" }).selectOption("NamedOfficer");
  await decide.getByRole("button", { name: "Add restriction" }).click();
  await decide.getByRole("group", { name: /Restriction 1: Named officer or generic inbox/ }).waitFor();
  return { p, decide };
}

/** Types part of a name into the named-officer picker and chooses the person by their option. */
async function pickOfficer(p: TabPage, decide: Locator) {
  const picker = decide.getByRole("combobox", { name: "Named officer" });
  await picker.fill("O'Bri");
  await p.page.getByRole("option", { name: /^Niamh O'Brien/ }).click();
  await decide.getByRole("option", { name: "Remove Niamh O'Brien" }).waitFor();
  await decide.getByText("In plain words: Contact only through Niamh O'Brien").waitFor();
  await p.page.keyboard.press("Escape");
}

describe("the restriction builder, as a decider", () => {
  it("shows nothing wrong before typing, a clear problem on Save, and takes the officer from the directory (320 px)", { timeout: 90_000 }, async () => {
    const { p, decide } = await openBuilder(320);
    expect(await decide.getByRole("alert").count()).toBe(0);
    expect(await decide.getByText(MISSING_OFFICER).count()).toBe(0);
    await shot(p, "open", 320);
    await expectWcag(p.page, "builder opened at 320 px", [DECIDE_FORM]);
    // The decision form and its builder reflow at 320 px (WCAG 2.2 1.4.10): nothing in them is wider than the tab.
    // (The case page's contacts-per-week table above it is wider; that is another part of the tab.)
    const box = await decide.evaluate((el) => ({ right: el.getBoundingClientRect().right, scroll: el.scrollWidth, client: el.clientWidth }));
    expect(box.right, JSON.stringify(await wider(p.page, 320))).toBeLessThanOrEqual(320);
    const inside = await decide.evaluate((form) => {
      const edge = form.getBoundingClientRect().right;
      return Array.from(form.querySelectorAll("*"))
        .filter((el) => el.getBoundingClientRect().right > edge + 0.5 && !Array.from(el.children).some((c) => c.getBoundingClientRect().right > edge + 0.5))
        .map((el) => `${el.tagName.toLowerCase()}.${String(el.className).slice(0, 40)} "${(el.textContent ?? "").slice(0, 40)}" ${Math.round(el.getBoundingClientRect().right)}`)
        .slice(0, 8);
    });
    expect(box.scroll, JSON.stringify(inside)).toBeLessThanOrEqual(box.client);

    await decide.getByRole("button", { name: "Record decision" }).click();
    await decide.getByRole("alert").filter({ hasText: `Restriction 1: ${MISSING_OFFICER}` }).waitFor();
    await decide.getByRole("group", { name: /Restriction 1/ }).getByText(MISSING_OFFICER).first().waitFor();
    await shot(p, "error", 320);
    await expectWcag(p.page, "missing officer at 320 px", [DECIDE_FORM]);

    await pickOfficer(p, decide);
    expect(await decide.getByRole("group", { name: /Restriction 1/ }).getByText(MISSING_OFFICER).count()).toBe(0);
    await shot(p, "picked", 320);
    await expectWcag(p.page, "officer chosen at 320 px", [DECIDE_FORM]);
    // The chosen officer is a tag (Fluent's TagPicker gives it role "option" in a listbox); Delete takes them off again.
    await decide.getByRole("option", { name: "Remove Niamh O'Brien" }).focus();
    await p.page.keyboard.press("Delete");
    await expect.poll(() => decide.getByRole("option", { name: "Remove Niamh O'Brien" }).count()).toBe(0);
    await p.close();
  });

  it("records the decision and the decision letter gives the officer's work e-mail and phone (1280 px)", { timeout: 120_000 }, async () => {
    const { p, decide } = await openBuilder(1280);
    expect(await decide.getByRole("alert").count()).toBe(0);
    await shot(p, "open", 1280);
    await expectWcag(p.page, "builder opened at 1280 px", [DECIDE_FORM]);

    await decide.getByRole("button", { name: "Record decision" }).click();
    await decide.getByRole("alert").filter({ hasText: `Restriction 1: ${MISSING_OFFICER}` }).waitFor();
    await shot(p, "error", 1280);
    await expectWcag(p.page, "missing officer at 1280 px", [DECIDE_FORM]);

    await pickOfficer(p, decide);
    await shot(p, "picked", 1280);
    await expectWcag(p.page, "officer chosen at 1280 px", [DECIDE_FORM]);

    const checks = decide.getByRole("group", { name: "Before applying the policy" });
    if (await checks.count()) for (const yes of await checks.getByRole("radio", { name: "Yes" }).all()) await yes.check();
    await decide.getByRole("checkbox", { name: /considered the customer's vulnerability/ }).check();
    // southampton-2018: "The CRM will consider the referral, in consultation with the Head of Service, Legal Services Partnerships".
    await nameWhoTookPart(decide, "The Head of Service, Legal Services Partnership (consulted)", "Lee Le", "Lee Legal");
    await decide.getByRole("textbox", { name: /Reasons for the decision/ }).fill("Repeated calls to six officers about one housing repair; one named officer keeps the advice consistent.");
    await decide.getByRole("button", { name: "Record decision" }).click();
    await stepDone(p.page, /Status is now Restricted/);

    const rows = await queryAll<Record<string, unknown>>(t.product.admin, "restrictions", { filter: eq("CustomerLookupId", Number(await customerId())) });
    const named = rows.map((r) => JSON.parse(String(r.fields.Params))).find((x) => x.kind === "NamedOfficer");
    expect(named.target).toEqual({ kind: "Person", upn: "niamh.obrien@upc.test", name: "Niamh O'Brien", phone: "020 7946 0011" });

    const letter = p.page.getByRole("region", { name: "Decision letter (owed)" });
    const spoc = letter.getByRole("textbox", { name: /single point of contact/ });
    await spoc.waitFor();
    const text = await spoc.inputValue();
    expect(text).toContain("Niamh O'Brien");
    expect(text).toContain("niamh.obrien@upc.test");
    expect(text).toContain("020 7946 0011");
    await shot(p, "letter", 1280);
    await expectWcag(p.page, "decision letter at 1280 px", [DECISION_LETTER]);
    await p.page.setViewportSize({ width: 320, height: 900 });
    await shot(p, "letter", 320);
    await expectWcag(p.page, "decision letter at 320 px", [DECISION_LETTER]);
    await p.close();
  });
});
