// The emulator's site as a tenant's would be set up: the schema and permissions, and the service's app given write
// access to this one site (Sites.Selected), so development and tests run the service with the access it has in a tenant.
import { DEV_SERVICE_APP_ID, devUserTokens } from "../auth/dev-token";
import type { Graph } from "../client/factory";
import { provision, type ProvisionReport } from "./provision";
import { ensureSiteGrants } from "./site-grants";

export async function provisionDevSite(adminGraph: Graph, site = "root"): Promise<ProvisionReport> {
  const report = await provision(adminGraph, { site, sharePointTokens: devUserTokens("admin@upc.test") });
  const granted = await ensureSiteGrants(adminGraph, report.siteId, [{ appId: DEV_SERVICE_APP_ID, role: "write" }], false);
  return { ...report, steps: [...report.steps, ...granted], changed: report.changed || granted.length > 0 };
}
