import { createOrganisationWithOwner, hashPassword } from "@roster/accounts";
import { type Db, sql } from "@roster/db";
import { DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_USERS } from "./demo-logins";

export { DEMO_ORGANISATION, DEMO_PASSWORD, DEMO_USERS };

/**
 * The sandbox's demo organisation and its three logins. Idempotent: once the demo
 * owner exists nothing is touched, so a restart keeps whatever the demo user changed.
 */
export async function seedDemo(db: Db): Promise<{ created: boolean }> {
  const [owner, ...others] = DEMO_USERS;
  if (!owner) return { created: false };
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  return db.transaction().execute(async (trx) => {
    // Serialises concurrent starts (two API processes on one database).
    await sql`select pg_advisory_xact_lock(hashtext('roster.seed-demo'))`.execute(trx);
    const existing = await trx.selectFrom("users").select("id").where("email", "=", owner.email).executeTakeFirst();
    if (existing) return { created: false };

    const users = await trx
      .insertInto("users")
      .values(DEMO_USERS.map((u) => ({ email: u.email, name: u.name, password_hash: passwordHash })))
      .onConflict((oc) => oc.column("email").doNothing())
      .returning(["id", "email"])
      .execute();
    const idOf = (email: string) => users.find((u) => u.email === email)?.id;
    const ownerId = idOf(owner.email);
    if (!ownerId) return { created: false };

    const organisationId = await createOrganisationWithOwner(trx, DEMO_ORGANISATION, ownerId);
    const memberships = others.flatMap((u) => {
      const userId = idOf(u.email);
      return userId ? [{ organisation_id: organisationId, user_id: userId, role: u.role }] : [];
    });
    if (memberships.length) await trx.insertInto("memberships").values(memberships).execute();
    return { created: true };
  });
}
