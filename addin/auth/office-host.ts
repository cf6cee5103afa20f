// What Outlook says about the signed-in person and about nested app authentication, with no other host's code, so
// the event handlers' bundle (commands.js) carries nothing for Teams.
import type { HostAccount } from "./msal-account";

function office(): typeof Office | undefined {
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

/**
 * Whether this Outlook can broker sign-in for the add-in: the check Microsoft documents, isSetSupported("NestedAppAuth",
 * "1.1") (Microsoft Learn, "Enable single sign-on in an Office Add-in with nested app authentication" > "Have a fallback
 * when NAA isn't supported", https://learn.microsoft.com/office/dev/add-ins/develop/enable-nested-app-authentication-in-your-add-in).
 * Outside Office (no requirements API) it is unknown, and MSAL finds out for itself.
 */
export function officeNaaSupported(): boolean | undefined {
  const requirements = office()?.context?.requirements;
  if (!requirements?.isSetSupported) return undefined;
  try {
    return requirements.isSetSupported("NestedAppAuth", "1.1");
  } catch {
    return undefined;
  }
}
