// @vitest-environment jsdom
// Every sign-in path with the real MSAL (nested app authentication) driven through a stand-in host broker
// (test/support/naa-broker.ts), as Microsoft Learn describes them: silent first, then MSAL's popup; where the host
// cannot broker NAA, the Office dialog ("Enable single sign-on in an Office Add-in with nested app authentication" >
// "Have a fallback when NAA isn't supported", https://learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in)
// or, in Teams, Teams' authentication window (TeamsJS nestedAppAuth.isNAAChannelRecommended,
// https://learn.microsoft.com/javascript/api/@microsoft/teams-js/nestedappauth).
import { createAccountManager, readConfig, SignInCancelledError, SignInError, SignInRequiredError, type AuthDeps } from "../../addin/auth";
import { teamsDialogOpener } from "../../addin/auth/teams-dialog";
import { createBroker, type BrokerOptions } from "../support/naa-broker";

const TENANT = readConfig(new URL("https://upc.example.gov.uk/taskpane.html"), {
  mode: "tenant",
  site: "https://contoso.sharepoint.com/sites/upc",
  tenantId: "11111111-2222-3333-4444-555555555555",
  clientId: "66666666-7777-8888-9999-000000000000",
});
const UPN = "sam.officer@contoso.gov.uk";
const dialogReply = (accessToken: string) => JSON.stringify({ ok: true, accessToken, expiresOn: new Date(Date.now() + 3600_000).toISOString(), username: UPN });

function withBroker(opts: Partial<BrokerOptions> = {}) {
  const broker = createBroker({ upn: UPN, ...opts });
  (window as unknown as { nestedAppAuthBridge?: unknown }).nestedAppAuthBridge = broker.bridge;
  return broker;
}

const base: AuthDeps = { hostAccount: async () => ({ loginHint: UPN, username: UPN }), redirectUri: "https://upc.example.gov.uk/signin.html" };

afterEach(() => {
  delete (window as unknown as { nestedAppAuthBridge?: unknown }).nestedAppAuthBridge;
});

describe("sign-in through the host's broker (real MSAL)", () => {
  it("task pane: silent when the broker can, with no popup and no dialog", async () => {
    const broker = withBroker();
    const openDialog = vi.fn();
    const manager = createAccountManager(TENANT, "taskpane", { ...base, naaSupported: () => true, openDialog });
    expect(await manager.getToken()).toBe("token-GetToken");
    expect(broker.calls).toEqual(["GetInitContext", "GetToken"]);
    expect(openDialog).not.toHaveBeenCalled();
  });

  it("task pane: MSAL's popup (brokered) when the silent request needs the person", async () => {
    const broker = withBroker({ silent: "interaction-required" });
    const openDialog = vi.fn();
    const manager = createAccountManager(TENANT, "taskpane", { ...base, naaSupported: () => true, openDialog });
    expect(await manager.getToken()).toBe("token-GetTokenPopup");
    expect(broker.calls).toEqual(["GetInitContext", "GetToken", "GetTokenPopup"]);
    expect(openDialog).not.toHaveBeenCalled();
  });

  it("task pane: a closed popup is a cancelled sign-in, not a dialog", async () => {
    withBroker({ silent: "interaction-required", popup: "cancel" });
    const openDialog = vi.fn();
    const manager = createAccountManager(TENANT, "taskpane", { ...base, naaSupported: () => true, openDialog });
    await expect(manager.getToken()).rejects.toBeInstanceOf(SignInCancelledError);
    expect(openDialog).not.toHaveBeenCalled();
  });

  it("event handler: silent only; interaction needed means 'sign in from the task pane', never a popup", async () => {
    const broker = withBroker({ silent: "interaction-required" });
    const manager = createAccountManager(TENANT, "event", { ...base, naaSupported: () => true });
    await expect(manager.getToken()).rejects.toBeInstanceOf(SignInRequiredError);
    expect(broker.calls).not.toContain("GetTokenPopup");
  });

  it("Outlook without NestedAppAuth 1.1: straight to the Office dialog on /signin.html, MSAL's broker never asked", async () => {
    const broker = withBroker();
    const openDialog = vi.fn(async (_url: string) => dialogReply("dialog-token"));
    const manager = createAccountManager(TENANT, "taskpane", { ...base, naaSupported: () => false, openDialog, dialogUrl: "https://upc.example.gov.uk/signin.html" });
    expect(await manager.getToken()).toBe("dialog-token");
    const url = new URL(openDialog.mock.calls[0][0]);
    expect(`${url.origin}${url.pathname}`).toBe("https://upc.example.gov.uk/signin.html");
    expect(url.searchParams.get("start")).toBe("1");
    expect(url.searchParams.get("reply")).toBeNull();
    expect(broker.calls).toEqual([]);
  });

  it("Outlook without NestedAppAuth 1.1, event handler: no MSAL and no dialog", async () => {
    const broker = withBroker();
    const manager = createAccountManager(TENANT, "event", { ...base, naaSupported: () => false });
    await expect(manager.getToken()).rejects.toBeInstanceOf(SignInRequiredError);
    expect(broker.calls).toEqual([]);
  });

  it("Teams without the NAA channel: Teams' authentication window on /signin.html?reply=teams", async () => {
    const broker = withBroker();
    const authenticate = vi.fn(async (_p: { url: string }) => dialogReply("teams-token"));
    const manager = createAccountManager(TENANT, "teams", {
      ...base,
      prepareHost: async () => undefined,
      naaSupported: async () => false,
      openDialog: teamsDialogOpener(async () => ({ authentication: { authenticate } }) as never),
      dialogChannel: "teams",
      dialogUrl: "https://upc.example.gov.uk/signin.html",
    });
    expect(await manager.getToken()).toBe("teams-token");
    const url = new URL(authenticate.mock.calls[0][0].url);
    expect(url.pathname).toBe("/signin.html");
    expect(url.searchParams.get("reply")).toBe("teams");
    expect(broker.calls).toEqual([]);
  });

  it("Teams: the page's reported failure is shown in words; a closed window is a cancelled sign-in", async () => {
    withBroker();
    const failing = teamsDialogOpener(async () => ({ authentication: { authenticate: async () => Promise.reject(new Error(JSON.stringify({ ok: false, error: "AADSTS65001: consent required" }))) } }) as never);
    const manager = createAccountManager(TENANT, "teams", { ...base, prepareHost: async () => undefined, naaSupported: () => false, openDialog: failing, dialogChannel: "teams", dialogUrl: "https://upc.example.gov.uk/signin.html" });
    await expect(manager.getToken()).rejects.toThrow(/Sign-in did not finish: AADSTS65001/);
    const closed = teamsDialogOpener(async () => ({ authentication: { authenticate: async () => Promise.reject(new Error("CancelledByUser")) } }) as never);
    const again = createAccountManager(TENANT, "teams", { ...base, prepareHost: async () => undefined, naaSupported: () => false, openDialog: closed, dialogChannel: "teams", dialogUrl: "https://upc.example.gov.uk/signin.html" });
    await expect(again.getToken()).rejects.toBeInstanceOf(SignInCancelledError);
  });

  it("reports a dialog sign-in that failed in words", async () => {
    withBroker();
    const manager = createAccountManager(TENANT, "taskpane", { ...base, naaSupported: () => false, openDialog: async () => JSON.stringify({ ok: false, error: "AADSTS50105: not assigned" }), dialogUrl: "https://upc.example.gov.uk/signin.html" });
    await expect(manager.getToken()).rejects.toThrow(SignInError);
  });
});
