// Importing a register into the emulator through the real data layer: a file with problems writes nothing; the sample
// register writes customers, addresses, restrictions and reviews; running it again changes nothing; conflicts with
// what the site already holds are refused by row and column.
import { readFileSync, writeFileSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runImport } from "../../graph/cli/import";
import { importRegister } from "../../graph/import";
import type { ListItem } from "../../graph/repos/items";
import { userToken } from "../support/tokens";
import { startProduct, type Product } from "../support/product";

const SAMPLE = readFileSync(join(process.cwd(), "samples/register.csv"), "utf8");
const NOW = new Date("2026-11-22T12:00:00Z");

let p: Product;
let dir: string;
beforeAll(async () => {
  p = await startProduct();
  dir = mkdtempSync(join(tmpdir(), "upc-import-"));
});
afterAll(async () => {
  await p.close();
  rmSync(dir, { recursive: true, force: true });
});

type Fields = Record<string, unknown>;
async function items(list: string): Promise<ListItem<Fields>[]> {
  return p.admin.graph.getAll<ListItem<Fields>>(`/sites/root/lists/${list}/items?$expand=fields`);
}
async function counts() {
  const [customers, identities, restrictions, reviews] = await Promise.all(["UpcCustomers", "UpcIdentities", "UpcRestrictions", "UpcReviews"].map(async (l) => (await items(l)).length));
  return { customers, identities, restrictions, reviews };
}

describe("importing a register", () => {
  it("checks every row first and writes nothing when any row has a problem", async () => {
    const broken = SAMPLE.replace("jo.smith@example.net", "jo@").replace("Observed,cumbria-fire-2023", "Observing,cumbria-fire-2023");
    const before = await counts();
    const result = await importRegister(p.admin, broken, { now: NOW });
    expect(result.outcome).toBe("invalid");
    if (result.outcome !== "invalid") return;
    expect(result.problems).toEqual([
      `Row 3, Emails: "jo@" is not an e-mail address: it needs one @ with a name before it and a domain after it.`,
      `Row 6, Status: "Observing" is not a status (Observed, Warned, Referred, Monitoring, Restricted, Closed).`,
    ]);
    expect(await counts()).toEqual(before);
  });

  it("a dry run lists the changes and writes nothing", async () => {
    const before = await counts();
    const result = await importRegister(p.admin, SAMPLE, { now: NOW, dryRun: true });
    expect(result.outcome).toBe("planned");
    if (result.outcome !== "planned") return;
    expect(result.rows).toBe(11);
    expect(result.changes).toContain("Row 2: add UPC-1001 Seán O'Sullivan (Restricted, cumbria-fire-2023)");
    expect(result.changes).toContain("Row 5: add Vexbridge Estates Ltd with the next free case reference (Restricted, council-ccm-2014)");
    expect(result.changes).toContain("Row 5: record @vexbridge.example for Vexbridge Estates Ltd");
    expect(result.changes).toContain("Row 10: restrict Bartholomew Fenwick-Smythe: No contact until 1 December 2027");
    expect(result.changes).toContain("Row 10: review for Bartholomew Fenwick-Smythe due 1 September 2027");
    expect(result.notes).toEqual(['These columns are not imported and are left out: "Notes".']);
    expect(await counts()).toEqual(before);
  });

  it("writes customers, addresses, restrictions and reviews, keeping names, case references and line breaks", async () => {
    const before = await counts();
    const steps: string[] = [];
    const result = await importRegister(p.admin, SAMPLE, { now: NOW, onProgress: (_d, _t, s) => steps.push(s) });
    expect(result.outcome).toBe("written");
    if (result.outcome !== "written") return;
    expect(result.summary).toEqual({ customers: 11, identities: 16, restrictions: 7, reviews: 6 });
    expect(await counts()).toEqual({ customers: before.customers + 11, identities: before.identities + 16, restrictions: before.restrictions + 7, reviews: before.reviews + 6 });
    expect(steps.length).toBe(11 + 16 + 7 + 6);

    const customers = await items("UpcCustomers");
    const byName = (n: string) => customers.find((c) => c.fields.Title === n)!;
    expect(byName("Smith, Jo").fields).toMatchObject({ Status: "Warned", PolicyId: "council-ccm-2014", ServiceAreas: "Housing" });
    expect(byName('Dave "Tiger" Jones').fields).toMatchObject({ CaseRef: "UPC-1003", StaffGuidance: "Log every call.\nPass planning queries to the case officer, not the duty planner.", MonitoringEnds: "2027-01-31T00:00:00Z" });
    expect(byName("Seán O'Sullivan").fields).toMatchObject({ CaseRef: "UPC-1001", SpocUpn: "kim.officer@upc.test", SpocName: "Kim Officer", Adjustments: "Prefers large-print letters." });
    expect(byName("Vexbridge Estates Ltd").fields).toMatchObject({ Kind: "Organisation", AllowedChannels: ["Letter"] });

    const identities = await items("UpcIdentities");
    const owner = (value: string) => identities.find((i) => i.fields.Title === value)?.fields;
    expect(owner("@vexbridge.example")).toMatchObject({ Kind: "Domain", CustomerName: "Vexbridge Estates Ltd", CustomerStatus: "Restricted" });
    expect(owner("+441619460123") ?? owner("+441614960123")).toMatchObject({ Kind: "Phone", CustomerName: "Kwame Mensah" });
    expect(owner("s.osullivan@mail.example")).toMatchObject({ CaseRef: "UPC-1001" });

    const restrictions = (await items("UpcRestrictions")).filter((r) => String(r.fields.CustomerLookupId) === byName("Seán O'Sullivan").id);
    expect(restrictions.map((r) => r.fields.Title).sort()).toEqual(["Calls limited to 15 minutes", "Calls only Tuesday 10:00–12:00 or Thursday 14:00–16:00", "Contact only through Kim Officer"]);
    const reviews = (await items("UpcReviews")).filter((r) => String(r.fields.CustomerLookupId) === byName("Seán O'Sullivan").id);
    expect(reviews.map((r) => [r.fields.Kind, r.fields.DueBy])).toEqual([["ScheduledReview", "2027-03-01T00:00:00Z"]]);
  });

  it("running it again changes nothing", async () => {
    const before = await counts();
    const result = await importRegister(p.admin, SAMPLE, { now: new Date("2026-12-01T09:00:00Z") });
    expect(result.outcome).toBe("planned");
    if (result.outcome !== "planned") return;
    expect(result.changes).toEqual([]);
    expect(await counts()).toEqual(before);
  });

  it("adds only what is missing to a customer already on record, and keeps the record's own details", async () => {
    const edited = SAMPLE.replace("CallLength: 15 minutes", "CallLength: 15 minutes; Witness").replace("Zoë Ångström,Individual,Observed", "Zoë Ångström,Individual,Warned");
    const result = await importRegister(p.admin, edited, { now: NOW });
    expect(result.outcome).toBe("written");
    if (result.outcome !== "written") return;
    expect(result.changes).toEqual(["Row 2: restrict UPC-1001 Seán O'Sullivan: Personal contact only with a witness present"]);
    expect(result.notes.some((n) => /^Row 6: UPC-\d+ is already on the site and is kept as it is there \(the sheet differs in Status \(Observed on record\)\)\.$/.test(n))).toBe(true);
  });

  it("refuses an address that the site already holds for another customer", async () => {
    const other = ["Name,Status,Policy,Emails,Case ref", "Jo Other,Observed,council-ccm-2014,jo.smith@example.net,UPC-2001", "Ann Lee,Observed,council-ccm-2014,ann.lee@example.org; director@vexbridge.example,"].join("\r\n");
    const before = await counts();
    const result = await importRegister(p.admin, other, { now: NOW });
    expect(result.outcome).toBe("invalid");
    if (result.outcome !== "invalid") return;
    expect(result.problems).toEqual([
      expect.stringMatching(/^Row 2, Emails: jo\.smith@example\.net is already recorded against UPC-\d{4} \(Smith, Jo\), not UPC-2001\.$/),
      expect.stringMatching(/^Row 3, Emails: director@vexbridge\.example is already recorded against UPC-\d{4} \(Vexbridge Estates Ltd\); if this row is that customer, give it that case reference \(or the same name\)\.$/),
    ]);
    expect(await counts()).toEqual(before);
  });
});

