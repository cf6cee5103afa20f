// Turns a Bearer token into a Principal: unsigned development JWTs of Entra's shape, delegated or app-only.
import { GraphError, type EmulatorContext, type Principal } from "./types";

/** The app a development user token stands for when it names none: the add-in and the Teams tab. */
export const DELEGATED_APP_ID = "upc-addin";

function unauthenticated(message: string): GraphError {
  return new GraphError(401, "InvalidAuthenticationToken", message);
}

function decodePart(part: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
    return value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Reads the Authorization header. A token with `upn` (or `preferred_username`) naming a directory user acts as that
 * user; a token without one but with a `roles` array acts as the application. Signatures are not checked: the
 * emulator only ever runs locally.
 */
export function authenticate(header: string | undefined, directory: EmulatorContext["directory"], nowMs: number): Principal {
  if (!header || !header.trim()) throw unauthenticated("Access token is empty.");
  const m = /^Bearer\s+(\S+)$/i.exec(header.trim());
  if (!m) throw unauthenticated("Access token validation failure. Invalid authorization header.");
  const parts = m[1].split(".");
  if (parts.length < 2 || parts.length > 3) throw unauthenticated("IDX14100: JWT is not well formed, there are no dots (.).");
  const head = decodePart(parts[0]);
  const claims = decodePart(parts[1]);
  if (!head || !claims) throw unauthenticated("Access token validation failure. Invalid token.");
  if (typeof claims.exp === "number" && claims.exp * 1000 < nowMs) {
    throw unauthenticated("Lifetime validation failed, the token is expired.");
  }
  const upn = typeof claims.upn === "string" ? claims.upn : typeof claims.preferred_username === "string" ? claims.preferred_username : undefined;
  if (upn) {
    const user = directory.findUser(upn);
    if (!user) throw unauthenticated("Access token validation failure. The user in the token does not exist in this tenant.");
    const appId = typeof claims.appid === "string" ? claims.appid : typeof claims.azp === "string" ? claims.azp : DELEGATED_APP_ID;
    return { kind: "user", userId: user.id, upn: user.userPrincipalName, name: user.displayName, appId };
  }
  if (Array.isArray(claims.roles)) {
    const appId = typeof claims.appid === "string" ? claims.appid : typeof claims.azp === "string" ? claims.azp : "unknown-app";
    return { kind: "app", appId, roles: claims.roles.filter((r): r is string => typeof r === "string") };
  }
  throw unauthenticated("Access token validation failure. The token names neither a user nor application roles.");
}

/** True when an app principal holds any of the given application permissions. */
export function appHas(principal: Principal, ...roles: string[]): boolean {
  return principal.kind === "app" && roles.some((r) => principal.roles.includes(r));
}
