// Offices end to end, in Chromium against the emulator with the demo data: an administrator names the council's
// offices (council-ccm-2014, section 6) to people from the directory in the Teams tab's Offices view and saves; then
// the Head of Service decides to monitor jointly with the Business Manager and the Executive Director, each named in
// their picker; once monitoring is judged unacceptable only the Chief Executive is offered the sanction, and the tab
// says so to the Head of Service. Anyone not an administrator is refused the view. The view passes axe-core's WCAG 2.2
// A and AA rules and reflows at 320 and 1280 px.
import { mkdirSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { eq } from "../../graph/client/odata";
import { queryAll } from "../../graph/repos/items";
import { readSetting } from "../../graph/repos/settings";
import { addCalendarDays, londonDateKey } from "../../shared/time/calendar";
import { getPreset } from "../../shared/presets/registry";
import { wcagViolations } from "./support/browser";
import { nameWhoTookPart, SCREENSHOTS, startTeamsE2E, type TabPage, type TeamsE2E } from "./teams/support";

let t: TeamsE2E;
beforeAll(async () => {
  t = await startTeamsE2E();
}, 180_000);
afterAll(async () => {
  t?.setClockAhead(0);
  await t?.close();
});

const ADMIN = "admin@upc.test";
const HANA = "hana.head@upc.test";
const ED = "ed.director@upc.test";
const CATH = "cath.chief@upc.test";
const DAY = 86_400_000;
const COUNCIL = getPreset("council-ccm-2014")!;
const BUSINESS_MANAGER = "The Customer & ICT Services Business Manager (decides this jointly with you)";
const EXECUTIVE_DIRECTOR = "The Executive Director, Resources & Support Services (decides this jointly with you)";

async function customerIdOf(name: string): Promise<string> {
  const rows = await queryAll<Record<string, unknown>>(t.product.admin, "customers", { filter: eq("Title", name) });
  return String(rows[0].id);
}

async function shot(p: TabPage, state: string, width: number) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await p.page.screenshot({ path: `${SCREENSHOTS}/teams-offices-${state}-${width}.png`, fullPage: true });
}

async function stepDone(page: Page, text: RegExp) {
  try {
    await page.getByRole("status").filter({ hasText: text }).first().waitFor({ timeout: 40_000 });
  } catch (e) {
    const said = await page.getByRole("alert").allInnerTexts().catch(() => []);
    throw new Error(`${(e as Error).message}\nThe page's alerts: ${JSON.stringify(said)}`, { cause: e });
  }
}

