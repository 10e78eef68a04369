import { randomBytes } from "node:crypto";
import { hashPassword } from "@roster/accounts";
import type { Db, Role } from "@roster/db";

export interface SignInUser {
  email: string;
  password: string;
  role: Role;
}

/**
 * People who sign in to the organisation through the real auth.signIn: the first an owner,
 * the second an admin, the rest members (who get the person page without sensitive fields).
 * One scrypt hash for all (the API's own hashPassword), since each costs ~0.1 s.
 */
export async function createSignInUsers(db: Db, organisationId: string, count: number): Promise<SignInUser[]> {
  const password = randomBytes(12).toString("base64url");
  const passwordHash = await hashPassword(password);
  const suffix = randomBytes(3).toString("hex");
  const users: SignInUser[] = Array.from({ length: count }, (_, i) => ({
    email: `bench-${i + 1}-${suffix}@bench.roster.test`,
    password,
    role: i === 0 ? "owner" : i === 1 ? "admin" : "member",
  }));
  for (const user of users) {
    const row = await db
      .insertInto("users")
      .values({ email: user.email, name: `Bench ${user.role}`, password_hash: passwordHash })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("memberships").values({ organisation_id: organisationId, user_id: row.id, role: user.role }).execute();
  }
  return users;
}
