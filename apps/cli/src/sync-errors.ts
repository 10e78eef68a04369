import type { Db } from "@roster/db";

export interface RunError {
  stream: string | null;
  remoteId: string | null;
  kind: string;
  message: string;
  hint: string | null;
}

/** A run's recorded errors, the run-level ones first, at most `limit`, with the full count. */
export async function runErrors(db: Db, runId: string, limit: number): Promise<{ errors: RunError[]; total: number }> {
  const rows = await db
    .selectFrom("sync_errors")
    .select(["stream", "remote_id", "kind", "message", "hint"])
    .where("run_id", "=", runId)
    .orderBy((eb) => eb.case().when("stream", "is", null).then(0).else(1).end())
    .orderBy("created_at")
    .orderBy("id")
    .limit(limit)
    .execute();
  const { total } = await db
    .selectFrom("sync_errors")
    .select((eb) => eb.fn.countAll<number>().as("total"))
    .where("run_id", "=", runId)
    .executeTakeFirstOrThrow();
  return {
    errors: rows.map((r) => ({ stream: r.stream, remoteId: r.remote_id, kind: r.kind, message: r.message, hint: r.hint })),
    total: Number(total),
  };
}
