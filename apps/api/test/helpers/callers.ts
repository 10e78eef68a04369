import { type ApiDeps, appRouter, type Context, createCallerFactory, createContext, SESSION_COOKIE } from "../../src/index";

const createCaller = createCallerFactory(appRouter);

/**
 * A server-side caller acting with the given session token (or signed out). Every call gets
 * a fresh context, as every HTTP request does (the session and membership are read anew);
 * `lastContext()` is the context of the latest call, with the cookies it set.
 */
export async function callerFor(deps: ApiDeps, sessionToken?: string) {
  const cookieHeader = sessionToken ? `${SESSION_COOKIE}=${sessionToken}` : undefined;
  let last: Context | undefined;
  const caller = createCaller(async () => {
    last = await createContext(deps, { cookieHeader });
    return last;
  });
  return {
    caller,
    lastContext: () => {
      if (!last) throw new Error("no call was made with this caller yet");
      return last;
    },
  };
}
