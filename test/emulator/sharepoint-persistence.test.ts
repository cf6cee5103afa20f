// State survives a restart: lists, columns, items, versions, ETags, delta tokens and permissions, from the data folder.
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { startEmulator, type Emulator } from "../../emulator";
import { callerFor, type Json } from "../support/emulator";
import { userToken } from "../support/tokens";

const dir = mkdtempSync(join(tmpdir(), "upc-emulator-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const adminOf = (emu: Emulator) => callerFor(emu, userToken("admin@upc.test"));
const samOf = (emu: Emulator) => callerFor(emu, userToken("sam.officer@upc.test"));

describe("persistence", () => {
  it("keeps everything across a restart and starts clean with reset", async () => {
    const first = await startEmulator({ port: 0, dataDir: dir, reset: true });
    let list: Json;
    let kept: Json;
    let deltaLink: string;
    try {
      const admin = adminOf(first);
      list = (await admin.post("/sites/root/lists", { displayName: "Durable", columns: [{ name: "CaseRef", text: {}, indexed: true, enforceUniqueValues: true }] })).body;
      kept = (await admin.post(`/sites/root/lists/${list.id}/items`, { fields: { Title: "one", CaseRef: "UPC-1" } })).body;
      const gone = (await admin.post(`/sites/root/lists/${list.id}/items`, { fields: { Title: "two", CaseRef: "UPC-2" } })).body;
      kept = (await admin.patch(`/sites/root/lists/${list.id}/items/${kept.id}`, { fields: { Title: "one, edited" } })).body;
      await admin.del(`/sites/root/lists/${list.id}/items/${gone.id}`);
      deltaLink = (await admin.get(`/sites/root/lists/${list.id}/items/delta`)).body["@odata.deltaLink"];
      const staff = (await admin.rest("POST", "/_api/web/ensureuser", { logonName: "i:0#.f|membership|sam.officer@upc.test" })).body.Id;
      await admin.rest("POST", "/_api/web/lists/getbytitle('Durable')/breakroleinheritance(copyRoleAssignments=true,clearSubscopes=true)");
      await admin.rest("POST", `/_api/web/lists/getbytitle('Durable')/roleassignments/addroleassignment(principalid=${staff},roledefid=1073741826)`);
      await admin.rest("POST", "/_api/web/roledefinitions", { Name: "Custom level", BasePermissions: { High: "0", Low: "3" } });
    } finally {
      await first.close();
    }
    expect(existsSync(join(dir, "sharepoint.json"))).toBe(true);

    // The port may differ after a restart; everything else must not.
    const second = await startEmulator({ port: 0, dataDir: dir });
    try {
      const admin = adminOf(second);
      const item = await admin.get(`/sites/root/lists/Durable/items/${kept.id}?$expand=fields`);
      expect(item.status).toBe(200);
      expect(item.body.eTag).toBe(kept.eTag);
      expect(item.body.fields.Title).toBe("one, edited");
      const versions = await admin.get(`/sites/root/lists/${list.id}/items/${kept.id}/versions?$expand=fields`);
      expect(versions.body.value.map((v: Json) => [v.id, v.fields.Title])).toEqual([["2.0", "one, edited"], ["1.0", "one"]]);
      const cols = await admin.get(`/sites/root/lists/${list.id}/columns/CaseRef`);
      expect(cols.body).toMatchObject({ indexed: true, enforceUniqueValues: true });
      expect((await admin.post(`/sites/root/lists/${list.id}/items`, { fields: { Title: "again", CaseRef: "upc-1" } })).status).toBe(400);
      const moved = deltaLink.replace(first.origin, second.origin);
      const delta = await admin.get(moved);
      expect(delta.status).toBe(200);
      expect(delta.body.value).toEqual([]);
      const fresh = (await admin.post(`/sites/root/lists/${list.id}/items`, { fields: { Title: "three", CaseRef: "UPC-3" } })).body;
      expect(Number(fresh.id)).toBe(3);
      const changes = await admin.get(moved);
      expect(changes.body.value.map((i: Json) => i.id)).toEqual([fresh.id]);
      expect((await samOf(second).get(`/sites/root/lists/${list.id}/items`)).status).toBe(200);
      expect((await samOf(second).post(`/sites/root/lists/${list.id}/items`, { fields: { Title: "x" } })).status).toBe(403);
      expect((await admin.rest("GET", "/_api/web/roledefinitions/getbyname('Custom level')")).status).toBe(200);
    } finally {
      await second.close();
    }

    const third = await startEmulator({ port: 0, dataDir: dir, reset: true });
    try {
      expect((await adminOf(third).get("/sites/root/lists/Durable")).status).toBe(404);
      expect((await adminOf(third).get("/sites/root/lists")).body.value).toEqual([]);
    } finally {
      await third.close();
    }
  });

  it("saves shortly after a change, without waiting for close", async () => {
    const own = mkdtempSync(join(tmpdir(), "upc-emulator-"));
    const emu = await startEmulator({ port: 0, dataDir: own, reset: true });
    try {
      const created = (await adminOf(emu).post("/sites/root/lists", { displayName: "Soon" })).body;
      await new Promise((r) => setTimeout(r, 700));
      expect(readFileSync(join(own, "sharepoint.json"), "utf8")).toContain(created.id);
    } finally {
      await emu.close();
      rmSync(own, { recursive: true, force: true });
    }
  });
});
