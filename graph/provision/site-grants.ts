// Sites.Selected: giving an app access to this one site, and no other (POST /sites/{id}/permissions).
import type { Graph } from "../client/factory";

export interface SiteGrant {
  /** The app registration's Application (client) ID. */
  appId: string;
  /** Sites.Selected role on this site: read, write, manage or fullcontrol. */
  role: "read" | "write" | "manage" | "fullcontrol";
}

interface SitePermission {
  id: string;
  roles?: string[];
  grantedToIdentitiesV2?: { application?: { id?: string } }[];
  grantedToIdentities?: { application?: { id?: string } }[];
}

/**
 * Gives apps registered with Sites.Selected access to this one site (POST /sites/{id}/permissions; the signed-in
 * administrator needs Sites.FullControl.All and the SharePoint Administrator role). Already granted: nothing to do.
 */
export async function ensureSiteGrants(graph: Graph, siteId: string, grants: SiteGrant[], dryRun: boolean): Promise<string[]> {
  if (!grants.length) return [];
  const existing = await graph.getAll<SitePermission>(`/sites/${siteId}/permissions`);
  const steps: string[] = [];
  for (const g of grants) {
    const holder = existing.find((p) => [...(p.grantedToIdentitiesV2 ?? []), ...(p.grantedToIdentities ?? [])].some((i) => i.application?.id?.toLowerCase() === g.appId));
    if (holder?.roles?.map((r) => r.toLowerCase()).includes(g.role)) continue;
    if (holder) {
      steps.push(`Change app ${g.appId}'s access to this site to "${g.role}"`);
      if (!dryRun) await graph.patch(`/sites/${siteId}/permissions/${encodeURIComponent(holder.id)}`, { roles: [g.role] });
    } else {
      steps.push(`Give app ${g.appId} "${g.role}" access to this site (Sites.Selected)`);
      if (!dryRun) await graph.post(`/sites/${siteId}/permissions`, { roles: [g.role], grantedToIdentities: [{ application: { id: g.appId, displayName: "UPC Manager" } }] });
    }
  }
  return steps;
}

