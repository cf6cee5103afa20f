// Site principals (SharePoint's user information list): stable numeric ids for directory users, groups and the app.
import type { EmulatorContext, Principal } from "../core/types";

export interface SitePrincipal {
  id: number;
  title: string;
  loginName: string;
  email: string;
  /** SharePoint's PrincipalType: 1 user, 4 security group. */
  principalType: 1 | 4;
  /** Directory object id (user or group), or the app id. */
  objectId: string;
  upn?: string;
}

/** "SharePoint App", the author SharePoint records for items written with an app-only token. */
export const APP_PRINCIPAL_ID = 1073741822;
const FIRST_GROUP_ID = 7;

export class Principals {
  private readonly byId = new Map<number, SitePrincipal>();
  private readonly byLogin = new Map<string, SitePrincipal>();
  private readonly byObject = new Map<string, SitePrincipal>();

  constructor(private readonly directory: EmulatorContext["directory"]) {
    // Ids follow the seeded directory's order, so they are the same on every start without being stored.
    let next = FIRST_GROUP_ID;
    for (const g of directory.groups()) {
      this.add({ id: next++, title: g.displayName, loginName: `c:0t.c|tenant|${g.id}`, email: "", principalType: 4, objectId: g.id });
    }
    for (const u of directory.users()) {
      this.add({
        id: next++,
        title: u.displayName,
        loginName: `i:0#.f|membership|${u.userPrincipalName}`,
        email: u.mail,
        principalType: 1,
        objectId: u.id,
        upn: u.userPrincipalName,
      });
    }
    // The app is found by id only: no logon name or directory object resolves to it.
    this.byId.set(APP_PRINCIPAL_ID, {
      id: APP_PRINCIPAL_ID,
      title: "SharePoint App",
      loginName: "i:0i.t|00000003-0000-0ff1-ce00-000000000000|app@sharepoint",
      email: "",
      principalType: 1,
      objectId: "app",
    });
  }

  private add(p: SitePrincipal): void {
    this.byId.set(p.id, p);
    this.byLogin.set(p.loginName.toLowerCase(), p);
    this.byObject.set(p.objectId.toLowerCase(), p);
  }

  get(id: number): SitePrincipal | undefined {
    return this.byId.get(id);
  }

  /** ensureuser's logon names: `i:0#.f|membership|upn`, `c:0t.c|tenant|groupId`, or a bare UPN or e-mail. */
  resolveLogon(logonName: string): SitePrincipal | undefined {
    const key = logonName.trim().toLowerCase();
    const direct = this.byLogin.get(key);
    if (direct) return direct;
    const user = this.directory.findUser(key.replace(/^i:0#\.f\|membership\|/, ""));
    if (user) return this.byObject.get(user.id.toLowerCase());
    const group = key.replace(/^c:0t\.c\|tenant\|/, "");
    return this.byObject.get(group);
  }

  /** The site principal that writes for a Graph caller. */
  of(principal: Principal): SitePrincipal {
    if (principal.kind === "app") return this.byId.get(APP_PRINCIPAL_ID) as SitePrincipal;
    return this.byObject.get(principal.userId.toLowerCase()) as SitePrincipal;
  }

  /** The principal ids whose role assignments apply to a user: the user and each of their directory groups. */
  idsFor(userId: string): number[] {
    const ids: number[] = [];
    const self = this.byObject.get(userId.toLowerCase());
    if (self) ids.push(self.id);
    for (const g of this.directory.groupsOf(userId)) {
      const p = this.byObject.get(g.id.toLowerCase());
      if (p) ids.push(p.id);
    }
    return ids;
  }

  /** Graph's identitySet for createdBy / lastModifiedBy. */
  identity(id: number): Record<string, unknown> {
    const p = this.byId.get(id);
    if (!p) return { user: { displayName: "System Account" } };
    if (p.id === APP_PRINCIPAL_ID) return { application: { displayName: "SharePoint App" }, user: { displayName: "SharePoint App" } };
    return { user: { email: p.email, id: p.objectId, displayName: p.title } };
  }
}
