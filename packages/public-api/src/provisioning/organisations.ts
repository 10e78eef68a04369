import type { Database, Db, Kysely } from "@roster/db";

export interface OrganisationView {
  id: string;
  name: string;
  externalRef: string | null;
  createdAt: Date;
  deactivatedAt: Date | null;
}

const columns = ["id", "name", "external_ref", "created_at", "deactivated_at"] as const;

function view(row: {
  id: string;
  name: string;
  external_ref: string | null;
  created_at: Date;
  deactivated_at: Date | null;
}): OrganisationView {
  return {
    id: row.id,
    name: row.name,
    externalRef: row.external_ref,
    createdAt: row.created_at,
    deactivatedAt: row.deactivated_at,
  };
}

/** The platform key that did it: every provisioning change is in the organisation's audit log. */
export async function auditPlatformChange(
  trx: Kysely<Database>,
  platformKeyId: string,
  organisationId: string,
  action: string,
  targetType: string,
  targetId: string,
  details: Record<string, unknown>,
): Promise<void> {
  await trx
    .insertInto("audit_log")
    .values({
      organisation_id: organisationId,
      actor_user_id: null,
      actor_platform_key_id: platformKeyId,
      action,
      target_type: targetType,
      target_id: targetId,
      details: JSON.stringify({ via: "platform_key", ...details }),
    })
    .execute();
}

/**
 * Creates the organisation for a platform's customer, or returns the one already made for that
 * external reference (a retried request, or two racing ones, yield one organisation).
 */
export async function provisionOrganisation(
  db: Db,
  platformKeyId: string,
  input: { name: string; externalRef: string },
): Promise<{ organisation: OrganisationView; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto("organisations")
      .values({ name: input.name, external_ref: input.externalRef })
      .onConflict((oc) => oc.column("external_ref").doNothing())
      .returning(columns)
      .executeTakeFirst();
    if (inserted) {
      await auditPlatformChange(trx, platformKeyId, inserted.id, "organisation.created", "organisation", inserted.id, {
        name: input.name,
        external_ref: input.externalRef,
      });
      return { organisation: view(inserted), created: true };
    }
    const existing = await trx
      .selectFrom("organisations")
      .select(columns)
      .where("external_ref", "=", input.externalRef)
      .executeTakeFirstOrThrow();
    return { organisation: view(existing), created: false };
  });
}

export async function getOrganisation(db: Db, id: string): Promise<OrganisationView | null> {
  const row = await db.selectFrom("organisations").select(columns).where("id", "=", id).executeTakeFirst();
  return row ? view(row) : null;
}

/** Organisations in id order after the cursor; with an external reference, at most that one. */
export async function listOrganisations(
  db: Db,
  options: { externalRef?: string; after?: string; limit: number },
): Promise<OrganisationView[]> {
  let query = db.selectFrom("organisations").select(columns).orderBy("id").limit(options.limit);
  if (options.externalRef !== undefined) query = query.where("external_ref", "=", options.externalRef);
  if (options.after !== undefined) query = query.where("id", ">", options.after);
  return (await query.execute()).map(view);
}

/** Deactivates (syncs stop, data stays) or reactivates; null when there is no such organisation. */
export async function setOrganisationActive(
  db: Db,
  platformKeyId: string,
  id: string,
  active: boolean,
): Promise<OrganisationView | null> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable("organisations")
      .set((eb) => ({ deactivated_at: active ? null : eb.fn.coalesce("deactivated_at", eb.val(new Date())) }))
      .where("id", "=", id)
      .returning(columns)
      .executeTakeFirst();
    if (!row) return null;
    await auditPlatformChange(
      trx,
      platformKeyId,
      id,
      active ? "organisation.reactivated" : "organisation.deactivated",
      "organisation",
      id,
      {},
    );
    return view(row);
  });
}
