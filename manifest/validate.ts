// Offline validation of a built manifest: the JSON schema bundled with @microsoft/app-manifest (found from $schema, no
// network), then what this product needs of it (pinnable task pane, soft-block send check, Teams tab, NAA, icons).
// Every problem is one line that names where it is, in words.
import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { AppManifestUtils, type TeamsManifest } from "@microsoft/app-manifest";
import { decodePng, PngError, pngSize } from "./png";
import { ICONS } from "./build";

/** "/extensions/0/runtimes/1/code" → "extensions[0].runtimes[1].code". */
export function jsonPath(pointer: string): string {
  if (!pointer) return "(the manifest)";
  return pointer
    .split("/")
    .slice(1)
    .map((p) => p.replace(/~1/g, "/").replace(/~0/g, "~"))
    .reduce((acc, part) => (/^\d+$/.test(part) ? `${acc}[${part}]` : acc ? `${acc}.${part}` : part), "");
}

/** Turns one of AppManifestUtils' "<pointer> <message>. Details: <params>" lines into plain words. */
export function readableSchemaError(line: string): string {
  const m = /^(\S*) ([\s\S]*?)\. Details: ([\s\S]*)$/.exec(line);
  if (!m) return line;
  const [, pointer, message, detailText] = m;
  let params: Record<string, unknown> = {};
  try {
    params = JSON.parse(detailText) as Record<string, unknown>;
  } catch {
    // keep the message alone
  }
  const at = jsonPath(pointer);
  if (params.missingProperty) return `${at}: "${String(params.missingProperty)}" is missing (the schema requires it).`;
  if (params.additionalProperty) return `${at}: "${String(params.additionalProperty)}" is not allowed here by this schema version (misspelt, or in the wrong place?).`;
  if (Array.isArray(params.allowedValues)) return `${at}: must be one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}.`;
  if (typeof params.pattern === "string") return `${at}: does not have the required form (${params.pattern}).`;
  if (typeof params.limit === "number" && /fewer|more|longer|shorter/.test(message)) return `${at}: ${message}.`;
  if (typeof params.type === "string") return `${at}: must be ${params.type === "array" ? "a list" : params.type === "object" ? "an object" : `a ${params.type}`}.`;
  return `${at}: ${message}.`;
}

/** The schema's complaints, readable, without the "must match a schema in anyOf" echoes when a specific error exists. */
export async function schemaErrors(manifest: unknown): Promise<string[]> {
  const m = manifest as { $schema?: unknown };
  if (typeof m?.$schema !== "string") return ["(the manifest): \"$schema\" is missing, so the schema version to check against is unknown."];
  const lines = await AppManifestUtils.validateAgainstSchema(manifest as TeamsManifest);
  const specific = lines.filter((l) => !/must match (a schema in anyOf|exactly one schema in oneOf)|must match "then" schema|must NOT be valid/.test(l));
  return [...new Set((specific.length ? specific : lines).map(readableSchemaError))];
}

type Json = Record<string, unknown>;
const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const str = (v: unknown): string => (typeof v === "string" ? v : "");

/** Every string in the manifest that looks like an address, with where it is. */
function urls(value: unknown, at = ""): [string, string][] {
  if (typeof value === "string") return /^https?:\/\//i.test(value) ? [[at, value]] : [];
  if (Array.isArray(value)) return value.flatMap((v, i) => urls(v, `${at}[${i}]`));
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => urls(v, at ? `${at}.${k}` : k));
  return [];
}

