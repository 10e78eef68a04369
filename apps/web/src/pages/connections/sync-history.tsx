import { Link } from "wouter";
import { Card } from "../../components/card";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { StatusBadge, type Tone } from "../../components/status-badge";
import { apiProblem } from "../../errors";
import { formatCount, formatDateTime, formatDuration, humanize, toDate } from "../../format";
import { paths } from "../../paths";
import { type RouterOutputs, trpc } from "../../trpc";
import { triggerLabel } from "./trigger-label";

type Run = RouterOutputs["connections"]["runs"][number];

const runTone: Record<string, Tone> = { succeeded: "success", failed: "danger", running: "info", cancelled: "neutral" };

/** A run's outcome; a success that left data stale (permissions lost) says so. */
export function RunStatusBadge({ status, warnings = 0 }: { status: string; warnings?: number }) {
  if (status === "succeeded" && warnings > 0) return <StatusBadge tone="warning">Succeeded with warnings</StatusBadge>;
  return <StatusBadge tone={runTone[status] ?? "neutral"}>{humanize(status)}</StatusBadge>;
}

function duration(run: Pick<Run, "startedAt" | "finishedAt">): string {
  if (!run.finishedAt) return "running";
  return formatDuration(toDate(run.finishedAt).getTime() - toDate(run.startedAt).getTime());
}

/** Every sync of a connection, newest first: what started it, how long it took, what it changed. */
export function SyncHistory({ connectionId }: { connectionId: string }) {
  const runs = trpc.connections.runs.useQuery({ connectionId });
  return (
    <Card title="Sync history">
      {runs.isPending ? (
        <Loading label="Loading sync history…" />
      ) : runs.isError ? (
        <ErrorState problem={apiProblem(runs.error)} onRetry={() => void runs.refetch()} />
      ) : runs.data.length === 0 ? (
        <EmptyState title="No syncs yet">
          <p>The first sync starts a moment after connecting.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Sync history">
            <thead>
              <tr>
                <th scope="col">Started</th>
                <th scope="col">Trigger</th>
                <th scope="col">Duration</th>
                <th scope="col">Status</th>
                <th scope="col" className="numeric">
                  Created
                </th>
                <th scope="col" className="numeric">
                  Updated
                </th>
                <th scope="col" className="numeric">
                  Deleted
                </th>
                <th scope="col" className="numeric">
                  Failed
                </th>
                <th scope="col">
                  <span className="visually-hidden">Errors</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {runs.data.map((run) => (
                <tr key={run.id}>
                  <td className="nowrap">{formatDateTime(run.startedAt)}</td>
                  <td>{triggerLabel(run.trigger)}</td>
                  <td className="nowrap">{duration(run)}</td>
                  <td>
                    <RunStatusBadge status={run.status} warnings={run.warnings} />
                  </td>
                  <td className="numeric">{formatCount(run.totals.created)}</td>
                  <td className="numeric">{formatCount(run.totals.updated)}</td>
                  <td className="numeric">{formatCount(run.totals.deleted)}</td>
                  <td className="numeric">{formatCount(run.totals.failed)}</td>
                  <td className="actions">
                    <Link href={paths.run(connectionId, run.id)}>
                      {run.status === "failed"
                        ? "View errors"
                        : run.errorCount > 0 || run.warnings > 0
                          ? "Details and warnings"
                          : "Details"}
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
