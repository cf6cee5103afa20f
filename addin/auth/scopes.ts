// The delegated Microsoft Graph permissions the add-in and the Teams tab ask for (DEPLOY.md says why each is needed).
// The manifest's nestedAppAuthInfo is generated from this same list, so the prefetched token matches the request.

/** Graph's resource, for fully qualified scopes. */
export const GRAPH_RESOURCE = "https://graph.microsoft.com";

/**
 * The default set: the site's lists through Sites.Selected (the app is granted the one UPC site; each person's
 * SharePoint permissions still apply), the signed-in profile, the five UPC groups' names, the open message's category
 * and the directory search behind the people pickers (job title and work phone need User.Read.All: User.ReadBasic.All
 * gives names, e-mail and photo only). A build may replace Sites.Selected with Sites.ReadWrite.All (DEPLOY.md).
 */
// No Mail.Send: letters and notices are sent by the case service from the notice mailbox, not from the officer's own.
export const DEFAULT_GRAPH_SCOPES = ["User.Read", "User.Read.All", "GroupMember.Read.All", "Sites.Selected", "Mail.ReadWrite"] as const;

/** Scopes as MSAL sends them: fully qualified for Graph, so no other resource is ever implied; an API's own stay as given. */
export function qualifiedScopes(scopes: readonly string[]): string[] {
  return scopes.map((s) => (/^(https?|api):\/\//.test(s) ? s : `${GRAPH_RESOURCE}/${s}`));
}
