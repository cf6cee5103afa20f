// One template, one manifest per environment: fills manifest.template.json's {{PLACEHOLDERS}} from the environment's
// settings and writes dist/manifest/<env>/ (manifest.json with the two package icons beside it).
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { DEFAULT_GRAPH_SCOPES, qualifiedScopes } from "../addin/auth/scopes";
import { renderXmlManifest, xmlAddinId } from "./xml";

export const MANIFEST_DIR = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(MANIFEST_DIR, "..");
export const TEMPLATE = join(MANIFEST_DIR, "manifest.template.json");
export const ICONS = join(MANIFEST_DIR, "icons");

/** The Microsoft 365 app id of the development build (sideloaded on a developer's own tenant). */
export const DEV_APP_ID = "f2df79cb-d961-4aa2-9a85-2f7d5ea535ec";
/** Stands in for the Entra client id where none is given (the emulator needs none). */
export const PLACEHOLDER_CLIENT_ID = "00000000-0000-0000-0000-000000000000";
/** Used to check the production template when no production settings are given (CI). */
export const EXAMPLE_PRODUCTION = { baseUrl: "https://upc.example.gov.uk", appId: "b5f9be59-d844-47d9-accd-436e7f9990f6", clientId: "11111111-2222-4333-8444-555555555555" };

export interface ManifestSettings {
  env: string;
  /** Where the add-in's pages are served, e.g. "https://localhost:3000" (no trailing slash). */
  baseUrl: string;
  /** The Microsoft 365 app's id (a GUID of your own, fixed for the life of the app). */
  appId: string;
  /** The Entra app registration's Application (client) ID. */
  clientId: string;
  version: string;
  developerName: string;
  websiteUrl: string;
  privacyUrl: string;
  termsUrl: string;
  /** Delegated Graph scopes, in the order the add-in requests them. */
  scopes: string[];
  /** True when example values stand in for missing production settings: fine to validate, never to package. */
  example: boolean;
  /** The add-in only (XML) manifest's own id (UPC_XML_APP_ID); by default derived from appId. */
  xmlAppId?: string;
}

