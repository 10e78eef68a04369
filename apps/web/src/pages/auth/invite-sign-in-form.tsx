import { signInInput } from "@roster/api/schemas";
import type { FormEvent } from "react";
import { useLocation } from "wouter";
import { FormAlert } from "../../components/form-alert";
import { TextField } from "../../components/text-field";
import { useZodForm } from "../../forms/use-zod-form";
import { paths } from "../../paths";
import { useResetSession } from "../../session/session";
import { trpc } from "../../trpc";

/** The invited email already has an account: sign in with it, and the invite is accepted. */
export function InviteSignInForm({ token, email }: { token: string; email: string }) {
  const [, navigate] = useLocation();
  const resetSession = useResetSession();
  const form = useZodForm("invite-sign-in", signInInput, { email, password: "" });
  const signIn = trpc.auth.signIn.useMutation();
  const accept = trpc.invites.accept.useMutation();
  const busy = signIn.isPending || accept.isPending;

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    try {
      await signIn.mutateAsync(input);
      await accept.mutateAsync({ token });
      await resetSession();
      navigate(paths.dashboard, { replace: true });
    } catch (error) {
      form.showServerError(error);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={form.formError} />
      <TextField label="Email" type="email" readOnly {...form.field("email")} />
      <TextField label="Password" type="password" autoComplete="current-password" autoFocus {...form.field("password")} />
      <button type="submit" className="button button-primary button-block" disabled={busy}>
        {busy ? "Joining…" : "Sign in and accept"}
      </button>
    </form>
  );
}
