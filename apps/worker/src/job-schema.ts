import type { Db } from "@roster/db";
import { sql } from "@roster/db";
import { type Logger as GraphileLogger, runMigrations } from "graphile-worker";

/** Any fixed number, shared by every worker process: the advisory lock key below. */
const JOB_SCHEMA_LOCK = 7_302_401;

/**
 * Installs or upgrades graphile-worker's own schema, one worker process at a time: several
 * workers starting together on a fresh database (compose's replicas) would otherwise run its
 * migrations side by side, and all but one fail half-way.
 */
export async function migrateJobSchema(db: Db, connectionString: string, logger: GraphileLogger): Promise<void> {
  await db.connection().execute(async (session) => {
    await sql`select pg_advisory_lock(${JOB_SCHEMA_LOCK})`.execute(session);
    try {
      await runMigrations({ connectionString, logger });
    } finally {
      await sql`select pg_advisory_unlock(${JOB_SCHEMA_LOCK})`.execute(session);
    }
  });
}
