// Loading data for a view that has not moved to its own named query yet (subject access): the result, the failure
// (never swallowed) and a Retry that asks again. It is a TanStack query private to the component that asks.
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useId } from "react";
import { teamsKeys } from "./query-keys";

export interface Loaded<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload(): void;
}

// Objects in the dependencies (a site, a client) stand in the query key by identity, as React compares them.
const identities = new WeakMap<object, number>();
let nextIdentity = 0;
function keyPart(value: unknown): unknown {
  if ((typeof value !== "object" && typeof value !== "function") || value === null) return value;
  let id = identities.get(value);
  if (id === undefined) identities.set(value, (id = ++nextIdentity));
  return `#${id}`;
}

export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): Loaded<T> {
  const owner = useId();
  // Asked afresh each time the component mounts, as before (nothing is kept once it has gone); new dependencies keep
  // the last answer on screen until theirs comes, as before.
  const query = useQuery({ queryKey: teamsKeys.privateLoad(owner, deps.map(keyPart)), queryFn: load, gcTime: 0, staleTime: 0, placeholderData: keepPreviousData });
  const { refetch } = query;
  const reload = useCallback(() => void refetch(), [refetch]);
  return { data: query.data, error: query.error ?? undefined, loading: query.isFetching, reload };
}
