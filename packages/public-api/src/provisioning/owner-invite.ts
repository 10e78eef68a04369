import { createInvite } from "@roster/accounts";
import type { Db } from "@roster/db";
import { enqueueEmail } from "@roster/email";
import { auditPlatformChange } from "./organisations";
import { ownerInviteEmail } from "./owner-invite-email";

/**
 * Makes `email` the organisation's owner-to-be: an owner invite in the same invites table the
 * dashboard uses (one open invite per email; a new one replaces it), its email queued in the
 * same transaction. The link is returned too, so the platform can show it itself. A member
 * already there is refused (AlreadyMemberError from @roster/accounts).
 */
export async function inviteOwner(
  db: Db,
  input: { platformKeyId: string; organisationId: string; email: string; publicUrl: string },
): Promise<{ inviteId: string; link: string; expiresAt: Date }> {
  return db.transaction().execute(async (trx) => {
    const invite = await createInvite(trx, {
      organisationId: input.organisationId,
      email: input.email,
      role: "owner",
      invitedBy: null,
      publicUrl: input.publicUrl,
    });
    const email = ownerInviteEmail({ organisationName: invite.organisationName, link: invite.link, expiresAt: invite.expiresAt });
    await enqueueEmail(trx, {
      organisationId: input.organisationId,
      kind: "invite",
      to: [input.email],
      subject: email.subject,
      text: email.text,
      html: email.html,
      dedupeKey: `invite:${invite.id}`,
    });
    await auditPlatformChange(trx, input.platformKeyId, input.organisationId, "invite.created", "invite", invite.id, {
      email: input.email,
      role: "owner",
    });
    return { inviteId: invite.id, link: invite.link, expiresAt: invite.expiresAt };
  });
}
