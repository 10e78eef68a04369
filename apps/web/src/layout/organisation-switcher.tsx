import { useQueryClient } from "@tanstack/react-query";
import { useId } from "react";
import { roleLabel } from "../components/role-badge";
import { useSession } from "../session/session";
import { trpc } from "../trpc";

/** The active organisation; a picker when the user belongs to more than one. */
export function OrganisationSwitcher() {
  const { memberships, active } = useSession();
  const queryClient = useQueryClient();
  const id = useId();
  const switchOrg = trpc.organisations.switch.useMutation({
    // Every cached answer belonged to the previous organisation.
    onSuccess: () => queryClient.resetQueries(),
  });
  if (!active) return null;
  if (memberships.length < 2) {
    return (
      <div className="org-current">
        <span className="org-name">{active.organisationName}</span>
        <span className="org-role">{roleLabel(active.role)}</span>
      </div>
    );
  }
  return (
    <div className="org-current">
      <label htmlFor={id} className="visually-hidden">
        Organisation
      </label>
      <select
        id={id}
        className="org-select"
        value={active.organisationId}
        disabled={switchOrg.isPending}
        onChange={(e) => switchOrg.mutate({ organisationId: e.target.value })}
      >
        {memberships.map((m) => (
          <option key={m.organisationId} value={m.organisationId}>
            {m.organisationName}
          </option>
        ))}
      </select>
      <span className="org-role">{roleLabel(active.role)}</span>
    </div>
  );
}
