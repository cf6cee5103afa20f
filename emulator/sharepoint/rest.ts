// SharePoint REST (/_api/web/…) for what Graph cannot do: permission levels, ensureuser and role assignments.
import { GraphError, type EmuRequest, type EmuResponse, type Route } from "../core/types";
import type { ListState, RoleAssignment } from "./model";
import { accessDenied, PERM, type RoleDef } from "./permissions";
import type { SitePrincipal } from "./principals";
import type { SpServices } from "./routes";
import { webUrlOf } from "./routes";

const SP_EXCEPTION = "-2146232832, Microsoft.SharePoint.SPException";

function spError(status: number, message: string, code = SP_EXCEPTION): GraphError {
  return new GraphError(status, code, message);
}

const LIST_REF = String.raw`lists/getbytitle\('(?<title>(?:[^']|'')*)'\)|lists\(guid'(?<guid>[0-9a-fA-F-]{36})'\)|lists\('(?<guid2>[0-9a-fA-F-]{36})'\)`;
/** The securable scope in a path: the web itself, or one of its lists. */
const SCOPE = String.raw`web(?:/(?:${LIST_REF}))?`;

function rest(method: Route["method"], pattern: string, name: string, handler: Route["handler"]): Route {
  return { method, pattern: new RegExp(`^/_api/${pattern}$`, "i"), name, handler };
}

/** odata=verbose wraps in { d }, collections in { results }; nometadata and minimal answer plain JSON. */
function answer(req: EmuRequest, value: unknown, status = 200): EmuResponse {
  const accept = (req.headers.accept ?? "").toLowerCase();
  const verbose = accept.includes("odata=verbose");
  const body = verbose ? { d: Array.isArray(value) ? { results: value } : value } : Array.isArray(value) ? { value } : value;
  return { status, headers: { "Content-Type": `application/json;odata=${verbose ? "verbose" : "nometadata"};charset=utf-8` }, body };
}

function roleDefJson(r: RoleDef): Record<string, unknown> {
  return {
    BasePermissions: { High: String(r.high), Low: String(r.low) },
    Description: r.description,
    Hidden: r.hidden,
    Id: r.id,
    Name: r.name,
    Order: r.order,
    RoleTypeKind: r.roleTypeKind,
  };
}

function principalJson(p: SitePrincipal): Record<string, unknown> {
  return {
    Id: p.id,
    IsHiddenInUI: false,
    LoginName: p.loginName,
    Title: p.title,
    PrincipalType: p.principalType,
    Email: p.email,
    IsSiteAdmin: false,
    UserPrincipalName: p.upn ?? null,
  };
}

function selectKeys(req: EmuRequest, o: Record<string, unknown>): Record<string, unknown> {
  const sel = req.query.$select;
  if (!sel) return o;
  const out: Record<string, unknown> = {};
  for (const k of sel.split(",").map((s) => s.trim())) {
    const key = Object.keys(o).find((x) => x.toLowerCase() === k.toLowerCase());
    if (key) out[key] = o[key];
  }
  return out;
}

function args(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of text.split(",")) {
    const eq = part.indexOf("=");
    if (eq > 0) out[part.slice(0, eq).trim().toLowerCase()] = part.slice(eq + 1).trim().replace(/^'|'$/g, "");
  }
  return out;
}

