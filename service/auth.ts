// Tokens for the service: development app tokens on the emulator, Entra client credentials on a tenant.
import { devAppTokens } from "../graph/auth/dev-token";
import type { TokenSource } from "../graph/client/factory";
import type { ServiceConfig } from "./config";

/** Client-credentials flow against Entra ID (v2 endpoint), with the token kept until five minutes before it expires. */
export function clientCredentialTokens(tenantId: string, clientId: string, clientSecret: string, authority = "https://login.microsoftonline.com"): TokenSource {
  let cached: { token: string; until: number } | null = null;
  let pending: Promise<string> | null = null;
  const fetchToken = async (): Promise<string> => {
    const res = await fetch(`${authority}/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ grant_type: "client_credentials", client_id: clientId, client_secret: clientSecret, scope: "https://graph.microsoft.com/.default" }),
    });
    const body = (await res.json().catch(() => ({}))) as { access_token?: string; expires_in?: number; error?: string };
    // Entra's error text can echo the request; only its code is kept.
    if (!res.ok || !body.access_token) throw new Error(`Sign-in to Microsoft Entra ID failed (${res.status} ${body.error ?? ""}).`);
    cached = { token: body.access_token, until: Date.now() + ((body.expires_in ?? 3600) - 300) * 1000 };
    return body.access_token;
  };
  return {
    async getToken() {
      if (cached && Date.now() < cached.until) return cached.token;
      pending ??= fetchToken().finally(() => (pending = null));
      return pending;
    },
  };
}

export function tokensFor(config: ServiceConfig): TokenSource {
  if (config.emulator) return devAppTokens();
  return clientCredentialTokens(config.tenantId!, config.clientId!, config.clientSecret!);
}
