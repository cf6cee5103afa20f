// Subject access in the Teams tab, end to end in Chromium against the emulator with the demo data, at 320 px and
// 1280 px: a manager finds customers by name, address and case reference, picks one, downloads the bundle, and the
// bundle's summary reads in words with staff names marked, its CSVs have headers in words, and raw.json is untouched.
import { mkdirSync, readFileSync } from "node:fs";
import type { Page } from "playwright-core";
import { takeStep } from "../../graph/caselog";
import { eq } from "../../graph/client/odata";
import { queryAll } from "../../graph/repos/items";
import { LIST_SPECS } from "../../shared/access/columns";
import { DEMO_CUSTOMERS } from "../../scripts/demo/people";
import { unzip, type UnzippedFile } from "../support/unzip";
import { SCREENSHOTS, startTeamsE2E, type TabPage, type TeamsE2E } from "./teams/support";
import { wcagViolations } from "./support/browser";

let t: TeamsE2E;
beforeAll(async () => {
  t = await startTeamsE2E();
}, 180_000);
afterAll(async () => {
  await t?.close();
});

const MO = "mo.manager@upc.test";
// Column names with an inner capital (CaseRef, StaffUpn…) are SharePoint's, never words; plain ones (Title) are both.
const INTERNAL = [...LIST_SPECS.flatMap((s) => s.columns.map((c) => c.key)), "CustomerLookupId", "CaseLookupId", "MessageId", "ProjectedSeq", "CreatedKey", "IdempotencyKey", "PresetVersion", "ActorOffices", "InternetMessageId", "ContentType", "_UIVersionString"].filter((k) => /[a-z][A-Z]|^_/.test(k));

/** Every axe-core violation (any impact) under the WCAG 2.0, 2.1 and 2.2 A and AA rules. */
async function expectWcag22(page: Page, where: string) {
  const violations = await wcagViolations(page);
  expect(violations, `${where}: ${JSON.stringify(violations, null, 1)}`).toEqual([]);
}

async function shot(p: TabPage, name: string) {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await p.page.screenshot({ path: `${SCREENSHOTS}/${name}.png`, fullPage: true });
}

async function searchFor(p: TabPage, typed: string) {
  await p.page.getByRole("textbox", { name: "Name, e-mail address or case reference" }).fill(typed);
  await p.page.getByRole("button", { name: "Search" }).click();
}

async function results(p: TabPage, names: string[]) {
  const list = p.page.getByRole("list", { name: /customers? found/ });
  await list.waitFor();
  await expect.poll(() => list.getByRole("link").allInnerTexts()).toEqual(names);
  return list;
}

/** Downloads the chosen customer's bundle and reads it back as unzip would. */
async function downloadBundle(p: TabPage, caseRef: string): Promise<{ name: string; files: Map<string, UnzippedFile> }> {
  await p.page.getByRole("heading", { name: `Export for ${caseRef}` }).waitFor();
  const [download] = await Promise.all([p.page.waitForEvent("download"), p.page.getByRole("button", { name: "Download subject access bundle (ZIP)" }).click()]);
  await p.page.getByRole("status").filter({ hasText: /records? from \d+ lists/ }).waitFor({ timeout: 30_000 });
  const files = unzip(readFileSync((await download.path())!));
  return { name: download.suggestedFilename(), files: new Map(files.map((f) => [f.name, f])) };
}

/** The tab never writes a customer's name or address to the console. */
function expectNoPersonalData(p: TabPage) {
  const text = p.console.join("\n");
  for (const c of DEMO_CUSTOMERS) {
    expect(text).not.toContain(c.name);
    for (const e of c.emails) expect(text).not.toContain(e);
  }
}

