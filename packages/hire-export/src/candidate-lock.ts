import { type Db, sql } from "@roster/db";

export type Locked<T> = { locked: true; value: T } | { locked: false };

/**
 * Runs `work` while holding the candidate's export lock: a PostgreSQL session advisory lock,
 * so it holds across the export's provider calls and goes away with a crashed worker's
 * connection. `work` gets a Db bound to that same connection and must query through it: an
 * export then holds one pool connection, never one while waiting for another (a burst of
 * exports larger than the pool would otherwise starve itself). Exports run in parallel; only two exports of the
 * same candidate (a webhook redelivered while the first export runs) must never overlap, or
 * both could read "not sent yet" and import it twice. Returns `locked: false` without
 * running `work` when another export of the candidate holds the lock.
 */
export async function withCandidateLock<T>(
  db: Db,
  candidate: { connectionId: string; opportunityId: string },
  work: (lockedDb: Db) => Promise<T>,
): Promise<Locked<T>> {
  const key = `hire-export:${candidate.connectionId}:${candidate.opportunityId}`;
  return db.connection().execute(async (lockConnection) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(hashtextextended(${key}, 0)) as locked`.execute(
      lockConnection,
    );
    if (!rows[0]?.locked) return { locked: false };
    try {
      return { locked: true, value: await work(lockConnection) };
    } finally {
      await sql`select pg_advisory_unlock(hashtextextended(${key}, 0))`.execute(lockConnection);
    }
  });
}
