import type { Connector } from "@roster/core";
import type { Db } from "@roster/db";
import type { Logger } from "@roster/logger";
import { decryptJson } from "@roster/secrets";
import { type RunSyncInput, runSync, type SyncOutcome } from "./run-sync";

export interface RunConnectionSyncInput
  extends Pick<
    RunSyncInput,
    "log" | "signal" | "retry" | "timeoutMs" | "batchSize" | "rateLimit" | "onProgress" | "records" | "full" | "requestId"
  > {
  db: Db;
  connectionId: string;
  trigger: string;
  /** The installed connectors (the registry), looked up by the connection's connector id. */
  connectors: readonly Connector[];
  encryptionKey: string;
  log?: Logger;
}

export class ConnectionNotFoundError extends Error {
  override name = "ConnectionNotFoundError";
}

/** Loads a connection, decrypts its credentials and runs its sync. */
export async function runConnectionSync(input: RunConnectionSyncInput): Promise<SyncOutcome> {
  const connection = await input.db.selectFrom("connections").selectAll().where("id", "=", input.connectionId).executeTakeFirst();
  if (!connection) throw new ConnectionNotFoundError(`connection ${input.connectionId} does not exist`);
  const connector = input.connectors.find((c) => c.manifest.id === connection.connector_id);
  if (!connector) throw new ConnectionNotFoundError(`connector "${connection.connector_id}" is not installed`);
  // Bound to the row: a ciphertext copied into another connection does not decrypt.
  const credentials = decryptJson(connection.credentials_encrypted, input.encryptionKey, connection.id);
  return runSync({
    ...input,
    connector,
    credentials,
    connection: {
      id: connection.id,
      organisationId: connection.organisation_id,
      lastSuccessAt: connection.last_success_at,
      lastFullSyncAt: connection.last_full_sync_at,
    },
  });
}
