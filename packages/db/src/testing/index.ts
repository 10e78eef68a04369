import { randomBytes } from "node:crypto";
import pg from "pg";
import { createDb, type Db } from "../client";
import { withDatabase } from "../database-url";

/**
 * Per-test-file databases, cloned from a template that the global setup migrated
 * once (graphile-worker's approach): files run in parallel without sharing state,
 * and nothing is left behind on a shared server.
 */
export const TEST_ADMIN_URL_ENV = "ROSTER_TEST_ADMIN_URL";
export const TEST_TEMPLATE_ENV = "ROSTER_TEST_TEMPLATE";
export const TEST_PREFIX_ENV = "ROSTER_TEST_PREFIX";

export interface TestDatabase {
  name: string;
  url: string;
  db: Db;
  /** Closes the pool and drops the database. */
  drop(): Promise<void>;
}

function requireEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run tests through the root vitest config (pnpm test)`);
  return value;
}

export async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: requireEnv(TEST_ADMIN_URL_ENV) });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/**
 * A database of its own for a test file: a copy of the migrated template, or with `empty`
 * a database with no tables at all (for a test of the migrations themselves).
 */
export async function createTestDatabase(options: { empty?: boolean } = {}): Promise<TestDatabase> {
  const name = `${requireEnv(TEST_PREFIX_ENV)}_${randomBytes(4).toString("hex")}`;
  const template = options.empty ? "template0" : requireEnv(TEST_TEMPLATE_ENV);
  // Copies from one template may collide when another file is connected to it for an
  // instant (PostgreSQL refuses then); a short retry covers that.
  for (let attempt = 0; ; attempt++) {
    try {
      await adminQuery(`create database "${name}" template "${template}"`);
      break;
    } catch (error) {
      if (attempt >= 20 || !/being accessed by other users/.test((error as Error).message)) throw error;
      await new Promise((r) => setTimeout(r, 100 + attempt * 50));
    }
  }
  const url = withDatabase(requireEnv(TEST_ADMIN_URL_ENV), name);
  const db = createDb(url, { max: 5, applicationName: "roster-test" });
  return {
    name,
    url,
    db,
    async drop() {
      await db.destroy();
      await adminQuery(`drop database if exists "${name}" with (force)`);
    },
  };
}

export interface SyncConnectionFixture {
  id: string;
  organisationId: string;
  lastSuccessAt: null;
}

/**
 * What a sync test runs against: a new organisation with one connection to `connectorId`.
 * The test hands runSync its credentials directly, so none are stored.
 */
export async function createSyncConnection(
  db: Db,
  options: { connectorId: string; displayName: string; organisation?: string },
): Promise<SyncConnectionFixture> {
  const org = await db
    .insertInto("organisations")
    .values({ name: options.organisation ?? "Org" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const row = await db
    .insertInto("connections")
    .values({
      organisation_id: org.id,
      connector_id: options.connectorId,
      display_name: options.displayName,
      credentials_encrypted: "unused",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, organisationId: org.id, lastSuccessAt: null };
}
