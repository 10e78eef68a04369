import { sql } from "@roster/db";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { emptyCounts } from "../src/counts";
import type { UpsertScope } from "../src/upsert";
import { saveStreamProgress } from "../src/write-batch";
import { newScope } from "./new-scope";

let testDb: TestDatabase;
let scope: UpsertScope;

beforeAll(async () => {
  testDb = await createTestDatabase();
  scope = await newScope(testDb.db);
});
afterAll(async () => {
  await testDb.drop();
});

/** The session's synchronous_commit inside the saving transaction and after it, from `on`. */
async function durabilityAfterSaving(asyncCommit: boolean | undefined) {
  return testDb.db.connection().execute(async (session) => {
    // A throw-away cluster may run with it off server-wide; the session starts from the default.
    await sql`set synchronous_commit = on`.execute(session);
    const inside = await session.transaction().execute(async (trx) => {
      const counts = { ...emptyCounts(), read: 7 };
      await saveStreamProgress(trx, scope, "people", counts, { cursor: "c7", done: false, asyncCommit });
      const { rows } = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(trx);
      return rows[0]?.synchronous_commit;
    });
    const { rows } = await sql<{ synchronous_commit: string }>`show synchronous_commit`.execute(session);
    await sql`reset synchronous_commit`.execute(session);
    return { inside, after: rows[0]?.synchronous_commit };
  });
}

describe("saveStreamProgress", () => {
  it("with asyncCommit, turns synchronous_commit off for its own transaction only", async () => {
    // Tried: a batch's progress saved with asyncCommit, then the session used again. Must hold:
    // the commit does not wait for the WAL flush, and the pooled session is left as it was.
    expect(await durabilityAfterSaving(true)).toEqual({ inside: "off", after: "on" });
  });

  it("without it, leaves the commit's durability alone", async () => {
    // Tried: the stream's last progress (done) saved without asyncCommit. Must hold: nothing changes.
    expect(await durabilityAfterSaving(undefined)).toEqual({ inside: "on", after: "on" });
  });

  it("saves the counts and the checkpoint either way", async () => {
    // Tried: progress saved with asyncCommit. Must hold: the run's counts and the stream's
    // checkpoint are what was saved (the durability clause changes nothing else).
    await durabilityAfterSaving(true);
    const checkpoint = await testDb.db
      .selectFrom("stream_checkpoints")
      .select(["cursor", "done", "run_id"])
      .where("connection_id", "=", scope.connectionId)
      .where("stream", "=", "people")
      .executeTakeFirstOrThrow();
    expect(checkpoint).toEqual({ cursor: "c7", done: false, run_id: scope.runId });
    const run = await testDb.db.selectFrom("sync_runs").select("counts").where("id", "=", scope.runId).executeTakeFirstOrThrow();
    expect((run.counts as Record<string, { read: number }>).people?.read).toBe(7);
  });
});
