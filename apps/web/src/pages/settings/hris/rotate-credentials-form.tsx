import { type FormEvent, useEffect, useMemo, useState } from "react";
import { Card } from "../../../components/card";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { FormAlert } from "../../../components/form-alert";
import { type ApiProblem, apiProblem } from "../../../errors";
import {
  type ConnectorDescription,
  CredentialInputs,
  credentialsFormSchema,
  emptyCredentials,
  givenCredentials,
} from "../../../forms/credential-inputs";
import { useZodForm } from "../../../forms/use-zod-form";
import { trpc } from "../../../trpc";
import type { ConnectionView } from "../../connections/use-live-connection";

/**
 * Rotate credentials: fresh ones are verified with the provider before they replace the old
 * ones, in place: same connection, same history and data (a blank field keeps its value). A
 * refusal leaves the old ones working; ones that grant fewer permissions than the current are
 * only used once confirmed, after Roster named what would stop updating.
 */
export function RotateCredentialsForm({
  connector,
  view,
  onRotated,
}: {
  connector: ConnectorDescription;
  view: ConnectionView;
  onRotated: (view: ConnectionView) => void;
}) {
  const fields = connector.credentialFields;
  const schema = useMemo(() => credentialsFormSchema(fields, "rotate", false), [fields]);
  const form = useZodForm("rotate", schema, emptyCredentials(fields));
  const rotate = trpc.connections.rotate.useMutation();
  const [done, setDone] = useState(false);
  const [refusal, setRefusal] = useState<ApiProblem | null>(null);
  const [confirm, setConfirm] = useState<ApiProblem | null>(null);
  // Emails and issues link to "#rotate": land on the form with its first field ready to paste into.
  useEffect(() => {
    const focusWhenTargeted = () => {
      if (window.location.hash !== "#rotate") return;
      const formElement = document.getElementById("rotate");
      formElement?.scrollIntoView({ block: "start" });
      formElement?.querySelector<HTMLInputElement>("input")?.focus();
    };
    focusWhenTargeted();
    window.addEventListener("hashchange", focusWhenTargeted);
    return () => window.removeEventListener("hashchange", focusWhenTargeted);
  }, []);

  async function submit(confirmFewerPermissions: boolean) {
    setDone(false);
    setRefusal(null);
    const input = form.parse();
    if (!input) return;
    const credentials = givenCredentials(input, fields);
    if (Object.keys(credentials).length === 0) {
      form.showServerError(new Error("Enter the new credentials to replace the current ones."));
      return;
    }
    try {
      onRotated(await rotate.mutateAsync({ connectionId: view.id, credentials, confirmFewerPermissions }));
      form.reset();
      setConfirm(null);
      setDone(true);
    } catch (error) {
      const problem = apiProblem(error);
      if (problem.code === "PRECONDITION_FAILED" && problem.lost) setConfirm(problem);
      else if (problem.kind || problem.code === "CONFLICT") setRefusal(problem);
      else form.showServerError(error);
    }
  }

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    void submit(false);
  }

  return (
    <Card title="Rotate credentials">
      <form id="rotate" className="form" onSubmit={onSubmit} noValidate aria-busy={rotate.isPending}>
        <p className="muted">
          The current credentials end in <strong>{view.credentialsHint ?? "…"}</strong>. Paste fresh ones: Roster checks them with{" "}
          {connector.name} before they replace the old ones.
        </p>
        <FormAlert message={form.formError} />
        <CredentialInputs fields={fields} field={form.field} disabled={rotate.isPending} mode="rotate" />
        {refusal ? (
          <div className="alert alert-error" role="alert">
            <p>{refusal.message}</p>
            {refusal.hint ? (
              <p>
                <strong>What to do:</strong> {refusal.hint}
              </p>
            ) : null}
            <p className="small">The previous credentials are still in use.</p>
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={rotate.isPending}>
            {rotate.isPending ? "Verifying…" : "Replace credentials"}
          </button>
          {rotate.isPending ? (
            <span className="inline-status" role="status">
              <span className="spinner" aria-hidden="true" />
              Verifying with {connector.name}…
            </span>
          ) : null}
        </div>
        {done ? (
          <div className="alert alert-success" role="status">
            Credentials replaced. {connector.name} accepted them; the connection, its history and your directory are unchanged,
            and a sync has started with them.
          </div>
        ) : null}
      </form>
      <ConfirmDialog
        open={confirm !== null}
        title="These credentials grant fewer permissions"
        onClose={() => setConfirm(null)}
        actions={
          <>
            <button type="button" className="button button-secondary" onClick={() => setConfirm(null)}>
              Keep the current ones
            </button>
            <button type="button" className="button button-danger" disabled={rotate.isPending} onClick={() => void submit(true)}>
              Use it anyway
            </button>
          </>
        }
      >
        <p>The new credentials lack permissions the current ones grant. Roster keeps what it has stored, but stops updating:</p>
        <ul className="stale-list" aria-label="What would stop updating">
          {confirm?.lost?.map((permission) => (
            <li key={permission.id}>
              <strong>{permission.label}</strong>
              {permission.feeds.length > 0 ? `: ${permission.feeds.join(", ")}` : ""}
            </li>
          ))}
        </ul>
        <p className="muted small">Grant those permissions in {connector.name} instead, and nothing stops updating.</p>
      </ConfirmDialog>
    </Card>
  );
}
