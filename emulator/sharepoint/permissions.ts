// SharePoint permissions: role definitions, role assignments on the site and on lists, and the checks Graph calls pass.
import { GraphError, type Principal } from "../core/types";
import type { ListState, RoleAssignment } from "./model";
import type { Principals } from "./principals";

/** SP.BasePermissions (low word) bits the emulator enforces. */
export const PERM = {
  ViewListItems: 0x1,
  AddListItems: 0x2,
  EditListItems: 0x4,
  DeleteListItems: 0x8,
  ManageLists: 0x800,
  ManagePermissions: 0x2000000,
} as const;

export interface RoleDef {
  id: number;
  name: string;
  description: string;
  low: number;
  high: number;
  order: number;
  roleTypeKind: number;
  hidden: boolean;
}

/** SharePoint Online's built-in permission levels with their real masks. */
export function builtInRoleDefs(): RoleDef[] {
  return [
    { id: 1073741829, name: "Full Control", description: "Has full control.", low: 4294967295, high: 2147483647, order: 1, roleTypeKind: 5, hidden: false },
    { id: 1073741828, name: "Design", description: "Can view, add, update, delete, approve, and customize.", low: 1012866047, high: 432, order: 32, roleTypeKind: 4, hidden: false },
    { id: 1073741830, name: "Edit", description: "Can add, edit and delete lists; can view, add, update and delete list items and documents.", low: 1011030767, high: 432, order: 48, roleTypeKind: 6, hidden: false },
    { id: 1073741827, name: "Contribute", description: "Can view, add, update, and delete list items and documents.", low: 1011028719, high: 432, order: 64, roleTypeKind: 3, hidden: false },
    { id: 1073741826, name: "Read", description: "Can view pages and list items and download documents.", low: 138612833, high: 176, order: 128, roleTypeKind: 2, hidden: false },
    { id: 1073741825, name: "Limited Access", description: "Can view specific lists, document libraries, list items, folders, or documents when given permissions.", low: 134283264, high: 48, order: 160, roleTypeKind: 1, hidden: true },
  ];
}

const APP_READ = ["Sites.Read.All", "Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All"];
const APP_WRITE = ["Sites.ReadWrite.All", "Sites.Manage.All", "Sites.FullControl.All"];
const APP_MANAGE = ["Sites.Manage.All", "Sites.FullControl.All"];
const APP_FULL = ["Sites.FullControl.All"];
/** The application permission whose reach is only the sites granted to the app (POST /sites/{id}/permissions). */
export const SITES_SELECTED = "Sites.Selected";

/** Roles a site grant can give an app (https://learn.microsoft.com/en-us/graph/permissions-selected-overview, "Roles"). */
export type SiteGrantRole = "read" | "write" | "manage" | "fullcontrol";

/**
 * The permission level each grant role acts as. Write is Contribute (items, not lists: observed at
 * https://www.leonarmston.com/2022/02/use-sites-selected-permission-with-fullcontrol-rather-than-write-or-read/),
 * manage is Design (lists and columns too), fullcontrol is Full Control (also permissions).
 */
const GRANT_LEVEL: Record<SiteGrantRole, number> = { read: 1073741826, write: 1073741827, manage: 1073741828, fullcontrol: 1073741829 };

/** One app's access to this site, as POST /sites/{id}/permissions records it. */
export interface AppGrant {
  id: string;
  appId: string;
  displayName: string;
  roles: SiteGrantRole[];
}

export function accessDenied(): GraphError {
  return new GraphError(403, "accessDenied", "Access denied. You do not have permission to perform this action or access this resource.");
}

export interface PermissionState {
  roleDefs: RoleDef[];
  site: RoleAssignment[];
  nextRoleDefId: number;
  /** Sites.Selected grants; absent in data saved before they existed. */
  appGrants?: AppGrant[];
}

export class Permissions {
  state: PermissionState = { roleDefs: [], site: [], nextRoleDefId: 1073741924, appGrants: [] };

  constructor(
    private readonly principals: Principals,
    private readonly adminsGroupId: string,
  ) {
    this.reset();
  }

