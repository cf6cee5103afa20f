// Who is calling the case service: an Entra access token checked with the tenant's published keys (signature, issuer,
// audience, expiry, scope), or, only when the service runs against the emulator, the emulator's development token.
import { createRemoteJWKSet, decodeProtectedHeader, errors as joseErrors, jwtVerify, type JWTVerifyGetKey } from "jose";

export interface Caller {
  /** The person's sign-in name, lower-cased. */
  upn: string;
  /** Their directory object id (the emulator's development tokens carry the UPN instead). */
  oid: string;
}

export class AuthError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AuthError";
  }
}

export interface TokenCheck {
  /** The caller named by `Authorization: Bearer …`; throws AuthError with words for the person otherwise. */
  verify(authorization: string | undefined): Promise<Caller>;
}

const SIGN_IN_AGAIN = "Your sign-in was not accepted by the case service. Sign in again and retry.";

function bearer(authorization: string | undefined): string {
  const m = /^Bearer\s+(\S+)$/i.exec(authorization?.trim() ?? "");
  if (!m) throw new AuthError("You are not signed in to the case service. Sign in and retry.");
  return m[1];
}

/** The emulator's unsigned development tokens: never accepted unless the service itself runs against the emulator. */
export function developmentTokens(): TokenCheck {
  return {
    async verify(authorization) {
      const parts = bearer(authorization).split(".");
      let claims: Record<string, unknown>;
      try {
        claims = JSON.parse(Buffer.from(parts[1] ?? "", "base64url").toString("utf8")) as Record<string, unknown>;
      } catch {
        throw new AuthError(SIGN_IN_AGAIN);
      }
      if (typeof claims.exp === "number" && claims.exp * 1000 < Date.now()) throw new AuthError("Your sign-in has expired. Sign in again and retry.");
      const upn = typeof claims.upn === "string" ? claims.upn : typeof claims.preferred_username === "string" ? claims.preferred_username : "";
      if (!upn.includes("@")) throw new AuthError(SIGN_IN_AGAIN);
      return { upn: upn.trim().toLowerCase(), oid: typeof claims.oid === "string" ? claims.oid : upn };
    },
  };
}

export interface EntraOptions {
  tenantId: string;
  /** The API's Application ID URI (api://…) and its client id: Entra puts one or the other in `aud`. */
  audiences: string[];
  /** The delegated scope people consent to, e.g. "access_as_user". */
  scope: string;
  /** The tenant's signing keys; by default fetched (and cached) from the tenant's discovery keys endpoint. */
  keys?: JWTVerifyGetKey;
  authority?: string;
}

/**
 * Entra ID access tokens for this API (learn.microsoft.com/entra/identity-platform/access-tokens, "Validate tokens"):
 * RS256, signed by a key from the tenant's JWKS, issued by this tenant (v1 or v2 endpoint), for this API, in date,
 * with the API's scope, for a person (oid) rather than an app.
 */
export function entraTokens(o: EntraOptions): TokenCheck {
  const authority = (o.authority ?? "https://login.microsoftonline.com").replace(/\/+$/, "");
  const keys = o.keys ?? createRemoteJWKSet(new URL(`${authority}/${encodeURIComponent(o.tenantId)}/discovery/v2.0/keys`));
  const issuers = [`${authority}/${o.tenantId}/v2.0`, `https://sts.windows.net/${o.tenantId}/`];
  return {
    async verify(authorization) {
      const token = bearer(authorization);
      try {
        if (decodeProtectedHeader(token).alg !== "RS256") throw new AuthError(SIGN_IN_AGAIN);
      } catch {
        throw new AuthError(SIGN_IN_AGAIN);
      }
      let payload: Record<string, unknown>;
      try {
        payload = (await jwtVerify(token, keys, { algorithms: ["RS256"], issuer: issuers, audience: o.audiences, clockTolerance: 60 })).payload as Record<string, unknown>;
      } catch (e) {
        if (e instanceof joseErrors.JWTExpired) throw new AuthError("Your sign-in has expired. Sign in again and retry.");
        throw new AuthError(SIGN_IN_AGAIN);
      }
      if (payload.tid !== o.tenantId) throw new AuthError(SIGN_IN_AGAIN);
      const scopes = typeof payload.scp === "string" ? payload.scp.split(" ") : [];
      if (!scopes.includes(o.scope)) throw new AuthError("Your sign-in does not include permission to use the case service. Ask an administrator to grant consent for it.");
      const upn = typeof payload.preferred_username === "string" ? payload.preferred_username : typeof payload.upn === "string" ? payload.upn : "";
      if (typeof payload.oid !== "string" || !upn) throw new AuthError(SIGN_IN_AGAIN);
      return { upn: upn.trim().toLowerCase(), oid: payload.oid };
    },
  };
}
