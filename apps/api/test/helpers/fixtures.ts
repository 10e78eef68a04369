import { randomBytes } from "node:crypto";
import { hashPassword } from "@roster/accounts";
import type { Db, Role } from "@roster/db";
import { newToken } from "../../src/auth/tokens";

export const FIXTURE_PASSWORD = "correct horse battery";
// One real hash shared by every fixture user: scrypt per user would dominate test time.
let sharedHash: Promise<string> | undefined;
const fixtureHash = () => (sharedHash ??= hashPassword(FIXTURE_PASSWORD));

export interface FixtureUser {
  id: string;
  email: string;
  name: string;
}

export async function insertUser(db: Db, label: string): Promise<FixtureUser> {
  const email = `${label}-${randomBytes(4).toString("hex")}@example.test`.toLowerCase();
  const name = label.replace(/^\w/, (c) => c.toUpperCase());
  const row = await db
    .insertInto("users")
    .values({ email, name, password_hash: await fixtureHash() })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, email, name };
}

export async function addMember(db: Db, organisationId: string, userId: string, role: Role, sensitive = false) {
  await db.insertInto("memberships").values({ organisation_id: organisationId, user_id: userId, role, sensitive }).execute();
}

/** A session row straight in the database; returns the cookie token. */
export async function insertSession(db: Db, userId: string, organisationId: string | null, expiresAt?: Date): Promise<string> {
  const { token, hash } = newToken();
  await db
    .insertInto("auth_sessions")
    .values({
      id_hash: hash,
      user_id: userId,
      organisation_id: organisationId,
      expires_at: expiresAt ?? new Date(Date.now() + 86_400_000),
    })
    .execute();
  return token;
}

export interface OrgFixture {
  organisationId: string;
  otherOrganisationId: string;
  users: Record<"owner" | "admin" | "member" | "sensitiveMember" | "otherOwner" | "outsider", FixtureUser>;
}

/**
 * Organisation A with an owner, an admin, a member and a member holding the sensitive
 * flag; organisation B with its own owner; and an outsider in no organisation.
 */
export async function createOrgFixture(db: Db): Promise<OrgFixture> {
  // Few round trips: the access matrix builds one of these for each of its ~130 cells.
  const [a, b] = await db
    .insertInto("organisations")
    .values([{ name: "Acme" }, { name: "Other Inc" }])
    .returning("id")
    .execute();
  const labels = ["owner", "admin", "member", "sensitiveMember", "otherOwner", "outsider"] as const;
  const suffix = randomBytes(4).toString("hex");
  const passwordHash = await fixtureHash();
  const rows = await db
    .insertInto("users")
    .values(
      labels.map((label) => ({
        email: `${label.toLowerCase()}-${suffix}@example.test`,
        name: label,
        password_hash: passwordHash,
      })),
    )
    .returning(["id", "email", "name"])
    .execute();
  const users = Object.fromEntries(labels.map((label, i) => [label, rows[i]!])) as OrgFixture["users"];
  await db
    .insertInto("memberships")
    .values([
      { organisation_id: a!.id, user_id: users.owner.id, role: "owner", sensitive: false },
      { organisation_id: a!.id, user_id: users.admin.id, role: "admin", sensitive: false },
      { organisation_id: a!.id, user_id: users.member.id, role: "member", sensitive: false },
      { organisation_id: a!.id, user_id: users.sensitiveMember.id, role: "member", sensitive: true },
      { organisation_id: b!.id, user_id: users.otherOwner.id, role: "owner", sensitive: false },
    ])
    .execute();
  return { organisationId: a!.id, otherOrganisationId: b!.id, users };
}
