// Signing in to a Microsoft 365 tenant with nested app authentication (NAA): silent first, then MSAL's popup (returning
// to the registered /signin.html), then the host's dialog when the popup cannot open; where the host cannot broker NAA
// at all, the host's dialog straight away. Event handlers never prompt: they get SignInRequiredError.
import type { AccountInfo, AuthenticationResult, IPublicClientApplication } from "@azure/msal-browser";
import type { AppConfig } from "./config";
import { SignInCancelledError, SignInError, SignInRequiredError } from "./errors";
import { parseDialogResult, type DialogOpener } from "./office-dialog";
import { DEFAULT_GRAPH_SCOPES, qualifiedScopes } from "./scopes";

/** Where the add-in runs: the task pane and Teams tab may prompt; event handlers must stay silent. */
export type AuthSurface = "taskpane" | "teams" | "event" | "browser";

/** Who the host says is signed in: Office.auth.getAuthContext() in Outlook, the Teams context in Teams. */
export interface HostAccount {
  loginHint?: string;
  username?: string;
  tenantId?: string;
  localAccountId?: string;
}

export interface AuthDeps {
  /** Opens the sign-in page in the Office dialog (Outlook only); tests pass a fake. */
  openDialog?: DialogOpener;
  /** Address of the dialog's sign-in page (default /signin.html on the page's origin). */
  dialogUrl?: string;
  /** The host's idea of the signed-in person, to find MSAL's account and hint the sign-in. */
  hostAccount?: () => Promise<HostAccount | null>;
  /** Runs before MSAL starts (Teams: TeamsJS must be initialised first). */
  prepareHost?: () => Promise<void>;
  /** Whether the host can broker NAA (Outlook: NestedAppAuth 1.1; Teams: isNAAChannelRecommended); undefined: unknown. */
  naaSupported?: () => boolean | undefined | Promise<boolean | undefined>;
  /** How the sign-in page answers the dialog: Office's messageParent (default) or Teams' notifySuccess. */
  dialogChannel?: "office" | "teams";
  /** The registered page MSAL's popup returns to (default /signin.html on the page's origin). */
  redirectUri?: string;
  now?: () => number;
}

/** A token is reused until this close to its expiry. */
const EARLY_MS = 5 * 60_000;

/** MSAL errors that mean the popup never showed (blocked, or the host refused to open it). */
const POPUP_BLOCKED = new Set(["popup_window_error", "empty_window_error", "block_nested_popups", "popup_relay_unsupported_flow", "monitor_window_timeout"]);
// MSAL 5 reports a person closing the brokered window as "user_canceled" (ClientAuthErrorCodes.userCanceled).
const CANCELLED = new Set(["user_canceled", "user_cancelled", "access_denied_user_cancelled"]);
const OFFLINE = new Set(["no_network_connectivity", "endpoints_resolution_error"]);

/** An address on this page's origin, without URL (the event runtime may have no location and no URL parser). */
function pageAddress(path: string): string | undefined {
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  return origin && /^https?:\/\//.test(origin) ? `${origin}${path}` : undefined;
}

function codeOf(e: unknown): string {
  return typeof e === "object" && e !== null ? String((e as { errorCode?: unknown }).errorCode ?? "") : "";
}

function describe(e: unknown): string {
  if (typeof e === "object" && e !== null) {
    const m = (e as { errorMessage?: unknown; message?: unknown }).errorMessage ?? (e as { message?: unknown }).message;
    if (m) return String(m);
  }
  return String(e);
}

interface Held {
  token: string;
  expiresAt: number;
  username: string;
}

export interface TenantAccountManager {
  getToken(): Promise<string>;
  account(): Promise<string>;
}

