import { useState } from "react";
import { Card } from "../../../components/card";
import { FormAlert } from "../../../components/form-alert";
import { apiProblem } from "../../../errors";
import type { ConnectorDescription } from "../../../forms/credential-inputs";
import { trpc } from "../../../trpc";
import { SyncNowButton } from "../../connections/sync-now-button";
import type { ConnectionView } from "../../connections/use-live-connection";
import { DeleteConnection } from "./delete-connection";

interface ConnectionActionsProps {
  connector: ConnectorDescription;
  view: ConnectionView;
  onChanged: (view: ConnectionView) => void;
  /** An action queued a sync: the page watches it start. */
  onSyncQueued: () => void;
  onDeleted: () => void;
}

/** Sync now, Disable / Re-enable and Delete, for owners. */
export function ConnectionActions({ connector, view, onChanged, onSyncQueued, onDeleted }: ConnectionActionsProps) {
  const [problem, setProblem] = useState<string | null>(null);
  const handlers = {
    onError: (error: unknown) => setProblem(apiProblem(error).message),
  };
  const disable = trpc.connections.disable.useMutation({
    ...handlers,
    onSuccess: (next) => {
      setProblem(null);
      onChanged(next);
    },
  });
  const enable = trpc.connections.enable.useMutation({
    ...handlers,
    onSuccess: (next) => {
      setProblem(null);
      onChanged(next);
      onSyncQueued();
    },
  });
  const disabled = view.status === "disabled";
  return (
    <Card title="Sync and access">
      <div className="stack">
        <FormAlert message={problem} />
        <p className="muted">
          {disabled
            ? "Disabled: Roster does not sync until you re-enable it. Re-enabling resets the failure count and syncs at once."
            : "Roster syncs every day on its own. Disabling stops the schedule but keeps the directory Roster has already copied."}
        </p>
        <div className="button-row">
          <SyncNowButton view={view} onQueued={onSyncQueued} onProblem={setProblem} />
          {disabled ? (
            <button
              type="button"
              className="button button-primary"
              disabled={enable.isPending}
              onClick={() => enable.mutate({ connectionId: view.id })}
            >
              {enable.isPending ? "Re-enabling…" : "Re-enable"}
            </button>
          ) : (
            <button
              type="button"
              className="button button-secondary"
              disabled={disable.isPending}
              onClick={() => disable.mutate({ connectionId: view.id })}
            >
              {disable.isPending ? "Disabling…" : "Disable"}
            </button>
          )}
          <DeleteConnection connector={connector} view={view} onDeleted={onDeleted} />
        </div>
      </div>
    </Card>
  );
}
