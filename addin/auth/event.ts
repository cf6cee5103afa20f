// The account manager of the Outlook event handlers (the send-time check): silent sign-in only, Outlook's pieces only,
// so the single-file event bundle carries neither Teams' library nor any prompt. Same shape as createAccountManager.
import { devUserTokens } from "../../graph/auth/dev-token";
import { ConfigError, type AppConfig } from "./config";
import type { AccountManager } from "./index";
import { createTenantAccountManager, type AuthDeps } from "./msal-account";
import { officeHostAccount, officeNaaSupported } from "./office-host";

/**
 * Tenant mode: NAA's silent acquisition only, as Microsoft's event sample does ("It does not call acquireTokenPopup
 * because event code cannot interact with UI", OfficeDev/Office-Add-in-samples Samples/auth/Outlook-Event-SSO-NAA);
 * anything needing the person throws SignInRequiredError. Emulator mode: the demo user's development token.
 */
export function createEventAccountManager(config: AppConfig, deps: AuthDeps = {}): AccountManager {
  if (config.mode === "emulator") {
    const tokens = devUserTokens(config.user!);
    return { getToken: () => tokens.getToken(), account: async () => config.user! };
  }
  if (!config.tenantId || !config.clientId) throw new ConfigError(["Tenant mode needs the tenant id and the app's client id in the build configuration."]);
  return createTenantAccountManager(config, "event", { hostAccount: officeHostAccount, naaSupported: officeNaaSupported, ...deps, openDialog: undefined });
}
