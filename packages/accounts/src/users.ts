import type { Database, Kysely } from "@roster/db";

export async function findUserByEmail(db: Kysely<Database>, email: string) {
  return db.selectFrom("users").select(["id", "email", "name", "password_hash"]).where("email", "=", email).executeTakeFirst();
}

/**
 * The user with this email, created with this name and password hash when there is none.
 * `created` says which: an existing account keeps its name and password. Safe against a
 * concurrent sign-up with the same email (the insert yields to it).
 */
export async function findOrCreateUser(
  trx: Kysely<Database>,
  user: { email: string; name: string; passwordHash: string },
): Promise<{ id: string; created: boolean }> {
  const inserted = await trx
    .insertInto("users")
    .values({ email: user.email, name: user.name, password_hash: user.passwordHash })
    .onConflict((oc) => oc.column("email").doNothing())
    .returning("id")
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, created: true };
  const existing = await findUserByEmail(trx, user.email);
  if (!existing) throw new Error(`user ${user.email} was neither inserted nor found`);
  return { id: existing.id, created: false };
}
