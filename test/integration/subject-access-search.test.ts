// Subject access search against the emulator over real HTTP, as a manager: a case reference, an e-mail address (exact,
// or its whole domain), a telephone number, and the start of a name (ignoring case, quotes escaped, never OData).
import { DataError } from "../../graph/client/errors";
import { createItem } from "../../graph/repos/items";
import { searchSubjects } from "../../graph/reports/subject-access-search";
import { startProduct, type Product } from "../support/product";

let p: Product;
beforeAll(async () => {
  p = await startProduct({ seed: true });
}, 60_000);
afterAll(() => p.close());

const search = (typed: string) => searchSubjects(p.siteAs("mo.manager@upc.test"), typed);
const names = async (typed: string) => (await search(typed)).matches.map((m) => m.name);

it("finds by case reference, typed in any case, with the customer's status and every address", async () => {
  p.emu.resetStats();
  const found = await search(" upc-0002 ");
  expect(found).toMatchObject({ kind: "caseRef", value: "UPC-0002", more: false });
  expect(found.matches).toEqual([{ id: expect.any(String), name: "Dana Whitlock", caseRef: "UPC-0002", status: "Referred", addresses: ["dana.whitlock@example.net"] }]);
  // The customer query, then their addresses: two requests, whatever the register's size.
  expect(p.emu.stats().requests).toBe(2);
  expect((await search("UPC-9999")).matches).toEqual([]);
});

it("finds by e-mail address through the pane's sender lookup: the exact address, or the organisation by its domain", async () => {
  expect(await search("Sean.OBrien@Mail.Example")).toMatchObject({ kind: "email", value: "sean.obrien@mail.example", matches: [{ name: "Seán O'Brien", caseRef: "UPC-0001", status: "Restricted", addresses: ["+447700900123", "o'brien@example.org", "sean.obrien@mail.example"] }] });
  expect(await names("o'brien@example.org")).toEqual(["Seán O'Brien"]);
  expect(await names("anyone@vexford.example")).toEqual(["Vexford Holdings Ltd"]);
  expect(await search("@Vexford.Example")).toMatchObject({ kind: "domain", value: "@vexford.example", matches: [{ name: "Vexford Holdings Ltd", addresses: ["@vexford.example", "director@vexford.example"] }] });
  expect(await names("nobody@nowhere.example")).toEqual([]);
});

it("refuses a malformed address in words, without asking the register", async () => {
  p.emu.resetStats();
  const e = await search("dana.whitlock@").catch((x: unknown) => x);
  expect(e).toBeInstanceOf(DataError);
  expect((e as DataError).kind).toBe("Invalid");
  expect((e as DataError).userMessage).toMatch(/is not an e-mail address/);
  expect(p.emu.stats().requests).toBe(0);
});

it("finds by telephone number however it is written", async () => {
  expect(await search("07700 900 123")).toMatchObject({ kind: "phone", value: "+447700900123" });
  expect(await names("+44 7700 900123")).toEqual(["Seán O'Brien"]);
});

it("finds names by how they begin, ignoring case, listing several for the officer to choose", async () => {
  expect(await names("dana")).toEqual(["Dana Whitlock"]);
  expect(await names("DANA WH")).toEqual(["Dana Whitlock"]);
  expect(await names("Le")).toEqual(["Lech Wałęsa-Nowak", "Lee Park"]);
  const both = await search("le");
  expect(both.kind).toBe("name");
  expect(both.matches.every((m) => m.caseRef.startsWith("UPC-") && m.addresses.length > 0)).toBe(true);
  expect(await names("Whitlock")).toEqual([]);
});

it("lists the first twenty names and says there are more", async () => {
  for (let n = 0; n < 21; n++) await createItem(p.admin, "customers", { Title: `Zed Many ${String(n).padStart(2, "0")}`, CaseRef: `UPC-${9000 + n}`, Kind: "Individual", Status: "Observed", PolicyId: "council-ccm-2014" });
  const found = await search("zed many");
  expect(found.more).toBe(true);
  expect(found.matches).toHaveLength(20);
  expect(found.matches.every((m) => m.addresses.length === 0)).toBe(true);
});

it("takes quotes in a name as text: escaped, so a name cannot change the query", async () => {
  expect(await names("Seán O'B")).toEqual(["Seán O'Brien"]);
  expect(await names("mary-jane d'arcy")).toEqual(["Mary-Jane D'Arcy"]);
  expect(await names("x') or startswith(fields/Title,'")).toEqual([]);
  expect(await names("' or fields/Title ne '")).toEqual([]);
});
