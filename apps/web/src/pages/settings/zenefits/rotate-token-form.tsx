import { rotateTokenInput } from "@roster/api/schemas";
import { type FormEvent, useState } from "react";
import { Card } from "../../../components/card";
import { TextField } from "../../../components/text-field";
import { type ApiProblem, apiProblem } from "../../../errors";
import { useZodForm } from "../../../forms/use-zod-form";
import { trpc } from "../../../trpc";
import type { ConnectionView } from "../../connections/use-live-connection";

const tokenOnly = rotateTokenInput.pick({ accessToken: true });

/**
 * Rotate token: a fresh token is verified with Zenefits before it replaces the old one, in
 * place: same connection, same history and data. A refused token leaves the old one working.
 */
export function RotateTokenForm({ view, onRotated }: { view: ConnectionView; onRotated: (view: ConnectionView) => void }) {
  const form = useZodForm("rotate", tokenOnly, { accessToken: "" });
  const rotate = trpc.connections.rotateToken.useMutation();
  const [done, setDone] = useState(false);
  const [refusal, setRefusal] = useState<ApiProblem | null>(null);

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setDone(false);
    setRefusal(null);
    const input = form.parse();
    if (!input) return;
    try {
      onRotated(await rotate.mutateAsync({ connectionId: view.id, accessToken: input.accessToken }));
      form.reset();
      setDone(true);
    } catch (error) {
      const problem = apiProblem(error);
      if (problem.kind || problem.code === "CONFLICT") setRefusal(problem);
      else form.showServerError(error);
    }
  }

  return (
    <Card title="Rotate token">
      <form className="form" onSubmit={onSubmit} noValidate aria-busy={rotate.isPending}>
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
    </Card>
  );
}
