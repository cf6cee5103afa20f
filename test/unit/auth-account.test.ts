// The account manager's fallbacks with MSAL mocked at its boundary: silent → popup → Office dialog, silent-only event
// handlers, one sign-in for concurrent callers, and development tokens in emulator mode.
import { createNestablePublicClientApplication, type IPublicClientApplication } from "@azure/msal-browser";
import { createAccountManager, isSignInRequired, readConfig, SignInCancelledError, SignInError, SignInRequiredError, type AppConfig } from "../../addin/auth";

vi.mock("@azure/msal-browser", () => ({ createNestablePublicClientApplication: vi.fn() }));

const TENANT: AppConfig = readConfig(new URL("https://localhost:3000/taskpane.html"), {
  mode: "tenant",
  site: "https://contoso.sharepoint.com/sites/upc",
  tenantId: "11111111-2222-3333-4444-555555555555",
  clientId: "66666666-7777-8888-9999-000000000000",
});

const ACCOUNT = { username: "Sam.Officer@contoso.gov.uk", homeAccountId: "h", environment: "login.microsoftonline.com", tenantId: "t", localAccountId: "l" };
const soon = () => new Date(Date.now() + 60 * 60_000);
const result = (accessToken: string) => ({ accessToken, expiresOn: soon(), account: ACCOUNT });
/** MSAL's errors carry an errorCode; the manager reads only that. */
const msalError = (errorCode: string, name = "BrowserAuthError") => Object.assign(new Error(errorCode), { errorCode, name });

type Mock = ReturnType<typeof vi.fn>;
interface FakePca {
  getActiveAccount: Mock;
  getAccount: Mock;
  setActiveAccount: Mock;
  acquireTokenSilent: Mock;
  ssoSilent: Mock;
  acquireTokenPopup: Mock;
}

function fakePca(over: Partial<FakePca> = {}): FakePca {
  const pca: FakePca = {
    getActiveAccount: vi.fn(() => ACCOUNT),
    getAccount: vi.fn(() => null),
    setActiveAccount: vi.fn(),
    acquireTokenSilent: vi.fn(async () => result("silent-token")),
    ssoSilent: vi.fn(async () => result("sso-token")),
    acquireTokenPopup: vi.fn(async () => result("popup-token")),
    ...over,
  };
  vi.mocked(createNestablePublicClientApplication).mockResolvedValue(pca as unknown as IPublicClientApplication);
  return pca;
}

const dialogReply = (accessToken: string) => JSON.stringify({ ok: true, accessToken, expiresOn: soon().toISOString(), username: "sam.officer@contoso.gov.uk" });

beforeEach(() => {
  vi.mocked(createNestablePublicClientApplication).mockReset();
});

