import { createHash, randomBytes } from "node:crypto";
import type { Database, Kysely, Role } from "@roster/db";

/** How long an invite link works. */
export const INVITE_DAYS = 7;

export class AlreadyMemberError extends Error {
  override name = "AlreadyMemberError";
  constructor(
    readonly email: string,
    readonly role: Role,
  ) {
    super(`${email} is already a member (${role}) of this organisation.`);
  }
}

export interface CreatedInvite {
  id: string;
  /** The accept page's address with the one-time token: shown once, never stored. */
  link: string;
  expiresAt: Date;
  organisationName: string;
}

/**
 * An invite to the organisation, in the caller's transaction: refused for a member, replacing
 * any open invite of the same email (one open link per person). Only the token's hash is
 * stored; the link is returned for the caller's email (and, for a platform, to show itself).
 */
export async function createInvite(
  trx: Kysely<Database>,
  input: { organisationId: string; email: string; role: Role; invitedBy: string | null; publicUrl: string },
): Promise<CreatedInvite> {
  const member = await trx
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select("m.role")
    .where("m.organisation_id", "=", input.organisationId)
    .where("u.email", "=", input.email)
    .executeTakeFirst();
  if (member) throw new AlreadyMemberError(input.email, member.role);
  await trx
    .deleteFrom("invites")
    .where("organisation_id", "=", input.organisationId)
    .where("email", "=", input.email)
    .where("accepted_at", "is", null)
    .execute();
  const token = randomBytes(32).toString("base64url");
  const expiresAt = new Date(Date.now() + INVITE_DAYS * 24 * 60 * 60 * 1000);
  const row = await trx
    .insertInto("invites")
    .values({
      organisation_id: input.organisationId,
      email: input.email,
      role: input.role,
      token_hash: createHash("sha256").update(token).digest("hex"),
      invited_by: input.invitedBy,
      expires_at: expiresAt,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  const organisation = await trx
    .selectFrom("organisations")
    .select("name")
    .where("id", "=", input.organisationId)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    link: `${input.publicUrl.replace(/\/+$/, "")}/invite/${token}`,
    expiresAt,
    organisationName: organisation.name,
  };
}
