import { useQueryClient } from "@tanstack/react-query";
import { useLocation } from "wouter";
import { FormAlert } from "../../components/form-alert";
import { apiProblem } from "../../errors";
import { paths } from "../../paths";
import { trpc } from "../../trpc";

/** Signed in already: one click joins, if the invite was sent to this account's email. */
export function InviteAcceptAsSignedIn(props: { token: string; inviteEmail: string; signedInEmail: string }) {
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const accept = trpc.invites.accept.useMutation({
    onSuccess: async () => {
      await queryClient.resetQueries();
      navigate(paths.dashboard, { replace: true });
    },
  });
  const signOut = trpc.auth.signOut.useMutation({ onSettled: () => queryClient.resetQueries() });

  if (props.inviteEmail !== props.signedInEmail) {
    return (
      <div className="stack">
        <p>
          This invitation is for <strong>{props.inviteEmail}</strong>, but you're signed in as{" "}
          <strong>{props.signedInEmail}</strong>.
        </p>
        <button type="button" className="button button-primary button-block" onClick={() => signOut.mutate()}>
          Sign out and continue as {props.inviteEmail}
        </button>
      </div>
    );
  }
  return (
    <div className="stack">
      <FormAlert message={accept.isError ? apiProblem(accept.error).message : null} />
      <p>
        Signed in as <strong>{props.signedInEmail}</strong>.
      </p>
      <button
        type="button"
        className="button button-primary button-block"
        disabled={accept.isPending}
        onClick={() => accept.mutate({ token: props.token })}
      >
        {accept.isPending ? "Joining…" : "Accept invitation"}
      </button>
    </div>
  );
}
