import { signInInput } from "@roster/api/schemas";
import type { FormEvent } from "react";
import { Link, Redirect, useLocation, useSearch } from "wouter";
import { FormAlert } from "../../components/form-alert";
import { TextField } from "../../components/text-field";
import { useZodForm } from "../../forms/use-zod-form";
import { paths } from "../../paths";
import { useMe, useResetSession } from "../../session/session";
import { trpc } from "../../trpc";
import { useTitle } from "../../use-title";
import { AuthLayout } from "./auth-layout";
import { safeNext } from "./safe-next";

export function SignInPage() {
  useTitle("Sign in");
  const [, navigate] = useLocation();
  const next = safeNext(useSearch());
  const me = useMe();
  const resetSession = useResetSession();
  const form = useZodForm("sign-in", signInInput, { email: "", password: "" });
  const signIn = trpc.auth.signIn.useMutation();

  if (me.data) return <Redirect to={next} replace />;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    try {
      await signIn.mutateAsync(input);
      await resetSession();
      navigate(next, { replace: true });
    } catch (error) {
      form.showServerError(error);
    }
  }

  return (
    <AuthLayout
      title="Sign in"
      subtitle="Welcome back. Sign in to manage your HR integrations."
      footer={
        <>
          New to Roster? <Link href={paths.signUp}>Create an account</Link>
        </>
      }
    >
      <form className="form" onSubmit={onSubmit} noValidate>
        <FormAlert message={form.formError} />
        <TextField label="Email" type="email" autoComplete="email" autoFocus {...form.field("email")} />
        <TextField label="Password" type="password" autoComplete="current-password" {...form.field("password")} />
        <button type="submit" className="button button-primary button-block" disabled={signIn.isPending}>
          {signIn.isPending ? "Signing in…" : "Sign in"}
        </button>
      </form>
    </AuthLayout>
  );
}
