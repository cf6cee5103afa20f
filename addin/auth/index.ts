// The add-in's configuration and sign-in: one account manager per app, the Graph client's token source.
import type { TokenSource } from "../../graph/client/factory";
import { devUserTokens } from "../../graph/auth/dev-token";
import { ConfigError, type AppConfig } from "./config";
import { hostDeps } from "./hosts";
import { createTenantAccountManager, type AuthDeps, type AuthSurface } from "./msal-account";

export { readConfig, ConfigError, type AppConfig } from "./config";
export { SignInError, SignInRequiredError, SignInCancelledError, isSignInRequired } from "./errors";
export { officeDialogOpener, type DialogOpener } from "./office-dialog";
export { DEFAULT_GRAPH_SCOPES } from "./scopes";
export type { AuthSurface, AuthDeps, HostAccount } from "./msal-account";

export interface AccountManager extends TokenSource {
  /** The signed-in person's address. */
  account(): Promise<string>;
}

/**
 * The account manager for a surface. Emulator mode signs in with development tokens for the demo user. Tenant mode
 * uses nested app authentication: silent, then popup, then (task pane) the Office dialog; the event surface never
 * prompts and throws SignInRequiredError instead. `deps` replaces the host's pieces (tests fake the Office dialog).
 */
export function createAccountManager(config: AppConfig, surface: AuthSurface, deps: AuthDeps = {}): AccountManager {
  if (config.mode === "emulator") {
    const tokens = devUserTokens(config.user!);
    return { getToken: () => tokens.getToken(), account: async () => config.user! };
  }
  if (!config.tenantId || !config.clientId) throw new ConfigError(["Tenant mode needs the tenant id and the app's client id in the build configuration."]);
  return createTenantAccountManager(config, surface, { ...hostDeps(surface), ...deps });
}

/**
 * Tokens for the case service, from the same sign-in: the emulator's development token, or (tenant) a token for the
 * service's own API scope through nested app authentication, never a Graph token.
 */
export function createCaseServiceTokens(config: AppConfig, surface: AuthSurface, deps: AuthDeps = {}): TokenSource {
  if (!config.caseServiceUrl) throw new ConfigError(["The case service's address is missing: give the Functions app's https address ending in /api (build setting UPC_CASE_SERVICE_URL)."]);
  if (config.mode === "emulator") return devUserTokens(config.user!);
  if (!config.caseServiceScope) throw new ConfigError(["The case service's scope is missing: give api://<the service's client id>/access_as_user (build setting UPC_CASE_SERVICE_SCOPE)."]);
  return createAccountManager({ ...config, scopes: [config.caseServiceScope] }, surface, deps);
}
