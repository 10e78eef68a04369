import { type ApiDeps, appRouter, createCallerFactory, createContext, SESSION_COOKIE } from "../../src/index";

const createCaller = createCallerFactory(appRouter);

/** A server-side caller acting with the given session token (or signed out). */
export async function callerFor(deps: ApiDeps, sessionToken?: string) {
  const cookieHeader = sessionToken ? `${SESSION_COOKIE}=${sessionToken}` : undefined;
  const ctx = await createContext(deps, { cookieHeader });
  return { caller: createCaller(ctx), ctx };
}
