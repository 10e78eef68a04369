import path from "node:path";
import type { Config } from "@roster/config";
import {
  assertDatabaseReachable,
  createDb,
  type EmbeddedPostgresHandle,
  migrateToLatest,
  startEmbeddedPostgres,
  withDatabase,
} from "@roster/db";
import pg from "pg";

export interface StartedDatabase {
  url: string;
  embedded: EmbeddedPostgresHandle | undefined;
}

async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query("select 1 from pg_database where datname = $1", [name]);
    if (!rowCount) await client.query(`create database "${name}"`);
  } finally {
    await client.end();
  }
}

/** DATABASE_URL when given; else an embedded PostgreSQL whose data persists in ROSTER_DATA_DIR. */
export async function startDatabase(config: Config, log: (line: string) => void): Promise<StartedDatabase> {
  let url = config.DATABASE_URL;
  let embedded: EmbeddedPostgresHandle | undefined;
  if (!url) {
    const dataDir = path.resolve(config.ROSTER_DATA_DIR, "postgres");
    log(`starting embedded PostgreSQL (data in ${path.relative(process.cwd(), dataDir)})`);
    embedded = await startEmbeddedPostgres({ dataDir, persistent: true });
    await ensureDatabase(embedded.url, "roster");
    url = withDatabase(embedded.url, "roster");
  }
  await assertDatabaseReachable(url);
  const db = createDb(url, { max: 1 });
  try {
    const applied = await migrateToLatest(db);
    log(applied.length ? `applied migrations: ${applied.join(", ")}` : "database schema is current");
  } finally {
    await db.destroy();
  }
  return { url, embedded };
}
