// The add-in's configuration, validated at start-up: what a wrong value means is said in words an IT officer can act on.
import { isGraphUrl } from "../../shared/endpoints/graph-hosts";
import { z } from "zod";
import { parseSite, SiteError } from "../../graph/auth/site";
import { DEFAULT_GRAPH_SCOPES } from "./scopes";

export interface AppConfig {
  mode: "emulator" | "tenant";
  /** e.g. "http://127.0.0.1:4000/v1.0" (emulator) or "https://graph.microsoft.com/v1.0". */
  graphBaseUrl: string;
  /** Graph site id or path, e.g. "root" or "contoso.sharepoint.com:/sites/upc". */
  site: string;
  /** Emulator mode: the demo user to act as (from ?user=). */
  user?: string;
  tenantId?: string;
  clientId?: string;
  /** Tenant mode: the delegated Graph scopes to request (default DEFAULT_GRAPH_SCOPES). */
  scopes?: string[];
  /**
   * The case service's API root, e.g. "https://upc-service.azurewebsites.net/api" (development: this origin's /api).
   * Absent only where nothing is changed (the send-time check): pages that change the register refuse to start without it.
   */
  caseServiceUrl?: string;
  /** Tenant mode: the scope people's tokens for the case service carry, e.g. "api://<service app id>/access_as_user". */
  caseServiceScope?: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(problems.length === 1 ? problems[0] : `The add-in is not configured correctly:\n- ${problems.join("\n- ")}`);
    this.name = "ConfigError";
  }
}

export const DEFAULT_EMULATOR_GRAPH = "http://127.0.0.1:4000/v1.0";
export const DEFAULT_TENANT_GRAPH = "https://graph.microsoft.com/v1.0";
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const where = {
  tenantId: "copy the Directory (tenant) ID from the app registration's Overview page in the Microsoft Entra admin centre (build setting UPC_TENANT_ID)",
  clientId: "copy the Application (client) ID from the same page (build setting UPC_CLIENT_ID)",
  site: "give the UPC site as contoso.sharepoint.com:/sites/upc or its address https://contoso.sharepoint.com/sites/upc (build setting UPC_SITE)",
};

const guid = (name: string, help: string) =>
  z
    .string({ error: `The ${name} is missing: ${help}.` })
    .trim()
    .min(1, `The ${name} is missing: ${help}.`)
    .regex(GUID, { error: (issue) => `The ${name} "${String(issue.input)}" is not a GUID (like 00000000-0000-0000-0000-000000000000): ${help}.` });

const graphSite = z.string().transform((value, ctx) => {
  try {
    return parseSite(value).graphSite;
  } catch (e) {
    ctx.addIssue({ code: "custom", message: `${e instanceof SiteError ? e.message : String(e)} (${where.site})` });
    return z.NEVER;
  }
});

const emulatorSchema = z.object({
  mode: z.literal("emulator"),
  graphBaseUrl: z.url({ error: (i) => `The Graph address "${String(i.input)}" is not a web address.` }),
  site: graphSite,
  user: z.email({ error: (i) => `The demo user "${String(i.input)}" is not an e-mail address (use ?user=sam.officer@upc.test).` }),
  caseServiceUrl: z.url({ error: (i) => `The case service address "${String(i.input)}" is not a web address.` }).optional(),
});

const tenantSchema = z.object({
  mode: z.literal("tenant"),
  // A pattern rather than URL: the event runtime may have no URL parser (see shared/endpoints/graph-hosts).
  graphBaseUrl: z.string().refine((u) => isGraphUrl(u), { error: (i) => `The Graph address "${String(i.input)}" is not Microsoft Graph: a tenant build only ever sends its tokens to ${DEFAULT_TENANT_GRAPH} (or a national cloud's Graph).` }),
  site: graphSite.refine((s) => s !== "root", `Tenant mode needs the UPC site, not the tenant's root site: ${where.site}.`),
  tenantId: guid("tenant id", where.tenantId),
  clientId: guid("client id", where.clientId),
  scopes: z.array(z.string().min(1)).min(1, "The list of Graph scopes is empty."),
  caseServiceUrl: z
    .string()
    .optional()
    .refine((u) => u === undefined || /^https:\/\/[^/]+/.test(u), { error: (i) => `The case service address "${String(i.input)}" must be an https:// address (build setting UPC_CASE_SERVICE_URL).` }),
  caseServiceScope: z
    .string()
    .regex(/^api:\/\/[^/]+\/[A-Za-z0-9._-]+$/, { error: (i) => `The case service scope "${String(i.input)}" should look like api://<the service's client id>/access_as_user (build setting UPC_CASE_SERVICE_SCOPE).` })
    .optional(),
});

/** Empty strings are "not set" (webpack's DefinePlugin turns unset variables into ""). */
function given(value: string | null | undefined): string | undefined {
  const v = value?.trim();
  return v ? v : undefined;
}

function scopesOf(value: unknown): string[] | undefined {
  if (Array.isArray(value)) return value.map(String);
  if (typeof value === "string" && value.trim()) return value.split(/[\s,]+/).filter(Boolean);
  return undefined;
}

/**
 * Reads the configuration the page was built or opened with. In emulator mode the user comes from `?user=` (or the
 * first demo user) and `?graph=`/`?mode=` may point the page elsewhere for development. A tenant build takes every
 * setting from the build, never from the address bar, so that a crafted link cannot send its tokens to another host.
 * Throws a ConfigError listing every problem.
 */
export function readConfig(url: URL | null, built: Partial<AppConfig> = {}): AppConfig {
  const builtMode = given(built.mode);
  const fromUrl = builtMode !== "tenant" && url !== null;
  const param = (name: string) => (fromUrl ? given(url!.searchParams.get(name)) : undefined);
  const mode = param("mode") ?? builtMode ?? "emulator";
  if (mode !== "emulator" && mode !== "tenant") throw new ConfigError([`Unknown mode "${mode}": use emulator or tenant.`]);

  const rawGraph = param("graph") ?? given(built.graphBaseUrl) ?? (mode === "tenant" ? DEFAULT_TENANT_GRAPH : DEFAULT_EMULATOR_GRAPH);
  // The dev server may proxy the emulator below the page's own origin ("/graph/v1.0").
  if (rawGraph.startsWith("/") && !url) throw new ConfigError([`The Graph address "${rawGraph}" is relative, and this runtime has no page to resolve it against: build with an absolute UPC_GRAPH_BASE_URL.`]);
  const graphBaseUrl = rawGraph.startsWith("/") ? `${url!.origin}${rawGraph}` : rawGraph;
  const site = given(built.site) ?? (mode === "emulator" ? "root" : "");
  const rawService = param("service") ?? given(built.caseServiceUrl) ?? (mode === "emulator" ? "/api" : undefined);
  const caseServiceUrl = rawService?.startsWith("/") ? (url ? `${url.origin}${rawService}` : undefined) : rawService;

  const parsed =
    mode === "emulator"
      ? emulatorSchema.safeParse({ mode, graphBaseUrl, site, user: (param("user") ?? given(built.user) ?? "sam.officer@upc.test").toLowerCase(), caseServiceUrl })
      : tenantSchema.safeParse({
          mode,
          graphBaseUrl,
          site,
          tenantId: given(built.tenantId),
          clientId: given(built.clientId),
          scopes: scopesOf(built.scopes) ?? [...DEFAULT_GRAPH_SCOPES],
          caseServiceUrl,
          caseServiceScope: given(built.caseServiceScope),
        });
  if (!parsed.success) throw new ConfigError([...new Set(parsed.error.issues.map((i) => i.message))]);
  return parsed.data;
}
