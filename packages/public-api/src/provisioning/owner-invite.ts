import { createHash, randomBytes } from "node:crypto";
import type { Db } from "@roster/db";
import { auditPlatformChange } from "./organisations";
import { ownerInviteEmail } from "./owner-invite-email";

/** As long as an invite from the dashboard lasts; accepted through the same /invite/:token page. */
const INVITE_DAYS = 7;

export class AlreadyMemberError extends Error {
  override name = "AlreadyMemberError";
}

/**
 * Makes `email` the organisation's owner-to-be: an owner invite in the same invites table the
 * dashboard uses (one open invite per email; a new one replaces it), its email queued in the
 * outbox in the same transaction. The link is returned too, so the platform can show it itself.
 */
export async function inviteOwner(
  db: Db,
  input: { platformKeyId: string; organisationId: string; email: string; publicUrl: string },
): Promise<{ inviteId: string; link: string; expiresAt: Date }> {
  const token = randomBytes(32).toString("base64url");
  const link = `${input.publicUrl.replace(/\/+$/, "")}/invite/${token}`;
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 24 * 60 * 60 * 1000);
  const inviteId = await db.transaction().execute(async (trx) => {
    const member = await trx
      .selectFrom("memberships as m")
      .innerJoin("users as u", "u.id", "m.user_id")
      .select("m.role")
      .where("m.organisation_id", "=", input.organisationId)
      .where("u.email", "=", input.email)
      .executeTakeFirst();
    if (member) throw new AlreadyMemberError(`${input.email} is already a member (${member.role}) of this organisation.`);
    await trx
      .deleteFrom("invites")
      .where("organisation_id", "=", input.organisationId)
      .where("email", "=", input.email)
      .where("accepted_at", "is", null)
      .execute();
    const row = await trx
      .insertInto("invites")
      .values({
        organisation_id: input.organisationId,
        email: input.email,
        role: "owner",
        token_hash: createHash("sha256").update(token).digest("hex"),
        invited_by: null,
        expires_at: expiresAt,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const organisation = await trx
      .selectFrom("organisations")
      .select("name")
      .where("id", "=", input.organisationId)
      .executeTakeFirstOrThrow();
    const email = ownerInviteEmail({ organisationName: organisation.name, link, expiresAt });
    await trx
      .insertInto("email_outbox")
      .values({
        organisation_id: input.organisationId,
        connection_id: null,
        kind: "invite",
        to: [input.email],
        subject: email.subject,
        text_body: email.text,
        html_body: email.html,
        dedupe_key: `invite:${row.id}`,
      })
      .execute();
    await auditPlatformChange(trx, input.platformKeyId, input.organisationId, "invite.created", "invite", row.id, {
      email: input.email,
      role: "owner",
    });
    return row.id;
  });
  return { inviteId, link, expiresAt };
}
