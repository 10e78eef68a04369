import { QueryCache, QueryClient } from "@tanstack/react-query";
import { isCode } from "./errors";

/** Answers the API gave on purpose (refusals, bad input) are final; only network trouble is retried. */
const finalCodes = ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "BAD_REQUEST", "CONFLICT", "TOO_MANY_REQUESTS"];

export function createQueryClient(): QueryClient {
  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({
      onError(error, query) {
        // A session that expired mid-visit: re-ask who we are, which sends the shell to sign-in.
        const isMe = JSON.stringify(query.queryKey).includes('"me"');
        if (!isMe && isCode(error, "UNAUTHORIZED")) void queryClient.invalidateQueries();
      },
    }),
    defaultOptions: {
      queries: {
        retry: (failures, error) => failures < 2 && !finalCodes.some((code) => isCode(error, code)),
        refetchOnWindowFocus: false,
      },
    },
  });
  return queryClient;
}
