// A customer's case page as a query: loaded once per customer, refetched when a step on them invalidates it.
import { useQuery } from "@tanstack/react-query";
import { loadCasePage } from "../../../graph/reports/case-page";
import { getPreset } from "../../../shared/presets/registry";
import { presetsWith } from "../../../shared/settings/policy-values";
import { teamsKeys } from "../app/query-keys";
import { hasRole, useServices } from "../app/services";

export function useCasePage(customerId: string) {
  const { site, me, cases } = useServices();
  // Only deciders may read UpcSensitive: nobody else's page asks for it (the store would answer 403).
  const withSensitive = hasRole(me, "Decider");
  // The history is read with the organisation's values where a policy is silent, as the case service judged it.
  const acting = useQuery({ queryKey: teamsKeys.me(), queryFn: () => cases.me(), staleTime: Infinity, retry: false });
  // Not waited for: with no values set (the usual case) the page loads once; with some, once more when they arrive.
  const policy = acting.data?.policy && Object.keys(acting.data.policy).length ? acting.data.policy : null;
  return useQuery({
    queryKey: [...teamsKeys.case(customerId, withSensitive), policy],
    queryFn: () => loadCasePage(site, customerId, { withSensitive, presets: presetsWith(policy ?? undefined, getPreset) }),
  });
}