export function sharePointRestRoutes(s: SpServices): Route[] {
  const { store, permissions, principals, site, ctx } = s;
  const dirty = () => ctx.markDirty("sharepoint");

  const requireSiteAccess = (req: EmuRequest) => {
    if (!permissions.canSeeSite(req.principal, store.lists.values())) throw accessDenied();
  };
  /** The list a path names, or undefined for the web itself. */
  const scopeList = (req: EmuRequest): ListState | undefined => {
    const { title, guid, guid2 } = req.params;
    if (title === undefined && guid === undefined && guid2 === undefined) return undefined;
    const ref = title !== undefined ? title.replace(/''/g, "'") : (guid ?? guid2);
    const list = store.findList(ref);
    if (!list) throw spError(404, `List '${ref}' does not exist at site with URL '${webUrlOf(req.baseUrl, site)}'.`, "-2130575322, Microsoft.SharePoint.SPException");
    return list;
  };
  const assignmentJson = (req: EmuRequest, ra: RoleAssignment) => {
    const expand = (req.query.$expand ?? "").toLowerCase().split(",").map((x) => x.trim());
    const out: Record<string, unknown> = { PrincipalId: ra.principalId };
    const p = principals.get(ra.principalId);
    if (expand.includes("member") && p) out.Member = principalJson(p);
    if (expand.includes("roledefinitionbindings")) {
      out.RoleDefinitionBindings = ra.roleDefIds.map((id) => permissions.roleDef(id)).filter((r): r is RoleDef => !!r).map(roleDefJson);
    }
    return out;
  };
  /** Role assignments of a scope that may be changed: a list must have broken inheritance first, as in SharePoint. */
  const ownAssignments = (list: ListState | undefined): RoleAssignment[] => {
    if (!list) return permissions.state.site;
    if (!list.roleAssignments) throw spError(400, "This operation is not allowed on an object that inherits permissions.");
    return list.roleAssignments;
  };

  return [
    rest("GET", "web", "/_api/web", (req) => {
      requireSiteAccess(req);
      return answer(req, selectKeys(req, { Id: site.webGuid, Title: site.displayName, Url: webUrlOf(req.baseUrl, site), ServerRelativeUrl: site.path }));
    }),
    rest("GET", "web/currentuser", "/_api/web/currentuser", (req) => {
      requireSiteAccess(req);
      return answer(req, principalJson(principals.of(req.principal)));
    }),
    rest("GET", "web/roledefinitions", "/_api/web/roledefinitions", (req) => {
      requireSiteAccess(req);
      return answer(req, permissions.state.roleDefs.map(roleDefJson));
    }),
    rest("GET", String.raw`web/roledefinitions/getbyname\('(?<name>(?:[^']|'')*)'\)`, "/_api/web/roledefinitions/getbyname('{name}')", (req) => {
      requireSiteAccess(req);
      const name = req.params.name.replace(/''/g, "'");
      const r = permissions.state.roleDefs.find((x) => x.name.toLowerCase() === name.toLowerCase());
      if (!r) throw spError(404, "The specified permission level does not exist.", "-2146232832, Microsoft.SharePoint.SPException");
      return answer(req, roleDefJson(r));
    }),
    rest("GET", String.raw`web/roledefinitions(?:\((?<id1>\d+)\)|/getbyid\((?<id2>\d+)\))`, "/_api/web/roledefinitions({id})", (req) => {
      requireSiteAccess(req);
      const r = permissions.roleDef(Number(req.params.id1 ?? req.params.id2));
      if (!r) throw spError(404, "The specified permission level does not exist.");
      return answer(req, roleDefJson(r));
    }),
    rest("POST", "web/roledefinitions", "/_api/web/roledefinitions", (req) => {
      permissions.require(req.principal, PERM.ManagePermissions);
      const b = (req.body ?? {}) as { Name?: unknown; Description?: unknown; Order?: unknown; BasePermissions?: { Low?: unknown; High?: unknown } };
      if (typeof b.Name !== "string" || !b.Name.trim()) throw spError(400, "A permission level needs a Name.");
      if (permissions.state.roleDefs.some((r) => r.name.toLowerCase() === (b.Name as string).toLowerCase())) {
        throw spError(400, "The permission level name is already in use. Choose another name.");
      }
      const low = Number(b.BasePermissions?.Low ?? 0);
      const high = Number(b.BasePermissions?.High ?? 0);
      if (!Number.isInteger(low) || low < 0 || low > 4294967295 || !Number.isInteger(high) || high < 0) {
        throw spError(400, "BasePermissions must hold Low and High as decimal strings.");
      }
      const r: RoleDef = {
        id: permissions.state.nextRoleDefId++,
        name: b.Name.trim(),
        description: typeof b.Description === "string" ? b.Description : "",
        low,
        high,
        order: typeof b.Order === "number" ? b.Order : 1000,
        roleTypeKind: 0,
        hidden: false,
      };
      permissions.state.roleDefs.push(r);
      dirty();
      return answer(req, roleDefJson(r), 201);
    }),
    rest("POST", String.raw`web/ensureuser(?:\('(?<logon>(?:[^']|'')*)'\))?`, "/_api/web/ensureuser", (req) => {
      requireSiteAccess(req);
      const body = (req.body ?? {}) as { logonName?: unknown };
      const logon = req.params.logon !== undefined ? req.params.logon.replace(/''/g, "'") : body.logonName;
      if (typeof logon !== "string" || !logon.trim()) throw spError(400, "ensureuser needs a logonName.");
      const p = principals.resolveLogon(logon);
      if (!p) throw spError(404, `The specified user ${logon} could not be found.`);
      return answer(req, principalJson(p));
    }),
    rest("GET", `(?:${SCOPE})`, "/_api/web/lists/getbytitle('{title}')", (req) => {
      const list = scopeList(req);
      if (!list) throw spError(404, "Not found");
      permissions.require(req.principal, PERM.ViewListItems, list);
      return answer(
        req,
        selectKeys(req, {
          Id: list.id,
          Title: list.displayName,
          Description: list.description,
          ItemCount: list.items.size,
          Created: new Date(list.created).toISOString(),
          LastItemModifiedDate: new Date(list.modified).toISOString(),
          HasUniqueRoleAssignments: list.roleAssignments !== null,
          BaseTemplate: 100,
          Hidden: false,
        }),
      );
    }),
    rest("GET", `(?:${SCOPE})/roleassignments`, "{scope}/roleassignments", (req) => {
      const list = scopeList(req);
      permissions.require(req.principal, PERM.ManagePermissions, list);
      return answer(req, permissions.assignmentsOf(list).map((ra) => assignmentJson(req, ra)));
    }),
    rest("GET", String.raw`(?:${SCOPE})/roleassignments/getbyprincipalid\((?<pid>\d+)\)`, "{scope}/roleassignments/getbyprincipalid({id})", (req) => {
      const list = scopeList(req);
      permissions.require(req.principal, PERM.ManagePermissions, list);
      const ra = permissions.assignmentsOf(list).find((x) => x.principalId === Number(req.params.pid));
      if (!ra) throw spError(404, `Can not find the principal with id: ${req.params.pid}.`);
      return answer(req, assignmentJson(req, ra));
    }),
    rest("POST", String.raw`(?:${SCOPE})/breakroleinheritance\((?<args>[^)]*)\)`, "{scope}/breakroleinheritance", (req) => {
      const list = scopeList(req);
      if (!list) throw spError(400, "The root web cannot stop inheriting permissions: it has no parent.");
      permissions.require(req.principal, PERM.ManagePermissions, list);
      if (!list.roleAssignments) {
        const a = args(req.params.args);
        const copy = (a.copyroleassignments ?? "true").toLowerCase() === "true";
        list.roleAssignments = copy ? permissions.state.site.map((ra) => ({ principalId: ra.principalId, roleDefIds: [...ra.roleDefIds] })) : [];
        // SharePoint keeps the user who breaks inheritance in control of the list.
        if (!copy && req.principal.kind === "user") {
          list.roleAssignments.push({ principalId: principals.of(req.principal).id, roleDefIds: [1073741829] });
        }
        dirty();
      }
      return answer(req, { "odata.null": true });
    }),
    rest("POST", `(?:${SCOPE})/resetroleinheritance`, "{scope}/resetroleinheritance", (req) => {
      const list = scopeList(req);
      if (!list) throw spError(400, "The root web has no parent to inherit permissions from.");
      permissions.require(req.principal, PERM.ManagePermissions, list);
      list.roleAssignments = null;
      dirty();
      return answer(req, { "odata.null": true });
    }),
    rest("POST", String.raw`(?:${SCOPE})/roleassignments/(?<op>addroleassignment|removeroleassignment)\((?<args>[^)]*)\)`, "{scope}/roleassignments/{add|remove}roleassignment", (req) => {
      const list = scopeList(req);
      permissions.require(req.principal, PERM.ManagePermissions, list);
      const a = args(req.params.args);
      const principalId = Number(a.principalid);
      const roleDefId = Number(a.roledefid);
      if (!principals.get(principalId)) throw spError(400, `Cannot find principal with id: ${a.principalid}.`);
      if (!permissions.roleDef(roleDefId)) throw spError(400, `Cannot find role definition with id: ${a.roledefid}.`);
      const own = ownAssignments(list);
      const existing = own.find((ra) => ra.principalId === principalId);
      if (req.params.op.toLowerCase() === "addroleassignment") {
        if (!existing) own.push({ principalId, roleDefIds: [roleDefId] });
        else if (!existing.roleDefIds.includes(roleDefId)) existing.roleDefIds.push(roleDefId);
      } else if (existing) {
        existing.roleDefIds = existing.roleDefIds.filter((id) => id !== roleDefId);
        if (existing.roleDefIds.length === 0) own.splice(own.indexOf(existing), 1);
      }
      dirty();
      return answer(req, { "odata.null": true });
    }),
  ];
}