function checkIcon(problems: string[], where: string, file: string, size: number, outline: boolean): void {
  if (!existsSync(file)) {
    problems.push(`${where}: the icon file ${file} does not exist.`);
    return;
  }
  try {
    const bytes = readFileSync(file);
    const { width, height } = pngSize(bytes);
    if (width !== size || height !== size) problems.push(`${where}: ${file} is ${width}×${height}; it must be ${size}×${size} pixels.`);
    if (!outline) return;
    const image = decodePng(bytes);
    const alpha = (x: number, y: number) => image.rgba[(y * image.width + x) * 4 + 3];
    if ([alpha(0, 0), alpha(width - 1, 0), alpha(0, height - 1), alpha(width - 1, height - 1)].some((a) => a !== 0)) {
      problems.push(`${where}: the outline icon's background must be transparent (its corners are not).`);
    }
    for (let i = 0; i < image.rgba.length; i += 4) {
      if (image.rgba[i + 3] > 0 && (image.rgba[i] < 200 || image.rgba[i + 1] < 200 || image.rgba[i + 2] < 200)) {
        problems.push(`${where}: the outline icon must be white on transparent; it has coloured pixels.`);
        break;
      }
    }
  } catch (e) {
    problems.push(`${where}: ${file} ${e instanceof PngError ? e.message : `could not be read (${(e as Error).message})`}.`);
  }
}

export interface ProductCheckOptions {
  /** Where color.png/outline.png are: beside the manifest file. */
  manifestDir: string;
  /** Where the add-in's icon-N.png files are kept (served at <base>/assets/). */
  addinIconsDir?: string;
}

