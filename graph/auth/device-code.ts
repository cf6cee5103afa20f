// An administrator's sign-in for the admin commands, with the OAuth 2.0 device authorization grant (no new package):
// the command prints a code, the administrator signs in at https://microsoft.com/devicelogin in any browser, and the
// command gets a Graph token and, from the same sign-in, a SharePoint token (the refresh token is good for both).
// It needs an app registration of the council's own with "Allow public client flows" on (DEPLOY.md, step 5).
import type { TokenSource } from "../client/factory";
import { TokenError } from "./env-token";

export interface DeviceCodeOptions {
  /** Directory (tenant) ID, or a verified domain. */
  tenant: string;
  /** The provisioning app registration's Application (client) ID. */
  clientId: string;
  /** Where to show the sign-in instructions. */
  print: (message: string) => void;
  authorityHost?: string;
  fetch?: typeof fetch;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

interface TokenReply {
  access_token?: string;
  refresh_token?: string;
  expires_in?: number;
  error?: string;
  error_description?: string;
}

interface Held {
  token: string;
  expiresAt: number;
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

export function deviceCodeTokens(options: DeviceCodeOptions, graphScopes: string[], sharePointHost: string): { graph: TokenSource; sharePoint: TokenSource } {
  const http = options.fetch ?? fetch;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const now = options.now ?? (() => Date.now());
  const base = `${options.authorityHost ?? "https://login.microsoftonline.com"}/${encodeURIComponent(options.tenant)}/oauth2/v2.0`;
  let refreshToken: string | undefined;
  let signIn: Promise<void> | undefined;
  const held = new Map<string, Held>();

  async function post(path: string, body: Record<string, string>): Promise<TokenReply & Record<string, unknown>> {
    const res = await http(`${base}/${path}`, { method: "POST", headers: FORM, body: new URLSearchParams(body).toString() });
    return (await res.json()) as TokenReply & Record<string, unknown>;
  }

  const keep = (scope: string, reply: TokenReply): string => {
    if (reply.refresh_token) refreshToken = reply.refresh_token;
    held.set(scope, { token: reply.access_token!, expiresAt: now() + (reply.expires_in ?? 3600) * 1000 });
    return reply.access_token!;
  };

  const graphScope = [...graphScopes.map((s) => (s.includes("://") ? s : `https://graph.microsoft.com/${s}`)), "offline_access"].join(" ");
  const sharePointScope = `https://${sharePointHost}/AllSites.FullControl offline_access`;

  async function deviceFlow(): Promise<void> {
    const start = await post("devicecode", { client_id: options.clientId, scope: graphScope });
    if (typeof start.device_code !== "string") throw new TokenError(`Sign-in could not start: ${start.error_description ?? start.error ?? "no device code"}`);
    options.print(String(start.message ?? `Open ${String(start.verification_uri)} and enter the code ${String(start.user_code)}.`));
    let interval = Number(start.interval ?? 5) * 1000;
    const deadline = now() + Number(start.expires_in ?? 900) * 1000;
    while (now() < deadline) {
      await sleep(interval);
      const reply = await post("token", { grant_type: "urn:ietf:params:oauth:grant-type:device_code", client_id: options.clientId, device_code: start.device_code });
      if (reply.access_token) {
        keep(graphScope, reply);
        return;
      }
      if (reply.error === "authorization_pending") continue;
      if (reply.error === "slow_down") {
        interval += 5000;
        continue;
      }
      if (reply.error === "authorization_declined") throw new TokenError("Sign-in was declined.");
      if (reply.error === "expired_token") break;
      throw new TokenError(`Sign-in failed: ${reply.error_description ?? reply.error ?? "unknown error"}`);
    }
    throw new TokenError("The sign-in code expired before it was used. Run the command again.");
  }

  async function tokenFor(scope: string): Promise<string> {
    const h = held.get(scope);
    if (h && h.expiresAt - now() > 2 * 60_000) return h.token;
    if (!refreshToken) await (signIn ??= deviceFlow());
    const cached = held.get(scope);
    if (cached && cached.expiresAt - now() > 2 * 60_000) return cached.token;
    const reply = await post("token", { grant_type: "refresh_token", client_id: options.clientId, refresh_token: refreshToken!, scope });
    if (!reply.access_token) throw new TokenError(`No token for ${scope.split(" ")[0]}: ${reply.error_description ?? reply.error ?? "unknown error"}`);
    return keep(scope, reply);
  }

  return {
    graph: { getToken: () => tokenFor(graphScope) },
    sharePoint: { getToken: () => tokenFor(sharePointScope) },
  };
}
