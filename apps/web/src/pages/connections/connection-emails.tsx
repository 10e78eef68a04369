import { Card } from "../../components/card";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { StatusBadge, type Tone } from "../../components/status-badge";
import { apiProblem } from "../../errors";
import { formatDateTime, humanize } from "../../format";
import { trpc } from "../../trpc";

const emailTone: Record<string, Tone> = { sent: "success", pending: "info", failed: "danger" };

/** Failure, auto-disable and recovery emails about the connection, with who got them. */
export function ConnectionEmails({ connectionId }: { connectionId: string }) {
  const emails = trpc.connections.emails.useQuery({ connectionId });
  return (
    <Card title="Emails sent">
      {emails.isPending ? (
        <Loading label="Loading emails…" />
      ) : emails.isError ? (
        <ErrorState problem={apiProblem(emails.error)} onRetry={() => void emails.refetch()} />
      ) : emails.data.length === 0 ? (
        <EmptyState title="No emails about this connection">
          <p>Roster emails the owners and the notification address when a sync fails, when it gives up, and when it recovers.</p>
        </EmptyState>
      ) : (
        <div className="table-wrap">
          <table className="table" aria-label="Emails sent">
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">Subject</th>
                <th scope="col">Recipients</th>
                <th scope="col">Status</th>
              </tr>
            </thead>
            <tbody>
              {emails.data.map((email) => (
                <tr key={email.id}>
                  <td className="nowrap">{formatDateTime(email.sentAt ?? email.createdAt)}</td>
                  <td>{email.subject}</td>
                  <td className="muted">{email.to.length > 0 ? email.to.join(", ") : "Shown to owners"}</td>
                  <td>
                    <StatusBadge tone={emailTone[email.status] ?? "neutral"}>{humanize(email.status)}</StatusBadge>
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
