// The XML manifest against Microsoft's own XSDs, when an administrator has them: the schemas published with [MS-OWEMXML]
// "Office Web Extensibility Manifest Format" (linked from Microsoft Learn, "Schema reference for Office Add-ins
// manifests", https://learn.microsoft.com/openspecs/office_file_formats/ms-owemxml/c6a06390-34b8-4b42-82eb-b28be12494a8).
// They could not be fetched on the machine this was built on, so this runs only when pointed at them; xmllint comes
// from Debian's libxml2-utils (apt-get install libxml2-utils).
import { spawnSync } from "node:child_process";
import { existsSync, readdirSync } from "node:fs";
import { join } from "node:path";

/** The schema file whose target namespace is OfficeApp's; the others it imports are found beside it by xmllint. */
export function findOfficeAppSchema(dir: string): string | undefined {
  const files = readdirSync(dir).filter((f) => f.toLowerCase().endsWith(".xsd"));
  return files.map((f) => join(dir, f)).find((f) => /OfficeAppManifest|offappmanifest/i.test(f)) ?? undefined;
}

/** Problems xmllint reports, or why it could not run. */
export function xsdErrors(xmlFile: string, xsdDir: string): string[] {
  if (!existsSync(xsdDir)) return [`The XSD folder ${xsdDir} does not exist.`];
  const schema = findOfficeAppSchema(xsdDir);
  if (!schema) return [`No OfficeApp manifest schema (OfficeAppManifestV1_1.xsd or similar) was found in ${xsdDir}.`];
  const run = spawnSync("xmllint", ["--noout", "--schema", schema, xmlFile], { encoding: "utf8" });
  if (run.error) return [`xmllint could not run (${run.error.message}): install Debian's libxml2-utils, or validate in Visual Studio.`];
  if (run.status === 0) return [];
  return run.stderr.split("\n").filter((l) => l.trim() && !/validates$/.test(l));
}
