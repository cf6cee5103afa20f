// The Teams tab's sign-in fallback when Teams cannot broker NAA: Teams' own authentication pop-up showing /signin.html,
// which answers with authentication.notifySuccess/notifyFailure (Microsoft Learn, "Enable authentication using
// third-party OAuth provider" for tabs, https://learn.microsoft.com/microsoftteams/platform/tabs/how-to/authentication/auth-flow-tab).
import type { DialogOpener } from "./office-dialog";
import { SignInCancelledError } from "./errors";

type TeamsJs = typeof import("@microsoft/teams-js");

/** Opens `url` in Teams' authentication window; resolves with what the page reported, success or failure alike. */
export function teamsDialogOpener(load: () => Promise<Pick<TeamsJs, "authentication">>): DialogOpener {
  return async (url) => {
    const { authentication } = await load();
    try {
      return await authentication.authenticate({ url, width: 600, height: 535 });
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      // Teams reports a closed window as "CancelledByUser"; anything else is the page's own failure message.
      if (/CancelledByUser/i.test(reason)) throw new SignInCancelledError({ cause: e });
      return reason;
    }
  };
}
