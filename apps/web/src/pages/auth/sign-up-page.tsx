import { signUpInput } from "@roster/api/schemas";
import type { FormEvent } from "react";
import { Link, Redirect, useLocation } from "wouter";
import { FormAlert } from "../../components/form-alert";
import { TextField } from "../../components/text-field";
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

  if (me.data) return <Redirect to={paths.dashboard} replace />;

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
      footer={
        <>
          Already have an account? <Link href={paths.signIn}>Sign in</Link>
        </>
      }
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
