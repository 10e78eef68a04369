import { Link } from "wouter";
import { roleLabel } from "../../components/role-badge";
import { ErrorState, Loading } from "../../components/states";
import { apiProblem, isCode } from "../../errors";
import { paths } from "../../paths";
import { useMe } from "../../session/session";
import { trpc } from "../../trpc";
import { useTitle } from "../../use-title";
import { AuthLayout } from "./auth-layout";
import { InviteAcceptAsSignedIn } from "./invite-accept-signed-in";
import { InviteSignInForm } from "./invite-sign-in-form";
import { InviteSignUpForm } from "./invite-sign-up-form";

/**
 * /invite/<token>: works signed in (accept), signed out with an account (sign in, then
 * accept) and without one (create the account, which accepts).
 */
export function AcceptInvitePage({ token }: { token: string }) {
  useTitle("Accept invitation");
  const preview = trpc.invites.preview.useQuery({ token }, { retry: false });
  const me = useMe();

  if (preview.isPending || me.isPending) {
    return (
      <AuthLayout title="Accept invitation">
        <Loading label="Checking your invitation…" />
      </AuthLayout>
    );
  }
  if (preview.isError) {
    const notFound = isCode(preview.error, "NOT_FOUND") || isCode(preview.error, "BAD_REQUEST");
    return (
      <AuthLayout title="Invitation not found" footer={<Link href={paths.signIn}>Go to sign in</Link>}>
        {notFound ? (
          <p>This invite link is not valid. It may have been revoked or replaced by a newer one: ask for a new invitation.</p>
        ) : (
          <ErrorState problem={apiProblem(preview.error)} onRetry={() => void preview.refetch()} />
        )}
      </AuthLayout>
    );
  }

  const invite = preview.data;
  const subtitle = (
    <>
      You're invited to join <strong>{invite.organisationName}</strong> as {roleLabel(invite.role).toLowerCase()}.
    </>
  );
  if (invite.status !== "pending") {
    return (
      <AuthLayout title="Accept invitation" subtitle={subtitle} footer={<Link href={paths.signIn}>Go to sign in</Link>}>
        <div className="alert alert-error" role="alert">
          {invite.status === "expired"
            ? "This invitation has expired. Ask for a new one."
            : "This invitation has already been used. Sign in to continue."}
        </div>
      </AuthLayout>
    );
  }

  return (
    <AuthLayout title="Accept invitation" subtitle={subtitle}>
      {me.data ? (
        <InviteAcceptAsSignedIn token={token} inviteEmail={invite.email} signedInEmail={me.data.user.email} />
      ) : invite.accountExists ? (
        <InviteSignInForm token={token} email={invite.email} />
      ) : (
        <InviteSignUpForm token={token} email={invite.email} />
      )}
    </AuthLayout>
  );
}
