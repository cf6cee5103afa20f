// The add-in's configuration and sign-in: one account manager per app, the Graph client's token source.
import type { TokenSource } from "../../graph/client/factory";
import { devUserTokens } from "../../graph/auth/dev-token";

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
}

export class ConfigError extends Error {}

/** Where the add-in runs: the task pane and Teams tab may prompt; event handlers must stay silent. */
export type AuthSurface = "taskpane" | "teams" | "event" | "browser";

export interface AccountManager extends TokenSource {
  /** The signed-in person's address. */
  account(): Promise<string>;
}

/**
 * Reads the configuration the page was built or opened with. In emulator mode the user comes from `?user=` (or the
 * first demo user); tenant mode needs the tenant and client ids.
 */
export function readConfig(url: URL, built: Partial<AppConfig> = {}): AppConfig {
  const mode = (url.searchParams.get("mode") ?? built.mode ?? "emulator") as AppConfig["mode"];
  if (mode !== "emulator" && mode !== "tenant") throw new ConfigError(`Unknown mode "${mode}": use emulator or tenant.`);
  const graphBaseUrl = url.searchParams.get("graph") ?? built.graphBaseUrl ?? "http://127.0.0.1:4000/v1.0";
  const site = built.site ?? "root";
  if (mode === "emulator") {
    const user = (url.searchParams.get("user") ?? built.user ?? "sam.officer@upc.test").trim().toLowerCase();
    return { mode, graphBaseUrl, site, user };
  }
  if (!built.tenantId || !built.clientId) throw new ConfigError("Tenant mode needs the tenant id and the app's client id in the build configuration.");
  return { mode, graphBaseUrl, site, tenantId: built.tenantId, clientId: built.clientId };
}

/** The account manager for a surface. Emulator mode signs in with development tokens for the demo user. */
export function createAccountManager(config: AppConfig, _surface: AuthSurface): AccountManager {
  if (config.mode === "emulator") {
    const tokens = devUserTokens(config.user!);
    return { getToken: () => tokens.getToken(), account: async () => config.user! };
  }
  throw new ConfigError("Signing in to a Microsoft 365 tenant is not available in this build yet.");
}
