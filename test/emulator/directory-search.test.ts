// $search on /users over real HTTP, as Microsoft documents it for directory objects; each case names its source.
import { describe, expect, it } from "vitest";
import { tokens } from "../../emulator/directory/search";
import { useEmulator } from "../support/emulator";

const t = useEmulator();
const EVENTUAL = { ConsistencyLevel: "eventual" };
const search = (expr: string, extra = "") => `/users?$search=${encodeURIComponent(expr)}${extra}`;
const names = (body: { value: { displayName: string }[] }) => body.value.map((u) => u.displayName).sort();

describe("$search on users", () => {
  // Learn, "Advanced query capabilities on Microsoft Entra ID objects" (concepts/aad-advanced-queries.md in
  // microsoft-graph-docs-contrib): without ConsistencyLevel the request fails with Request_UnsupportedQuery and this message.
  it("refuses $search without ConsistencyLevel: eventual, in Graph's words", async () => {
    const res = await t.as("dee.decider@upc.test").get(search('"displayName:kim"'));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("Request_UnsupportedQuery");
    expect(res.body.error.message).toBe("Request with $search query parameter only works through MSGraph with a special request header: 'ConsistencyLevel: eventual'");
    expect((await t.as("dee.decider@upc.test").get(search('"displayName:kim"'), { ConsistencyLevel: "strong" })).status).toBe(400);
  });

  // Learn, "Use the $search query parameter" (concepts/search-query-parameter.md): "displayName:Guthr" OR "mail:Guthr";
  // displayName is matched by tokens from their start, in any order and case; mail by startsWith.
  it("finds users by the start of any word of their name, or the start of their e-mail", async () => {
    const dee = t.as("dee.decider@upc.test");
    const byWord = await dee.get(search('"displayName:off" OR "mail:off"'), EVENTUAL);
    expect(byWord.status).toBe(200);
    expect(names(byWord.body)).toEqual(["Kim Officer", "Sam Officer"]);
    expect(names((await dee.get(search('"displayName:officer kim"'), EVENTUAL)).body)).toEqual(["Kim Officer"]);
    expect(names((await dee.get(search('"displayName:fficer"'), EVENTUAL)).body)).toEqual([]);
    expect(names((await dee.get(search('"displayName:x" OR "mail:rory."'), EVENTUAL)).body)).toEqual(["Rory Reviewer"]);
    expect(names((await dee.get(search('"mail:reviewer"'), EVENTUAL)).body)).toEqual([]);
  });

  // Same page: a symbol splits words and joins them too ("hello.world" gives hello, world and helloworld), and a clause
  // escapes a double quote or backslash with a backslash; AND and OR go between clauses, with parentheses.
  it("matches a name with an apostrophe by its parts or as one word, and takes escaped quotes and AND", async () => {
    const dee = t.as("dee.decider@upc.test");
    for (const text of ["O'Brien", "obrien", "brien niamh", "O'B"]) {
      expect(names((await dee.get(search(`"displayName:${text}"`), EVENTUAL)).body), text).toEqual(["Niamh O'Brien"]);
    }
    expect(tokens("Niamh O'Brien")).toEqual(["niamh", "o", "brien", "obrien"]);
    expect(tokens("HelloWorld hello123world")).toEqual(["hello", "world", "hello", "123", "world"]);
    expect(names((await dee.get(search('"displayName:\\"Kim\\""'), EVENTUAL)).body)).toEqual(["Kim Officer"]);
    expect(names((await dee.get(search('"displayName:officer" AND ("mail:sam" OR "mail:kim")'), EVENTUAL)).body)).toEqual(["Kim Officer", "Sam Officer"]);
    expect((await dee.get(search("displayName:kim"), EVENTUAL)).status).toBe(400);
  });

  // "List users" (api-reference/v1.0/api/user-list.md): $select, $top and $filter combine with $search; department is
  // returned only when selected; jobTitle and businessPhones are in the default set.
  it("combines $search with $select, $top and $filter", async () => {
    const dee = t.as("dee.decider@upc.test");
    const res = await dee.get(search('"displayName:kim"', "&$select=id,displayName,mail,jobTitle,businessPhones,department&$top=10"), EVENTUAL);
    expect(res.body.value).toEqual([
      { id: expect.any(String), displayName: "Kim Officer", mail: "kim.officer@upc.test", jobTitle: "Senior Customer Services Officer", businessPhones: ["020 7946 0003"], department: "Customer Services" },
    ]);
    const plain = await dee.get("/users?$top=1");
    expect(plain.body.value[0]).not.toHaveProperty("department");
    expect(plain.body.value[0]).toHaveProperty("jobTitle");
    expect((await dee.get(search('"displayName:o"', "&$top=2"), EVENTUAL)).body.value).toHaveLength(2);
    const filtered = await dee.get(search('"displayName:officer"', `&$filter=${encodeURIComponent("mail eq 'sam.officer@upc.test'")}`), EVENTUAL);
    expect(names(filtered.body)).toEqual(["Sam Officer"]);
  });
});
