import type { Database, Kysely, Role } from "@roster/db";
import { TRPCError } from "@trpc/server";

export interface MembershipSummary {
  organisationId: string;
  organisationName: string;
  role: Role;
  sensitive: boolean;
}

/** Every organisation a user belongs to, oldest membership first. */
export async function membershipsOf(db: Kysely<Database>, userId: string): Promise<MembershipSummary[]> {
  return db
    .selectFrom("memberships as m")
    .innerJoin("organisations as o", "o.id", "m.organisation_id")
    .select(["o.id as organisationId", "o.name as organisationName", "m.role", "m.sensitive"])
    .where("m.user_id", "=", userId)
    .orderBy("m.created_at")
    .orderBy("o.name")
    .execute();
}

/**
 * The target membership and the organisation's owners, locked for the rest of the
 * transaction so two owners demoting each other at once cannot leave nobody in charge.
 */
export async function lockMembershipForChange(trx: Kysely<Database>, organisationId: string, userId: string) {
  const owners = await trx
    .selectFrom("memberships")
    .select("user_id")
    .where("organisation_id", "=", organisationId)
    .where("role", "=", "owner")
    .forUpdate()
    .execute();
  const target = await trx
    .selectFrom("memberships as m")
    .innerJoin("users as u", "u.id", "m.user_id")
    .select(["m.user_id", "m.role", "m.sensitive", "u.email", "u.name"])
    .where("m.organisation_id", "=", organisationId)
    .where("m.user_id", "=", userId)
    .forUpdate("m")
    .executeTakeFirst();
  if (!target) throw new TRPCError({ code: "NOT_FOUND", message: "That person is not a member of this organisation." });
  return { target, ownerCount: owners.length };
}

export function assertNotLastOwner(target: { role: Role }, ownerCount: number, doing: string): void {
  if (target.role === "owner" && ownerCount <= 1) {
    throw new TRPCError({
      code: "CONFLICT",
      message: `You can't ${doing} the last owner. Make someone else an owner first.`,
    });
  }
}