describe("account manager (tenant mode, nested app authentication)", () => {
  it("signs in silently when it can, and reuses the token until it nears expiry", async () => {
    const pca = fakePca();
    const manager = createAccountManager(TENANT, "taskpane", { openDialog: vi.fn(), hostAccount: async () => null });
    expect(await manager.getToken()).toBe("silent-token");
    expect(await manager.getToken()).toBe("silent-token");
    expect(pca.acquireTokenSilent).toHaveBeenCalledTimes(1);
    expect(pca.acquireTokenPopup).not.toHaveBeenCalled();
    expect(await manager.account()).toBe("sam.officer@contoso.gov.uk");
    const [config] = vi.mocked(createNestablePublicClientApplication).mock.calls[0];
    expect(config.auth).toMatchObject({ clientId: TENANT.clientId, authority: `https://login.microsoftonline.com/${TENANT.tenantId}` });
    // No page address here (Node): MSAL is given no redirect rather than a wrong one.
    expect(config.auth).not.toHaveProperty("redirectUri");
    const request = pca.acquireTokenSilent.mock.calls[0] as unknown as [{ scopes: string[] }];
    expect(request[0].scopes).toEqual(expect.arrayContaining(["https://graph.microsoft.com/User.Read", "https://graph.microsoft.com/Sites.Selected"]));
  });

  it("sends MSAL's popup back to the registered /signin.html on the page's origin, not to the page itself", async () => {
    fakePca();
    vi.stubGlobal("location", { origin: "https://upc.contoso.gov.uk", href: "https://upc.contoso.gov.uk/taskpane.html?x=1" });
    try {
      await createAccountManager(TENANT, "taskpane", { hostAccount: async () => null }).getToken();
    } finally {
      vi.unstubAllGlobals();
    }
    const [config] = vi.mocked(createNestablePublicClientApplication).mock.calls[0];
    expect(config.auth.redirectUri).toBe("https://upc.contoso.gov.uk/signin.html");
    expect(config.cache).toBeUndefined();
  });

  it("keeps an event handler's MSAL cache in memory (the event runtime has no web storage)", async () => {
    fakePca();
    await createAccountManager(TENANT, "event", { hostAccount: async () => null }).getToken();
    const [config] = vi.mocked(createNestablePublicClientApplication).mock.calls[0];
    expect(config.cache).toEqual({ cacheLocation: "memoryStorage" });
  });

  it("uses the host's login hint with ssoSilent when MSAL knows no account yet", async () => {
    const pca = fakePca({ getActiveAccount: vi.fn(() => null) });
    const manager = createAccountManager(TENANT, "taskpane", { hostAccount: async () => ({ loginHint: "sam.officer@contoso.gov.uk", username: "sam.officer@contoso.gov.uk" }) });
    expect(await manager.getToken()).toBe("sso-token");
    expect(pca.ssoSilent).toHaveBeenCalledWith(expect.objectContaining({ loginHint: "sam.officer@contoso.gov.uk" }));
  });

  it("opens MSAL's popup when the silent attempt needs interaction", async () => {
    const pca = fakePca({ acquireTokenSilent: vi.fn(async () => Promise.reject(msalError("interaction_required", "InteractionRequiredAuthError"))) });
    const openDialog = vi.fn();
    const manager = createAccountManager(TENANT, "taskpane", { openDialog, hostAccount: async () => null });
    expect(await manager.getToken()).toBe("popup-token");
    expect(pca.acquireTokenPopup).toHaveBeenCalledTimes(1);
    expect(pca.setActiveAccount).toHaveBeenCalledWith(ACCOUNT);
    expect(openDialog).not.toHaveBeenCalled();
  });

  it("falls back to the Office dialog when the popup is blocked", async () => {
    fakePca({
      acquireTokenSilent: vi.fn(async () => Promise.reject(msalError("interaction_required", "InteractionRequiredAuthError"))),
      acquireTokenPopup: vi.fn(async () => Promise.reject(msalError("popup_window_error"))),
    });
    const openDialog = vi.fn(async (_url: string) => dialogReply("dialog-token"));
    const manager = createAccountManager(TENANT, "taskpane", { openDialog, dialogUrl: "https://localhost:3000/signin.html", hostAccount: async () => ({ loginHint: "sam.officer@contoso.gov.uk" }) });
    expect(await manager.getToken()).toBe("dialog-token");
    const url = new URL(openDialog.mock.calls[0][0]);
    expect(url.origin + url.pathname).toBe("https://localhost:3000/signin.html");
    expect(url.searchParams.get("start")).toBe("1");
    expect(url.searchParams.get("loginHint")).toBe("sam.officer@contoso.gov.uk");
    expect(url.searchParams.get("scopes")).toContain("https://graph.microsoft.com/User.Read");
    expect(await manager.account()).toBe("sam.officer@contoso.gov.uk");
  });

  it("reports a failed dialog sign-in in words", async () => {
    fakePca({
      acquireTokenSilent: vi.fn(async () => Promise.reject(msalError("interaction_required"))),
      acquireTokenPopup: vi.fn(async () => Promise.reject(msalError("block_nested_popups"))),
    });
    const manager = createAccountManager(TENANT, "taskpane", { openDialog: async () => JSON.stringify({ ok: false, error: "AADSTS65001: consent required" }), dialogUrl: "https://localhost:3000/signin.html", hostAccount: async () => null });
    await expect(manager.getToken()).rejects.toThrow(/Sign-in did not finish: AADSTS65001/);
  });

  it("stops when the person cancels the popup, without opening the dialog", async () => {
    fakePca({
      acquireTokenSilent: vi.fn(async () => Promise.reject(msalError("interaction_required"))),
      acquireTokenPopup: vi.fn(async () => Promise.reject(msalError("user_cancelled"))),
    });
    const openDialog = vi.fn();
    const manager = createAccountManager(TENANT, "taskpane", { openDialog, hostAccount: async () => null });
    await expect(manager.getToken()).rejects.toBeInstanceOf(SignInCancelledError);
    expect(openDialog).not.toHaveBeenCalled();
  });

  it("never prompts from an event handler: it signals 'open the task pane to sign in'", async () => {
    const pca = fakePca({ acquireTokenSilent: vi.fn(async () => Promise.reject(msalError("interaction_required", "InteractionRequiredAuthError"))) });
    const openDialog = vi.fn();
    const manager = createAccountManager(TENANT, "event", { openDialog, hostAccount: async () => null });
    const error = await manager.getToken().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SignInRequiredError);
    expect(isSignInRequired(error)).toBe(true);
    expect((error as Error).message).toMatch(/Open the UPC task pane to sign in/);
    expect(pca.acquireTokenPopup).not.toHaveBeenCalled();
    expect(openDialog).not.toHaveBeenCalled();
  });

  it("an event handler still signs in silently when it can", async () => {
    fakePca();
    expect(await createAccountManager(TENANT, "event", { hostAccount: async () => null }).getToken()).toBe("silent-token");
  });

  it("opens one popup for many concurrent Graph calls", async () => {
    const pca = fakePca({ acquireTokenSilent: vi.fn(async () => Promise.reject(msalError("interaction_required"))) });
    const manager = createAccountManager(TENANT, "teams", { prepareHost: async () => {}, hostAccount: async () => null });
    const tokens = await Promise.all([manager.getToken(), manager.getToken(), manager.getToken()]);
    expect(tokens).toEqual(["popup-token", "popup-token", "popup-token"]);
    expect(pca.acquireTokenPopup).toHaveBeenCalledTimes(1);
  });

  it("prepares the Teams host before MSAL starts", async () => {
    const order: string[] = [];
    fakePca();
    vi.mocked(createNestablePublicClientApplication).mockImplementation(async () => {
      order.push("msal");
      return { getActiveAccount: () => ACCOUNT, acquireTokenSilent: async () => result("t"), setActiveAccount: () => {} } as unknown as IPublicClientApplication;
    });
    const manager = createAccountManager(TENANT, "teams", { prepareHost: async () => void order.push("teams"), hostAccount: async () => null });
    await manager.getToken();
    expect(order).toEqual(["teams", "msal"]);
  });

  it("gets a fresh token when the held one is about to expire", async () => {
    let clock = Date.now();
    const pca = fakePca({ acquireTokenSilent: vi.fn(async () => ({ accessToken: `t${pca.acquireTokenSilent.mock.calls.length}`, expiresOn: new Date(clock + 10 * 60_000), account: ACCOUNT })) });
    const manager = createAccountManager(TENANT, "taskpane", { hostAccount: async () => null, now: () => clock });
    expect(await manager.getToken()).toBe("t1");
    clock += 6 * 60_000; // within five minutes of expiry
    expect(await manager.getToken()).toBe("t2");
  });

  it("says so when sign-in cannot be reached", async () => {
    fakePca({ acquireTokenSilent: vi.fn(async () => Promise.reject(msalError("no_network_connectivity"))) });
    const manager = createAccountManager(TENANT, "taskpane", { hostAccount: async () => null });
    await expect(manager.getToken()).rejects.toThrow(SignInError);
    await expect(manager.getToken()).rejects.toThrow(/could not be reached/);
  });
});

describe("account manager (emulator mode)", () => {
  it("returns development tokens for the demo user and never touches MSAL", async () => {
    const config = readConfig(new URL("https://localhost:3000/taskpane.html?user=Dee.Decider@upc.test"));
    const manager = createAccountManager(config, "taskpane");
    const token = await manager.getToken();
    const claims = JSON.parse(Buffer.from(token.split(".")[1], "base64url").toString());
    expect(claims).toMatchObject({ upn: "dee.decider@upc.test" });
    expect(await manager.account()).toBe("dee.decider@upc.test");
    expect(createNestablePublicClientApplication).not.toHaveBeenCalled();
  });
});
