// `npm run provision -- [--site <address>] [--dry-run] [--skip-permissions] [--grant-app <client id>[:role]]...`:
// creates the schema on the UPC site and is safe to run again (a second run says there is nothing to change).
//  - The emulator by default (development tokens, never sent anywhere else).
//  - A tenant when --site is a SharePoint address (https://contoso.sharepoint.com/sites/upc): with an administrator's
//    tokens (GRAPH_TOKEN + SHAREPOINT_TOKEN, or a device-code sign-in with UPC_TENANT_ID + UPC_PROVISION_CLIENT_ID).
//    The five UPC groups are found by name and created as security groups when missing; list permissions are set
//    through SharePoint REST (Graph cannot); version history is turned on where a list has it off; apps registered with
//    Sites.Selected (the add-in, the service) are given access to this one site with --grant-app.
import { ensureSiteGrants, type SiteGrant } from "../provision/site-grants";
import { fileURLToPath } from "node:url";
import { ROLE_GROUPS, type Role } from "../../shared/domain/vocab";
import { adminTarget, type Env } from "../auth/admin-cli";
import { TokenError } from "../auth/env-token";
import { SiteError } from "../auth/site";
import { DataError } from "../client/errors";
import { createGraph, type Graph } from "../client/factory";
import { odataString, query } from "../client/odata";
import { createSharePointRest, restTitle, type SharePointRest } from "../client/sharepoint-rest";
import { provision } from "../provision/provision";
import { SCHEMA, type ListDef } from "../schema/lists";
import { progressBar } from "./progress";

const GROUP_DESCRIPTIONS: Record<Role, string> = {
  Staff: "UPC Manager: staff who log contacts and refer cases.",
  Manager: "UPC Manager: managers who handle referrals and letters.",
  Decider: "UPC Manager: the officers the policy names to decide restrictions.",
  Reviewer: "UPC Manager: reviewers of restrictions and appeals.",
  Admin: "UPC Manager: administrators of the UPC site and its lists.",
};

export interface GroupsReport {
  /** What was (or, in a dry run, would be) done. */
  steps: string[];
  /** Groups that do not exist (after this run). */
  missing: string[];
  /** What stopped a group being created or mapped, in words. */
  problems: string[];
}

/**
 * Finds the five UPC groups by display name; creates the missing ones as security groups (POST /groups needs
 * Group.ReadWrite.All and a directory role that may create groups). A dry run only says what it would create.
 */
export async function ensureGroups(graph: Graph, options: { dryRun: boolean; create: boolean }): Promise<GroupsReport> {
  const report: GroupsReport = { steps: [], missing: [], problems: [] };
  for (const [role, name] of Object.entries(ROLE_GROUPS) as [Role, string][]) {
    const found = await graph.get<{ value: { id: string; displayName: string; securityEnabled?: boolean }[] }>(`/groups${query({ $filter: `displayName eq ${odataString(name)}`, $select: "id,displayName,securityEnabled" })}`);
    if (found.value.length > 1) report.problems.push(`${found.value.length} groups are called "${name}"; rename all but one so that the UPC roles are unambiguous.`);
    if (found.value.length > 0) continue;
    if (options.dryRun || !options.create) {
      report.steps.push(`Create security group "${name}"`);
      report.missing.push(name);
      continue;
    }
    try {
      await graph.post("/groups", {
        displayName: name,
        description: GROUP_DESCRIPTIONS[role],
        mailEnabled: false,
        mailNickname: name.toLowerCase().replace(/[^a-z0-9]+/g, "-"),
        securityEnabled: true,
      });
      report.steps.push(`Create security group "${name}"`);
    } catch (e) {
      report.missing.push(name);
      const why = e instanceof DataError && (e.kind === "Forbidden" || e.kind === "Unauthorised") ? "you are not allowed to create groups with this sign-in" : e instanceof Error ? e.message : String(e);
      report.problems.push(`The group "${name}" does not exist and could not be created (${why}). Create it in the Microsoft Entra admin centre (Groups > New group, type Security), then run provisioning again.`);
    }
  }
  return report;
}

/**
 * Turns version history on where a list has it off (it is the audit trail). SharePoint Online lists have it on by
 * default; the emulator always versions and does not report the setting, which counts as on.
 */
export async function ensureVersioning(rest: SharePointRest, lists: ListDef[], dryRun: boolean): Promise<string[]> {
  const steps: string[] = [];
  for (const list of lists) {
    const path = `/_api/web/lists/getbytitle(${restTitle(list.name)})`;
    let enabled: boolean | undefined;
    try {
      enabled = (await rest.get<{ EnableVersioning?: boolean }>(`${path}?$select=EnableVersioning`)).EnableVersioning;
    } catch (e) {
      // In a dry run the list may not exist yet; lists created through Graph keep SharePoint's default (on).
      if (dryRun && e instanceof DataError && e.kind === "NotFound") continue;
      throw e;
    }
    if (enabled !== false) continue;
    steps.push(`Turn on version history for ${list.name}`);
    if (!dryRun) {
      await rest.post(path, { __metadata: { type: "SP.List" }, EnableVersioning: true }, { "Content-Type": "application/json;odata=verbose", "X-HTTP-Method": "MERGE", "IF-MATCH": "*" });
    }
  }
  return steps;
}

