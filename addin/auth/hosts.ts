// What each host says about the signed-in person, what it needs before MSAL starts, and its sign-in fallback.
import type { AuthDeps, AuthSurface, HostAccount } from "./msal-account";
import { officeDialogOpener } from "./office-dialog";
import { officeHostAccount, officeNaaSupported } from "./office-host";
import { teamsDialogOpener } from "./teams-dialog";

export { officeHostAccount } from "./office-host";

function office(): typeof Office | undefined {
  return (globalThis as { Office?: typeof Office }).Office;
}

/** Teams: TeamsJS must be initialised before MSAL (Teams NAA guidance); loaded only in the Teams tab's bundle. */
async function teams() {
  const teamsJs = await import("@microsoft/teams-js");
  if (!teamsJs.app.isInitialized()) await teamsJs.app.initialize();
  return teamsJs;
}

export async function teamsHostAccount(): Promise<HostAccount | null> {
  const ctx = await (await teams()).app.getContext();
  const user = ctx.user;
  if (!user) return null;
  return { loginHint: user.loginHint ?? user.userPrincipalName, username: user.userPrincipalName, tenantId: user.tenant?.id, localAccountId: user.id };
}

/**
 * Teams says whether it can broker NAA with nestedAppAuth.isNAAChannelRecommended() (Microsoft Learn, TeamsJS
 * "nestedAppAuth module", https://learn.microsoft.com/javascript/api/@microsoft/teams-js/nestedappauth).
 */
async function teamsNaaSupported(): Promise<boolean | undefined> {
  try {
    return (await teams()).nestedAppAuth.isNAAChannelRecommended();
  } catch {
    return undefined;
  }
}

/** The defaults for a surface; anything the caller passes wins. */
export function hostDeps(surface: AuthSurface): AuthDeps {
  switch (surface) {
    case "taskpane": {
      const o = office();
      return { hostAccount: officeHostAccount, naaSupported: officeNaaSupported, openDialog: o?.context?.ui ? officeDialogOpener(o) : undefined };
    }
    case "event":
      return { hostAccount: officeHostAccount, naaSupported: officeNaaSupported };
    case "teams":
      return { prepareHost: async () => void (await teams()), hostAccount: teamsHostAccount, naaSupported: teamsNaaSupported, openDialog: teamsDialogOpener(teams), dialogChannel: "teams" };
    case "browser":
      return {};
  }
}
