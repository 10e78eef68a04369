import type { Database, Db, Insertable } from "@roster/db";
import { expect } from "vitest";

/** An organisation with owner/admin users (emails must be lower case, as the schema requires). */
export async function createOrganisation(db: Db, people: { owners?: string[]; admins?: string[] } = {}): Promise<string> {
  const org = await db.insertInto("organisations").values({ name: "Acme" }).returning("id").executeTakeFirstOrThrow();
  const members = [
    ...(people.owners ?? []).map((email) => ({ email, role: "owner" as const })),
    ...(people.admins ?? []).map((email) => ({ email, role: "admin" as const })),
  ];
  for (const member of members) {
    const user = await db
      .insertInto("users")
      .values({ email: member.email, name: member.email.split("@")[0] ?? "user", password_hash: "not-a-real-hash" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("memberships").values({ organisation_id: org.id, user_id: user.id, role: member.role }).execute();
  }
  return org.id;
}

/** A connection as the API creates it: active, due now (next_sync_at = now). */
export async function createConnection(
  db: Db,
  organisationId: string,
  overrides: Partial<Insertable<Database["connections"]>> = {},
): Promise<string> {
  const row = await db
    .insertInto("connections")
    .values({
      organisation_id: organisationId,
      connector_id: "zenefits",
      display_name: "Acme Zenefits",
      credentials_encrypted: "test-envelope",
      notification_email: "alerts@acme.test",
      next_sync_at: new Date(),
      ...overrides,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}

export function connectionRow(db: Db, id: string) {
  return db.selectFrom("connections").selectAll().where("id", "=", id).executeTakeFirstOrThrow();
}

/** Moves a connection's next sync to now: how tests "wait" an hour or a day. */
export async function makeDue(db: Db, id: string): Promise<void> {
  await db.updateTable("connections").set({ next_sync_at: new Date() }).where("id", "=", id).execute();
}

/** Asserts a time is within toleranceMs of expected (test clocks and DB writes differ by milliseconds). */
export function expectNear(actual: Date | null, expected: Date, toleranceMs = 60_000): void {
  expect(actual, "expected a time, got null").not.toBeNull();
  expect(Math.abs((actual as Date).getTime() - expected.getTime())).toBeLessThan(toleranceMs);
}

export const inHours = (hours: number, from = new Date()) => new Date(from.getTime() + hours * 3_600_000);
