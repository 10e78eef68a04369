import { useQueryClient } from "@tanstack/react-query";
import { createContext, type ReactNode, useContext } from "react";
import { Redirect, useLocation } from "wouter";
import { ErrorState, Loading } from "../components/states";
import { apiProblem, isCode } from "../errors";
import { paths } from "../paths";
import { type RouterOutputs, trpc } from "../trpc";

export type Me = RouterOutputs["auth"]["me"];

/** The signed-in user, or `signedOut` when the API says there is no valid session. */
export function useMe() {
  const query = trpc.auth.me.useQuery(undefined, { retry: false, staleTime: 30_000 });
  return { ...query, signedOut: query.isError && isCode(query.error, "UNAUTHORIZED") };
}

const SessionContext = createContext<Me | null>(null);

/** The session of the signed-in part of the app (inside <RequireSignIn>). */
export function useSession(): Me {
  const me = useContext(SessionContext);
  if (!me) throw new Error("useSession() is only available inside <RequireSignIn>");
  return me;
}

/** Renders its children for a signed-in user; sends anyone else to sign in, then back here. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const me = useMe();
  const [location] = useLocation();
  if (me.isPending) return <Loading label="Loading your account…" />;
  if (me.signedOut) {
    const next = location === paths.dashboard ? "" : `?next=${encodeURIComponent(location)}`;
    return <Redirect to={`${paths.signIn}${next}`} replace />;
  }
  if (me.isError) return <ErrorState problem={apiProblem(me.error)} onRetry={() => void me.refetch()} />;
  return <SessionContext.Provider value={me.data}>{children}</SessionContext.Provider>;
}

/** After sign-in, sign-up or sign-out: drop every cached answer, since they belonged to someone else. */
export function useResetSession() {
  const queryClient = useQueryClient();
  return () => queryClient.resetQueries();
}

export function useSignOut() {
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const signOut = trpc.auth.signOut.useMutation({
    onSettled: () => {
      queryClient.clear();
      navigate(paths.signIn, { replace: true });
    },
  });
  return signOut;
}
