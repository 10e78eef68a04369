import { type FormEvent, useState } from "react";
import { Card } from "../../../components/card";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { FormAlert } from "../../../components/form-alert";
import { PageHeader } from "../../../components/page-header";
import { RelativeTime } from "../../../components/relative-time";
import { RequireAccess } from "../../../components/require-access";
import { EmptyState, ErrorState, Loading } from "../../../components/states";
import { TextField } from "../../../components/text-field";
import { apiProblem } from "../../../errors";
import { type RouterOutputs, trpc } from "../../../trpc";
import { useTitle } from "../../../use-title";
import { SecretOnce } from "./secret-once";

type ApiKey = RouterOutputs["apiKeys"]["list"][number];

const scopeChoices = [
  {
    scope: "directory:read",
    label: "Directory",
    hint: "Employees, employments, departments, locations, custom field definitions",
  },
  { scope: "sensitive:read", label: "Sensitive data", hint: "Personal email and phone, custom field values, hire transfers" },
  { scope: "connections:read", label: "Connections", hint: "Connection status, last sync, permissions, sync runs" },
  { scope: "connections:manage", label: "Connect links", hint: "Create links where a customer's admin connects an HRIS" },
  { scope: "webhooks:manage", label: "Webhooks", hint: "Register and change webhook endpoints" },
] as const;
type Scope = (typeof scopeChoices)[number]["scope"];

/** Settings → API keys: create (the key shown once), list with prefix, scopes and last use, revoke. */
export function ApiKeysPage() {
  useTitle("API keys");
  return (
    <RequireAccess page="apiKeys">
      <PageHeader
        title="API keys"
        description={
          <>
            Keys for Roster's REST API (<code>/api/v1</code>), for your own systems to read the directory. See the{" "}
            <a href="/api/docs" target="_blank" rel="noreferrer">
              API reference
            </a>
            .
          </>
        }
      />
      <CreateKey />
      <KeyList />
    </RequireAccess>
  );
}

function CreateKey() {
  const utils = trpc.useUtils();
  const [name, setName] = useState("");
  const [scopes, setScopes] = useState<Set<Scope>>(new Set(["directory:read"]));
  const [created, setCreated] = useState<string | null>(null);
  const create = trpc.apiKeys.create.useMutation({
    onSuccess: (result) => {
      setCreated(result.key);
      setName("");
      void utils.apiKeys.list.invalidate();
    },
  });
  const problem = create.isError ? apiProblem(create.error) : null;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate({ name, scopes: [...scopes] });
  };
  const toggle = (scope: Scope) =>
    setScopes((current) => {
      const next = new Set(current);
      if (next.has(scope)) next.delete(scope);
      else next.add(scope);
      return next;
    });
  return (
    <Card title="Create a key">
      {created ? <SecretOnce label="Your new API key." value={created} onDone={() => setCreated(null)} /> : null}
      <form onSubmit={submit} noValidate>
        <FormAlert message={problem && !problem.fieldErrors.name && !problem.fieldErrors.scopes ? problem.message : null} />
        <TextField
          id="api-key-name"
          label="Name"
          hint="What will use it, e.g. payroll sync"
          value={name}
          onChange={(e) => setName(e.target.value)}
          error={problem?.fieldErrors.name?.[0]}
        />
        <fieldset className="field">
          <legend>Scopes</legend>
          {scopeChoices.map((choice) => (
            <label key={choice.scope} className="checkbox-row">
              <input type="checkbox" checked={scopes.has(choice.scope)} onChange={() => toggle(choice.scope)} />
              <span>
                {choice.label} <code className="muted small">{choice.scope}</code>
                <span className="muted small block">{choice.hint}</span>
              </span>
            </label>
          ))}
          {problem?.fieldErrors.scopes ? <p className="field-error">{problem.fieldErrors.scopes[0]}</p> : null}
        </fieldset>
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {create.isPending ? "Creating…" : "Create key"}
        </button>
      </form>
    </Card>
  );
}

function KeyList() {
  const keys = trpc.apiKeys.list.useQuery();
  const utils = trpc.useUtils();
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const revoke = trpc.apiKeys.revoke.useMutation({
    onSuccess: () => {
      setRevoking(null);
      void utils.apiKeys.list.invalidate();
    },
  });
  return (
    <Card title="Keys">
      <FormAlert message={revoke.isError ? apiProblem(revoke.error).message : null} />
      {keys.isPending ? (
        <Loading label="Loading keys…" />
      ) : keys.isError ? (
        <ErrorState problem={apiProblem(keys.error)} onRetry={() => void keys.refetch()} />
      ) : keys.data.length === 0 ? (
        <EmptyState title="No API keys yet">Create one above for each system that reads Roster.</EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="API keys">
            <thead>
              <tr>
                <th>Name</th>
                <th>Key</th>
                <th>Scopes</th>
                <th>Created</th>
                <th>Last used</th>
                <th>
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {keys.data.map((key) => (
                <tr key={key.id}>
                  <td>{key.name}</td>
                  <td>
                    <code>{key.prefix}</code>
                  </td>
                  <td>{key.scopes.join(", ")}</td>
                  <td>
                    <RelativeTime value={key.createdAt} />
                  </td>
                  <td>{key.lastUsedAt ? <RelativeTime value={key.lastUsedAt} /> : <span className="muted">never</span>}</td>
                  <td className="actions">
                    {key.revokedAt ? (
                      <span className="badge badge-neutral">Revoked</span>
                    ) : (
                      <button
                        type="button"
                        className="button button-danger-outline"
                        onClick={() => setRevoking(key)}
                        aria-label={`Revoke ${key.name}`}
                      >
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <ConfirmDialog
        open={revoking !== null}
        title={`Revoke "${revoking?.name ?? ""}"?`}
        onClose={() => setRevoking(null)}
        actions={
          <>
            <button type="button" className="button button-ghost" onClick={() => setRevoking(null)}>
              Cancel
            </button>
            <button
              type="button"
              className="button button-danger"
              disabled={revoke.isPending}
              onClick={() => revoking && revoke.mutate({ keyId: revoking.id })}
            >
              Revoke key
            </button>
          </>
        }
      >
        Requests with this key are refused from now on. This cannot be undone.
      </ConfirmDialog>
    </Card>
  );
}