describe("Subject access in the Teams tab", () => {
  for (const width of [320, 1280]) {
    it(`finds by name, address and case reference and downloads a bundle to review, at ${width} px`, { timeout: 120_000 }, async () => {
      const mo = await t.open(MO, "#/access");
      await mo.page.setViewportSize({ width, height: 900 });
      await mo.page.getByRole("heading", { level: 1, name: "Subject access" }).waitFor();
      await mo.page.getByRole("search", { name: "Find the customer" }).waitFor();
      await shot(mo, `teams-access-search-${width}`);
      await expectWcag22(mo.page, `search at ${width} px`);
      // No sideways scrolling at 320 px (WCAG 2.2 1.4.10 Reflow).
      expect(await mo.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      // By name: how it begins, any case; several are listed with case reference, status and addresses.
      await searchFor(mo, "le");
      const found = await results(mo, ["Lech Wałęsa-Nowak", "Lee Park"]);
      expect(await mo.page.getByRole("heading", { name: /^2 customers found/ }).count()).toBe(1);
      const lee = found.getByRole("listitem").filter({ hasText: "Lee Park" });
      expect(await lee.innerText()).toMatch(/UPC-\d{4}[\s\S]*Observed[\s\S]*Known by: lee\.park@example\.kr/);
      await shot(mo, `teams-access-results-${width}`);
      await expectWcag22(mo.page, `results at ${width} px`);
      expect(await mo.page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);

      // No match, and a malformed address, in words.
      await searchFor(mo, "Whitlock");
      await mo.page.getByText("No customer's name begins with “Whitlock”.", { exact: false }).waitFor();
      await searchFor(mo, "dana.whitlock@");
      expect(await mo.page.getByRole("alert").filter({ hasText: "Cannot search for that." }).innerText()).toMatch(/is not an e-mail address/);

      // By address: the pane's own lookup.
      await searchFor(mo, "Dana.Whitlock@example.net");
      await results(mo, ["Dana Whitlock"]);

      // A step of his own in the case's log (taken once, however many widths run: the key is the same).
      const sean = String((await queryAll(t.product.admin, "customers", { filter: eq("Title", "Seán O'Brien") }))[0].id);
      const noted = await takeStep({ graph: t.product.app, siteId: "root" }, sean, { event: { type: "DetailsChanged", changes: { adjustments: "Letters in large print, sent second class." }, reason: "Asked for it on the telephone." }, actor: { upn: "dee.decider@upc.test", roles: ["Decider", "Manager", "Staff"] }, idempotencyKey: "sean-access-adjustment" });
      expect(noted.ok).toBe(true);

      // By case reference, then pick the customer: the route is #/access/<id>.
      await searchFor(mo, "upc-0001");
      const list = await results(mo, ["Seán O'Brien"]);
      await list.getByRole("link", { name: "Seán O'Brien" }).click();
      await expect.poll(() => mo.page.evaluate(() => window.location.hash)).toMatch(/^#\/access\/\d+$/);
      const { name, files } = await downloadBundle(mo, "UPC-0001");
      expect(name).toMatch(/^subject-access-UPC-0001-\d{4}-\d{2}-\d{2}\.zip$/);
      expect([...files.keys()]).toEqual(["summary.html", "customer.csv", "addresses.csv", "contacts.csv", "referrals-and-decisions.csv", "restrictions.csv", "reviews-and-appeals.csv", "letters.csv", "case-log.csv", "notices-sent.csv", "raw.json"]);
      await expectWcag22(mo.page, `export at ${width} px`);

      // raw.json: the export as it was, SharePoint's bookkeeping included; health notes withheld from a manager.
      const raw = JSON.parse(files.get("raw.json")!.text);
      expect(raw.caseRef).toBe("UPC-0001");
      expect(raw.lists.UpcContacts[0].fields["@odata.etag"]).toBeTruthy();
      expect(raw.lists.UpcSensitive).toEqual({ withheld: expect.stringMatching(/deciders only/) });
      // Every step of his log and every notice sent about him, as many as the lists hold.
      const steps = await queryAll(t.product.admin, "caseEvents", { filter: eq("CustomerLookupId", Number(sean)) });
      expect(steps.length).toBeGreaterThan(1);
      expect(raw.lists.UpcCaseEvents).toHaveLength(steps.length);
      expect(raw.lists.UpcOutbox).toHaveLength((await queryAll(t.product.admin, "outbox", { filter: eq("CustomerLookupId", Number(sean)) })).length);

      // The CSVs: headers in words, a row per record.
      const contactsCsv = files.get("contacts.csv")!.text.replace(/^\ufeff/, "").split("\r\n");
      expect(contactsCsv[0]).toBe(
        "When,Subject or summary,How,Direction,Staff member,Addressed to,Service area,Matter,Behaviours noted,Minutes,Restriction it went against,Screening,Recorded through,Notes,Staff names and addresses in this row (review before release)",
      );
      expect(contactsCsv.filter(Boolean)).toHaveLength(1 + raw.lists.UpcContacts.length);
      expect(files.get("customer.csv")!.text).toMatch(/^\ufeffName,Case reference,Kind of customer,Status,Policy applied,/);
      expect(files.get("restrictions.csv")!.text).toContain("What it means,Kind of restriction,State,Starts,Ends,Review due,");
      const logCsv = files.get("case-log.csv")!.text.replace(/^\ufeff/, "").split("\r\n").filter(Boolean);
      expect(logCsv[0]).toBe("When,Who took the step,What happened,What changed,Staff names and addresses in this row (review before release)");
      expect(logCsv).toHaveLength(1 + steps.length);
      expect(files.get("notices-sent.csv")!.text).toContain("Sent,Sent to,Kind of notice,Subject,State,Text of the notice,");

      // summary.html opened in the browser: plain words, UK dates, staff names marked, no bookkeeping or column names.
      const doc = await t.chrome.browser.newPage({ viewport: { width, height: 900 } });
      try {
        const html = files.get("summary.html")!.text;
        await doc.setContent(html);
        const text = await doc.locator("body").innerText();
        expect(text).toContain("Subject access: what the case register holds about Seán O'Brien");
        expect(text).toMatch(/Case reference\s+UPC-0001/);
        expect(text).toContain("Staff names and addresses are marked like this: review each one before the bundle is released.");
        expect(text).toMatch(/Contacts logged: \d+ records/);
        // The case's log, step by step in words: who took each step marked for review.
        expect(text).toContain(`The case's log: every step taken: ${steps.length} records`);
        expect(text).toContain("Brought onto the register from the demo register");
        const step = doc.locator(".record", { hasText: "Details changed: Asked for it on the telephone." });
        expect(await step.count()).toBe(1);
        expect(await step.innerText()).toMatch(/Who took the step\s+dee\.decider@upc\.test[\s\S]*Reasonable adjustments: from “[^”]*” to “Letters in large print, sent second class\.”/);
        expect(await step.locator("mark").allInnerTexts()).toEqual(["dee.decider@upc.test"]);
        expect(text).toContain("Notices sent");
        expect(text).toMatch(/Not included: Health and vulnerability notes are readable by deciders only/);
        expect(text).toMatch(/When\s+\d{1,2} (January|February|March|April|May|June|July|August|September|October|November|December) \d{4}, \d{2}:\d{2}/);
        expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
        expect(html).not.toContain("@odata");
        for (const key of INTERNAL) expect(text, key).not.toContain(key);
        const marked = await doc.locator("mark").allInnerTexts();
        expect(marked).toEqual(expect.arrayContaining(["Kim Officer", "kim.officer@upc.test", MO]));
        expect(marked).not.toContain("o'brien@example.org");
        expect(text).toContain("Contact only through Kim Officer");
        expect(await doc.locator("h2", { hasText: "Restrictions" }).locator("xpath=..").locator("mark", { hasText: "Kim Officer" }).count()).toBeGreaterThan(0);
        await expectWcag22(doc, `summary.html at ${width} px`);
      } finally {
        await doc.close();
      }
      expectNoPersonalData(mo);
      await mo.close();
    });
  }

  it("shows a name holding markup as text, in the results and in the bundle's summary", { timeout: 90_000 }, async () => {
    const mo = await t.open(MO, "#/access");
    await searchFor(mo, "jo.bloggs@example.org");
    const list = await results(mo, ["Jo <script>Bloggs</script>"]);
    const caseRef = (await list.getByRole("listitem").innerText()).match(/UPC-\d{4}/)![0];
    await list.getByRole("link").click();
    const { files } = await downloadBundle(mo, caseRef);
    const doc = await t.chrome.browser.newPage();
    try {
      await doc.setContent(files.get("summary.html")!.text);
      expect(await doc.locator("script").count()).toBe(0);
      expect(await doc.locator("h1").innerText()).toBe("Subject access: what the case register holds about Jo <script>Bloggs</script>");
    } finally {
      await doc.close();
    }
    await mo.close();
  });

  it("keeps subject access to managers, deciders and administrators", { timeout: 60_000 }, async () => {
    const sam = await t.open("sam.officer@upc.test", "#/access");
    await sam.page.getByText("Subject access exports are made by managers and deciders.").waitFor();
    expect(await sam.page.getByRole("textbox", { name: "Name, e-mail address or case reference" }).count()).toBe(0);
    await sam.close();
  });
});
