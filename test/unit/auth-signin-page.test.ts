// /signin.html answers whoever opened it: Office's dialog through messageParent (Microsoft Learn, "Authenticate and
// authorize with the Office dialog API"), Teams' authentication window through notifySuccess/notifyFailure (Microsoft
// Learn, Teams "Enable authentication using third-party OAuth provider" for tabs).
import { app, authentication } from "@microsoft/teams-js";
import { sendResult } from "../../addin/auth/signin-page";

vi.mock("@microsoft/teams-js", () => ({
  app: { isInitialized: vi.fn(() => false), initialize: vi.fn(async () => undefined) },
  authentication: { notifySuccess: vi.fn(), notifyFailure: vi.fn() },
}));

const messageParent = vi.fn();
beforeEach(() => {
  vi.stubGlobal("Office", { context: { ui: { messageParent } } });
  vi.clearAllMocks();
});
afterEach(() => vi.unstubAllGlobals());

describe("the sign-in page's answer", () => {
  const ok = { ok: true as const, accessToken: "t", expiresOn: null, username: "sam@contoso.gov.uk" };

  it("goes to the Office dialog's opener by default", async () => {
    await sendResult(ok, null);
    expect(JSON.parse(messageParent.mock.calls[0][0])).toEqual(ok);
    expect(authentication.notifySuccess).not.toHaveBeenCalled();
  });

  it("goes to Teams' authentication window when opened with reply=teams, after TeamsJS is initialised", async () => {
    await sendResult(ok, "teams");
    expect(app.initialize).toHaveBeenCalledTimes(1);
    expect(JSON.parse(vi.mocked(authentication.notifySuccess).mock.calls[0][0]!)).toEqual(ok);
    expect(messageParent).not.toHaveBeenCalled();
  });

  it("reports a failure to Teams as a failure", async () => {
    await sendResult({ ok: false, error: "AADSTS65001" }, "teams");
    expect(authentication.notifyFailure).toHaveBeenCalledWith(JSON.stringify({ ok: false, error: "AADSTS65001" }));
    expect(authentication.notifySuccess).not.toHaveBeenCalled();
  });
});
