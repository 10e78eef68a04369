import { sql } from "@roster/db";
import { createSyncConnection, createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { runSync, SyncInProgressError } from "@roster/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { acmeConnector } from "../src/fixture/acme-connector";
import { type AcmeServer, startAcmeServer } from "../src/fixture/provider-server";

// The sync engine's own promises, beyond the connector contract: reference resolution across
// pages, normalisation, per-record mapping failures, one sync per connection at a time.
let testDb: TestDatabase;
let server: AcmeServer;
let connection: { id: string; organisationId: string; lastSuccessAt: null };
const log = createLogger("sync-test", { level: "silent" });

beforeAll(async () => {
  testDb = await createTestDatabase();
  server = await startAcmeServer({ people: 120, pageSize: 10 });
  connection = await createSyncConnection(testDb.db, { connectorId: "acme", displayName: "Acme" });
});
afterAll(async () => {
  await server.close();
  await testDb.drop();
});

const sync = (batchSize = 15) =>
  runSync({
    db: testDb.db,
    connector: acmeConnector,
    credentials: { token: server.createToken(), baseUrl: server.url },
    connection,
    trigger: "manual",
    log,
    batchSize,
  });

describe("sync engine", () => {
  it("resolves managers and departments even when they arrive on a later page", async () => {
    const outcome = await sync();
    expect(outcome.status).toBe("succeeded");
    const rows = await testDb.db
      .selectFrom("employees as e")
      .leftJoin("employees as m", "m.id", "e.manager_id")
      .leftJoin("departments as d", "d.id", "e.department_id")
      .select([
        "e.remote_id",
        "e.manager_remote_id",
        "m.remote_id as manager_resolved",
        "e.department_remote_id",
        "d.remote_id as department_resolved",
      ])
      .execute();
    expect(rows).toHaveLength(120);
    // Person 1001's manager is 1007, which is served on a later page than 1001 itself.
    const forward = rows.find((r) => r.remote_id === "1001");
    expect(forward?.manager_remote_id).toBe("1007");
    for (const row of rows) {
      expect(row.manager_resolved).toBe(row.manager_remote_id);
      expect(row.department_resolved).toBe(row.department_remote_id);
    }
  });

  it("keeps emails as given and adds a lower-cased normal form", async () => {
    const person = await testDb.db.selectFrom("employees").selectAll().where("remote_id", "=", "1002").executeTakeFirstOrThrow();
    expect(person.work_email).toBe("Person.2@Acme.example");
    expect(person.work_email_normalized).toBe("person.2@acme.example");
    const noEmail = await testDb.db.selectFrom("employees").selectAll().where("remote_id", "=", "1005").executeTakeFirstOrThrow();
    expect(noEmail.work_email).toBeNull();
  });

  it("skips a malformed record with its id and reason, and stores the rest", async () => {
    // Tried: one record whose name is an object. Must hold: the run succeeds, the record is
    // reported with its remote id, its stored row keeps the previous good version.
    const victim = server.people.find((p) => p.id === "1010")!;
    const goodName = victim.name;
    victim.broken = true;
    server.people.find((p) => p.id === "1011")!.name = "Renamed Eleven";
    try {
      const outcome = await sync();
      expect(outcome.status).toBe("succeeded");
      expect(outcome.counts.people).toMatchObject({ failed: 1, updated: 1, deleted: 0 });
      const errors = await testDb.db.selectFrom("sync_errors").selectAll().where("run_id", "=", outcome.runId).execute();
      expect(errors).toHaveLength(1);
      expect(errors[0]).toMatchObject({ stream: "people", remote_id: "1010", kind: "mapping" });
      expect(errors[0]?.message).toMatch(/name/);
      const kept = await testDb.db
        .selectFrom("employees")
        .select(["display_name", "remote_deleted_at"])
        .where("remote_id", "=", "1010")
        .executeTakeFirstOrThrow();
      expect(kept).toEqual({ display_name: goodName, remote_deleted_at: null });
    } finally {
      victim.broken = false;
    }
  });

  it("skips a stream whose permission the token lacks, says what to grant, and deletes nothing of it", async () => {
    // Tried: a token without the "departments" scope. Must hold: the run succeeds, one skip
    // is recorded with the permission's label and a hint, and stored departments stay live.
    const outcome = await runSync({
      db: testDb.db,
      connector: acmeConnector,
      credentials: { token: server.createToken(["people", "people.manager"]), baseUrl: server.url },
      connection,
      trigger: "manual",
      log,
    });
    expect(outcome.status).toBe("succeeded");
    const errors = await testDb.db.selectFrom("sync_errors").selectAll().where("run_id", "=", outcome.runId).execute();
    expect(errors.map((e) => [e.stream, e.kind, e.message])).toEqual([
      ["departments", "skipped", 'Departments not read: the token lacks the "Departments" permission'],
    ]);
    expect(errors[0]?.hint).toMatch(/^Grant the "Departments" permission to the token in .+ to bring departments back\.$/);
    expect(outcome.counts.departments).toMatchObject({ read: 0, deleted: 0, done: true });
    const live = await testDb.db.selectFrom("departments").select("remote_id").where("remote_deleted_at", "is", null).execute();
    expect(live).toHaveLength(4);
  });

  it("refuses to run two syncs of one connection at once", async () => {
    server.faults.latencyMs = 30;
    try {
      const first = sync();
      await new Promise((r) => setTimeout(r, 20));
      await expect(sync()).rejects.toBeInstanceOf(SyncInProgressError);
      expect((await first).status).toBe("succeeded");
    } finally {
      server.faults.latencyMs = 0;
    }
  });

  it("a run of all-unchanged data writes no row versions, in any batch size", async () => {
    const before = await testDb.db
      .selectFrom("employees")
      .select(["remote_id", (eb) => eb.cast<string>(eb.ref("xmin" as "remote_id"), "text").as("v")])
      .execute();
    const outcome = await sync(7);
    expect(outcome.counts.people).toMatchObject({ created: 0, updated: 0, deleted: 0, unchanged: 120 });
    const after = await testDb.db
      .selectFrom("employees")
      .select(["remote_id", (eb) => eb.cast<string>(eb.ref("xmin" as "remote_id"), "text").as("v")])
      .execute();
    expect(after).toEqual(before);
  });

  it("a first load records no seen ids, yet a later run still marks what vanished, and only that", async () => {
    // Tried: a brand-new connection's first sync, then a person removed at the provider.
    // Must hold: the first run stored no sync_seen rows (nothing could be deleted by absence),
    // the second run tracked what it saw and marked exactly the removed person deleted.
    const fresh = await testDb.db
      .insertInto("connections")
      .values({
        organisation_id: connection.organisationId,
        connector_id: "acme",
        display_name: "Acme 2",
        credentials_encrypted: "unused",
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    const syncFresh = () =>
      runSync({
        db: testDb.db,
        connector: acmeConnector,
        credentials: { token: server.createToken(), baseUrl: server.url },
        connection: { ...connection, id: fresh.id },
        trigger: "manual",
        log,
        batchSize: 15,
      });
    // A run clears its sync_seen rows when it ends, so a trigger keeps a copy of every insert.
    await sql`create table seen_copy (run_id uuid, stream text)`.execute(testDb.db);
    await sql`create function copy_seen() returns trigger language plpgsql as
      $$ begin insert into seen_copy select run_id, stream from new_rows; return null; end $$`.execute(testDb.db);
    await sql`create trigger copy_seen after insert on sync_seen referencing new table as new_rows
      for each statement execute function copy_seen()`.execute(testDb.db);
    const seenRows = async (runId: string) => {
      const { rows } = await sql<{
        n: number;
      }>`select count(*)::int as n from seen_copy where run_id = ${runId} and stream = 'people'`.execute(testDb.db);
      return rows[0]?.n;
    };
    const first = await syncFresh();
    expect(first.counts.people).toMatchObject({ created: 120, deleted: 0 });
    expect(await seenRows(first.runId)).toBe(0);

    const { removed } = server.mutate({ remove: 1 });
    const second = await syncFresh();
    expect(second.counts.people).toMatchObject({ deleted: 1, unchanged: 119 });
    expect(await seenRows(second.runId)).toBe(119);
    const deleted = await testDb.db
      .selectFrom("employees")
      .select("remote_id")
      .where("connection_id", "=", fresh.id)
      .where("remote_deleted_at", "is not", null)
      .execute();
    expect(deleted.map((d) => d.remote_id)).toEqual(removed);
  });
});
