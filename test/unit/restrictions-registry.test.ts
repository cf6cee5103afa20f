// A new restriction kind needs only its module and one registry line: the registry covers every kind in the schema's
// vocabulary, each module provides every part, and nothing outside the modules switches on a kind.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { restrictionParamsSchema } from "../../shared/domain/restriction-params";
import { RESTRICTION_KINDS } from "../../shared/domain/vocab";
import { KIND_MODULES, kindModule } from "../../shared/restrictions/kinds";
import type { FormFieldSpec } from "../../shared/restrictions/kinds";

const NOW = new Date("2026-11-24T10:00:00Z");

/** The form's named fields, rows opened. */
const named = (fields: readonly FormFieldSpec[]): string[] => fields.flatMap((f) => (f.type === "row" ? named(f.fields) : "name" in f ? [f.name] : []));

/** The params the module's own import example reads to ("Kind: args", ignoring a trailing "(or …)" alternative). */
function exampleParams(kind: (typeof RESTRICTION_KINDS)[number]) {
  const m = kindModule(kind);
  const text = m.importExample.replace(/\s*\(or .*\)$/, "");
  expect(text.startsWith(kind)).toBe(true);
  const read = m.readImport(text.slice(kind.length).replace(/^:\s*/, ""));
  expect(read).toMatchObject({ ok: true });
  return m.schema.parse(read.ok ? read.value : null);
}

describe("the restriction kinds' registry", () => {
  it("has one module for every kind in RESTRICTION_KINDS (the SharePoint choices), and no other", () => {
    expect(Object.keys(KIND_MODULES).sort()).toEqual([...RESTRICTION_KINDS].sort());
    for (const kind of RESTRICTION_KINDS) expect(kindModule(kind).kind).toBe(kind);
  });

  it.each(RESTRICTION_KINDS)("%s provides its schema, check, words, mail advice, adjustment cues, import reader and form", (kind) => {
    const m = kindModule(kind);
    for (const words of [m.title, m.label, m.letterWords, m.importExample]) expect(words.trim().length).toBeGreaterThan(3);
    const params = exampleParams(kind);
    // The union the register stores is built from the modules: it reads this kind's parameters too.
    expect(restrictionParamsSchema.parse(params)).toEqual(params);
    expect(m.describe(params as never).length).toBeGreaterThan(3);
    expect(["system", "staff"]).toContain(m.checkedBy(params as never));
    const result = m.check(params as never, { proposed: { at: NOW, channel: "Email", direction: "In", staffUpn: "kim@upc.test" }, history: [], row: { startsAt: "2026-11-01T00:00:00Z" }, label: "label" });
    expect(typeof result).toBe("object");
    const advice = m.mailAdvice(params as never, { label: "label", isSpoc: false, hasSpoc: true, passOn: "; pass this to the SPOC" });
    expect(advice === null || typeof advice === "string").toBe(true);
    expect(Array.isArray(m.adjustmentCues(params as never))).toBe(true);
    expect(m.form.fields.length).toBeGreaterThan(0);
    // Every field the form draws has a starting value, so the renderer never shows an uncontrolled input.
    const blank = m.form.blank();
    for (const name of named(m.form.fields)) expect(blank[name], `${kind}.${name}`).toBeDefined();
    expect(typeof m.form.toParams(blank)).toBe("object");
    expect(typeof m.form.issueField(blank)).toBe("string");
  });

  it("leaves no switch on a kind outside the kinds' modules", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) {
          if (path !== join("shared", "restrictions", "kinds")) walk(path);
        } else if (/\.tsx?$/.test(name)) {
          const text = readFileSync(path, "utf8");
          if (RESTRICTION_KINDS.some((k) => text.includes(`case "${k}":`))) offenders.push(path);
        }
      }
    };
    for (const root of ["shared", "graph", "addin", "service"]) walk(root);
    expect(offenders).toEqual([]);
  });
});
