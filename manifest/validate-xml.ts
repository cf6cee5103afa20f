// Validates a written manifest.xml: the offline rules always, Microsoft's XSDs too when a folder of them is given.
import { readFileSync } from "node:fs";
import type { ValidationReport } from "./validate";
import { xmlManifestErrors } from "./xml-validate";
import { xsdErrors } from "./xml-xsd";

export function validateXmlManifestFile(file: string, baseUrl: string, xsdDir?: string): ValidationReport {
  const errors = xmlManifestErrors(readFileSync(file, "utf8"), { baseUrl, sendHandler: "onMessageSendHandler" });
  if (xsdDir) errors.push(...xsdErrors(file, xsdDir));
  return { file, errors };
}
