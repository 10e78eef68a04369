import { acceptInviteWithSignUpInput } from "@roster/api/schemas";
import type { FormEvent } from "react";
import { useLocation } from "wouter";
import { FormAlert } from "../../components/form-alert";
import { TextField } from "../../components/text-field";
import { useZodForm } from "../../forms/use-zod-form";
import { paths } from "../../paths";
import { useResetSession } from "../../session/session";
import { trpc } from "../../trpc";

/** No account for the invited email yet: create it (name and password), which accepts the invite. */
export function InviteSignUpForm({ token, email }: { token: string; email: string }) {
  const [, navigate] = useLocation();
  const resetSession = useResetSession();
  const form = useZodForm("invite-sign-up", acceptInviteWithSignUpInput, { token, name: "", password: "" });
  const acceptWithSignUp = trpc.invites.acceptWithSignUp.useMutation();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    try {
      await acceptWithSignUp.mutateAsync(input);
      await resetSession();
      navigate(paths.dashboard, { replace: true });
    } catch (error) {
      form.showServerError(error);
    }
  }

  return (
    <form className="form" onSubmit={onSubmit} noValidate>
      <FormAlert message={form.formError} />
      <TextField id="invite-sign-up-email" label="Email" type="email" value={email} readOnly />
      <TextField label="Your name" autoComplete="name" autoFocus {...form.field("name")} />
      <TextField
        label="Password"
        type="password"
        autoComplete="new-password"
        hint="At least 8 characters."
        {...form.field("password")}
      />
      <button type="submit" className="button button-primary button-block" disabled={acceptWithSignUp.isPending}>
        {acceptWithSignUp.isPending ? "Creating your account…" : "Create account and join"}
      </button>
    </form>
  );
}