const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function packageVersion(): string {
  return (JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8")) as { version: string }).version;
}

export class SettingsError extends Error {
  constructor(readonly problems: string[]) {
    super(`The ${problems.length === 1 ? "setting is" : "settings are"} not right:\n- ${problems.join("\n- ")}`);
  }
}

/**
 * The settings of an environment from environment variables:
 *  - dev: https://localhost:3000 (UPC_DEV_BASE_URL), the development app id, UPC_CLIENT_ID if set.
 *  - production (any other name): UPC_BASE_URL, UPC_APP_ID and UPC_CLIENT_ID are required, unless `examples` is
 *    set, when example values stand in for the missing ones (validation in CI).
 * Optional: UPC_DEVELOPER_NAME, UPC_WEBSITE_URL, UPC_PRIVACY_URL, UPC_TERMS_URL, UPC_GRAPH_SCOPES, UPC_VERSION.
 */
export function settingsFor(env: string, vars: Record<string, string | undefined> = process.env, options: { examples?: boolean } = {}): ManifestSettings {
  const v = (name: string) => vars[name]?.trim() || undefined;
  const problems: string[] = [];
  const dev = env === "dev";
  let example = false;
  const need = (name: string, fallback: string | undefined, what: string) => {
    const value = v(name);
    if (value) return value;
    if (fallback !== undefined) {
      if (!dev) example = true;
      return fallback;
    }
    problems.push(`${name} is not set: ${what}.`);
    return "";
  };
  const examples = options.examples ?? false;
  const baseUrl = (dev ? v("UPC_DEV_BASE_URL") ?? "https://localhost:3000" : need("UPC_BASE_URL", examples ? EXAMPLE_PRODUCTION.baseUrl : undefined, "give the https address the add-in's pages are served from, e.g. https://upc.contoso.gov.uk")).replace(/\/+$/, "");
  const appId = dev ? v("UPC_DEV_APP_ID") ?? DEV_APP_ID : need("UPC_APP_ID", examples ? EXAMPLE_PRODUCTION.appId : undefined, "give the app a GUID of its own (generate one once and keep it: New-Guid in PowerShell)");
  const clientId = dev ? v("UPC_CLIENT_ID") ?? PLACEHOLDER_CLIENT_ID : need("UPC_CLIENT_ID", examples ? EXAMPLE_PRODUCTION.clientId : undefined, "copy the Application (client) ID of the Entra app registration");
  if (baseUrl) {
    try {
      const u = new URL(baseUrl);
      if (u.protocol !== "https:") problems.push(`The base address ${baseUrl} must start with https:// (Office loads add-ins only over https).`);
      if (u.pathname !== "/" || u.search || u.hash) problems.push(`The base address ${baseUrl} must be an origin only, like https://upc.contoso.gov.uk (NAA's brk-multihub:// redirect takes the origin).`);
    } catch {
      problems.push(`The base address "${baseUrl}" is not a web address.`);
    }
  }
  if (appId && !GUID.test(appId)) problems.push(`The app id "${appId}" is not a GUID.`);
  const xmlAppId = v("UPC_XML_APP_ID");
  if (xmlAppId && !GUID.test(xmlAppId)) problems.push(`UPC_XML_APP_ID "${xmlAppId}" is not a GUID.`);
  if (clientId && !GUID.test(clientId)) problems.push(`The client id "${clientId}" is not a GUID (the Application (client) ID of the app registration).`);
  if (problems.length) throw new SettingsError(problems);
  const site = `${baseUrl}/`;
  const scopes = v("UPC_GRAPH_SCOPES")?.split(/[\s,]+/).filter(Boolean) ?? [...DEFAULT_GRAPH_SCOPES];
  return {
    env,
    baseUrl,
    appId,
    clientId,
    version: v("UPC_VERSION") ?? packageVersion(),
    developerName: v("UPC_DEVELOPER_NAME") ?? "UPC Manager",
    websiteUrl: v("UPC_WEBSITE_URL") ?? site,
    privacyUrl: v("UPC_PRIVACY_URL") ?? site,
    termsUrl: v("UPC_TERMS_URL") ?? site,
    scopes: qualifiedScopes(scopes),
    example,
    ...(xmlAppId ? { xmlAppId } : {}),
  };
}

function jsonText(value: string): string {
  return JSON.stringify(value).slice(1, -1);
}

/** The manifest for these settings, from the template (or another template's text, for tests). */
export function renderManifest(s: ManifestSettings, template = readFileSync(TEMPLATE, "utf8")): Record<string, unknown> {
  const values: Record<string, string> = {
    BASE_URL: s.baseUrl,
    HOST: new URL(s.baseUrl).host,
    APP_ID: s.appId,
    CLIENT_ID: s.clientId,
    VERSION: s.version,
    DEVELOPER_NAME: s.developerName,
    WEBSITE_URL: s.websiteUrl,
    PRIVACY_URL: s.privacyUrl,
    TERMS_URL: s.termsUrl,
    NAME_SUFFIX: s.env === "dev" ? " (dev)" : "",
  };
  const text = template.replace(/\{\{([A-Z_]+)\}\}/g, (whole, key: string) => (key in values ? jsonText(values[key]) : whole));
  const manifest = JSON.parse(text) as { webApplicationInfo?: { nestedAppAuthInfo?: { scopes: string[] }[] }; extensions?: { alternates?: Record<string, unknown>[] }[] };
  // The prefetched NAA token must ask for exactly what the add-in asks for, in the same order.
  for (const naa of manifest.webApplicationInfo?.nestedAppAuthInfo ?? []) naa.scopes = [...s.scopes];
  // Clients that read this manifest hide the XML twin made for Mac and mobile, so nobody sees two UPC buttons (Microsoft
  // Learn, "Manage both a unified manifest and an add-in only manifest version of your Office Add-in").
  const ext = manifest.extensions?.[0];
  if (ext) ext.alternates = [...(ext.alternates ?? []), { hide: { customOfficeAddin: { officeAddinId: xmlAddinId(s, s.xmlAppId) } } }];
  return manifest as Record<string, unknown>;
}

export interface BuiltManifest {
  settings: ManifestSettings;
  dir: string;
  file: string;
  /** manifest.xml beside it: the add-in only manifest for Outlook on Mac, iOS and Android. */
  xmlFile: string;
  manifest: Record<string, unknown>;
}

/** Writes dist/manifest/<env>/manifest.json (or under `outRoot`) with color.png and outline.png beside it. */
export function writeManifest(settings: ManifestSettings, outRoot = join(ROOT, "dist", "manifest")): BuiltManifest {
  const dir = join(outRoot, settings.env);
  mkdirSync(dir, { recursive: true });
  const manifest = renderManifest(settings);
  const file = join(dir, "manifest.json");
  writeFileSync(file, `${JSON.stringify(manifest, null, 2)}\n`);
  const icons = manifest.icons as { color: string; outline: string };
  for (const name of [icons.color, icons.outline]) copyFileSync(join(ICONS, name), join(dir, name));
  const xmlFile = join(dir, "manifest.xml");
  writeFileSync(xmlFile, renderXmlManifest(settings, manifest, { xmlAppId: settings.xmlAppId }));
  return { settings, dir, file, xmlFile, manifest };
}
