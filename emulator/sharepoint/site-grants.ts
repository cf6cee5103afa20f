// Graph's site permissions (/sites/{id}/permissions): the Sites.Selected grants that let an app reach this one site.
import { GraphError, type EmuRequest, type Route } from "../core/types";
import { accessDenied, type AppGrant, type SiteGrantRole } from "./permissions";
import { namesSite, route, SITE, siteNotFound, type SpServices } from "./routes";

/** The tenant the grant ids name; the emulator is one tenant. */
const TENANT_ID = "5d2e1c7a-0b4f-4e8a-9c3d-6f1a2b3c4d5e";
const ROLES = new Set<string>(["read", "write", "manage", "fullcontrol"]);

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

function invalid(message: string): GraphError {
  return new GraphError(400, "invalidRequest", message);
}

/**
 * The id Graph gives an app's site permission: base64 of the app's SharePoint claim "i:0i.t|ms.sp.ext|{appId}@{tenantId}",
 * as in the example answer at https://learn.microsoft.com/en-us/graph/api/driveitem-post-permissions and in real 201s
 * quoted in public posts (S. Strysse, "Connecting to SharePoint Online using Managed Identity with granular access
 * permissions", learningbydoing.cloud, 2022).
 */
function grantId(appId: string): string {
  return Buffer.from(`i:0i.t|ms.sp.ext|${appId}@${TENANT_ID}`).toString("base64");
}

/**
 * roles must be read, write, manage or fullcontrol. "owner", listed on the permission resource page, is refused:
 * Graph answered 400 invalidRequest "Invalid value for role" for it
 * (https://github.com/microsoftgraph/microsoft-graph-docs/issues/18421). Early on POST took only read and write
 * (issues/11814); later answers accept fullcontrol on POST too (microsoft-graph-docs-contrib pull 9597), as here.
 */
function roles(v: unknown): SiteGrantRole[] {
  if (!Array.isArray(v) || v.length === 0 || v.some((r) => typeof r !== "string" || !ROLES.has(r.toLowerCase()))) throw invalid("Invalid value for role");
  return [...new Set(v.map((r) => (r as string).toLowerCase() as SiteGrantRole))];
}

/**
 * The one application a create names, in any of the documented shapes: grantedToIdentities (the site-post-permissions
 * example), grantedToIdentitiesV2, grantedToV2 (the driveItem form) or grantedTo (an array in the
 * permissions-selected-overview example, an identitySet on the resource page). Users cannot be granted this way.
 */
function application(body: Record<string, unknown>): { id: string; displayName: string } {
  const sets: unknown[] = [];
  for (const k of ["grantedToIdentities", "grantedToIdentitiesV2", "grantedTo", "grantedToV2"]) {
    const v = body[k];
    if (Array.isArray(v)) sets.push(...v);
    else if (v !== undefined && v !== null) sets.push(v);
  }
  if (sets.some((s) => isObject(s) && (s.user !== undefined || s.group !== undefined || s.siteUser !== undefined))) {
    throw invalid("Only application permissions can be created on a site; user site permissions are not supported.");
  }
  const apps = sets.map((s) => (isObject(s) && isObject(s.application) ? s.application : undefined));
  if (apps.length === 0 || apps.some((a) => !a || typeof a.id !== "string" || !a.id.trim())) {
    throw invalid("The permission must name one application by grantedToIdentities[].application.id.");
  }
  const ids = new Set(apps.map((a) => (a?.id as string).toLowerCase()));
  if (ids.size !== 1) throw invalid("The permission must name exactly one application.");
  const app = apps[0] as Record<string, unknown>;
  // Graph fills in the app registration's name; the emulator has no registrations, so it keeps what it was given.
  return { id: (app.id as string).trim(), displayName: typeof app.displayName === "string" ? app.displayName : "" };
}

