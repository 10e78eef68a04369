import { findUserByEmail } from "@roster/accounts";
import type { Database, Kysely } from "@roster/db";
import { TRPCError } from "@trpc/server";

const UNIQUE_VIOLATION = "23505";

/** Inserts a user; an email already taken (even by a concurrent sign-up) is a CONFLICT. */
export async function createUser(
  trx: Kysely<Database>,
  user: { email: string; name: string; passwordHash: string },
): Promise<string> {
  const taken = () => new TRPCError({ code: "CONFLICT", message: "An account with this email already exists. Sign in instead." });
  if (await findUserByEmail(trx, user.email)) throw taken();
  try {
    const row = await trx
      .insertInto("users")
      .values({ email: user.email, name: user.name, password_hash: user.passwordHash })
      .returning("id")
      .executeTakeFirstOrThrow();
    return row.id;
  } catch (error) {
    if ((error as { code?: string }).code === UNIQUE_VIOLATION) throw taken();
    throw error;
  }
}
