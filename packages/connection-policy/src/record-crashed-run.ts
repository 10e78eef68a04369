import type { Database, Transaction } from "@roster/db";
import type { ConnectionRow } from "./connection-row";

/**
 * A sync that threw could not record its own end. Mark its run (still "running") failed
 * with kind "crash", or write a failed run if it crashed before creating one, so the
 * dashboard and the email's "View errors" link have a run to show. Returns the run id.
 */
export async function recordCrashedRun(
  trx: Transaction<Database>,
  connection: Pick<ConnectionRow, "id" | "organisation_id">,
  trigger: string,
  message: string,
  now: Date,
): Promise<string> {
  // Syncs of one connection never overlap (one queue per connection), so a running run is this attempt's.
  const marked = await trx
    .updateTable("sync_runs")
    .set({ status: "failed", finished_at: now, error_kind: "crash", error_message: message })
    .where("connection_id", "=", connection.id)
    .where("status", "=", "running")
    .returning(["id", "started_at"])
    .execute();
  const newest = marked.sort((a, b) => b.started_at.getTime() - a.started_at.getTime())[0];
  if (newest) return newest.id;
  const inserted = await trx
    .insertInto("sync_runs")
    .values({
      organisation_id: connection.organisation_id,
      connection_id: connection.id,
      trigger,
      status: "failed",
      started_at: now,
      finished_at: now,
      error_kind: "crash",
      error_message: message,
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return inserted.id;
}
