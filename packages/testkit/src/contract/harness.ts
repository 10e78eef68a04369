import { Writable } from "node:stream";
import { type Connector, type ModelName, secretValues } from "@roster/core";
import { sql } from "@roster/db";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { createLogger, type Logger } from "@roster/logger";
import { encryptJson, generateEncryptionKey } from "@roster/secrets";
import { type RunCounts, runSync, type SyncOutcome, tableSpecs } from "@roster/sync";
import type { ContractOptions, ContractSimulator } from "./simulator";

export interface RecordState {
  deleted: boolean;
  /** The row version: unchanged xmin proves nothing was rewritten. */
  version: string;
  displayValue: unknown;
}

/** Everything a check needs: the connector, its simulator, a fresh database and captured logs. */
export interface ContractHarness {
  connector: Connector;
  sim: ContractSimulator;
  options: ContractOptions;
  testDb: TestDatabase;
  connectionId: string;
  organisationId: string;
  logLines: string[];
  log: Logger;
  /** Every credentials object handed out, so the secret check can look for all of them. */
  usedCredentials: unknown[];
  credentials(options?: { without?: readonly string[] }): Promise<unknown>;
  sync(options?: { credentials?: unknown; signal?: AbortSignal; onProgress?: (counts: RunCounts) => void }): Promise<SyncOutcome>;
  /** Rows of a stream's table for this connection, by remote id. */
  state(stream: string): Promise<Map<string, RecordState>>;
  liveIds(stream: string): Promise<string[]>;
  close(): Promise<void>;
}

export function modelOf(connector: Connector, stream: string): ModelName {
  const definition = connector.streams[stream];
  if (!definition) throw new Error(`the connector has no stream "${stream}"`);
  return definition.model;
}

export async function createContractHarness(connector: Connector, options: ContractOptions): Promise<ContractHarness> {
  const testDb = await createTestDatabase();
  const sim = await options.simulator();
  const logLines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  const log = createLogger(`contract:${connector.manifest.id}`, { destination, level: "trace" });
  const key = generateEncryptionKey();
  const org = await testDb.db
    .insertInto("organisations")
    .values({ name: "Contract Org" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const usedCredentials: unknown[] = [];
  const defaultCredentials = await sim.credentials();
  usedCredentials.push(defaultCredentials);
  const connection = await testDb.db
    .insertInto("connections")
    .values({
      organisation_id: org.id,
      connector_id: connector.manifest.id,
      display_name: connector.manifest.name,
      credentials_encrypted: encryptJson(defaultCredentials, key),
    })
    .returning("id")
    .executeTakeFirstOrThrow();

  const harness: ContractHarness = {
    connector,
    sim,
    options,
    testDb,
    connectionId: connection.id,
    organisationId: org.id,
    logLines,
    log,
    usedCredentials,
    async credentials(opts) {
      const credentials = await sim.credentials(opts);
      usedCredentials.push(credentials);
      return credentials;
    },
    async sync(opts = {}) {
      const { last_success_at } = await testDb.db
        .selectFrom("connections")
        .select("last_success_at")
        .where("id", "=", connection.id)
        .executeTakeFirstOrThrow();
      return runSync({
        db: testDb.db,
        connector,
        credentials: opts.credentials ?? defaultCredentials,
        connection: { id: connection.id, organisationId: org.id, lastSuccessAt: last_success_at },
        trigger: "contract",
        log,
        signal: opts.signal,
        // Fast retries: the suite checks that retries happen, not how long they wait.
        retry: { baseDelayMs: 1, maxDelayMs: 20, maxAttempts: 8 },
        timeoutMs: 10_000,
        batchSize: options.batchSize ?? 40,
        onProgress: opts.onProgress,
      });
    },
    async state(stream) {
      const table = sql.table(tableSpecs[modelOf(connector, stream)].table);
      const { rows } = await sql<{ remote_id: string; deleted: boolean; version: string; remote_data: unknown }>`
        select remote_id, remote_deleted_at is not null as deleted, xmin::text as version, remote_data
        from ${table} where connection_id = ${connection.id}`.execute(testDb.db);
      return new Map(rows.map((r) => [r.remote_id, { deleted: r.deleted, version: r.version, displayValue: r.remote_data }]));
    },
    async liveIds(stream) {
      const state = await harness.state(stream);
      return [...state]
        .filter(([, s]) => !s.deleted)
        .map(([id]) => id)
        .sort();
    },
    async close() {
      await sim.close();
      await testDb.drop();
    },
  };
  return harness;
}

/** Every secret value of every credentials object the suite used. */
export function allSecrets(h: ContractHarness): string[] {
  return h.usedCredentials.flatMap((c) => secretValues(h.connector.manifest.credentials, c as Record<string, unknown>));
}
