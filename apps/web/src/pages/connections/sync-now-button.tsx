import { apiProblem } from "../../errors";
import { trpc } from "../../trpc";
import type { ConnectionView } from "./use-live-connection";

/** "Sync now" (owners): queues a sync; the page then watches it start and run. */
export function SyncNowButton({
  view,
  onQueued,
  onProblem,
}: {
  view: ConnectionView;
  onQueued: () => void;
  onProblem: (message: string | null) => void;
}) {
  const syncNow = trpc.connections.syncNow.useMutation({
    onSuccess: () => {
      onProblem(null);
      onQueued();
    },
    onError: (error) => onProblem(apiProblem(error).message),
  });
  const running = view.currentRun !== null;
  return (
    <button
      type="button"
      className="button button-secondary"
      disabled={syncNow.isPending || running || view.status === "disabled"}
      onClick={() => syncNow.mutate({ connectionId: view.id })}
      title={view.status === "disabled" ? "Re-enable the connection to sync" : undefined}
    >
      {running ? "Syncing…" : syncNow.isPending ? "Queuing…" : "Sync now"}
    </button>
  );
}
