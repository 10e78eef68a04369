import type { Role } from "@roster/api/permissions";
import { useState } from "react";
import { DateTime } from "../../components/date-time";
import { RoleBadge } from "../../components/role-badge";
import { apiProblem } from "../../errors";
import { useSession } from "../../session/session";
import { type RouterOutputs, trpc } from "../../trpc";
import { useRefreshMembers } from "./use-refresh-members";

type Member = RouterOutputs["members"]["list"][number];

interface MemberRowProps {
  member: Member;
  canManage: boolean;
  onProblem: (message: string | null) => void;
}

export function MemberRow({ member, canManage, onProblem }: MemberRowProps) {
  const { user } = useSession();
  const refresh = useRefreshMembers();
  const [confirmingRemove, setConfirmingRemove] = useState(false);
  const handlers = {
    onSuccess: async () => {
      onProblem(null);
      await refresh();
    },
    onError: (error: unknown) => onProblem(apiProblem(error).message),
  };
  const changeRole = trpc.members.changeRole.useMutation(handlers);
  const setSensitive = trpc.members.setSensitive.useMutation(handlers);
  const remove = trpc.members.remove.useMutation(handlers);
  const busy = changeRole.isPending || setSensitive.isPending || remove.isPending;
  const who = member.userId === user.id ? `${member.name} (you)` : member.name;
  // Owners and admins always see sensitive data; the flag matters for members only.
  const alwaysSensitive = member.role !== "member";
  // Show the new value while the change is on its way, so the switch answers at once.
  const sensitive = setSensitive.isPending ? setSensitive.variables.sensitive : member.sensitive;

  return (
    <tr>
      <td>{who}</td>
      <td className="muted">{member.email}</td>
      <td>
        {canManage ? (
          <select
            aria-label={`Role of ${member.name}`}
            value={member.role}
            disabled={busy}
            onChange={(e) => changeRole.mutate({ userId: member.userId, role: e.target.value as Role })}
          >
            <option value="owner">Owner</option>
            <option value="admin">Admin</option>
            <option value="member">Member</option>
          </select>
        ) : (
          <RoleBadge role={member.role} />
        )}
      </td>
      <td>
        {alwaysSensitive ? (
          <span className="muted">Always</span>
        ) : canManage ? (
          <label className="switch">
            <input
              type="checkbox"
              checked={sensitive}
              disabled={busy}
              onChange={(e) => setSensitive.mutate({ userId: member.userId, sensitive: e.target.checked })}
            />
            <span className="switch-track" aria-hidden="true" />
            <span className="visually-hidden">Sensitive data access for {member.name}</span>
            <span aria-hidden="true">{sensitive ? "Allowed" : "Not allowed"}</span>
          </label>
        ) : member.sensitive ? (
          "Allowed"
        ) : (
          <span className="muted">Not allowed</span>
        )}
      </td>
      <td className="muted">
        <DateTime value={member.joinedAt} day />
      </td>
      {canManage ? (
        <td className="actions">
          {confirmingRemove ? (
            <>
              <button
                type="button"
                className="button button-danger"
                disabled={busy}
                onClick={() => remove.mutate({ userId: member.userId })}
              >
                Confirm remove
              </button>
              <button type="button" className="button button-ghost" onClick={() => setConfirmingRemove(false)}>
                Cancel
              </button>
            </>
          ) : (
            <button
              type="button"
              className="button button-ghost"
              onClick={() => setConfirmingRemove(true)}
              aria-label={`Remove ${member.name}`}
            >
              Remove
            </button>
          )}
        </td>
      ) : null}
    </tr>
  );
}
