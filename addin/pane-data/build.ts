// The app configuration for a page, from the build's settings and the page's address.
import { readConfig, type AppConfig } from "../auth";
import { BUILD } from "./build-settings";

export { BUILD, type BuildConfig } from "./build-settings";

/**
 * The configuration for a page at `url`: Graph through the serving origin's proxy unless the build or `?graph=` names
 * another base, and the signed-in user from `?user=` or, failing that, `user` (the mailbox Outlook reports).
 */
export function pageConfig(url: URL, user?: string): AppConfig {
  return readConfig(url, {
    mode: BUILD.mode,
    // The serving origin's proxy exists only in development; a tenant build talks to Microsoft Graph itself.
    graphBaseUrl: BUILD.graphBaseUrl || (BUILD.mode === "tenant" ? "https://graph.microsoft.com/v1.0" : `${url.origin}/graph/v1.0`),
    site: BUILD.site,
    ...(BUILD.tenantId ? { tenantId: BUILD.tenantId } : {}),
    ...(BUILD.clientId ? { clientId: BUILD.clientId } : {}),
    ...(BUILD.caseServiceUrl ? { caseServiceUrl: BUILD.caseServiceUrl } : {}),
    ...(BUILD.caseServiceScope ? { caseServiceScope: BUILD.caseServiceScope } : {}),
    ...(user ? { user } : {}),
  });
}
