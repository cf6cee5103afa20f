// Where an admin command (provision, import) works and as whom: the emulator with development tokens by default, or a
// tenant with an administrator's tokens (GRAPH_TOKEN/SHAREPOINT_TOKEN, or a device-code sign-in). Development tokens
// are never sent anywhere but a loopback address.
import { isGraphUrl, isLoopbackUrl } from "../../shared/endpoints/graph-hosts";
import type { TokenSource } from "../client/factory";
import { devUserTokens } from "./dev-token";
import { deviceCodeTokens } from "./device-code";
import { canManageSites, describeToken, GRAPH_AUDIENCES, SHAREPOINT_APP_ID, staticToken, TokenError } from "./env-token";
import { parseSite, type SiteRef } from "./site";

export type Env = Record<string, string | undefined>;

export interface AdminTarget {
  kind: "emulator" | "tenant";
  graphBaseUrl: string;
  site: SiteRef;
  graphTokens: TokenSource;
  /** For SharePoint REST (list permissions, versioning); absent when none was given. */
  sharePointTokens?: TokenSource;
  /** One line for the command's output: where, and as whom. */
  describe: string;
  /** Things worth saying before starting (e.g. a token that cannot create lists). */
  warnings: string[];
}

export const EMULATOR_GRAPH = "http://127.0.0.1:4000/v1.0";
const GRAPH_SCOPES_FOR_ADMIN = ["Sites.FullControl.All", "Group.ReadWrite.All"];


function isSharePointHost(host: string | undefined): boolean {
  return !!host && /\.sharepoint(-df)?\.(com|us|cn|de)$/i.test(host.replace(/:\d+$/, ""));
}

const RENEW_GRAPH = "Get a fresh one (see DEPLOY.md, step 5), or sign in with UPC_PROVISION_CLIENT_ID instead.";
const renewSharePoint = (host: string) => `Get a fresh one for https://${host} (see DEPLOY.md, step 5).`;

export interface AdminTargetOptions {
  /** --site as typed; else UPC_SITE; else the emulator's "root". */
  site?: string;
  env?: Env;
  /** Where the device-code sign-in prints its instructions. */
  print?: (message: string) => void;
  /** The command needs SharePoint REST (provisioning permissions); import does not. */
  needsSharePoint?: boolean;
}

export function adminTarget(options: AdminTargetOptions = {}): AdminTarget {
  const env = options.env ?? process.env;
  const v = (name: string) => env[name]?.trim() || undefined;
  const site = parseSite(options.site ?? v("UPC_SITE") ?? "root");
  const graphBaseUrl = (v("GRAPH_BASE_URL") ?? (isSharePointHost(site.host) ? "https://graph.microsoft.com/v1.0" : EMULATOR_GRAPH)).replace(/\/+$/, "");
  let url: URL;
  try {
    url = new URL(graphBaseUrl);
  } catch {
    throw new TokenError(`GRAPH_BASE_URL "${graphBaseUrl}" is not a web address.`);
  }

  if (isLoopbackUrl(url)) {
    const admin = v("UPC_ADMIN") ?? "admin@upc.test";
    const given = v("GRAPH_TOKEN");
    const graphTokens = given ? { getToken: async () => given } : devUserTokens(admin);
    const sp = v("SHAREPOINT_TOKEN");
    return { kind: "emulator", graphBaseUrl, site, graphTokens, sharePointTokens: sp ? { getToken: async () => sp } : graphTokens, describe: `the emulator at ${graphBaseUrl} as ${given ? "the given token" : admin}`, warnings: [] };
  }

  if (!isGraphUrl(url)) {
    throw new TokenError(`GRAPH_BASE_URL ${graphBaseUrl} is neither the local emulator nor Microsoft Graph; an administrator's token is only ever sent to Microsoft Graph.`);
  }
  if (!site.host || !isSharePointHost(site.host)) {
    throw new TokenError(`Give the site's address for a tenant, e.g. --site https://contoso.sharepoint.com/sites/upc (not "${options.site ?? v("UPC_SITE") ?? "root"}").`);
  }
  const host = site.host;
  const warnings: string[] = [];

  const graphToken = v("GRAPH_TOKEN");
  if (graphToken) {
    const graph = staticToken("GRAPH_TOKEN", graphToken, { audiences: GRAPH_AUDIENCES, service: "Microsoft Graph", howToRenew: RENEW_GRAPH });
    if (!canManageSites(graph.claims)) {
      warnings.push(`GRAPH_TOKEN carries no SharePoint site permission (it has ${describeToken(graph.claims)}), so Graph will refuse to create lists. Tokens from "az account get-access-token" are like this; see DEPLOY.md, step 5, for a token that works.`);
    }
    const spToken = v("SHAREPOINT_TOKEN");
    let sharePointTokens: TokenSource | undefined;
    if (spToken) sharePointTokens = staticToken("SHAREPOINT_TOKEN", spToken, { audiences: [`https://${host}`, `https://${host}/`, SHAREPOINT_APP_ID], service: `SharePoint at https://${host}`, howToRenew: renewSharePoint(host), appOnlyNeedsCertificate: true });
    else if (options.needsSharePoint) warnings.push(`SHAREPOINT_TOKEN is not set: list permissions cannot be set (SharePoint REST needs its own token for https://${host}).`);
    return { kind: "tenant", graphBaseUrl, site, graphTokens: graph, sharePointTokens, describe: `${site.webUrl} as ${describeToken(graph.claims)}`, warnings };
  }

  const clientId = v("UPC_PROVISION_CLIENT_ID");
  const tenant = v("UPC_TENANT_ID");
  if (clientId && tenant) {
    const tokens = deviceCodeTokens({ tenant, clientId, print: options.print ?? ((m) => console.log(m)) }, GRAPH_SCOPES_FOR_ADMIN, host);
    return { kind: "tenant", graphBaseUrl, site, graphTokens: tokens.graph, sharePointTokens: tokens.sharePoint, describe: `${site.webUrl} as the administrator who signs in`, warnings };
  }
  throw new TokenError(
    [
      `Working on ${site.webUrl} needs an administrator's sign-in. Either:`,
      `  - set UPC_TENANT_ID and UPC_PROVISION_CLIENT_ID (the provisioning app registration, DEPLOY.md step 5) and sign in with the code this command prints, or`,
      `  - set GRAPH_TOKEN (Microsoft Graph, with Sites.FullControl.All and Group.ReadWrite.All) and SHAREPOINT_TOKEN (https://${host}, AllSites.FullControl).`,
    ].join("\n"),
  );
}
