// The development server answers a malformed address with 400 and keeps serving (issue: one GET with a malformed
// `%` escape killed it). Real HTTP.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startDevServer, type DevServer } from "../../scripts/dev-server";

let dir: string;
let server: DevServer;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "upc-dev-"));
  writeFileSync(join(dir, "harness.html"), "<!doctype html><title>harness</title>");
  server = await startDevServer({ root: dir, port: 0, graphOrigin: "http://127.0.0.1:9", tls: null });
});
afterAll(async () => {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A raw GET, so the malformed path reaches the server exactly as written (fetch would normalise it). */
function get(path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "localhost", port: server.port, path, method: "GET" }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8") }));
    });
    req.on("error", reject);
    req.end();
  });
}

it("answers a malformed % escape with 400 and goes on serving", async () => {
  for (const bad of ["/%E0%A4%A", "/%", "/harness.html%zz"]) {
    const r = await get(bad);
    expect(r.status).toBe(400);
    expect(r.body).toMatch(/malformed % escape/);
  }
  expect((await get("/harness.html")).status).toBe(200);
  expect((await get("/%68arness.html")).status).toBe(200);
});
