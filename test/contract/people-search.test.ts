// The people pickers' directory search held against Microsoft's example answer for $search on users
// (microsoft-graph-docs-contrib, file and commit in the fixture): the product parses it, the emulator answers the same
// query in the same shape, and every name the emulator returns is a user property in the v1.0 metadata.
import { searchPeople } from "../../graph/directory/people";
import { startProduct, type Product } from "../support/product";
import { userToken } from "../support/tokens";
import { fakeGraph, fixture, METADATA_SOURCE, shapeDiff, unknownNames } from "./support";

let p: Product;
beforeAll(async () => {
  p = await startProduct();
}, 60_000);
afterAll(() => p?.close());

const f = fixture("user-list-search");

it(`searches users by name or e-mail: ${f.source}`, async () => {
  const product = fakeGraph((method, path) => (method === "GET" && path.startsWith("/users?$search=") ? { status: 200, body: f.body } : undefined));
  const found = await searchPeople(product, "wa");
  expect(found.map((x) => [x.name, x.mail, x.phone, x.jobTitle])).toEqual([
    ["Oscar Ward", "oscarward@contoso.com", null, null],
    ["contosoAdmin1", "'contosoadmin1@fabrikam.com", null, null],
  ]);
  expect(product.calls[0]).toContain(`$search=${encodeURIComponent('"displayName:wa" OR "mail:wa"')}`);

  // The emulator, asked the documentation's query (without $count, which the product never asks), answers alike.
  const call = async (query: string) => {
    const res = await fetch(`${p.emu.url}/users?${query}`, { headers: { Authorization: `Bearer ${userToken("dee.decider@upc.test")}`, ConsistencyLevel: "eventual" } });
    return (await res.json()) as { value: Record<string, unknown>[] };
  };
  const emu = await call(`$search=${encodeURIComponent('"displayName:of" OR "displayName:ad"')}`);
  expect(emu.value.length).toBeGreaterThan(0);
  expect(shapeDiff(f.body, emu, ["@odata.count"])).toEqual([]);
  const selected = await call(`$search=${encodeURIComponent('"displayName:kim"')}&$select=id,displayName,mail,jobTitle,businessPhones,department&$top=10`);
  expect(unknownNames(selected.value, "user"), `names outside user in ${METADATA_SOURCE}`).toEqual([]);
  expect(unknownNames(emu.value, "user"), `names outside user in ${METADATA_SOURCE}`).toEqual([]);
});