const GRANT = /^([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})(?::(read|write|manage|fullcontrol))?$/i;

/** "<client id>[:role]" from --grant-app; write is the default (the add-in and the service both write list items). */
export function parseGrant(value: string): SiteGrant {
  const m = GRANT.exec(value.trim());
  if (!m) throw new SiteError(`--grant-app takes an app registration's client id, optionally with a role: <client id>[:read|write|manage|fullcontrol] (not "${value}").`);
  return { appId: m[1].toLowerCase(), role: (m[2]?.toLowerCase() ?? "write") as SiteGrant["role"] };
}

function args(argv: string[], name: string): string[] {
  return argv.flatMap((a, i) => (a === name && argv[i + 1] ? [argv[i + 1]] : []));
}

function arg(argv: string[], name: string): string | undefined {
  const i = argv.indexOf(name);
  return i >= 0 ? argv[i + 1] : undefined;
}

export interface ProvisionRun {
  argv: string[];
  env?: Env;
  out?: (line: string) => void;
  err?: (line: string) => void;
  /** Progress reporting; the terminal bar by default. */
  progress?: (done: number, total: number, step: string) => void;
}

/** The command, for tests and for main(): returns the exit code. */
export async function runProvision({ argv, env = process.env, out = console.log, err = console.error, progress }: ProvisionRun): Promise<number> {
  const dryRun = argv.includes("--dry-run");
  const skipPermissions = argv.includes("--skip-permissions");
  try {
    const grants = args(argv, "--grant-app").map(parseGrant);
    const target = adminTarget({ site: arg(argv, "--site"), env, print: out, needsSharePoint: !skipPermissions });
    out(`${dryRun ? "Planning (dry run: nothing will change) on" : "Provisioning"} ${target.describe}.`);
    for (const w of target.warnings) err(`Warning: ${w}`);
    if (target.kind === "tenant" && !skipPermissions && !target.sharePointTokens) {
      err("Provisioning stopped: list permissions need SHAREPOINT_TOKEN (or run with --skip-permissions to set them by hand).");
      return 2;
    }
    const graph = createGraph({ baseUrl: target.graphBaseUrl, tokens: target.graphTokens });

    const groups = skipPermissions ? { steps: [], missing: [], problems: [] } : await ensureGroups(graph, { dryRun, create: target.kind === "tenant" });
    if (groups.problems.length) {
      for (const p of groups.problems) err(`Provisioning stopped: ${p}`);
      return 1;
    }
    // Permissions need the groups; in a dry run with groups still to create, they can only be described.
    const permissionsLater = groups.missing.length > 0;
    const report = await provision(graph, {
      site: target.site.graphSite,
      dryRun,
      sharePointTokens: target.sharePointTokens ?? target.graphTokens,
      skipPermissions: skipPermissions || permissionsLater,
      onProgress: progress ?? progressBar(dryRun ? "Planning" : "Provisioning"),
    });
    const rest = createSharePointRest(report.webUrl, target.sharePointTokens ?? target.graphTokens);
    const versioning = target.sharePointTokens ? await ensureVersioning(rest, SCHEMA, dryRun) : [];
    const granted = await ensureSiteGrants(graph, report.siteId, grants, dryRun);
    const steps = [...groups.steps, ...report.steps, ...versioning, ...granted];
    if (permissionsLater) steps.push("Give each list its own permissions for the five UPC groups (once the groups exist)");
    if (steps.length === 0) {
      out(`Nothing to change: ${report.webUrl} already matches the schema.`);
    } else {
      out(dryRun ? "Would do:" : "Done:");
      for (const s of steps) out(`  - ${s}`);
    }
    if (skipPermissions) out("List permissions were not touched (--skip-permissions): set them by hand as DEPLOY.md describes.");
    return 0;
  } catch (e) {
    if (e instanceof TokenError || e instanceof SiteError) err(`Provisioning stopped: ${e.message}`);
    else if (e instanceof DataError) err(`Provisioning stopped: ${e.userMessage}${e.detail ? ` (${e.detail})` : ""}`);
    else err(`Provisioning stopped: ${(e as Error).message}`);
    return 1;
  }
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runProvision({ argv: process.argv.slice(2) }).then((code) => process.exit(code));
}

export { ensureSiteGrants, type SiteGrant };
