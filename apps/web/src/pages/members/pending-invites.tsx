import { Card } from "../../components/card";
import { DateTime } from "../../components/date-time";
import { FormAlert } from "../../components/form-alert";
import { roleLabel } from "../../components/role-badge";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { apiProblem } from "../../errors";
import { trpc } from "../../trpc";
import { useRefreshMembers } from "./use-refresh-members";

export function PendingInvites() {
  const invites = trpc.invites.list.useQuery();
  const refresh = useRefreshMembers();
  const revoke = trpc.invites.revoke.useMutation({ onSuccess: refresh });

  return (
    <Card title="Open invitations">
      <FormAlert message={revoke.isError ? apiProblem(revoke.error).message : null} />
      {invites.isPending ? (
        <Loading label="Loading invitations…" />
      ) : invites.isError ? (
        <ErrorState problem={apiProblem(invites.error)} onRetry={() => void invites.refetch()} />
      ) : invites.data.length === 0 ? (
        <EmptyState title="No open invitations" />
      ) : (
        <ul className="plain-list">
          {invites.data.map((invite) => (
            <li key={invite.id} className="list-row">
              <div>
                <div>{invite.email}</div>
                <div className="muted small">
                  {roleLabel(invite.role)} · expires <DateTime value={invite.expiresAt} day />
                </div>
              </div>
              <button
                type="button"
                className="button button-ghost"
                disabled={revoke.isPending}
                onClick={() => revoke.mutate({ inviteId: invite.id })}
                aria-label={`Revoke the invitation for ${invite.email}`}
              >
                Revoke
              </button>
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
