import { connectZenefitsInput } from "@roster/api/schemas";
import { type FormEvent, useState } from "react";
import { Card } from "../../../components/card";
import { FormAlert } from "../../../components/form-alert";
import { TextField } from "../../../components/text-field";
import { type ApiProblem, apiProblem } from "../../../errors";
import { AdvancedBaseUrl } from "../../../forms/advanced-base-url";
import { useZodForm } from "../../../forms/use-zod-form";
import { useSession } from "../../../session/session";
import { trpc } from "../../../trpc";
import type { ConnectionView } from "../../connections/use-live-connection";
import { ConnectFailure } from "./connect-failure";

/**
 * Settings → HRIS integration → Zenefits, before a connection exists: paste a token, Save.
 * The API verifies it with Zenefits before storing anything; a refusal shows the failure screen.
 */
export function ConnectForm({ onConnected }: { onConnected: (view: ConnectionView) => void }) {
  const { user } = useSession();
  const form = useZodForm("zenefits", connectZenefitsInput, { accessToken: "", notificationEmail: user.email, baseUrl: "" });
  const connect = trpc.connections.connectZenefits.useMutation();
  const [failure, setFailure] = useState<ApiProblem | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    try {
      onConnected(await connect.mutateAsync(input));
    } catch (error) {
      const problem = apiProblem(error);
      // A provider's refusal gets the failure screen; a field the API names goes beside it.
      if (problem.kind) setFailure(problem);
      else form.showServerError(error);
    }
  }

  if (failure) {
    return (
      <ConnectFailure
        problem={failure}
        onTryAgain={() => {
          setFailure(null);
          form.setValue("accessToken", "");
        }}
      />
    );
  }

  return (
    <Card title="Connect Zenefits">
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={connect.isPending}>
        <p className="muted">
          In Zenefits, open Company Profile → Custom Integrations → Add Token, tick the permissions, and paste the token here.
          Roster checks it with Zenefits before saving, then syncs your directory every day.
        </p>
        <FormAlert message={form.formError} />
        <TextField
          label="Access token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          disabled={connect.isPending}
          hint="Stored encrypted. Roster only ever shows its last four characters."
          {...form.field("accessToken")}
        />
        <TextField
          label="Notification email"
          type="email"
          autoComplete="email"
          disabled={connect.isPending}
          hint="Where Roster writes when a sync fails (the owners are told too)."
          {...form.field("notificationEmail")}
        />
        <AdvancedBaseUrl providerName="Zenefits" disabled={connect.isPending} {...form.field("baseUrl")} />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={connect.isPending}>
            {connect.isPending ? "Verifying…" : "Save"}
          </button>
          {connect.isPending ? (
            <span className="inline-status" role="status">
              <span className="spinner" aria-hidden="true" />
              Verifying your token with Zenefits…
            </span>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
