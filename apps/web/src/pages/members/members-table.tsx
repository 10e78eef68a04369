import { useState } from "react";
import { Card } from "../../components/card";
import { FormAlert } from "../../components/form-alert";
import { EmptyState, ErrorState, Loading } from "../../components/states";
import { apiProblem } from "../../errors";
import { trpc } from "../../trpc";
import { MemberRow } from "./member-row";

export function MembersTable({ canManage }: { canManage: boolean }) {
  const members = trpc.members.list.useQuery();
  // The last refusal from the API (e.g. demoting the last owner), shown above the table.
  const [problem, setProblem] = useState<string | null>(null);

  return (
    <Card title="People">
      <FormAlert message={problem} />
      {members.isPending ? (
        <Loading label="Loading members…" />
      ) : members.isError ? (
        <ErrorState problem={apiProblem(members.error)} onRetry={() => void members.refetch()} />
      ) : members.data.length === 0 ? (
        <EmptyState title="No members yet" />
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Email</th>
                <th scope="col">Role</th>
                <th scope="col">Sensitive data</th>
                <th scope="col">Joined</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">Actions</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {members.data.map((member) => (
                <MemberRow key={member.userId} member={member} canManage={canManage} onProblem={setProblem} />
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
