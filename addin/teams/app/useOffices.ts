// The offices the signed-in person holds, and which offices anyone holds yet, from the case service once a session:
// what the forms offer follows the policy's offices once an administrator has named their holders.
import { useQuery } from "@tanstack/react-query";
import type { Acting } from "../decide/options";
import { teamsKeys } from "./query-keys";
import { useServices } from "./services";

/** `settled` once the case service has answered (or could not): until then the forms would follow the roles alone. */
export function useActing(): Acting & { settled: boolean } {
  const { me, cases } = useServices();
  const held = useQuery({
    queryKey: teamsKeys.me(),
    queryFn: () => cases.me(),
    staleTime: Infinity,
    // Until it answers (or if it cannot), the product roles stand in, as the case service does for unmapped offices.
    retry: false,
  });
  return { upn: me.upn, roles: me.roles, offices: held.data?.offices ?? [], mapped: held.data?.mapped ?? [], settled: !held.isPending };
}
