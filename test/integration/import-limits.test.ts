// Import is all-or-nothing against everything the real run would meet (issue: a 70,000-character StaffGuidance
// passed the dry run and the real run stopped after two rows; a Windows-1252 file was stored as "Se�n D�sir�e"; a
// RetainUntil in the past was accepted and purged at the next tick). SharePoint's limits: a single line of text
// holds 255 characters, a multiple-lines column 63,999 (Microsoft Learn, "SharePoint limits").
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runImport } from "../../graph/cli/import";
import { importRegister } from "../../graph/import";
import { userToken } from "../support/tokens";
import { startProduct, type Product } from "../support/product";

const NOW = new Date("2026-11-22T12:00:00Z");
const HEADER = "Case ref,Name,Status,Policy,Emails,Restrictions,Restrictions until,Review due,Monitoring ends,Retain until,Staff guidance";

let p: Product;
let dir: string;
beforeAll(async () => {
  p = await startProduct();
  dir = mkdtempSync(join(tmpdir(), "upc-import-limits-"));
});
afterAll(async () => {
  await p.close();
  rmSync(dir, { recursive: true, force: true });
});

async function customers(): Promise<string[]> {
  const rows = await p.admin.graph.getAll<{ fields: { Title: string } }>(`/sites/root/lists/UpcCustomers/items?$expand=fields`);
  return rows.map((r) => r.fields.Title);
}

const csv = (...rows: string[]) => [HEADER, ...rows].join("\r\n");

describe("import limits are found by the dry run, and the real run then writes nothing", () => {
  it("a 70,000-character staff guidance is named by row and column in the dry run and in the real run", async () => {
    const file = csv(
      "UPC-3001,Ann First,Observed,council-ccm-2014,ann.first@example.org,,,,,,Fine",
      "UPC-3002,Ben Second,Observed,council-ccm-2014,ben.second@example.org,,,,,,Also fine",
      `UPC-3003,Cal Third,Observed,council-ccm-2014,cal.third@example.org,,,,,,"${"x".repeat(70_000)}"`,
    );
    const before = await customers();
    for (const dryRun of [true, false]) {
      const result = await importRegister(p.admin, file, { now: NOW, dryRun });
      expect(result.outcome).toBe("invalid");
      if (result.outcome !== "invalid") return;
      expect(result.problems).toEqual([
        "Row 4, Staff guidance: this cell is 70,000 characters long and the register holds at most 10,000 here. Shorten it (a long note can live in a document, with its name here).",
      ]);
    }
    expect(await customers()).toEqual(before);
  });

  it("a name over SharePoint's 255 characters is refused before writing", async () => {
    const result = await importRegister(p.admin, csv(`UPC-3004,${"N".repeat(256)},Observed,council-ccm-2014,n@example.org,,,,,,`), { now: NOW, dryRun: true });
    expect(result.outcome === "invalid" && result.problems).toEqual(["Row 2, Name: this cell is 256 characters long and SharePoint holds at most 255 here. Shorten it (a long note can live in a document, with its name here)."]);
  });

  it("a row with more addresses than one step holds is refused with a way forward", async () => {
    const many = Array.from({ length: 201 }, (_, i) => `a${i}@example.org`).join("; ");
    const result = await importRegister(p.admin, csv(`UPC-3005,Dee Many,Observed,council-ccm-2014,"${many}",,,,,,`), { now: NOW, dryRun: true });
    expect(result.outcome === "invalid" && result.problems).toEqual(["Row 2: the row holds 201 addresses; one customer can be imported with at most 200. Import the rest as a second file once this one is in."]);
  });

  it("dates already past, where the product would act at once, are refused with the fix", async () => {
    const before = await customers();
    const result = await importRegister(
      p.admin,
      csv(
        "UPC-3010,Eve Retained,Closed,council-ccm-2014,eve@example.org,,,,,01/01/2020,",
        "UPC-3011,Fay Overdue,Restricted,council-ccm-2014,fay@example.org,NoContact,01/06/2027,01/10/2026,,,",
        "UPC-3012,Gus Lapsed,Restricted,council-ccm-2014,gus@example.org,NoContact,01/11/2026,01/03/2027,,,",
        "UPC-3013,Hal Monitored,Monitoring,council-ccm-2014,hal@example.org,,,,01/11/2026,,",
      ),
      { now: NOW, dryRun: true },
    );
    expect(result.outcome).toBe("invalid");
    if (result.outcome !== "invalid") return;
    expect(result.problems).toEqual([
      "Row 2, Retain until: 01/01/2020 has already passed, so the customer's record would be deleted as soon as the row is imported. Give the date the record may be deleted from, or leave the cell empty so the policy's retention period applies.",
      "Row 3, Review due: 01/10/2026 has already passed, so the restrictions would be overdue for review as soon as the row is imported. Hold the review first and give the date the next one is due.",
      "Row 4, Restrictions until: 01/11/2026 has already passed, so the restrictions would lapse as soon as the row is imported. If they have ended, import the customer as Closed or Observed; otherwise give the date they now end.",
      "Row 5, Monitoring ends: 01/11/2026 has already passed, so the end-of-monitoring review would open as soon as the row is imported. Give the date monitoring now ends, or import the outcome as the customer's status.",
    ]);
    expect(await customers()).toEqual(before);
  });

  it("a person who may not import is told so by the dry run, not half-way through the real run", async () => {
    const result = await importRegister(p.siteAs("sam.officer@upc.test"), csv("UPC-3020,Ivy Officer,Observed,council-ccm-2014,ivy@example.org,,,,,,"), { now: NOW, dryRun: true });
    expect(result.outcome).toBe("invalid");
    if (result.outcome !== "invalid") return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^Row 2: .*(administrator|admin)/i);
  });
});

