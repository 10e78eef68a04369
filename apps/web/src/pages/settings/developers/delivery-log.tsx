import { RelativeTime } from "../../../components/relative-time";
import { EmptyState, ErrorState, Loading } from "../../../components/states";
import { apiProblem } from "../../../errors";
import { trpc } from "../../../trpc";

const statusBadge = {
  delivered: "badge badge-success",
  pending: "badge badge-warning",
  failed: "badge badge-danger",
} as const;

/** An endpoint's latest deliveries: status, attempts, last response code, and Resend. Refreshes while any is pending. */
export function DeliveryLog({ endpointId }: { endpointId: string }) {
  const utils = trpc.useUtils();
  const log = trpc.webhooks.deliveries.useQuery(
    { endpointId, limit: 25 },
    { refetchInterval: (query) => (query.state.data?.deliveries.some((d) => d.status === "pending") ? 2_000 : false) },
  );
  const resend = trpc.webhooks.resend.useMutation({ onSuccess: () => void utils.webhooks.deliveries.invalidate({ endpointId }) });
  if (log.isPending) return <Loading label="Loading deliveries…" />;
  if (log.isError) return <ErrorState problem={apiProblem(log.error)} onRetry={() => void log.refetch()} />;
  if (log.data.deliveries.length === 0) return <EmptyState title="Nothing delivered yet" />;
  return (
    <div className="table-wrap">
      <table className="table table-compact" aria-label="Delivery log">
        <thead>
          <tr>
            <th>Event</th>
            <th>Status</th>
            <th className="numeric">Attempts</th>
            <th>Response</th>
            <th>Last attempt</th>
            <th>
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {log.data.deliveries.map((d) => (
            <tr key={d.id} data-testid="delivery-row">
              <td>
                <code>{d.eventType}</code>
                <div className="muted small">{d.eventId}</div>
              </td>
              <td>
                <span className={statusBadge[d.status]}>{d.status}</span>
              </td>
              <td className="numeric">{d.attempts}</td>
              <td title={d.lastError ?? undefined}>{d.lastStatusCode ?? (d.lastError ? "no answer" : "–")}</td>
              <td>{d.lastAttemptAt ? <RelativeTime value={d.lastAttemptAt} /> : "–"}</td>
              <td className="actions">
                <button
                  type="button"
                  className="button button-ghost"
                  disabled={resend.isPending || d.status === "pending"}
                  onClick={() => resend.mutate({ deliveryId: d.id })}
                  aria-label={`Resend ${d.eventType} ${d.eventId}`}
                >
                  Resend
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
