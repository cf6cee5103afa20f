// Development tokens for the local emulator only: unsigned JWTs of Entra's shape naming a demo user or the app.
import type { TokenSource } from "../client/factory";

function b64url(value: unknown): string {
  const bytes = new TextEncoder().encode(JSON.stringify(value));
  let bin = "";
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

/** Computed on use: a module that only imports this file (the event runtime has no TextEncoder) does no work. */
const header = () => b64url({ alg: "none", typ: "JWT" });

/** A signed-in demo user; the emulator accepts it, Entra never would. */
export function devUserTokens(upn: string): TokenSource {
  const token = `${header()}.${b64url({ upn, name: upn, oid: upn, tid: "emulator" })}.`;
  return { getToken: async () => token };
}

/** The service's app id on the emulator; provisioning grants it write on the one site (Sites.Selected), as in a tenant. */
export const DEV_SERVICE_APP_ID = "upc-service";

/** As DEPLOY.md grants them: SharePoint through Sites.Selected only; mail (scoped to mailboxes in Exchange) and the directory. */
export const SERVICE_APP_ROLES = ["Sites.Selected", "Mail.ReadWrite", "Mail.Send", "MailboxSettings.ReadWrite", "User.Read.All", "GroupMember.Read.All"];

/** The application itself (app-only), as the service runs. */
export function devAppTokens(roles: string[] = SERVICE_APP_ROLES): TokenSource {
  const token = `${header()}.${b64url({ appid: DEV_SERVICE_APP_ID, roles, tid: "emulator", oid: DEV_SERVICE_APP_ID })}.`;
  return { getToken: async () => token };
}
