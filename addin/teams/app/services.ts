// The tab's one Graph client, its site and the signed-in person, shared by every view through React context.
import { createContext, useContext } from "react";
import type { Role } from "../../../shared/domain/vocab";
import type { Graph } from "../../../graph/client/factory";
import type { CaseServiceClient } from "../../../graph/case-service/client";
import type { Me } from "../../../graph/directory/roles";
import type { Site } from "../../../graph/repos/items";

export interface TabServices {
  graph: Graph;
  site: Site;
  /** Every change to the register goes through the case service. */
  cases: CaseServiceClient;
  me: Me;
  /** The clock the views decide with; tests may fix it. */
  now(): Date;
}

export const ServicesContext = createContext<TabServices | null>(null);

export function useServices(): TabServices {
  const s = useContext(ServicesContext);
  if (!s) throw new Error("The tab's services are not ready");
  return s;
}

export function hasRole(me: Pick<Me, "roles">, ...wanted: Role[]): boolean {
  return me.roles.some((r) => wanted.includes(r));
}
