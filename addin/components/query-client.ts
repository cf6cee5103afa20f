// One TanStack Query client per front end: the Graph client already retries 429s and 5xx, so queries do not retry again.
import { QueryClient } from "@tanstack/react-query";

export function makeQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // A failed read is shown with its Retry at once; a second layer of retries would only hide Graph's answer longer.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
