// /signin.html: the page MSAL's popup returns to (the redirect URI registered for the add-in), and the page the host's
// dialog opens when the host cannot broker sign-in or show MSAL's popup.
//  - Opened in a dialog (?start=1): sign in with a full-page redirect (the standard, not the nested, client: the dialog
//    is an ordinary browser window) and send the result back: Office's messageParent (Microsoft Learn, "Authenticate
//    and authorize with the Office dialog API"), or in Teams (?reply=teams) authentication.notifySuccess/notifyFailure.
//  - Reached with an authorisation response (#code=… or ?code=…, error=…): MSAL's redirect bridge hands it to the
//    window that asked (a popup's opener, or the dialog page that started the redirect).
import { createStandardPublicClientApplication, type AuthenticationResult } from "@azure/msal-browser";
import { readConfig, type AppConfig } from "./config";
import type { DialogResult } from "./office-dialog";

declare const __UPC_BUILD__: Partial<AppConfig> | undefined;

/** Sends the result to whoever opened the dialog. */
export async function sendResult(result: DialogResult, reply: string | null): Promise<void> {
  const text = JSON.stringify(result);
  if (reply === "teams") {
    const { app, authentication } = await import("@microsoft/teams-js");
    if (!app.isInitialized()) await app.initialize();
    if (result.ok) authentication.notifySuccess(text);
    else authentication.notifyFailure(text);
    return;
  }
  Office.context.ui.messageParent(text);
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
  const reply = here.searchParams.get("reply");
  const send = (result: DialogResult) => sendResult(result, reply);
  if (reply !== "teams") await Office.onReady();
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
    await send({ ok: false, error: e instanceof Error ? e.message : String(e) });
  }
}
