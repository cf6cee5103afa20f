// A stand-in for the sign-in broker Outlook and Teams put at window.nestedAppAuthBridge, speaking MSAL's NAA bridge
// protocol (GetInitContext, GetToken, GetTokenPopup), so tests drive the real MSAL state machine through it.

export type BrokerAnswer = "token" | "interaction-required" | "cancel" | "silent";

export interface BrokerOptions {
  upn: string;
  accessToken?: string;
  /** How GetToken (silent) is answered. */
  silent?: BrokerAnswer;
  /** How GetTokenPopup (interactive) is answered. */
  popup?: BrokerAnswer;
}

export interface Broker {
  bridge: { addEventListener(type: string, cb: (m: { data: string }) => void): void; postMessage(text: string): void };
  /** The methods MSAL asked for, in order. */
  calls: string[];
}

function b64url(value: unknown): string {
  return Buffer.from(JSON.stringify(value)).toString("base64url");
}

/** An ID token of Entra's shape (unsigned: MSAL reads its claims; the broker vouches for it). */
export function idToken(upn: string): string {
  return `${b64url({ alg: "none", typ: "JWT" })}.${b64url({ aud: "client", iss: "https://login.microsoftonline.com/tid/v2.0", tid: "tid", oid: "oid-1", preferred_username: upn, name: "Seán Ó Officer", login_hint: upn })}.`;
}

const ERRORS: Record<Exclude<BrokerAnswer, "token" | "silent">, { status: string; code: string; description: string }> = {
  "interaction-required": { status: "USER_INTERACTION_REQUIRED", code: "interaction_required", description: "Sign in again." },
  cancel: { status: "USER_CANCEL", code: "user_cancelled", description: "The person closed the window." },
};

export function createBroker(opts: BrokerOptions): Broker {
  const listeners: ((m: { data: string }) => void)[] = [];
  const calls: string[] = [];
  const bridge = {
    addEventListener: (_type: string, cb: (m: { data: string }) => void) => void listeners.push(cb),
    postMessage: (text: string) => {
      const req = JSON.parse(text) as { method: string; requestId: string; tokenParams?: { scope?: string } };
      calls.push(req.method);
      const reply = (body: Record<string, unknown>) => setTimeout(() => listeners.forEach((l) => l({ data: JSON.stringify({ messageType: "NestedAppAuthResponse", requestId: req.requestId, ...body }) })), 0);
      if (req.method === "GetInitContext") return reply({ success: true, initContext: { sdkName: "host-stand-in", sdkVersion: "1.0", capabilities: { queryAccount: false } } });
      const answer = req.method === "GetTokenPopup" ? (opts.popup ?? "token") : (opts.silent ?? "token");
      if (answer === "silent") return;
      if (answer === "token") {
        return reply({
          success: true,
          token: { access_token: opts.accessToken ?? `token-${req.method}`, id_token: idToken(opts.upn), expires_in: 3600, scope: req.tokenParams?.scope },
          account: { homeAccountId: "oid-1.tid", environment: "login.microsoftonline.com", tenantId: "tid", username: opts.upn, localAccountId: "oid-1" },
        });
      }
      return reply({ success: false, error: ERRORS[answer] });
    },
  };
  return { bridge, calls };
}
