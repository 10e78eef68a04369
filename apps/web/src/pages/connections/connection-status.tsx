import { Link, useLocation } from "wouter";
import { RelativeTime } from "../../components/relative-time";
import { StatusBadge } from "../../components/status-badge";
import { paths } from "../../paths";
import { trpc } from "../../trpc";
import { type ConnectionView, isSyncing } from "./use-live-connection";

/** Healthy, partial (permissions lost), syncing, failing or disabled, in one pill. */
export function ConnectionStatusBadge({ view }: { view: Pick<ConnectionView, "status" | "currentRun" | "health"> }) {
  if (view.status === "disabled") return <StatusBadge tone="neutral">Disabled</StatusBadge>;
  if (view.status === "failing") return <StatusBadge tone="danger">Failing</StatusBadge>;
  if (view.currentRun) return <StatusBadge tone="info">Syncing</StatusBadge>;
  if (view.health === "partial") return <StatusBadge tone="warning">Partial</StatusBadge>;
  return <StatusBadge tone="success">Healthy</StatusBadge>;
}

/** "Last synced 5 minutes ago · next sync in 23 hours", or "First sync running…". */
export function SyncTimes({ view }: { view: ConnectionView }) {
  const firstSync = view.lastSuccessAt === null && isSyncing(view);
  return (
    <p className="sync-times" data-testid="sync-times">
      {firstSync ? (
        <span>First sync running…</span>
      ) : view.lastSuccessAt ? (
        <span>
          Last synced <RelativeTime value={view.lastSuccessAt} />
        </span>
      ) : (
        <span>Not synced yet</span>
      )}
      {/* While a sync waits or runs, next_sync_at is only the worker's lease: not worth showing. */}
      {view.nextSyncAt && !isSyncing(view) ? (
        <span className="muted">
          {" · "}
          {view.status === "failing" ? "next retry" : "next sync"} <RelativeTime value={view.nextSyncAt} />
        </span>
      ) : null}
    </p>
  );
}

/**
 * What went wrong and what to do: a failing connection's retry count, a disabled one's reason,
 * the last failed run's error with its hint, and the "View errors" link.
 */
export function FailureNotice({ view }: { view: ConnectionView }) {
  const failedRun = view.lastRun?.status === "failed" ? view.lastRun : null;
  const run = trpc.connections.run.useQuery(
    { connectionId: view.id, runId: failedRun?.id ?? "" },
    { enabled: failedRun !== null },
  );
  if (view.status === "active" && !failedRun) return null;
  const hint = run.data?.errors.find((e) => e.hint)?.hint;
  return (
    <div className={view.status === "disabled" ? "notice notice-neutral" : "notice notice-danger"} role="status">
      {view.status === "failing" ? (
        <p className="notice-title">
          Retrying — attempt {Math.min(view.consecutiveFailures + 1, view.maxConsecutiveFailures)} of{" "}
          {view.maxConsecutiveFailures}
        </p>
      ) : view.status === "disabled" ? (
        <p className="notice-title">Disabled: {view.disabledReason ?? "no reason recorded"}</p>
      ) : (
        <p className="notice-title">The last sync failed</p>
      )}
      {view.status === "failing" ? (
        <p className="muted small">
          {view.consecutiveFailures} failed in a row. After {view.maxConsecutiveFailures}, Roster disables the connection and
          emails the owners.
        </p>
      ) : null}
      {failedRun ? (
        <>
          <p>{failedRun.errorMessage ?? "The sync failed."}</p>
          {hint ? (
            <p>
              <strong>What to do:</strong> {hint} <FixLink connectorId={view.connectorId} errorKind={failedRun.errorKind} />
            </p>
          ) : null}
          <p>
            <Link href={paths.run(view.id, failedRun.id)}>View errors</Link>
          </p>
        </>
      ) : null}
    </div>
  );
}

/** The form that fixes a failure, when there is one: the rotate form for a rejected token, the settings for a refused permission. */
export function FixLink({ connectorId, errorKind }: { connectorId: string; errorKind: string | null }) {
  const [location] = useLocation();
  if (errorKind === "invalid_credentials") {
    // Already on the settings page: a plain anchor, so the browser scrolls to the form.
    return location === paths.integration(connectorId) ? (
      <a href="#rotate">Replace the token</a>
    ) : (
      <Link href={`${paths.integration(connectorId)}#rotate`}>Replace the token</Link>
    );
  }
  if (errorKind === "forbidden") return <Link href={paths.integration(connectorId)}>Review permissions</Link>;
  return null;
}
