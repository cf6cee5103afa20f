// The people pickers' directory search through the product's own Graph client, over real HTTP to the emulator.
import { searchPeople } from "../../graph/directory/people";
import { startProduct, type Product } from "../support/product";

let p: Product;
beforeAll(async () => {
  p = await startProduct();
}, 60_000);
afterAll(() => p.close());

const DEE = "dee.decider@upc.test";

it("finds a colleague by part of their name, with their job title, e-mail and work phone", async () => {
  const found = await searchPeople(p.graphAs(DEE), "kim");
  expect(found).toEqual([
    { id: expect.any(String), name: "Kim Officer", mail: "kim.officer@upc.test", jobTitle: "Senior Customer Services Officer", department: "Customer Services", phone: "020 7946 0003" },
  ]);
});

it("finds a name with an apostrophe, typed whole, in part or by e-mail", async () => {
  const graph = p.graphAs(DEE);
  for (const text of ["O'Brien", "Niamh O'B", "niamh.ob", "  o'brien  "]) {
    expect((await searchPeople(graph, text)).map((x) => x.name), text).toEqual(["Niamh O'Brien"]);
  }
});

it("sends quotes and backslashes inside the search safely, and asks for nothing when nothing is typed", async () => {
  const graph = p.graphAs(DEE);
  expect(await searchPeople(graph, 'Kim" OR "displayName:Sam')).toEqual([]);
  expect(await searchPeople(graph, "back\\slash")).toEqual([]);
  p.emu.resetStats();
  expect(await searchPeople(graph, "   ")).toEqual([]);
  expect(p.emu.stats().requests).toBe(0);
});

it("leaves out directory entries with no e-mail and returns at most ten", async () => {
  const found = await searchPeople(p.graphAs(DEE), "o");
  expect(found.length).toBeGreaterThan(0);
  expect(found.length).toBeLessThanOrEqual(10);
  expect(found.every((x) => x.mail.includes("@"))).toBe(true);
});
