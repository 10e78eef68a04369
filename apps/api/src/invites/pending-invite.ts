import type { Database, Kysely } from "@roster/db";
import { TRPCError } from "@trpc/server";
import { hashToken } from "../auth/tokens";

export type InviteStatus = "pending" | "expired" | "accepted";

/** The invite behind a link's token, with the organisation's name; NOT_FOUND when unknown. */
export async function findInviteByToken(db: Kysely<Database>, token: string) {
  const invite = await db
    .selectFrom("invites as i")
    .innerJoin("organisations as o", "o.id", "i.organisation_id")
    .select(["i.id", "i.organisation_id", "i.email", "i.role", "i.expires_at", "i.accepted_at", "o.name as organisation_name"])
    .select((eb) => eb(eb.ref("i.expires_at"), "<=", eb.fn<Date>("now")).as("is_expired"))
    .where("i.token_hash", "=", hashToken(token))
    .executeTakeFirst();
  if (!invite) {
    throw new TRPCError({ code: "NOT_FOUND", message: "This invite link is not valid. It may have been revoked." });
  }
  const status: InviteStatus = invite.accepted_at ? "accepted" : invite.is_expired ? "expired" : "pending";
  return { ...invite, status };
}

export function assertInvitePending(invite: { status: InviteStatus }): void {
  if (invite.status === "accepted") {
    throw new TRPCError({ code: "BAD_REQUEST", message: "This invite has already been used. Sign in instead." });
  }
  if (invite.status === "expired") {
    throw new TRPCError({ code: "BAD_REQUEST", message: "This invite has expired. Ask for a new one." });
  }
}

/**
 * Marks the invite used and adds the membership, in the caller's transaction. The
 * conditional update makes a double click or a second tab lose cleanly.
 */
export async function consumeInvite(
  trx: Kysely<Database>,
  invite: { id: string; organisation_id: string; role: Database["invites"]["role"] },
  userId: string,
): Promise<void> {
  const claimed = await trx
    .updateTable("invites")
    .set({ accepted_at: new Date() })
    .where("id", "=", invite.id)
    .where("accepted_at", "is", null)
    .returning("id")
    .executeTakeFirst();
  if (!claimed) throw new TRPCError({ code: "BAD_REQUEST", message: "This invite has already been used. Sign in instead." });
  const already = await trx
    .selectFrom("memberships")
    .select("role")
    .where("organisation_id", "=", invite.organisation_id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  if (already) throw new TRPCError({ code: "CONFLICT", message: "You are already a member of this organisation." });
  await trx
    .insertInto("memberships")
    .values({ organisation_id: invite.organisation_id, user_id: userId, role: invite.role })
    .execute();
}
