import { type FormEvent, useMemo, useState } from "react";
import { Card } from "../../../components/card";
import { FormAlert } from "../../../components/form-alert";
import { TextField } from "../../../components/text-field";
import { type ApiProblem, apiProblem } from "../../../errors";
import {
  type ConnectorDescription,
  CredentialInputs,
  credentialsFormSchema,
  emptyCredentials,
  givenCredentials,
} from "../../../forms/credential-inputs";
import { useZodForm } from "../../../forms/use-zod-form";
import { useSession } from "../../../session/session";
import { trpc } from "../../../trpc";
import type { ConnectionView } from "../../connections/use-live-connection";
import { ConnectFailure } from "./connect-failure";

/**
 * Settings → Integrations → <HRIS>, before a connection exists: the credential fields the
 * connector declares, and Save. The API verifies them with the provider before storing
 * anything; a refusal shows the failure screen.
 */
export function ConnectForm({
  connector,
  onConnected,
}: {
  connector: ConnectorDescription;
  onConnected: (view: ConnectionView) => void;
}) {
  const { user } = useSession();
  const fields = connector.credentialFields;
  const schema = useMemo(() => credentialsFormSchema(fields, "connect", true), [fields]);
  const form = useZodForm(`connect-${connector.id}`, schema, { ...emptyCredentials(fields), notificationEmail: user.email });
  const connect = trpc.connections.connect.useMutation();
  const [failure, setFailure] = useState<ApiProblem | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const input = form.parse();
    if (!input) return;
    try {
      onConnected(
        await connect.mutateAsync({
          connectorId: connector.id,
          credentials: givenCredentials(input, fields),
          notificationEmail: input.notificationEmail ?? "",
        }),
      );
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
        providerName={connector.name}
        problem={failure}
        onTryAgain={() => {
          setFailure(null);
          for (const f of fields) if (f.secret) form.setValue(f.name, "");
        }}
      />
    );
  }

  return (
    <Card title={`Connect ${connector.name}`}>
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={connect.isPending}>
        <p className="muted">
          {connector.connectHelp ? `${connector.connectHelp} ` : ""}Roster checks it with {connector.name} before saving, then
          syncs your directory every day.
        </p>
        {connector.sandboxHint ? <p className="muted">{connector.sandboxHint}</p> : null}
        <FormAlert message={form.formError} />
        <CredentialInputs fields={fields} field={form.field} disabled={connect.isPending} mode="connect" />
        <TextField
          label="Notification email"
          type="email"
          autoComplete="email"
          disabled={connect.isPending}
          hint="Where Roster writes when a sync fails (the owners are told too)."
          {...form.field("notificationEmail")}
        />
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={connect.isPending}>
            {connect.isPending ? "Verifying…" : "Save"}
          </button>
          {connect.isPending ? (
            <span className="inline-status" role="status">
              <span className="spinner" aria-hidden="true" />
              Verifying with {connector.name}…
            </span>
          ) : null}
        </div>
      </form>
    </Card>
  );
}
