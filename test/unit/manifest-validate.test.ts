// `npm run validate` in CI: the manifests built from the one template pass the bundled schema offline and the
// product's own checks; a broken manifest fails with errors that say where and what, in words.
import { execFile } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { DEFAULT_GRAPH_SCOPES, qualifiedScopes } from "../../addin/auth/scopes";
import { ICONS, renderManifest, settingsFor, writeManifest } from "../../manifest/build";
import { encodePng } from "../../manifest/png";
import { readableSchemaError, schemaErrors, validateManifestFile } from "../../manifest/validate";
import { validateEnvironments } from "../../scripts/validate";

const run = promisify(execFile);
let out: string;
beforeAll(() => {
  out = mkdtempSync(join(tmpdir(), "upc-manifest-"));
});
afterAll(() => rmSync(out, { recursive: true, force: true }));

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Writes a copy of a good manifest, changed by `edit`, with its icons beside it; returns the file. */
function broken(name: string, edit: (m: Json) => void): string {
  const dir = join(out, name);
  const built = writeManifest(settingsFor("dev", {}), dir);
  const m = JSON.parse(readFileSync(built.file, "utf8")) as Json;
  edit(m);
  writeFileSync(built.file, JSON.stringify(m, null, 2));
  return built.file;
}

describe("the app manifest", () => {
  it("builds dev and production from one template, and both pass the bundled schema and the product checks", async () => {
    const { reports, notes } = await validateEnvironments(["dev", "production"], {}, out);
    // Each environment: the unified manifest.json and its add-in only twin manifest.xml (Mac and mobile).
    expect(reports.map((r) => [r.file.replace(/^.*[\\/](dev|production)[\\/]/, "$1/"), r.errors])).toEqual([
      ["dev/manifest.json", []],
      ["dev/manifest.xml", []],
      ["production/manifest.json", []],
      ["production/manifest.xml", []],
    ]);
    expect(notes.join()).toMatch(/example values stand in/);
  });

  it("fills every placeholder from the environment's settings", () => {
    const m = renderManifest(settingsFor("production", { UPC_BASE_URL: "https://upc.contoso.gov.uk/", UPC_APP_ID: "b5f9be59-d844-47d9-accd-436e7f9990f6", UPC_CLIENT_ID: "11111111-2222-4333-8444-555555555555" })) as Json;
    expect(JSON.stringify(m)).not.toMatch(/\{\{/);
    expect(m.id).toBe("b5f9be59-d844-47d9-accd-436e7f9990f6");
    expect(m.staticTabs[0].contentUrl).toBe("https://upc.contoso.gov.uk/teams.html");
    expect(m.validDomains).toEqual(["upc.contoso.gov.uk"]);
    expect(m.webApplicationInfo.id).toBe("11111111-2222-4333-8444-555555555555");
    expect(m.webApplicationInfo.nestedAppAuthInfo[0]).toEqual({ redirectUri: "brk-multihub://upc.contoso.gov.uk", scopes: qualifiedScopes(DEFAULT_GRAPH_SCOPES) });
    const ext = m.extensions[0];
    expect(ext.runtimes[0]).toMatchObject({ code: { page: "https://upc.contoso.gov.uk/taskpane.html" }, actions: [{ type: "openPage", pinnable: true }] });
    expect(ext.runtimes[1].code).toEqual({ page: "https://upc.contoso.gov.uk/commands.html", script: "https://upc.contoso.gov.uk/commands.js" });
    expect(ext.autoRunEvents[0].events[0]).toEqual({ type: "messageSending", actionId: "onMessageSendHandler", options: { sendMode: "softBlock" } });
    expect(ext.ribbons[0].contexts).toEqual(["mailRead"]);
    const dev = renderManifest(settingsFor("dev", {})) as Json;
    expect(dev.staticTabs[0].contentUrl).toBe("https://localhost:3000/teams.html");
    expect(dev.name.short).toBe("UPC Manager (dev)");
  });

  it("refuses production settings that are missing or wrong, saying which", () => {
    expect(() => settingsFor("production", {})).toThrow(/UPC_BASE_URL is not set[\s\S]*UPC_APP_ID is not set[\s\S]*UPC_CLIENT_ID is not set/);
    expect(() => settingsFor("production", { UPC_BASE_URL: "http://upc.contoso.gov.uk", UPC_APP_ID: "x", UPC_CLIENT_ID: "11111111-2222-4333-8444-555555555555" })).toThrow(/must start with https[\s\S]*app id "x" is not a GUID/);
  });

  it("fails a broken manifest with readable errors that name the place", async () => {
    const file = broken("schema", (m) => {
      delete m.version;
      m.extensions[0].autoRunEvents[0].events[0].options.sendMode = "warnOnly";
      m.staticTabs[0].colour = "blue";
      m.id = "not-a-guid";
    });
    const { errors } = await validateManifestFile(file);
    expect(errors).toEqual(
      expect.arrayContaining([
        `(the manifest): "version" is missing (the schema requires it).`,
        `extensions[0].autoRunEvents[0].events[0].options.sendMode: must be one of "promptUser", "softBlock", "block", null.`,
        `staticTabs[0]: "colour" is not allowed here by this schema version (misspelt, or in the wrong place?).`,
        `extensions[0].autoRunEvents: the messageSending event's options.sendMode must be "softBlock".`,
      ]),
    );
    expect(errors.some((e) => e.startsWith("id: does not have the required form"))).toBe(true);
    expect(errors.every((e) => !e.includes("Details:"))).toBe(true);
  });

  it("fails a manifest that loses what the product needs even when the schema allows it", async () => {
    const file = broken("product", (m) => {
      m.extensions[0].runtimes[0].actions[0].pinnable = false;
      m.extensions[0].ribbons[0].contexts = ["mailCompose"];
      m.staticTabs[0].contentUrl = "https://elsewhere.example/teams.html";
      m.webApplicationInfo.nestedAppAuthInfo[0].redirectUri = "https://localhost:3000";
      delete m.extensions[0].runtimes[1].code.script;
    });
    const { errors } = await validateManifestFile(file);
    expect(errors).toEqual(
      expect.arrayContaining([
        "extensions[0].runtimes[0].actions[0].pinnable: must be true, so the task pane can stay open from mail to mail.",
        `extensions[0].ribbons: no button on the read-mail ribbon (context "mailRead") opens the task pane.`,
        "staticTabs[0].contentUrl: https://elsewhere.example/teams.html is not under https://localhost:3000/, where the add-in's other pages are.",
        "webApplicationInfo.nestedAppAuthInfo[0].redirectUri: must be brk-multihub://localhost:3000 (the SPA redirect registered for NAA).",
      ]),
    );
    expect(errors.join("\n")).toMatch(/needs code\.script/);
  });

  it("checks the icons' sizes and that the outline icon is white on transparent", async () => {
    const file = broken("icons", () => {});
    const dir = join(out, "icons", "dev");
    copyFileSync(join(ICONS, "icon-32.png"), join(dir, "color.png"));
    const opaque = new Uint8Array(32 * 32 * 4).fill(255);
    writeFileSync(join(dir, "outline.png"), encodePng({ width: 32, height: 32, rgba: opaque }));
    const { errors } = await validateManifestFile(file);
    expect(errors).toEqual(expect.arrayContaining([expect.stringMatching(/^icons\.color: .*color\.png is 32×32; it must be 192×192 pixels\.$/), "icons.outline: the outline icon's background must be transparent (its corners are not)."]));
  });

  it("reads AppManifestUtils' lines as plain words", async () => {
    expect(readableSchemaError(`/extensions/0/runtimes/1 must have required property 'id'. Details: {"missingProperty":"id"}`)).toBe(`extensions[0].runtimes[1]: "id" is missing (the schema requires it).`);
    expect(await schemaErrors({ manifestVersion: "1.30" })).toEqual([`(the manifest): "$schema" is missing, so the schema version to check against is unknown.`]);
  });

  it("`npm run validate -- --file` exits non-zero on a broken manifest and lists the problems", async () => {
    const file = broken("cli", (m) => {
      delete m.icons;
    });
    const err = await run(process.execPath, ["--import", "tsx", "scripts/validate.ts", "--file", file], { cwd: process.cwd() }).catch((e: { code: number; stderr: string }) => e);
    expect((err as { code: number }).code).toBe(1);
    expect((err as { stderr: string }).stderr).toMatch(/has 1 problem:\n {2}- \(the manifest\): "icons" is missing/);
  });
});
