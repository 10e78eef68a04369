import type { Database, Kysely } from "@roster/db";
import { recordAudit } from "../audit/record-audit";

/** A new organisation with its creator as the first owner, audited. */
export async function createOrganisationWithOwner(trx: Kysely<Database>, name: string, ownerUserId: string): Promise<string> {
  const organisation = await trx.insertInto("organisations").values({ name }).returning("id").executeTakeFirstOrThrow();
  await trx.insertInto("memberships").values({ organisation_id: organisation.id, user_id: ownerUserId, role: "owner" }).execute();
  await recordAudit(trx, {
    organisationId: organisation.id,
    actorUserId: ownerUserId,
    action: "organisation.created",
    targetType: "organisation",
    targetId: organisation.id,
    details: { name },
  });
  return organisation.id;
}
