// `npm run package [-- --env production|dev]`: builds, validates and zips the app package (manifest.json, color.png,
// outline.png) for the Microsoft 365 admin centre's Integrated apps, and the add-in only manifest for Mac and mobile. Production needs real
// settings (UPC_BASE_URL, UPC_APP_ID, UPC_CLIENT_ID); the package is written to dist/upc-manager-<env>.zip.
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { ROOT, SettingsError, settingsFor, writeManifest, type ManifestSettings } from "../manifest/build";
import { validateManifestFile } from "../manifest/validate";
import { validateXmlManifestFile } from "../manifest/validate-xml";
import { zip } from "../manifest/zip";

export class PackageError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.join("\n"));
  }
}

/** Builds and validates the manifest, then writes the zip; refuses example settings and any validation problem. */
export async function buildPackage(settings: ManifestSettings, outDir = join(ROOT, "dist")): Promise<{ zipFile: string; manifestFile: string; xmlFile: string }> {
  if (settings.example) throw new PackageError(["Production settings are missing: set UPC_BASE_URL, UPC_APP_ID and UPC_CLIENT_ID (see DEPLOY.md)."]);
  const built = writeManifest(settings, join(outDir, "manifest"));
  const report = await validateManifestFile(built.file);
  const xml = validateXmlManifestFile(built.xmlFile, settings.baseUrl, process.env.UPC_MANIFEST_XSD_DIR);
  if (report.errors.length || xml.errors.length) throw new PackageError([...report.errors, ...xml.errors.map((e) => `manifest.xml: ${e}`)]);
  const icons = built.manifest.icons as { color: string; outline: string };
  const files = ["manifest.json", icons.color, icons.outline];
  const zipFile = join(outDir, `upc-manager-${settings.env}.zip`);
  writeFileSync(zipFile, zip(files.map((name) => ({ name, data: readFileSync(join(built.dir, name)) }))));
  // The add-in only manifest is uploaded on its own (Integrated apps > Upload custom apps > Office Add-in).
  const xmlFile = join(outDir, `upc-manager-${settings.env}-outlook-mac-mobile.xml`);
  writeFileSync(xmlFile, readFileSync(built.xmlFile));
  return { zipFile, manifestFile: built.file, xmlFile };
}

async function main(): Promise<void> {
  const i = process.argv.indexOf("--env");
  const env = i >= 0 ? process.argv[i + 1] : "production";
  try {
    const { zipFile, xmlFile } = await buildPackage(settingsFor(env));
    console.log(`App package written: ${relative(ROOT, zipFile)}. Upload it in the Microsoft 365 admin centre (Settings > Integrated apps > Upload custom apps): event-based add-ins must be deployed by an admin there (see DEPLOY.md step 10).`);
    console.log(`Add-in only manifest for Outlook on Mac, iOS and Android: ${relative(ROOT, xmlFile)} (upload it in the same place as an Office Add-in).`);
  } catch (e) {
    const problems = e instanceof SettingsError || e instanceof PackageError ? e.problems : [(e as Error).message];
    console.error(`No package was written:\n${problems.map((p) => `  - ${p}`).join("\n")}`);
    process.exit(1);
  }
}

if (process.argv[1] && /scripts[\\/]package\.ts$/.test(process.argv[1])) void main();
