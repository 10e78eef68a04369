import { zenefits } from "@roster/connector-zenefits";
import { sql } from "@roster/db";
import { createSyncConnection, createTestDatabase, type SyncConnectionFixture, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { generateEncryptionKey } from "@roster/secrets";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { runSync } from "@roster/sync";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { createEndpoint, type EventBody, emitEvent, fanOut } from "../src/index";
import { drainFanOut } from "./helpers/drain";

// The fan-out over real PostgreSQL: what a sync logs becomes deliveries, once, in order, and a
// row whose transaction commits after a later one's is not skipped.
let database: TestDatabase;
let sim: ZenefitsSim;
let connection: SyncConnectionFixture;
let endpointId: string;
const key = generateEncryptionKey();
const log = createLogger("webhooks-test", { level: "silent" });

const sync = () =>
  runSync({
    db: database.db,
    connector: zenefits,
    credentials: { accessToken: sim.defaultToken, baseUrl: sim.url },
    connection,
    trigger: "manual",
    log,
  });

const deliveredBodies = async () =>
  (
    await database.db.selectFrom("event_deliveries").select("body").where("endpoint_id", "=", endpointId).orderBy("id").execute()
  ).map((r) => JSON.parse(r.body) as EventBody);

beforeAll(async () => {
  database = await createTestDatabase();
  sim = await startZenefitsSim({ port: 0, people: 80, seed: 3 });
  connection = await createSyncConnection(database.db, { connectorId: "zenefits", displayName: "Z" });
  const { endpoint } = await createEndpoint(
    database.db,
    key,
    { organisationId: connection.organisationId, userId: null },
    {
      url: "https://receiver.example.test/hooks",
      events: ["employee.created", "employee.updated", "employee.deleted", "sync.succeeded"],
    },
  );
  endpointId = endpoint.id;
});
afterAll(async () => {
  await sim?.close();
  await database?.drop();
});
beforeEach(async () => {
  await drainFanOut(database.db);
  await database.db.deleteFrom("event_deliveries").execute();
});

describe("record events from change_log", () => {
  it("a first load sends no event per person; a re-sync sends one per change, with the fields that changed", async () => {
    expect((await sync()).status).toBe("succeeded");
    await drainFanOut(database.db);
    expect(await deliveredBodies()).toEqual([]);

    const mutation = sim.mutate({ change: 5, add: 2, delete: 1 });
    expect((await sync()).status).toBe("succeeded");
    const fannedOut = await drainFanOut(database.db);
    const bodies = await deliveredBodies();
    expect(fannedOut).toBe(bodies.length);
    const byType = (type: string) => bodies.filter((b) => b.type === type).map((b) => b.data.remote_id);
    expect(byType("employee.created").sort()).toEqual([...mutation.added].sort());
    expect(byType("employee.deleted")).toEqual(mutation.deleted);
    expect(byType("employee.updated").sort()).toEqual([...mutation.changed].sort());
    for (const body of bodies.filter((b) => b.type === "employee.updated")) {
      expect((body.data.changed_fields as string[]).length).toBeGreaterThan(0);
      // Derived columns never show; links show under their API names.
      expect(body.data.changed_fields).not.toContain("work_email_normalized");
      expect(body.data.changed_fields).not.toContain("department_remote_id");
    }
    // Ids are stable and unique; a second fan-out finds nothing new.
    expect(new Set(bodies.map((b) => b.id)).size).toBe(bodies.length);
    expect((await fanOut(database.db)).deliveries).toBe(0);
  });
});

describe("visibility of concurrent transactions", () => {
  it("a row whose transaction commits after a later row's is fanned out, not skipped", async () => {
    const employee = await database.db
      .selectFrom("employees")
      .select(["remote_id"])
      .where("connection_id", "=", connection.id)
      .executeTakeFirstOrThrow();
    const early = new pg.Client({ connectionString: database.url });
    await early.connect();
    try {
      // The early transaction takes the lower change_log id and stays open…
      await early.query("begin");
      await early.query(
        "insert into change_log (connection_id, entity, remote_id, change, fields) values ($1, 'employees', $2, 'updated', '[\"job_title\"]')",
        [connection.id, employee.remote_id],
      );
      // …while a later one takes a higher id and commits.
      await database.db
        .insertInto("change_log")
        .values({
          connection_id: connection.id,
          entity: "employees",
          remote_id: employee.remote_id,
          change: "updated",
          fields: '["last_name"]',
        })
        .execute();
      // Nothing above the oldest open transaction is taken yet.
      expect((await fanOut(database.db)).deliveries).toBe(0);
      await early.query("commit");
    } finally {
      await early.end();
    }
    await drainFanOut(database.db);
    const fields = (await deliveredBodies()).map((b) => b.data.changed_fields);
    expect(fields).toEqual([["job_title"], ["last_name"]]);
  });
});

describe("outbox events", () => {
  it("are fanned out only to endpoints of their organisation subscribed to their type", async () => {
    const other = await database.db
      .insertInto("organisations")
      .values({ name: "Other" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await database.db.transaction().execute(async (trx) => {
      await emitEvent(trx, {
        organisationId: connection.organisationId,
        connectionId: connection.id,
        type: "sync.succeeded",
        data: { n: 1 },
      });
      await emitEvent(trx, {
        organisationId: connection.organisationId,
        connectionId: connection.id,
        type: "hire.failed",
        data: { n: 2 },
      });
      await emitEvent(trx, { organisationId: other.id, connectionId: null, type: "sync.succeeded", data: { n: 3 } });
    });
    await drainFanOut(database.db);
    expect((await deliveredBodies()).map((b) => [b.type, b.data])).toEqual([["sync.succeeded", { n: 1 }]]);
  });

  it("an endpoint registered after an event, before the fan-out reached it, is not sent that event", async () => {
    // Tried: an event written while no worker fans out, then a second endpoint registered, then a
    // second event, then the fan-out. Must hold: the first endpoint gets both events; the new one
    // only the event that happened after it existed.
    await database.db.transaction().execute((trx) =>
      emitEvent(trx, {
        organisationId: connection.organisationId,
        connectionId: connection.id,
        type: "sync.succeeded",
        data: { n: 1 },
      }),
    );
    // Events and endpoints are compared to the millisecond.
    await new Promise((resolve) => setTimeout(resolve, 5));
    const { endpoint: late } = await createEndpoint(
      database.db,
      key,
      { organisationId: connection.organisationId, userId: null },
      { url: "https://late.example.test/hooks", events: ["sync.succeeded"] },
    );
    await database.db.transaction().execute((trx) =>
      emitEvent(trx, {
        organisationId: connection.organisationId,
        connectionId: connection.id,
        type: "sync.succeeded",
        data: { n: 2 },
      }),
    );
    await drainFanOut(database.db);
    expect((await deliveredBodies()).map((b) => b.data)).toEqual([{ n: 1 }, { n: 2 }]);
    const toLate = await database.db.selectFrom("event_deliveries").select("body").where("endpoint_id", "=", late.id).execute();
    expect(toLate.map((r) => (JSON.parse(r.body) as EventBody).data)).toEqual([{ n: 2 }]);
    await database.db.deleteFrom("webhook_endpoints").where("id", "=", late.id).execute();
  });

  it("a rolled-back change leaves no event", async () => {
    await expect(
      database.db.transaction().execute(async (trx) => {
        await emitEvent(trx, {
          organisationId: connection.organisationId,
          connectionId: connection.id,
          type: "sync.succeeded",
          data: {},
        });
        throw new Error("the change failed");
      }),
    ).rejects.toThrow("the change failed");
    await drainFanOut(database.db);
    expect(await deliveredBodies()).toEqual([]);
    expect(
      Number(
        (await sql<{ n: number }>`select count(*) as n from event_outbox where data = '{}'::jsonb`.execute(database.db)).rows[0]
          ?.n,
      ),
    ).toBe(0);
  });
});
