// The case service's settings addresses: who the caller is (roles and offices), and the administrator's office map
// and organisation choices, validated against the policies and the directory before they are saved.
import { DataError } from "../../graph/client/errors";
import type { Graph } from "../../graph/client/factory";
import { groupExists, personExists } from "../../graph/directory/exists";
import { writeSetting } from "../../graph/repos/settings";
import type { Site } from "../../graph/repos/items";
import { officesOf, parseOfficeMap, type OfficeMap } from "../../shared/offices/mapping";
import { missingSettings, PRESETS } from "../../shared/presets/registry";
import { FILLABLE, parsePolicyValues, silentPaths } from "../../shared/settings/policy-values";
import { parseSettings } from "../../shared/settings/organisation";
import type { Actor } from "../../shared/workflow";
import { KNOWN_OFFICES, type OfficeSource, type SiteSettings } from "./offices";

export interface SettingsAnswer {
  status: number;
  body: unknown;
}

/** What each policy leaves silent that the organisation may set, with the words to ask it in. */
const SILENT = PRESETS.map((p) => ({
  presetId: p.id,
  title: p.title,
  organisation: p.organisation,
  settings: silentPaths(p).map((path) => ({ path, label: missingSettings(p).find((m) => m.path === path)?.label ?? path, ...FILLABLE[path] })),
})).filter((p) => p.settings.length);

const etagsOf = (s: SiteSettings) => ({ offices: s.read.offices.etag, organisation: s.read.organisation.etag, policy: s.read.policy.etag });

/** Every office the presets name, for the Offices view: id, the policy's words, and which policies name it. */
export const OFFICES = officesOf(PRESETS);

async function directoryProblems(graph: Graph, map: OfficeMap): Promise<string[]> {
  const problems: string[] = [];
  const people = [...new Set(Object.values(map).flatMap((h) => h.people))];
  const groups = [...new Set(Object.values(map).flatMap((h) => h.groups))];
  for (const upn of people) if (!(await personExists(graph, upn))) problems.push(`No one in the directory has the address ${upn}.`);
  for (const name of groups) if (!(await groupExists(graph, name))) problems.push(`There is no group called "${name}" in the directory.`);
  return problems;
}

export async function settingsRoute(
  req: { method: string; path: string; body: string },
  actor: Actor,
  deps: { site: Site; graph?: Graph; offices: OfficeSource },
): Promise<SettingsAnswer> {
  if (req.path === "/api/me") {
    if (req.method !== "GET") return { status: 405, body: { reason: "That is not something this address does." } };
    const s = await deps.offices.settings();
    return { status: 200, body: { upn: actor.upn, roles: actor.roles, offices: actor.offices ?? [], mapped: Object.keys(s.offices), organisation: s.organisation, policy: s.policy } };
  }
  if (!actor.roles.includes("Admin")) return { status: 403, body: { reason: "Only an administrator (UPC Admins) can see or change the organisation's settings." } };
  if (req.path === "/api/settings" && req.method === "GET") {
    const s = await deps.offices.settings(true);
    return { status: 200, body: { offices: OFFICES, map: s.offices, organisation: s.organisation, policy: s.policy, silent: SILENT, problems: s.problems, etags: etagsOf(s) } };
  }
  const m = /^\/api\/settings\/(offices|organisation|policy)$/.exec(req.path);
  if (!m || req.method !== "PUT") return { status: 404, body: { reason: "There is nothing at this address." } };
  let body: { value?: unknown; etag?: unknown };
  try {
    body = JSON.parse(req.body) as typeof body;
  } catch {
    return { status: 400, body: { reason: "The request is not JSON." } };
  }
  const key = m[1] as "offices" | "organisation" | "policy";
  const parsed = key === "offices" ? parseOfficeMap(body.value, KNOWN_OFFICES) : key === "policy" ? parsePolicyValues(body.value, PRESETS) : parseSettings(body.value);
  const problems = [...parsed.problems];
  if (key === "offices" && !problems.length && deps.graph) problems.push(...(await directoryProblems(deps.graph, (parsed as { map: OfficeMap }).map)));
  if (problems.length) return { status: 422, body: { reason: `Nothing was saved. ${problems.join(" ")}`, problems } };
  const current = await deps.offices.settings(true);
  const read = current.read[key];
  // The writer must have seen the latest version: someone else's save in between is not overwritten.
  if ((body.etag ?? null) !== (read.etag ?? null)) return { status: 409, body: { reason: "Someone else changed these settings while you were working on them. Reload to see their change, then try again." } };
  try {
    const value = key === "offices" ? (parsed as { map: OfficeMap }).map : key === "policy" ? (parsed as { values: unknown }).values : (parsed as { settings: unknown }).settings;
    await writeSetting(deps.site, key, value, read);
  } catch (e) {
    if (e instanceof DataError && e.kind === "Conflict") return { status: 409, body: { reason: e.userMessage } };
    throw e;
  }
  deps.offices.forget();
  const after = await deps.offices.settings(true);
  return { status: 200, body: { map: after.offices, organisation: after.organisation, policy: after.policy, etags: etagsOf(after) } };
}
