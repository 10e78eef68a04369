import { requestSyncNow, syncJobKey } from "@roster/connection-policy";
import { sql } from "@roster/db";
import { run } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SyncConnection } from "../src/deps";
import { graphileLogger } from "../src/graphile-logger";
import { runnerPreset } from "../src/runner-preset";
import { createTaskList } from "../src/task-list";
import { connectionRow, createConnection, createOrganisation } from "./helpers/fixtures";
import { type Harness, startHarness } from "./helpers/harness";

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h?.close();
});

describe("graceful shutdown", () => {
  it("a sync interrupted by shutdown is released to run again and is not counted as a failure", async () => {
    // Tried: the real runner picks up a sync that only ends when its abort signal fires; the
    // runner is stopped (what SIGTERM does). Must hold: stop() resolves once the sync returned,
    // the connection's counter and status are untouched, no email is queued, and the job is
    // still there (attempts 1) to run again.
    const organisationId = await createOrganisation(h.db, { owners: ["owner@acme.test"] });
    const id = await createConnection(h.db, organisationId);
    let started!: () => void;
    const syncStarted = new Promise<void>((resolve) => {
      started = resolve;
    });
    const slowSync: SyncConnection = ({ signal }) =>
      new Promise((resolve) => {
        started();
        // Like the engine: stop at the next checkpoint and report the run as failed.
        signal.addEventListener("abort", () => resolve({ runId: "00000000-0000-0000-0000-000000000000", status: "failed" }));
      });
    const runner = await run({
      connectionString: h.testDb.url,
      taskList: createTaskList({ ...h.deps, syncConnection: slowSync }),
      crontab: "",
      concurrency: 1,
      noHandleSignals: true,
      gracefulShutdownAbortTimeout: 200,
      logger: graphileLogger(h.deps.log),
      preset: runnerPreset,
    });
    await requestSyncNow(h.db, id);
    await syncStarted;
    await runner.stop();

    expect(await connectionRow(h.db, id)).toMatchObject({ status: "active", consecutive_failures: 0, failure_notified: false });
    expect(await h.db.selectFrom("email_outbox").select("id").execute()).toEqual([]);
    const { rows } = await sql<{ attempts: number; last_error: string; locked_at: Date | null }>`
      select attempts, last_error, locked_at from graphile_worker.jobs where key = ${syncJobKey(id)}`.execute(h.db);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ attempts: 1, locked_at: null });
    expect(rows[0]!.last_error).toMatch(/interrupted by worker shutdown/);
  });
});
