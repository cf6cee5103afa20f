// Provisioning over real HTTP: the schema lands with its indexes and unique columns, and a second run changes nothing.
import { createSharePointRest } from "../../graph/client/sharepoint-rest";
import { devUserTokens } from "../../graph/auth/dev-token";
import { provision } from "../../graph/provision/provision";
import { SCHEMA } from "../../graph/schema/lists";
import { startProduct, type Product } from "../support/product";

let p: Product;
beforeAll(async () => {
  p = await startProduct();
});
afterAll(() => p.close());

describe("provisioning", () => {
  it("creates every list with its indexed and unique columns", async () => {
    const lists = await p.admin.graph.getAll<{ id: string; displayName: string }>("/sites/root/lists");
    expect(lists.map((l) => l.displayName)).toEqual(expect.arrayContaining(SCHEMA.map((s) => s.name)));
    const cols = await p.admin.graph.getAll<{ name: string; indexed?: boolean; enforceUniqueValues?: boolean }>("/sites/root/lists/UpcContacts/columns");
    expect(cols.find((c) => c.name === "MessageId")).toMatchObject({ indexed: true, enforceUniqueValues: true });
    expect(cols.find((c) => c.name === "ContactAt")).toMatchObject({ indexed: true });
    const idCols = await p.admin.graph.getAll<{ name: string; indexed?: boolean; enforceUniqueValues?: boolean }>("/sites/root/lists/UpcIdentities/columns");
    expect(idCols.find((c) => c.name === "Title")).toMatchObject({ indexed: true, enforceUniqueValues: true });
  });

  it("is idempotent: the second run changes nothing and says so", async () => {
    const again = await provision(p.admin.graph, { site: "root", sharePointTokens: devUserTokens("admin@upc.test") });
    expect(again.changed).toBe(false);
    expect(again.steps).toEqual([]);
  });

  // A site provisioned before OpenEnquiryOnly and Described existed has a Kind column without them; writing a
  // restriction of a new kind would then fail on SharePoint, so provisioning adds them, keeping the site's own choices.
  it("adds new restriction kinds to an existing site's UpcRestrictions.Kind choices", async () => {
    const kindColumn = async () => (await p.admin.graph.getAll<{ id: string; name: string; choice?: { choices: string[] } }>("/sites/root/lists/UpcRestrictions/columns")).find((c) => c.name === "Kind")!;
    const before = await kindColumn();
    const older = before.choice!.choices.filter((c) => c !== "OpenEnquiryOnly" && c !== "Described");
    await p.admin.graph.patch(`/sites/root/lists/UpcRestrictions/columns/${before.id}`, { choice: { ...before.choice, choices: [...older, "LocalKind"] } });
    const run = await provision(p.admin.graph, { site: "root", sharePointTokens: devUserTokens("admin@upc.test") });
    expect(run.steps).toContain("Add OpenEnquiryOnly, Described to the choices of UpcRestrictions.Kind");
    expect((await kindColumn()).choice!.choices).toEqual([...older, "LocalKind", "OpenEnquiryOnly", "Described"]);
    expect((await provision(p.admin.graph, { site: "root", sharePointTokens: devUserTokens("admin@upc.test") })).steps).toEqual([]);
  });

  it("a dry run on a fresh site lists the work without doing it", async () => {
    const fresh = await startProduct().catch(() => null);
    // startProduct provisions; a dry run against it must therefore find nothing to do either.
    const dry = await provision(fresh!.admin.graph, { site: "root", dryRun: true, sharePointTokens: devUserTokens("admin@upc.test") });
    expect(dry.changed).toBe(false);
    await fresh!.close();
  });

  it("gives UpcSensitive to deciders only", async () => {
    const rest = createSharePointRest(`${p.emu.origin}/sites/upc`, devUserTokens("admin@upc.test"));
    const assignments = await rest.get<{ value: { PrincipalId: number }[] }>("/_api/web/lists/getbytitle('UpcSensitive')/roleassignments");
    const holders = new Set(assignments.value.map((a) => a.PrincipalId));
    const principal = async (group: string) => {
      const g = await p.admin.graph.get<{ value: { id: string }[] }>(`/groups?$filter=displayName eq '${group}'`);
      return (await rest.post<{ Id: number }>("/_api/web/ensureuser", { logonName: `c:0t.c|tenant|${g.value[0].id}` })).Id;
    };
    expect(holders.has(await principal("UPC Deciders"))).toBe(true);
    for (const g of ["UPC Staff", "UPC Managers", "UPC Reviewers"]) expect(holders.has(await principal(g))).toBe(false);
  });
});