describe("the file's encoding", () => {
  const env = () => ({ GRAPH_BASE_URL: p.emu.url, GRAPH_TOKEN: userToken("admin@upc.test") });
  // "Seán Désirée" as Excel's plain "CSV (Comma delimited)" saves it: Windows-1252, é = 0xE9, á = 0xE1.
  const windows1252 = Buffer.concat([Buffer.from("Name,Status,Policy,Emails\r\nJo Bloggs,Observed,council-ccm-2014,jo@example.org\r\nSe"), Buffer.from([0xe1]), Buffer.from("n D"), Buffer.from([0xe9]), Buffer.from("sir"), Buffer.from([0xe9]), Buffer.from("e,Observed,council-ccm-2014,sean@example.org\r\n")]);

  it("a Windows-1252 file is refused with its line and the plain fix, and nothing is written", async () => {
    const file = join(dir, "cp1252.csv");
    writeFileSync(file, windows1252);
    const before = await customers();
    const err: string[] = [];
    const code = await runImport({ argv: [file], env: env(), out: () => {}, err: (l) => err.push(l), progress: () => {}, now: NOW });
    expect(code).toBe(1);
    expect(err).toContain(
      '  - The file is not saved as UTF-8: line 3 has a character (often an accented letter such as é) in another encoding, which would be stored garbled. Nothing was read. In Excel, choose File > Save As and the type "CSV UTF-8 (Comma delimited) (*.csv)", then import that file.',
    );
    expect(await customers()).toEqual(before);
    expect((await customers()).some((n) => n.includes("\uFFFD"))).toBe(false);
  });

  it("text already garbled by an earlier conversion is refused too", async () => {
    const result = await importRegister(p.admin, windows1252.toString("utf8"), { now: NOW, dryRun: true });
    expect(result.outcome === "invalid" && result.problems[0]).toMatch(/^Line 3 of the file holds "\uFFFD"/);
  });

  it("a UTF-16 (Unicode Text) file is refused, and CSV UTF-8 with é is read as written", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Name,Status\r\n", "utf16le")]);
    const r16 = await importRegister(p.admin, utf16, { now: NOW, dryRun: true });
    expect(r16.outcome === "invalid" && r16.problems[0]).toMatch(/^The file is saved as "Unicode Text" \(UTF-16\)/);
    const utf8 = Buffer.from("\uFEFFName,Status,Policy,Emails,Case ref\r\nSeán Désirée,Observed,council-ccm-2014,sean.desiree@example.org,UPC-3030\r\n", "utf8");
    const ok = await importRegister(p.admin, utf8, { now: NOW });
    expect(ok.outcome).toBe("written");
    expect(await customers()).toContain("Seán Désirée");
  });
});