describe("npm run import", () => {
  const env = () => ({ GRAPH_BASE_URL: p.emu.url, GRAPH_TOKEN: userToken("admin@upc.test") });

  it("lists each problem by row and column and exits 1", async () => {
    const file = join(dir, "bad.csv");
    writeFileSync(file, "\uFEFFName,Status,Policy,Email\r\nJo Bloggs,Warned,council-ccm-2014,jo@\r\n");
    const out: string[] = [];
    const err: string[] = [];
    const code = await runImport({ argv: [file], env: env(), out: (l) => out.push(l), err: (l) => err.push(l), progress: () => {}, now: NOW });
    expect(code).toBe(1);
    expect(err).toEqual([
      "1 problem found; nothing was written. Rows are numbered as in the spreadsheet (the header is row 1).",
      `  - Row 2, Email: "jo@" is not an e-mail address: it needs one @ with a name before it and a domain after it.`,
    ]);
  });

  it("says there is nothing to change for a register already imported", async () => {
    const out: string[] = [];
    const code = await runImport({ argv: ["samples/register.csv", "--dry-run"], env: env(), out: (l) => out.push(l), err: () => {}, progress: () => {}, now: NOW });
    expect(code).toBe(0);
    expect(out.at(-1)).toBe("Nothing to change: all 11 rows are already on the site.");
  });

  it("asks for the file when none is given", async () => {
    const err: string[] = [];
    expect(await runImport({ argv: ["--dry-run"], env: env(), err: (l) => err.push(l) })).toBe(2);
    expect(err[0]).toMatch(/^Give the register to import/);
  });
});
