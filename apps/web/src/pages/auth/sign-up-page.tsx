import { signUpInput } from "@roster/api/schemas";
import type { FormEvent } from "react";
import { Link, Redirect, useLocation } from "wouter";
import { FormAlert } from "../../components/form-alert";
import { ErrorState, Loading } from "../../components/states";
import { TextField } from "../../components/text-field";
import { apiProblem } from "../../errors";
import { useZodForm } from "../../forms/use-zod-form";
import { paths } from "../../paths";
import { useMe, useResetSession } from "../../session/session";
import { trpc } from "../../trpc";
import { useTitle } from "../../use-title";
import { AuthLayout } from "./auth-layout";

/** A new account and a new organisation, owned by the person signing up. */
export function SignUpPage() {
  useTitle("Create an account");
  const [, navigate] = useLocation();
  const me = useMe();
  const resetSession = useResetSession();
  const form = useZodForm("sign-up", signUpInput, { name: "", email: "", password: "", organisationName: "" });
  const signUp = trpc.auth.signUp.useMutation();
  const policy = trpc.auth.signupPolicy.useQuery(undefined, { staleTime: Number.POSITIVE_INFINITY });

  if (me.data) return <Redirect to={paths.dashboard} replace />;
  const signInFooter = (
    <>
      Already have an account? <Link href={paths.signIn}>Sign in</Link>
    </>
  );
  if (policy.isPending) {
    return (
      <AuthLayout title="Create your account">
        <Loading />
      </AuthLayout>
    );
  }
  if (policy.isError) {
    return (
      <AuthLayout title="Create your account" footer={signInFooter}>
        <ErrorState problem={apiProblem(policy.error)} onRetry={() => void policy.refetch()} />
      </AuthLayout>
    );
  }
  // The server refuses a sign-up here anyway; the page says how to get in instead of offering a form that would fail.
  if (policy.data.signup === "invite-only") {
    return (
      <AuthLayout title="Sign-up is by invitation" footer={signInFooter}>
        <p>
          Accounts on this Roster are created by invitation. Ask an owner or admin of your organisation to invite you from the{" "}
          <strong>Members</strong> page: the invitation email has a link that creates your account.
        </p>
      </AuthLayout>
    );
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    try {
      await signUp.mutateAsync(input);
      await resetSession();
      navigate(paths.dashboard, { replace: true });
    } catch (error) {
      form.showServerError(error);
    }
  }

  return (
    <AuthLayout
      title="Create your account"
      subtitle="You'll be the owner of a new organisation. Invite your team afterwards."
      footer={signInFooter}
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormAlert message={form.formError} />
        <TextField label="Your name" autoComplete="name" autoFocus {...form.field("name")} />
        <TextField label="Work email" type="email" autoComplete="email" {...form.field("email")} />
        <TextField
          label="Password"
          type="password"
          autoComplete="new-password"
          hint="At least 8 characters."
          {...form.field("password")}
        />
        <TextField label="Organisation name" autoComplete="organization" {...form.field("organisationName")} />
        <button type="submit" className="button button-primary button-block" disabled={signUp.isPending}>
          {signUp.isPending ? "Creating your account…" : "Create account"}
        </button>
      </form>
    </AuthLayout>
  );
}
