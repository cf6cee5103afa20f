// What each host says about the signed-in person, and what it needs before MSAL starts.
import type { AuthDeps, AuthSurface, HostAccount } from "./msal-account";
import { officeDialogOpener } from "./office-dialog";

type OfficeGlobal = typeof Office | undefined;

function office(): OfficeGlobal {
  return (globalThis as { Office?: typeof Office }).Office;
}

/** Outlook: the NestedAppAuth 1.1 auth context, else the mailbox's own address. */
export async function officeHostAccount(): Promise<HostAccount | null> {
  const o = office();
  if (!o) return null;
  try {
    if (o.auth?.getAuthContext) {
      const ctx = await o.auth.getAuthContext();
      return { loginHint: ctx.loginHint || ctx.userPrincipalName, username: ctx.userPrincipalName, tenantId: ctx.tenantId, localAccountId: ctx.userObjectId };
    }
  } catch {
    // Older Outlook without NestedAppAuth 1.1: fall through to the mailbox profile.
  }
  const profile = o.context?.mailbox?.userProfile;
  if (profile && (profile.accountType === "office365" || profile.accountType === "enterprise")) return { loginHint: profile.emailAddress, username: profile.emailAddress };
  return null;
}

/** Teams: TeamsJS must be initialised before MSAL (Teams NAA guidance); loaded only in the Teams tab's bundle. */
async function teams() {
  const { app } = await import("@microsoft/teams-js");
  if (!app.isInitialized()) await app.initialize();
  return app;
}

export async function teamsHostAccount(): Promise<HostAccount | null> {
  const ctx = await (await teams()).getContext();
  const user = ctx.user;
  if (!user) return null;
  return { loginHint: user.loginHint ?? user.userPrincipalName, username: user.userPrincipalName, tenantId: user.tenant?.id, localAccountId: user.id };
}

/** The defaults for a surface; anything the caller passes wins. */
export function hostDeps(surface: AuthSurface): AuthDeps {
  switch (surface) {
    case "taskpane": {
      const o = office();
      return { hostAccount: officeHostAccount, openDialog: o?.context?.ui ? officeDialogOpener(o) : undefined };
    }
    case "event":
      return { hostAccount: officeHostAccount };
    case "teams":
      return { prepareHost: async () => void (await teams()), hostAccount: teamsHostAccount };
    case "browser":
      return {};
  }
}
