// Tokens an administrator hands to a command line (GRAPH_TOKEN, SHAREPOINT_TOKEN): checked before use, so that an
// expired token, or one for the wrong service, is refused in words before anything is changed.
import type { TokenSource } from "../client/factory";

export interface TokenClaims {
  aud?: string;
  exp?: number;
  scp?: string;
  roles?: string[];
  upn?: string;
  unique_name?: string;
  app_displayname?: string;
  tid?: string;
  /** How the app proved itself (v1 tokens): "0" public client, "1" client secret, "2" certificate. */
  appidacr?: string;
  /** The same in v2 tokens. */
  azpacr?: string;
}

export class TokenError extends Error {}

/** The claims of a JWT, without checking its signature (the service it is for does that); null if it is not one. */
export function decodeClaims(token: string): TokenClaims | null {
  const part = token.split(".")[1];
  if (!part) return null;
  try {
    const b64 = part.replace(/-/g, "+").replace(/_/g, "/");
    const bin = atob(b64 + "=".repeat((4 - (b64.length % 4)) % 4));
    return JSON.parse(new TextDecoder().decode(Uint8Array.from(bin, (c) => c.charCodeAt(0)))) as TokenClaims;
  } catch {
    return null;
  }
}

export const GRAPH_AUDIENCES = ["https://graph.microsoft.com", "https://graph.microsoft.com/", "00000003-0000-0000-c000-000000000000"];
/** SharePoint Online's own application id, the audience of v2 tokens for any SharePoint host. */
export const SHAREPOINT_APP_ID = "00000003-0000-0ff1-ce00-000000000000";

export interface StaticTokenOptions {
  /** Audiences the token may carry. */
  audiences: string[];
  /** What the token is for, in words ("Microsoft Graph"). */
  service: string;
  /** How to get a fresh one, in words. */
  howToRenew: string;
  /** SharePoint REST: refuse an app-only token that the app obtained with a client secret. */
  appOnlyNeedsCertificate?: boolean;
  now?: () => number;
}

/** True for an app-only token (no signed-in person) that the app obtained with a client secret. */
export function isAppOnlyFromSecret(claims: TokenClaims | null): boolean {
  if (!claims || claims.scp || !claims.roles?.length) return false;
  return (claims.appidacr ?? claims.azpacr) === "1";
}

function time(seconds: number): string {
  return new Date(seconds * 1000).toISOString().replace("T", " ").replace(/\.\d+Z$/, " UTC");
}

/** Who the token acts as and with what, for the command's opening line. */
export function describeToken(claims: TokenClaims | null): string {
  if (!claims) return "an opaque token";
  const who = claims.upn ?? claims.unique_name ?? claims.app_displayname ?? "an application";
  const what = claims.scp ? `delegated ${claims.scp}` : claims.roles?.length ? `application ${claims.roles.join(" ")}` : "no permissions listed";
  return `${who} (${what})`;
}

/**
 * A token from the environment. Refuses at once (and again before each use) a token that has expired or is meant
 * for another service; a token that is not a JWT is passed on as it is.
 */
export function staticToken(name: string, token: string, options: StaticTokenOptions): TokenSource & { claims: TokenClaims | null } {
  const now = options.now ?? (() => Date.now());
  const value = token.trim().replace(/^Bearer\s+/i, "");
  const claims = decodeClaims(value);
  const check = () => {
    if (!claims) return;
    if (claims.aud && !options.audiences.some((a) => a.toLowerCase() === claims.aud!.toLowerCase())) {
      throw new TokenError(`${name} is a token for ${claims.aud}, not for ${options.service}. ${options.howToRenew}`);
    }
    if (typeof claims.exp === "number" && claims.exp * 1000 <= now()) {
      throw new TokenError(`${name} expired at ${time(claims.exp)}. ${options.howToRenew}`);
    }
    if (options.appOnlyNeedsCertificate && isAppOnlyFromSecret(claims)) {
      // Microsoft Learn, "Granting access via Microsoft Entra ID App-Only" (https://learn.microsoft.com/sharepoint/dev/solution-guidance/security-apponly-azuread):
      // app-only access to SharePoint REST is by certificate; SharePoint answers a secret's token with 401.
      throw new TokenError(`${name} is an app-only token obtained with a client secret, which SharePoint REST refuses: app-only access to SharePoint needs the app to sign in with a certificate. Use a certificate credential for this app, or an administrator's own (delegated) token, or the device-code sign-in (DEPLOY.md, step 6).`);
    }
  };
  check();
  return {
    claims,
    async getToken() {
      check();
      return value;
    },
  };
}

/** True when a Graph token can create lists and columns (a Sites.* permission, delegated or application). */
export function canManageSites(claims: TokenClaims | null): boolean {
  if (!claims) return true;
  const granted = [...(claims.scp?.split(" ") ?? []), ...(claims.roles ?? [])];
  return granted.some((p) => /^Sites\.(Manage|FullControl)\.All$/i.test(p) || /^Sites\.Selected$/i.test(p));
}
