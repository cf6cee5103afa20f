// Proves the layer rule fires: a shared/ file importing graph/, React or Node I/O fails lint; a pure one passes.
import { ESLint } from "eslint";

const eslint = new ESLint({ cwd: process.cwd() });

async function lint(path: string, code: string, rule = "no-restricted-imports"): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result.messages.filter((m) => m.ruleId === rule).map((m) => m.message);
}

describe("one-way layers", () => {
  it("refuses a shared/ file that imports graph/", async () => {
    const messages = await lint("shared/domain/bad.ts", `import { x } from "../../graph/client/factory";\nexport const y = x;\n`);
    expect(messages.join()).toMatch(/shared\/ is the pure domain/);
  });

  it("refuses React, Office and Node I/O in shared/", async () => {
    expect(await lint("shared/x.ts", `import React from "react";\nexport const a = React;\n`)).toHaveLength(1);
    expect(await lint("shared/x.ts", `import { readFileSync } from "node:fs";\nexport const a = readFileSync;\n`)).toHaveLength(1);
    expect(await lint("shared/x.ts", `import { Client } from "@microsoft/microsoft-graph-client";\nexport const a = Client;\n`)).toHaveLength(1);
  });

  it("lets shared/ import zod and its own files", async () => {
    expect(await lint("shared/x.ts", `import { z } from "zod";\nimport { ROLES } from "./domain/vocab";\nexport const a = [z, ROLES];\n`)).toEqual([]);
  });

  it("refuses graph/ importing addin/ or service/, and service/ or addin/ importing the emulator", async () => {
    expect(await lint("graph/x.ts", `import { a } from "../addin/taskpane/app";\nexport const b = a;\n`)).toHaveLength(1);
    expect(await lint("service/x.ts", `import { startEmulator } from "../emulator";\nexport const b = startEmulator;\n`)).toHaveLength(1);
    expect(await lint("addin/x.ts", `import { startEmulator } from "../emulator";\nexport const b = startEmulator;\n`)).toHaveLength(1);
  });

  it("keeps the emulator alone", async () => {
    expect(await lint("emulator/x.ts", `import { ROLES } from "../shared/domain/vocab";\nexport const b = ROLES;\n`)).toHaveLength(1);
  });

  it("refuses a Graph URL written outside graph/, in a string or a template", async () => {
    const graphUrl = (path: string, code: string) => lint(path, code, "no-restricted-syntax");
    expect((await graphUrl("addin/commands/x.ts", "export const u = (id: string) => `/users/${id}/messages`;\n")).join()).toMatch(/Graph paths are built in graph\/ only/);
    expect(await graphUrl("service/x.ts", `export const u = "/sites/root/lists/UpcCustomers/items";\n`)).toHaveLength(1);
    expect(await graphUrl("addin/x.ts", "export const u = `/me/messages`;\n")).toHaveLength(1);
    expect(await graphUrl("graph/x.ts", "export const u = (id: string) => `/users/${id}/messages`;\n")).toEqual([]);
    expect(await graphUrl("addin/x.ts", `export const page = "/signin.html";\n`)).toEqual([]);
  });
});
