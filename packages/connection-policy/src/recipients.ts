import type { Database, Kysely } from "@roster/db";
import { uniqueRecipients } from "@roster/email";
import type { ConnectionRow } from "./connection-row";

/** Who hears about a connection's trouble: its notification address and every owner of its organisation. */
export async function connectionAlertRecipients(
  db: Kysely<Database>,
  connection: Pick<ConnectionRow, "organisation_id" | "notification_email">,
): Promise<string[]> {
  const owners = await db
    .selectFrom("memberships")
    .innerJoin("users", "users.id", "memberships.user_id")
    .select("users.email")
    .where("memberships.organisation_id", "=", connection.organisation_id)
    .where("memberships.role", "=", "owner")
    .orderBy("users.email")
    .execute();
  return uniqueRecipients([
    ...(connection.notification_email ? [connection.notification_email] : []),
    ...owners.map((o) => o.email),
  ]);
}
