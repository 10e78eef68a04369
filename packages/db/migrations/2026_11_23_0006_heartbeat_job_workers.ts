import { type Kysely, sql } from "kysely";

// The job runner's own worker ids per Roster worker process: when a process dies without
// stopping (SIGKILL, lost machine), another can unlock its jobs at once instead of after
// graphile-worker's four-hour lock timeout.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable("worker_heartbeats")
    .addColumn("job_worker_ids", sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'::text[]`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("worker_heartbeats").dropColumn("job_worker_ids").execute();
}
