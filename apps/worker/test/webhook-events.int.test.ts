import { applySyncOutcome, disableConnection, enableConnection } from "@roster/connection-policy";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { afterAll, beforeAll, expect, it } from "vitest";
import { connectionRow, createConnection, createOrganisation } from "./helpers/fixtures";
import { testConfig } from "./helpers/harness";

// The policy's change webhooks over a whole episode: each outcome writes its events in the
// transaction that applies it, in the order a receiver should see them.
let testDb: TestDatabase;
beforeAll(async () => {
  testDb = await createTestDatabase();
});
afterAll(async () => testDb?.drop());

async function outcome(connectionId: string, status: "succeeded" | "failed") {
  const organisationId = (await connectionRow(testDb.db, connectionId)).organisation_id;
  const run = await testDb.db
    .insertInto("sync_runs")
    .values({
      organisation_id: organisationId,
      connection_id: connectionId,
      trigger: "scheduled",
      status,
      finished_at: new Date(),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await testDb.db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom("connections")
      .selectAll()
      .where("id", "=", connectionId)
      .forUpdate()
      .executeTakeFirstOrThrow();
    await applySyncOutcome(
      trx,
      row,
      { runId: run.id, status, ...(status === "failed" ? { errorKind: "unreachable", errorMessage: "no answer" } : {}) },
      new Date(),
      testConfig,
    );
  });
}

const events = async (connectionId: string) =>
  (
    await testDb.db
      .selectFrom("event_outbox")
      .select(["type", "data"])
      .where("connection_id", "=", connectionId)
      .orderBy("id")
      .execute()
  ).map((e) => (e.type === "connection.disabled" ? `${e.type} by ${(e.data as { disabled_by: string }).disabled_by}` : e.type));

it("success, failures up to the disable, a re-enable and the success that restores it: each outcome's events", async () => {
  const organisationId = await createOrganisation(testDb.db, { owners: ["owner@acme.test"] });
  const id = await createConnection(testDb.db, organisationId);
  await outcome(id, "succeeded");
  for (let i = 0; i < testConfig.MAX_CONSECUTIVE_FAILURES; i++) await outcome(id, "failed");
  expect((await connectionRow(testDb.db, id)).status).toBe("disabled");
  await enableConnection(testDb.db, id);
  await outcome(id, "succeeded");
  await outcome(id, "succeeded");
  // The first failure opens "provider unreachable" (the two after it count it again); the
  // success after the re-enable resolves it.
  expect(await events(id)).toEqual([
    "sync.succeeded",
    "sync.failed",
    "issue.opened",
    "sync.failed",
    "sync.failed",
    "connection.disabled by policy",
    "sync.succeeded",
    "issue.resolved",
    "connection.restored",
    "sync.succeeded",
  ]);
  const [opened] = await testDb.db.selectFrom("event_outbox").select("data").where("type", "=", "issue.opened").execute();
  expect(opened?.data).toMatchObject({ connection_id: id, problem: "provider_unreachable", resolved_at: null });
  const [failed] = await testDb.db.selectFrom("event_outbox").select("data").where("type", "=", "sync.failed").execute();
  expect(failed?.data).toMatchObject({ connection_id: id, error_kind: "unreachable", error_message: "no answer" });
});

it("a failure then a success restores; an owner's disable says so", async () => {
  const organisationId = await createOrganisation(testDb.db, { owners: ["owner2@acme.test"] });
  const id = await createConnection(testDb.db, organisationId);
  await outcome(id, "failed");
  await outcome(id, "succeeded");
  await disableConnection(testDb.db, id, "Disabled by an owner");
  expect(await events(id)).toEqual([
    "sync.failed",
    "issue.opened",
    "sync.succeeded",
    "issue.resolved",
    "connection.restored",
    "connection.disabled by owner",
  ]);
});
