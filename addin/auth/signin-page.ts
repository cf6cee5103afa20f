// /signin.html: the page MSAL returns to, and the page the Office dialog opens when Outlook cannot show MSAL's popup.
//  - Opened by the task pane in the Office dialog (?start=1): sign in with a full-page redirect (the standard, not the
//    nested, client: the dialog is an ordinary browser window) and send the result back with messageParent.
//  - Reached with an authorisation response (#code=… or ?code=…, error=…): MSAL's redirect bridge hands it to the
//    window that asked (a popup's opener, or the dialog page that started the redirect).
import { createStandardPublicClientApplication, type AuthenticationResult } from "@azure/msal-browser";
import { readConfig, type AppConfig } from "./config";
import type { DialogResult } from "./office-dialog";

declare const __UPC_BUILD__: Partial<AppConfig> | undefined;

function send(result: DialogResult): void {
  Office.context.ui.messageParent(JSON.stringify(result));
}

function hasAuthResponse(loc: Location): boolean {
  return /(^|[#?&])(code|error)=/.test(`${loc.hash}&${loc.search}`);
}

export async function runSignInPage(): Promise<void> {
  const here = new URL(window.location.href);
  if (hasAuthResponse(window.location) && !here.searchParams.has("start")) {
    const { broadcastResponseToMainFrame } = await import("@azure/msal-browser/redirect-bridge");
    await broadcastResponseToMainFrame();
    return;
  }
  await Office.onReady();
  try {
    const config = readConfig(here, typeof __UPC_BUILD__ === "undefined" ? {} : __UPC_BUILD__);
    const scopes = (here.searchParams.get("scopes") ?? "").split(" ").filter(Boolean);
    const loginHint = here.searchParams.get("loginHint") ?? undefined;
    const app = await createStandardPublicClientApplication({
      auth: { clientId: config.clientId!, authority: `https://login.microsoftonline.com/${config.tenantId}`, redirectUri: `${here.origin}/signin.html` },
      cache: { cacheLocation: "localStorage" },
    });
    const done = (r: AuthenticationResult) =>
      send({ ok: true, accessToken: r.accessToken, expiresOn: r.expiresOn ? new Date(r.expiresOn).toISOString() : null, username: r.account?.username ?? "" });
    const returned = await app.handleRedirectPromise();
    if (returned) return done(returned);
    const account = app.getAllAccounts().find((a) => !loginHint || a.username.toLowerCase() === loginHint.toLowerCase());
    if (account) {
      try {
        return done(await app.acquireTokenSilent({ scopes, account }));
      } catch {
        // Fall through to the redirect.
      }
    }
    await app.acquireTokenRedirect({ scopes, loginHint, redirectStartPage: here.toString() });
  } catch (e) {
    send({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
}
