import { rotateTokenInput } from "@roster/api/schemas";
import { type FormEvent, useState } from "react";
import { Card } from "../../../components/card";
import { ConfirmDialog } from "../../../components/confirm-dialog";
import { TextField } from "../../../components/text-field";
import { type ApiProblem, apiProblem } from "../../../errors";
import { AdvancedBaseUrl } from "../../../forms/advanced-base-url";
import { useZodForm } from "../../../forms/use-zod-form";
import { trpc } from "../../../trpc";
import type { ConnectionView } from "../../connections/use-live-connection";

const tokenAndAddress = rotateTokenInput.pick({ accessToken: true, baseUrl: true });

/**
 * Rotate token: a fresh token is verified with Zenefits before it replaces the old one, in
 * place: same connection, same history and data. A refused token leaves the old one working;
 * one that grants fewer permissions than the current one is only used once confirmed, after
 * Roster named what would stop updating.
 */
export function RotateTokenForm({ view, onRotated }: { view: ConnectionView; onRotated: (view: ConnectionView) => void }) {
  const form = useZodForm("rotate", tokenAndAddress, { accessToken: "", baseUrl: "" });
  const rotate = trpc.connections.rotateToken.useMutation();
  const [done, setDone] = useState(false);
  const [refusal, setRefusal] = useState<ApiProblem | null>(null);
  const [confirm, setConfirm] = useState<ApiProblem | null>(null);

  async function submit(confirmFewerPermissions: boolean) {
    setDone(false);
    setRefusal(null);
    const input = form.parse();
    if (!input) return;
    try {
      onRotated(await rotate.mutateAsync({ connectionId: view.id, ...input, confirmFewerPermissions }));
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
    <Card title="Rotate token">
      <form id="rotate" className="form" onSubmit={onSubmit} noValidate aria-busy={rotate.isPending}>
        <p className="muted">
          The current token ends in <strong>{view.credentialsHint ?? "…"}</strong>. Paste a fresh one: Roster checks it with
          Zenefits before it replaces the old one.
        </p>
        <TextField
          label="New access token"
          type="password"
          autoComplete="off"
          spellCheck={false}
          disabled={rotate.isPending}
          {...form.field("accessToken")}
        />
        <AdvancedBaseUrl providerName="Zenefits" disabled={rotate.isPending} {...form.field("baseUrl")} />
        {refusal ? (
          <div className="alert alert-error" role="alert">
            <p>{refusal.message}</p>
            {refusal.hint ? (
              <p>
                <strong>What to do:</strong> {refusal.hint}
              </p>
            ) : null}
            <p className="small">The previous token is still in use.</p>
          </div>
        ) : null}
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={rotate.isPending}>
            {rotate.isPending ? "Verifying…" : "Replace token"}
          </button>
          {rotate.isPending ? (
            <span className="inline-status" role="status">
              <span className="spinner" aria-hidden="true" />
              Verifying your new token with Zenefits…
            </span>
          ) : null}
        </div>
        {done ? (
          <div className="alert alert-success" role="status">
            Token replaced. Zenefits accepted it; the connection, its history and your directory are unchanged, and a sync has
            started with the new token.
          </div>
        ) : null}
      </form>
      <ConfirmDialog
        open={confirm !== null}
        title="This token grants fewer permissions"
        onClose={() => setConfirm(null)}
        actions={
          <>
            <button type="button" className="button button-secondary" onClick={() => setConfirm(null)}>
              Keep the current token
            </button>
            <button type="button" className="button button-danger" disabled={rotate.isPending} onClick={() => void submit(true)}>
              Use it anyway
            </button>
          </>
        }
      >
        <p>The new token lacks permissions the current one grants. Roster keeps what it has stored, but stops updating:</p>
        <ul className="stale-list" aria-label="What would stop updating">
          {confirm?.lost?.map((permission) => (
            <li key={permission.id}>
              <strong>{permission.label}</strong>
              {permission.feeds.length > 0 ? `: ${permission.feeds.join(", ")}` : ""}
            </li>
          ))}
        </ul>
        <p className="muted small">Grant those permissions to the token in Zenefits instead, and nothing stops updating.</p>
      </ConfirmDialog>
    </Card>
  );
}
