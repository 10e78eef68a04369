import type { Kysely } from "kysely";

// The end-of-stream deletion check looks up every stored record's remote id among the ids a
// run saw; with only (run_id, stream) indexed that lookup scanned the run's whole list per
// record, quadratic in the directory's size.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("sync_seen_run_stream").execute();
  await db.schema.createIndex("sync_seen_run_stream_remote").on("sync_seen").columns(["run_id", "stream", "remote_id"]).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex("sync_seen_run_stream_remote").execute();
  await db.schema.createIndex("sync_seen_run_stream").on("sync_seen").columns(["run_id", "stream"]).execute();
}
