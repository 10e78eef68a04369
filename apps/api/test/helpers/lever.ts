import { randomUUID } from "node:crypto";
import type { Db } from "@roster/db";
import { encryptJson } from "@roster/secrets";
import type { LeverSettings } from "../../src/lever/lever-settings";

/**
 * A Lever connection row straight in the database, its credentials encrypted as
 * saveLeverSetup stores them (bound to the row id), with the given settings.
 */
export async function insertLeverConnection(
  db: Db,
  organisationId: string,
  options: {
    encryptionKey: string;
    credentials: { apiKey: string } & Record<string, unknown>;
    settings?: Partial<LeverSettings>;
  },
): Promise<string> {
  const id = randomUUID();
  const settings: LeverSettings = {
    enabled: true,
    contactUserId: null,
    offersMode: "zenefits",
    exportTo: null,
    ...options.settings,
  };
  await db
    .insertInto("connections")
    .values({
      id,
      organisation_id: organisationId,
      connector_id: "lever",
      display_name: "Lever",
      credentials_encrypted: encryptJson(options.credentials, options.encryptionKey, id),
      credentials_hint: `••••${options.credentials.apiKey.slice(-4)}`,
      settings: JSON.stringify(settings),
    })
    .execute();
  return id;
}

/** One synced Lever candidate (as the candidates stream writes it). */
export async function insertCandidate(
  db: Db,
  organisationId: string,
  connectionId: string,
  options: { name: string; status?: "active" | "offer" | "hired" | "archived"; remoteId?: string; email?: string },
): Promise<{ id: string; remoteId: string }> {
  const remoteId = options.remoteId ?? randomUUID();
  const row = await db
    .insertInto("candidates")
    .values({
      organisation_id: organisationId,
      connection_id: connectionId,
      remote_id: remoteId,
      remote_data: "{}",
      display_name: options.name,
      email: options.email ?? `${options.name.toLowerCase().replace(/\W+/g, ".")}@candidate.example`,
      status: options.status ?? "offer",
      stage_name: options.status === "offer" || !options.status ? "Offer" : "Phone screen",
      job_title: "Engineer",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, remoteId };
}

/** One hire transfer chain (the secret story) for a candidate, failed unless said otherwise. */
export async function insertTransfer(
  db: Db,
  organisationId: string,
  connectionId: string,
  opportunityId: string,
  options: {
    status?: "failed" | "succeeded" | "pending";
    stage?: "hired" | "offer";
    candidateName?: string;
    error?: string;
    succeededAt?: Date;
  } = {},
): Promise<string> {
  const status = options.status ?? "failed";
  const row = await db
    .insertInto("hire_transfers")
    .values({
      organisation_id: organisationId,
      connection_id: connectionId,
      opportunity_id: opportunityId,
      candidate_name: options.candidateName ?? "Ada Candidate",
      stage: options.stage ?? "hired",
      trigger: options.stage === "offer" ? "manual" : "webhook",
      status,
      attempts: 1,
      summary: JSON.stringify({ first_name: "Ada", salary: { amount: 123_456, currency: "USD", interval: "per-year-salary" } }),
      error: status === "failed" ? (options.error ?? "Zenefits answered 503") : null,
      hris_record_id: status === "succeeded" ? "zen-1" : null,
      hris_connector_id: status === "succeeded" ? "zenefits" : null,
      last_attempt_at: new Date(),
      succeeded_at: status === "succeeded" ? (options.succeededAt ?? new Date()) : null,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return row.id;
}