  /** A new site: built-in levels, and UPC Admins with Full Control so an administrator can provision it. */
  reset(): void {
    const admins = this.principals.resolveLogon(`c:0t.c|tenant|${this.adminsGroupId}`);
    this.state = {
      roleDefs: builtInRoleDefs(),
      site: admins ? [{ principalId: admins.id, roleDefIds: [1073741829] }] : [],
      nextRoleDefId: 1073741924,
      appGrants: [],
    };
  }

  get appGrants(): AppGrant[] {
    return (this.state.appGrants ??= []);
  }

  grantOf(appId: string): AppGrant | undefined {
    return this.appGrants.find((g) => g.appId.toLowerCase() === appId.toLowerCase());
  }

  /**
   * What an app may do here: its tenant-wide Sites.* permission, or with Sites.Selected only what a grant to its app id
   * allows (https://learn.microsoft.com/en-us/graph/permissions-selected-overview, "How access is calculated"). A grant
   * covers the whole site, lists with their own permissions included, as the add-in model's site collection scope
   * does; that is our reading, not a documented statement.
   */
  private appAllows(principal: Extract<Principal, { kind: "app" }>, perm: number): boolean {
    const roles = perm === PERM.ViewListItems ? APP_READ : perm === PERM.ManageLists ? APP_MANAGE : perm === PERM.ManagePermissions ? APP_FULL : APP_WRITE;
    if (roles.some((r) => principal.roles.includes(r))) return true;
    return (this.selectedMask(principal) & perm) !== 0;
  }

  /** The permission mask a Sites.Selected app holds through its grant here (0 without the scope or a grant). */
  private selectedMask(principal: Extract<Principal, { kind: "app" }>): number {
    if (!principal.roles.includes(SITES_SELECTED)) return 0;
    let mask = 0;
    for (const role of this.grantOf(principal.appId)?.roles ?? []) mask = (mask | (this.roleDef(GRANT_LEVEL[role])?.low ?? 0)) >>> 0;
    return mask;
  }

  /** Who may list and change Sites.Selected grants: see site-grants.ts. */
  mayManageGrants(principal: Principal): boolean {
    if (principal.kind === "app") return APP_FULL.some((r) => principal.roles.includes(r));
    return (this.userMask(principal.userId) & PERM.ManagePermissions) !== 0;
  }

  roleDef(id: number): RoleDef | undefined {
    return this.state.roleDefs.find((r) => r.id === id);
  }

  assignmentsOf(list?: ListState): RoleAssignment[] {
    return list && list.roleAssignments ? list.roleAssignments : this.state.site;
  }

  /** Union of the low permission words granted to a user, directly or through a directory group. */
  userMask(userId: string, list?: ListState): number {
    const ids = new Set(this.principals.idsFor(userId));
    let mask = 0;
    for (const ra of this.assignmentsOf(list)) {
      if (!ids.has(ra.principalId)) continue;
      for (const rid of ra.roleDefIds) mask = (mask | (this.roleDef(rid)?.low ?? 0)) >>> 0;
    }
    return mask;
  }

  /** Whether a caller holds a permission on a list (or on the site when no list is given). */
  has(principal: Principal, perm: number, list?: ListState): boolean {
    if (principal.kind === "app") return this.appAllows(principal, perm);
    return (this.userMask(principal.userId, list) & perm) !== 0;
  }

  require(principal: Principal, perm: number, list?: ListState): void {
    if (!this.has(principal, perm, list)) throw accessDenied();
  }

  /** SharePoint's "limited access": any permission on the site or on one of its lists lets a user see the site. */
  canSeeSite(principal: Principal, lists: Iterable<ListState>): boolean {
    if (principal.kind === "app") return APP_READ.some((r) => principal.roles.includes(r)) || this.selectedMask(principal) !== 0;
    if (this.userMask(principal.userId) !== 0) return true;
    for (const l of lists) if (l.roleAssignments && this.userMask(principal.userId, l) !== 0) return true;
    return false;
  }
}
