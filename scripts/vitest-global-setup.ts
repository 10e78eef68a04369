import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import {
  assertDatabaseReachable,
  createDb,
  type EmbeddedPostgresHandle,
  migrateToLatest,
  startEmbeddedPostgres,
  withDatabase,
} from "@roster/db";
import { adminQuery, TEST_ADMIN_URL_ENV, TEST_PREFIX_ENV, TEST_TEMPLATE_ENV } from "@roster/db/testing";
import pg from "pg";

/**
 * Provides PostgreSQL to every test file: the server at DATABASE_URL when set, else an
 * embedded one in a throw-away folder. Migrates one template database; each test file
 * clones it (createTestDatabase) and teardown drops every database this run made.
 */
export default async function setup(): Promise<() => Promise<void>> {
  let embedded: EmbeddedPostgresHandle | undefined;
  let adminUrl = process.env.DATABASE_URL;
  if (!adminUrl) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), "roster-test-pg-"));
    embedded = await startEmbeddedPostgres({ dataDir: path.join(dataDir, "data"), persistent: false });
    adminUrl = embedded.url;
  }
  await assertDatabaseReachable(adminUrl);

  const prefix = `roster_t${Date.now().toString(36)}${process.pid}`;
  const template = `${prefix}_template`;
  process.env[TEST_ADMIN_URL_ENV] = adminUrl;
  process.env[TEST_PREFIX_ENV] = prefix;
  process.env[TEST_TEMPLATE_ENV] = template;

  await adminQuery(`create database "${template}"`);
  const db = createDb(withDatabase(adminUrl, template), { max: 1 });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }

  return async () => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>("select datname from pg_database where datname like $1", [
        `${prefix}%`,
      ]);
      for (const { datname } of rows) await client.query(`drop database if exists "${datname}" with (force)`);
    } finally {
      await client.end();
    }
    await embedded?.stop();
  };
}
