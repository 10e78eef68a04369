import { randomUUID } from "node:crypto";
import type { Db } from "@roster/db";
import { encryptJson } from "@roster/secrets";

/**
 * A Zenefits connection row straight in the database, its credentials encrypted as the
 * real flow stores them (rotation decrypts them). No account: rotation then accepts any company.
 */
export async function insertConnection(
  db: Db,
  organisationId: string,
  options: { encryptionKey: string; accessToken: string; baseUrl: string },
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto("connections")
    .values({
      id,
      organisation_id: organisationId,
      connector_id: "zenefits",
      display_name: "Zenefits — Fixture Co",
      credentials_encrypted: encryptJson(
        { accessToken: options.accessToken, baseUrl: options.baseUrl },
        options.encryptionKey,
        id,
      ),
      credentials_hint: `••••${options.accessToken.slice(-4)}`,
      notification_email: "hr@example.test",
    })
    .execute();
  return id;
}

/** A finished run with one error, as a failed sync leaves it. */
export async function insertFailedRun(db: Db, organisationId: string, connectionId: string): Promise<string> {
  const run = await db
    .insertInto("sync_runs")
    .values({
      organisation_id: organisationId,
      connection_id: connectionId,
      trigger: "manual",
      status: "failed",
      finished_at: new Date(),
      error_kind: "invalid_credentials",
      error_message: "Zenefits rejected the access token",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .insertInto("sync_errors")
    .values({
      run_id: run.id,
      stream: null,
      remote_id: null,
      kind: "invalid_credentials",
      message: "Zenefits rejected the access token",
      hint: "Create a new token in Zenefits and paste it in Settings.",
    })
    .execute();
  return run.id;
}

/** One person in the directory of a connection. */
export async function insertEmployee(db: Db, organisationId: string, connectionId: string, displayName: string) {
  const row = await db
    .insertInto("employees")
    .values({
      organisation_id: organisationId,
      connection_id: connectionId,
      remote_id: randomUUID(),
      remote_data: "{}",
      display_name: displayName,
      status: "active",
      personal_email: `${displayName.toLowerCase().replace(/\W+/g, ".")}@home.example`,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