export function createTenantAccountManager(config: AppConfig, surface: AuthSurface, deps: AuthDeps = {}): TenantAccountManager {
  const now = deps.now ?? (() => Date.now());
  const scopes = qualifiedScopes(config.scopes ?? DEFAULT_GRAPH_SCOPES);
  const authority = `https://login.microsoftonline.com/${config.tenantId}`;
  let pca: Promise<IPublicClientApplication> | undefined;
  let host: Promise<HostAccount | null> | undefined;
  let held: Held | undefined;
  let inflight: Promise<Held> | undefined;

  const client = () =>
    (pca ??= (async () => {
      await deps.prepareHost?.();
      // Loaded only in tenant mode, so the emulator build and the first paint never carry MSAL.
      const { createNestablePublicClientApplication } = await import("@azure/msal-browser");
      // Without a redirectUri MSAL's popup would return to the page that opened it, which is not registered.
      const redirectUri = deps.redirectUri ?? pageAddress("/signin.html");
      return createNestablePublicClientApplication({
        auth: { clientId: config.clientId!, authority, ...(redirectUri ? { redirectUri } : {}) },
        // Classic Outlook runs event handlers where there is no web storage (Microsoft Learn, "Runtimes in Office
        // Add-ins" > "JavaScript-only runtime", https://learn.microsoft.com/office/dev/add-ins/testing/runtimes).
        ...(surface === "event" ? { cache: { cacheLocation: "memoryStorage" as const } } : {}),
      });
    })());
  let naa: Promise<boolean | undefined> | undefined;
  const naaSupported = () => (naa ??= Promise.resolve().then(() => deps.naaSupported?.()).catch(() => undefined));
  const hostAccount = () => (host ??= (deps.hostAccount?.() ?? Promise.resolve(null)).catch(() => null));

  const keep = (token: string, expiresOn: Date | string | null | undefined, username: string): Held => {
    const at = expiresOn ? new Date(expiresOn).getTime() : NaN;
    held = { token, expiresAt: Number.isFinite(at) ? at : now() + 30 * 60_000, username: username.toLowerCase() };
    return held;
  };
  const fromResult = (r: AuthenticationResult) => keep(r.accessToken, r.expiresOn, r.account?.username ?? "");

  function knownAccount(app: IPublicClientApplication, hint: HostAccount | null): AccountInfo | null {
    const active = app.getActiveAccount();
    if (active) return active;
    if (!hint) return null;
    return app.getAccount({ username: hint.username, tenantId: hint.tenantId, localAccountId: hint.localAccountId, loginHint: hint.loginHint }) ?? null;
  }

  async function silently(app: IPublicClientApplication, hint: HostAccount | null): Promise<Held> {
    const account = knownAccount(app, hint);
    const result = account ? await app.acquireTokenSilent({ scopes, account }) : await app.ssoSilent({ scopes, loginHint: hint?.loginHint ?? hint?.username });
    if (result.account) app.setActiveAccount(result.account);
    return fromResult(result);
  }

  async function byDialog(hint: HostAccount | null): Promise<Held> {
    const page = globalThis.location?.href;
    if (!deps.dialogUrl && !page) throw new SignInError("The sign-in window has no page to open.");
    const url = new URL(deps.dialogUrl ?? "/signin.html", page);
    url.searchParams.set("start", "1");
    if (deps.dialogChannel === "teams") url.searchParams.set("reply", "teams");
    url.searchParams.set("scopes", scopes.join(" "));
    if (hint?.loginHint ?? hint?.username) url.searchParams.set("loginHint", (hint?.loginHint ?? hint?.username)!);
    const reply = parseDialogResult(await deps.openDialog!(url.toString()));
    if (!reply.ok) throw new SignInError(`Sign-in did not finish: ${reply.error}`);
    return keep(reply.accessToken, reply.expiresOn, reply.username || hint?.username || "");
  }

  async function interactively(app: IPublicClientApplication, hint: HostAccount | null): Promise<Held> {
    try {
      const result = await app.acquireTokenPopup({ scopes, loginHint: hint?.loginHint ?? hint?.username });
      if (result.account) app.setActiveAccount(result.account);
      return fromResult(result);
    } catch (e) {
      const code = codeOf(e);
      if (CANCELLED.has(code)) throw new SignInCancelledError({ cause: e });
      if (POPUP_BLOCKED.has(code) && deps.openDialog) return byDialog(hint);
      if (POPUP_BLOCKED.has(code)) throw new SignInError("The sign-in window was blocked. Allow pop-ups for this add-in and try again.", { cause: e });
      throw new SignInError(`Sign-in did not finish: ${describe(e)}`, { cause: e });
    }
  }

  async function acquire(): Promise<Held> {
    if ((await naaSupported()) === false) {
      // The host cannot broker the sign-in (older Outlook or Teams): the event handler has no window to ask in; the
      // task pane and the tab use their host's dialog, the fallback Microsoft documents for this case.
      if (surface === "event") throw new SignInRequiredError();
      if (deps.openDialog) return byDialog(await hostAccount());
    }
    const app = await client();
    const hint = await hostAccount();
    try {
      return await silently(app, hint);
    } catch (e) {
      if (OFFLINE.has(codeOf(e))) throw new SignInError("Microsoft sign-in could not be reached. Check the network connection and try again.", { cause: e });
      // An event handler has no window to prompt in: the person signs in from the task pane instead.
      if (surface === "event") throw new SignInRequiredError({ cause: e });
      return interactively(app, hint);
    }
  }

  async function current(): Promise<Held> {
    if (held && held.expiresAt - now() > EARLY_MS) return held;
    // One sign-in at a time: concurrent Graph calls share it instead of opening several popups.
    return (inflight ??= acquire().finally(() => {
      inflight = undefined;
    }));
  }

  return {
    getToken: async () => (await current()).token,
    async account() {
      if (held?.username) return held.username;
      const hint = await hostAccount();
      if (hint?.username) return hint.username.toLowerCase();
      return (await current()).username;
    },
  };
}
