// `npm run validate [-- --env <name>] [-- --file <manifest.json>] [-- --xsd <folder>]`: builds the manifests for each
// environment and checks them offline: the unified manifest against the schema bundled with @microsoft/app-manifest
// and what the product needs; the add-in only manifest.xml (Mac and mobile) against the rules in manifest/xml-validate.ts
// and, given Microsoft's XSDs (--xsd or UPC_MANIFEST_XSD_DIR), against those with xmllint.
// Without production settings (UPC_BASE_URL, UPC_APP_ID, UPC_CLIENT_ID) the production manifest is checked with
// example values. Exits 1 on any problem, listing each one.
import { relative } from "node:path";
import { ROOT, SettingsError, settingsFor, writeManifest } from "../manifest/build";
import { validateManifestFile, type ValidationReport } from "../manifest/validate";
import { validateXmlManifestFile } from "../manifest/validate-xml";

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

export async function validateEnvironments(envs: string[], vars: Record<string, string | undefined> = process.env, outRoot?: string): Promise<{ reports: ValidationReport[]; notes: string[] }> {
  const reports: ValidationReport[] = [];
  const notes: string[] = [];
  for (const env of envs) {
    try {
      const settings = settingsFor(env, vars, { examples: true });
      if (settings.example) notes.push(`${env}: production settings are not all set, so example values stand in (set UPC_BASE_URL, UPC_APP_ID and UPC_CLIENT_ID to check your own).`);
      const built = writeManifest(settings, outRoot);
      reports.push(await validateManifestFile(built.file));
      reports.push(validateXmlManifestFile(built.xmlFile, settings.baseUrl, vars.UPC_MANIFEST_XSD_DIR || arg("--xsd")));
    } catch (e) {
      reports.push({ file: `(${env})`, errors: e instanceof SettingsError ? e.problems : [(e as Error).message] });
    }
  }
  return { reports, notes };
}

async function main(): Promise<void> {
  const file = arg("--file");
  const { reports, notes } = file ? { reports: [await validateManifestFile(file)], notes: [] } : await validateEnvironments(arg("--env") ? [arg("--env")!] : ["dev", "production"]);
  for (const note of notes) console.log(`Note: ${note}`);
  let failed = false;
  for (const r of reports) {
    const name = r.file.startsWith("(") ? r.file : relative(ROOT, r.file) || r.file;
    if (r.errors.length === 0) console.log(`✔ ${name} is valid.`);
    else {
      failed = true;
      console.error(`✘ ${name} has ${r.errors.length} problem${r.errors.length === 1 ? "" : "s"}:`);
      for (const e of r.errors) console.error(`  - ${e}`);
    }
  }
  process.exit(failed ? 1 : 0);
}

if (process.argv[1] && /scripts[\\/]validate\.ts$/.test(process.argv[1])) {
  main().catch((e) => {
    console.error(`Validation stopped: ${(e as Error).message}`);
    process.exit(1);
  });
}
