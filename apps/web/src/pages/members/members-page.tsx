import { canSee } from "../../access";
import { PageHeader } from "../../components/page-header";
import { useSession } from "../../session/session";
import { useTitle } from "../../use-title";
import { InviteForm } from "./invite-form";
import { MembersTable } from "./members-table";
import { PendingInvites } from "./pending-invites";

/** Everyone sees who is in the organisation; owners also invite, change roles and grant sensitive access. */
export function MembersPage() {
  useTitle("Members");
  const { active } = useSession();
  const isOwner = active?.role === "owner";
  return (
    <>
      <PageHeader
        title="Members"
        description={
          isOwner
            ? "Invite people, set their role, and decide who may see sensitive employee data."
            : "The people in your organisation."
        }
      />
      {isOwner && canSee("members", active) ? (
        <div className="grid-2">
          <InviteForm />
          <PendingInvites />
        </div>
      ) : null}
      <MembersTable canManage={isOwner} />
    </>
  );
}