/** Every WCAG 2.2 A/AA violation, and nothing wider than the window (WCAG 2.2 1.4.10 Reflow), at this width. */
async function expectAccessibleAt(p: TabPage, width: number, where: string) {
  await p.page.setViewportSize({ width, height: 900 });
  await p.page.getByRole("button", { name: "Save offices" }).waitFor();
  const violations = await wcagViolations(p.page);
  expect(violations, `${where} at ${width} px: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
  expect(await p.page.evaluate(() => document.documentElement.scrollWidth), `${where}: page at ${width} px`).toBeLessThanOrEqual(width);
  await shot(p, where, width);
}

async function answerPreChecks(form: Locator) {
  for (const yes of await form.getByRole("radio", { name: "Yes" }).all()) await yes.check();
}

/** Chooses a person for an office in the Offices view, by the office's region and the picker's name. */
async function nameToOffice(policy: Locator, office: string, search: string, person: string) {
  const region = policy.getByRole("region", { name: office, exact: true });
  await region.getByRole("combobox", { name: `People named as ${office}` }).fill(search);
  await region.page().getByRole("option", { name: new RegExp(`^${person}`) }).click();
  await region.getByRole("option", { name: `Remove ${person}` }).waitFor();
  await region.page().keyboard.press("Escape");
}

describe("offices in the Teams tab", () => {
  it("refuses the Offices view to anyone who is not an administrator, and offers no link to it", { timeout: 60_000 }, async () => {
    const p = await t.open("dee.decider@upc.test", "#/offices");
    await p.page.getByRole("heading", { level: 1, name: "Offices" }).waitFor();
    await p.page.getByRole("alert").filter({ hasText: "Only an administrator (UPC Admins) can see or change who holds each office." }).waitFor();
    expect(await p.page.getByRole("button", { name: "Save offices" }).count()).toBe(0);
    expect(await p.page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Offices" }).count()).toBe(0);
    await p.close();
  });

  it("an administrator names the council's offices to people from the directory and saves (axe and reflow at 320 and 1280 px)", { timeout: 120_000 }, async () => {
    const p = await t.open(ADMIN, "#/queue");
    await p.page.getByRole("navigation", { name: "Sections" }).getByRole("link", { name: "Offices" }).click();
    await p.page.getByRole("heading", { level: 1, name: "Offices" }).waitFor();
    await expectAccessibleAt(p, 320, "open");
    await expectAccessibleAt(p, 1280, "open");
    const policy = p.page.getByRole("region", { name: COUNCIL.title, exact: true });
    // council-ccm-2014 s.6: "the Chief Executive may decide to apply one of the following sanctions" — a step office,
    // held by no one yet, so the role group stands in.
    await policy.getByRole("region", { name: "the Chief Executive", exact: true }).getByText("No one named yet: until someone is, anyone in UPC Deciders may act as the Chief Executive.").waitFor();
    await nameToOffice(policy, "the Head of Service for the department affected", "Hana", "Hana Head");
    await nameToOffice(policy, "the Customer & ICT Services Business Manager", "Bea B", "Bea Business");
    await nameToOffice(policy, "the Executive Director, Resources & Support Services", "Ed Dir", "Ed Director");
    await nameToOffice(policy, "the Chief Executive", "Cath", "Cath Chief");
    await policy.getByRole("region", { name: "Elected Members", exact: true }).getByRole("textbox", { name: /Groups named as Elected Members/ }).fill("Elected Members");
    await p.page.getByRole("button", { name: "Save offices" }).click();
    const saved = p.page.getByRole("status").filter({ hasText: /^Saved\.$/ }).first();
    await saved.waitFor({ timeout: 30_000 });
    expect(await saved.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await policy.getByRole("region", { name: "the Chief Executive", exact: true }).getByText(/No one named yet/).count()).toBe(0);
    const stored = await readSetting(t.product.admin, "offices");
    expect(stored.value).toMatchObject({
      "head-of-service": { people: ["hana.head@upc.test"], groups: [] },
      "business-manager": { people: ["bea.business@upc.test"], groups: [] },
      "executive-director": { people: ["ed.director@upc.test"], groups: [] },
      "chief-executive": { people: ["cath.chief@upc.test"], groups: [] },
      "elected-members": { people: [], groups: ["Elected Members"] },
    });
    await expectAccessibleAt(p, 320, "saved");
    await expectAccessibleAt(p, 1280, "saved");
    await p.close();
  });

  it("the Head of Service decides to monitor, naming the Business Manager and the Executive Director (council-ccm-2014 s.6: 'jointly decide')", { timeout: 120_000 }, async () => {
    const id = await customerIdOf("Neighbours of Elm Row");
    // A decider not named as the Head of Service is no longer offered the decision, and is told who takes it.
    const dee = await t.open("dee.decider@upc.test", `#/case/${id}`);
    await dee.page.getByText("Only the Head of Service for the department affected may decide to monitor contact under this policy.").waitFor();
    expect(await dee.page.getByRole("form", { name: "Record a decision" }).count()).toBe(0);
    await dee.close();

    const hana = await t.open(HANA, `#/case/${id}`);
    await hana.page.getByRole("heading", { level: 1, name: "Neighbours of Elm Row" }).waitFor();
    const decide = hana.page.getByRole("form", { name: "Record a decision" });
    await decide.getByRole("radio", { name: /Monitor their contact/ }).check();
    await decide.getByText("Under this policy the Head of Service for the department affected decides this, jointly with the Customer & ICT Services Business Manager and the Executive Director, Resources & Support Services.").waitFor();
    await answerPreChecks(decide);
    await decide.getByRole("checkbox", { name: /considered the customer's vulnerability/ }).check();
    await decide.getByRole("textbox", { name: /Reasons for the decision/ }).fill("Daily e-mails to twelve officers about one noise complaint, after advice on the process.");
    await decide.getByRole("button", { name: "Record decision" }).click();
    await decide.getByRole("alert", { name: "Not yet complete:" }).filter({ hasText: "Name who decided this jointly with you as the Customer & ICT Services Business Manager." }).waitFor();
    await nameWhoTookPart(decide, BUSINESS_MANAGER, "Bea B", "Bea Business");
    await nameWhoTookPart(decide, EXECUTIVE_DIRECTOR, "Ed Dir", "Ed Director");
    await decide.getByRole("button", { name: "Record decision" }).click();
    await stepDone(hana.page, /Status is now Monitoring/);
    const [decision] = (await queryAll<Record<string, unknown>>(t.product.admin, "cases", { filter: eq("CustomerLookupId", Number(id)) })).filter((c) => c.fields.Outcome === "Monitor");
    // Everyone who took part is on the record, so none of them may later review or hear an appeal on it.
    expect(decision.fields.DecidedBy).toBe(HANA);
    expect(JSON.parse(String(decision.fields.Participants)).sort()).toEqual(["bea.business@upc.test", "ed.director@upc.test", HANA]);
    await hana.close();
  });

  it("after monitoring is judged unacceptable, only the Chief Executive is offered the sanction (council-ccm-2014 s.6: 'the Chief Executive may decide to apply one of the following sanctions')", { timeout: 150_000 }, async () => {
    const id = await customerIdOf("Mary-Jane D'Arcy");
    // The demo's monitoring period ends within 30 days: the case service's clock moves past it.
    t.setClockAhead(40 * DAY);
    const ed = await t.open(ED, `#/case/${id}`);
    const judge = ed.page.getByRole("form", { name: "Judge the monitoring period" });
    await judge.getByRole("radio", { name: /Unacceptable/ }).check();
    await nameWhoTookPart(judge, BUSINESS_MANAGER, "Bea B", "Bea Business");
    await judge.getByRole("textbox", { name: /Reasons for the judgement/ }).fill("Contact continued daily through the period.");
    await judge.getByRole("button", { name: "Record judgement" }).click();
    await stepDone(ed.page, /a sanction can now be decided/i);
    await ed.close();

    const hana = await t.open(HANA, `#/case/${id}`);
    await hana.page.getByRole("heading", { level: 1, name: "Mary-Jane D'Arcy" }).waitFor();
    await hana.page.getByText("Only the Chief Executive may decide to restrict contact under this policy.").waitFor();
    expect(await hana.page.getByRole("radio", { name: /Restrict their contact/ }).count()).toBe(0);
    await shot(hana, "refused", 1280);
    await hana.close();

    const cath = await t.open(CATH, `#/case/${id}`);
    const decide = cath.page.getByRole("form", { name: "Record a decision" });
    await decide.getByRole("radio", { name: /Restrict their contact/ }).check();
    await decide.getByText("Under this policy the Chief Executive decides this.").waitFor();
    await answerPreChecks(decide);
    await decide.getByRole("checkbox", { name: /considered the customer's vulnerability/ }).check();
    await decide.getByRole("combobox", { name: "Kind of restriction" }).selectOption("ContactQuota");
    await decide.getByRole("button", { name: "Add restriction" }).click();
    await decide.getByRole("group", { name: "Forms that count" }).getByRole("checkbox", { name: "E-mail" }).check();
    await decide.getByLabel(/Ends on/).fill(addCalendarDays(londonDateKey(new Date(Date.now() + 40 * DAY)), 90));
    await decide.getByRole("textbox", { name: /Reasons for the decision/ }).fill("Monitoring showed no change; two e-mails a week keeps the council able to respond.");
    const clash = decide.getByRole("checkbox", { name: /considered the clash/ });
    if (await clash.count()) await clash.check();
    await decide.getByRole("button", { name: "Record decision" }).click();
    await stepDone(cath.page, /Status is now Restricted/);
    await cath.close();
  });
});
