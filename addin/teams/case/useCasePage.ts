// A customer's case page as a query: loaded once per customer, refetched when a step on them invalidates it.
import { useQuery } from "@tanstack/react-query";
import { loadCasePage } from "../../../graph/reports/case-page";
import { teamsKeys } from "../app/query-keys";
import { hasRole, useServices } from "../app/services";

export function useCasePage(customerId: string) {
  const { site, me } = useServices();
  // Only deciders may read UpcSensitive: nobody else's page asks for it (the store would answer 403).
  const withSensitive = hasRole(me, "Decider");
  return useQuery({ queryKey: teamsKeys.case(customerId, withSensitive), queryFn: () => loadCasePage(site, customerId, { withSensitive }) });
}
