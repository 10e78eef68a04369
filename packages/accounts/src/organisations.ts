import type { Database, Kysely } from "@roster/db";
import { type AuditEntry, recordAudit } from "./audit";

/**
 * A new organisation with `ownerUserId` as its first owner, audited. The creator is the owner
 * (sign-up) unless `by` says otherwise: the `roster` command creates one for someone else.
 */
export async function createOrganisationWithOwner(
  trx: Kysely<Database>,
  name: string,
  ownerUserId: string,
  by: Pick<AuditEntry, "actorUserId" | "via"> & { details?: Record<string, unknown> } = { actorUserId: ownerUserId },
): Promise<string> {
  const organisation = await trx.insertInto("organisations").values({ name }).returning("id").executeTakeFirstOrThrow();
  await trx.insertInto("memberships").values({ organisation_id: organisation.id, user_id: ownerUserId, role: "owner" }).execute();
  await recordAudit(trx, {
    organisationId: organisation.id,
    actorUserId: by.actorUserId,
    via: by.via,
    action: "organisation.created",
    targetType: "organisation",
    targetId: organisation.id,
    details: { name, ...by.details },
  });
  return organisation.id;
}