/** The permission resource as the docs' examples show it: both the V2 and the deprecated identity collections. */
function grantJson(g: AppGrant): Record<string, unknown> {
  const identities = [{ application: { id: g.appId, displayName: g.displayName } }];
  // As site-post-permissions.md's example answers: the older property still there, annotated as deprecated.
  return { id: g.id, "@deprecated.GrantedToIdentities": "GrantedToIdentities has been deprecated. Refer to GrantedToIdentitiesV2", roles: [...g.roles], grantedToIdentities: identities, grantedToIdentitiesV2: identities };
}

/**
 * GET/POST /sites/{site}/permissions and GET/PATCH/DELETE /sites/{site}/permissions/{id}, as
 * https://learn.microsoft.com/en-us/graph/api/site-post-permissions, site-list-permissions, site-get-permission,
 * site-update-permission and site-delete-permission document them. All need Sites.FullControl.All: an app must hold
 * it; a delegated caller must also be a SharePoint administrator and a member of the site, which the emulator reads as
 * Full Control on the site. Sites.Selected with a fullcontrol grant is not enough for the site itself
 * (https://learn.microsoft.com/en-us/graph/permissions-selected-overview, "What permissions do I need to manage permissions?").
 */
export function siteGrantRoutes(s: SpServices): Route[] {
  const { permissions, site, ctx } = s;
  const dirty = () => ctx.markDirty("sharepoint");
  const context = (req: EmuRequest, suffix = "") => `${req.baseUrl}/$metadata#sites('${site.id}')/permissions${suffix}`;

  const authorise = (req: EmuRequest): void => {
    if (!namesSite(req.params.site, site)) throw siteNotFound();
    if (!permissions.mayManageGrants(req.principal)) throw accessDenied();
  };
  const grantOf = (req: EmuRequest): AppGrant => {
    authorise(req);
    const g = permissions.appGrants.find((x) => x.id === req.params.perm);
    if (!g) throw new GraphError(404, "itemNotFound", "The requested resource doesn't exist.");
    return g;
  };

  const PERMS = `${SITE}/permissions`;
  const ONE = `${PERMS}/(?<perm>.+)`;
  return [
    route("GET", PERMS, "/sites/{site}/permissions", (req) => {
      authorise(req);
      return { status: 200, body: { "@odata.context": context(req), value: permissions.appGrants.map(grantJson) } };
    }),
    route("POST", PERMS, "/sites/{site}/permissions", (req) => {
      authorise(req);
      if (!isObject(req.body)) throw invalid("The request body must be a permission object.");
      const app = application(req.body);
      const granted = roles(req.body.roles);
      // A second create for the same app changes its one grant (the id is derived from the app): our best reading.
      let g = permissions.grantOf(app.id);
      if (g) {
        g.roles = granted;
        if (app.displayName) g.displayName = app.displayName;
      } else {
        g = { id: grantId(app.id), appId: app.id, displayName: app.displayName, roles: granted };
        permissions.appGrants.push(g);
      }
      dirty();
      return { status: 201, body: { "@odata.context": context(req, "/$entity"), ...grantJson(g) } };
    }),
    route("GET", ONE, "/sites/{site}/permissions/{id}", (req) => ({ status: 200, body: { "@odata.context": context(req, "/$entity"), ...grantJson(grantOf(req)) } })),
    route("PATCH", ONE, "/sites/{site}/permissions/{id}", (req) => {
      const g = grantOf(req);
      if (!isObject(req.body) || req.body.roles === undefined) throw invalid("Only roles can be updated on a site permission.");
      g.roles = roles(req.body.roles);
      dirty();
      return { status: 200, body: { "@odata.context": context(req, "/$entity"), ...grantJson(g) } };
    }),
    route("DELETE", ONE, "/sites/{site}/permissions/{id}", (req) => {
      const g = grantOf(req);
      permissions.appGrants.splice(permissions.appGrants.indexOf(g), 1);
      dirty();
      return { status: 204 };
    }),
  ];
}