/** What this product needs of its manifest, beyond the schema. */
export function productErrors(manifest: Json, options: ProductCheckOptions): string[] {
  const problems: string[] = [];
  const text = JSON.stringify(manifest);
  for (const left of new Set(text.match(/\{\{[A-Z_]+\}\}/g) ?? [])) problems.push(`(the manifest): the placeholder ${left} was never filled in.`);

  const schemaVersion = /\/v([\d.]+|DevPreview)\/MicrosoftTeams\.schema\.json/.exec(str(manifest.$schema))?.[1];
  if (schemaVersion && schemaVersion !== "DevPreview" && schemaVersion !== str(manifest.manifestVersion)) {
    problems.push(`manifestVersion: is "${str(manifest.manifestVersion)}" but $schema is version ${schemaVersion}; they must agree.`);
  }

  const tab = arr(manifest.staticTabs).find((t) => /\/teams\.html$/.test(str(t.contentUrl)));
  // The add-in's pages all live under one base: the task pane's, else the Teams tab's.
  const panePage = arr(arr(manifest.extensions)[0]?.runtimes)
    .map((r) => str((r.code as Json | undefined)?.page))
    .find((p) => /\/taskpane\.html$/.test(p));
  const base = (panePage ?? str(tab?.contentUrl)).replace(/\/(taskpane|teams)\.html$/, "");
  if (!tab) problems.push(`staticTabs: there is no personal tab showing /teams.html.`);
  else if (!arr(tab.scopes as never).length || !(tab.scopes as string[]).includes("personal")) problems.push(`staticTabs: the /teams.html tab must have the "personal" scope.`);

  if (base) {
    const host = new URL(base).host;
    for (const [at, url] of urls(manifest)) {
      // Addresses the add-in serves; the developer's pages and the Graph scopes live elsewhere.
      if (at.startsWith("developer.") || at.startsWith("webApplicationInfo.") || at === "$schema") continue;
      if (!url.startsWith(`${base}/`)) problems.push(`${at}: ${url} is not under ${base}/, where the add-in's other pages are.`);
    }
    if (!(manifest.validDomains as string[] | undefined)?.includes(host)) problems.push(`validDomains: must list ${host}, the add-in's host.`);
    const web = manifest.webApplicationInfo as Json | undefined;
    const naa = arr(web?.nestedAppAuthInfo)[0];
    if (!web) problems.push(`webApplicationInfo: is missing; nested app authentication needs the app registration's client id.`);
    else if (!naa) problems.push(`webApplicationInfo.nestedAppAuthInfo: is missing.`);
    else {
      if (str(naa.redirectUri) !== `brk-multihub://${host}`) problems.push(`webApplicationInfo.nestedAppAuthInfo[0].redirectUri: must be brk-multihub://${host} (the SPA redirect registered for NAA).`);
      if (!arr(naa.scopes).length) problems.push(`webApplicationInfo.nestedAppAuthInfo[0].scopes: must list the Graph scopes the add-in asks for.`);
    }
  }

  const icons = manifest.icons as Json | undefined;
  if (icons) {
    checkIcon(problems, "icons.color", join(options.manifestDir, str(icons.color)), 192, false);
    checkIcon(problems, "icons.outline", join(options.manifestDir, str(icons.outline)), 32, true);
  }

  const ext = arr(manifest.extensions)[0];
  if (!ext) {
    problems.push(`extensions: there is no Outlook add-in.`);
    return problems;
  }
  const runtimes = arr(ext.runtimes);
  const actions = new Map(runtimes.flatMap((r, ri) => arr(r.actions).map((a, ai) => [str(a.id), { action: a, runtime: r, at: `extensions[0].runtimes[${ri}].actions[${ai}]` }] as const)));
  const pane = [...actions.values()].find((a) => str(a.action.type) === "openPage" && /\/taskpane\.html$/.test(str((a.runtime.code as Json | undefined)?.page)));
  if (!pane) problems.push(`extensions[0].runtimes: no openPage action opens /taskpane.html.`);
  else if (pane.action.pinnable !== true) problems.push(`${pane.at}.pinnable: must be true, so the task pane can stay open from mail to mail.`);

  const readButton = arr(ext.ribbons).some(
    (r) => (r.contexts as string[] | undefined)?.includes("mailRead") && arr(r.tabs).some((t) => arr(t.groups).some((g) => arr(g.controls).some((c) => pane && str(c.actionId) === str(pane.action.id)))),
  );
  if (!readButton) problems.push(`extensions[0].ribbons: no button on the read-mail ribbon (context "mailRead") opens the task pane.`);

  const send = arr(ext.autoRunEvents).flatMap((e) => arr(e.events)).find((e) => str(e.type) === "messageSending");
  if (!send) problems.push(`extensions[0].autoRunEvents: there is no "messageSending" (OnMessageSend) event for the send-time check.`);
  else {
    if (str((send.options as Json | undefined)?.sendMode) !== "softBlock") problems.push(`extensions[0].autoRunEvents: the messageSending event's options.sendMode must be "softBlock".`);
    const handler = actions.get(str(send.actionId));
    if (!handler) problems.push(`extensions[0].autoRunEvents: the messageSending event names the action "${str(send.actionId)}", which no runtime defines.`);
    else {
      if (str(handler.action.type) !== "executeFunction") problems.push(`${handler.at}.type: the send check must be "executeFunction".`);
      const code = handler.runtime.code as Json | undefined;
      if (!/\/commands\.html$/.test(str(code?.page))) problems.push(`${handler.at}: the send check's runtime must load /commands.html.`);
      if (!str(code?.script)) problems.push(`${handler.at}: the send check's runtime needs code.script (classic Outlook on Windows runs the handler's JavaScript file directly).`);
    }
  }

  if (options.addinIconsDir) {
    for (const [at, url] of urls(ext)) {
      const m = /\/assets\/(icon-(\d+)\.png)$/.exec(url);
      if (m) checkIcon(problems, `extensions[0].${at}`, join(options.addinIconsDir, m[1]), Number(m[2]), false);
    }
  }
  return problems;
}

export interface ValidationReport {
  file: string;
  errors: string[];
}

/** Validates a manifest.json on disk: schema, then product checks (icons beside it; add-in icons from manifest/icons). */
export async function validateManifestFile(file: string, addinIconsDir: string = ICONS): Promise<ValidationReport> {
  let manifest: Json;
  try {
    manifest = JSON.parse(readFileSync(file, "utf8")) as Json;
  } catch (e) {
    return { file, errors: [`(the manifest): ${file} is not readable JSON (${(e as Error).message}).`] };
  }
  const errors = [...(await schemaErrors(manifest)), ...productErrors(manifest, { manifestDir: dirname(file), addinIconsDir })];
  return { file, errors };
}
