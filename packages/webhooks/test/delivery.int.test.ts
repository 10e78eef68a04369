import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { generateEncryptionKey } from "@roster/secrets";
import { Logger, type Runner, run, runMigrations } from "graphile-worker";
import pg from "pg";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createEndpoint, deliverWebhooksTask, emitEvent, resendDelivery, webhookFanoutTask } from "../src/index";
import { startReceiver, waitFor } from "./helpers/receiver";

// Deliveries through real graphile-worker jobs to a real HTTP receiver: signed per Standard
// Webhooks (checked by its reference library, not by our code), retried with backoff, each
// event accepted once, a record's events in order.
let database: TestDatabase;
let runner: Runner;
/** The worker's own pool: ended after it stops, before the database is dropped under it. */
let workerPool: pg.Pool;
let organisationId: string;
let connectionId: string;
const key = generateEncryptionKey();
const log = createLogger("webhooks-test", { level: "silent" });

beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations({ connectionString: database.url });
  const org = await database.db.insertInto("organisations").values({ name: "Org" }).returning("id").executeTakeFirstOrThrow();
  organisationId = org.id;
  const connection = await database.db
    .insertInto("connections")
    .values({ organisation_id: org.id, connector_id: "zenefits", display_name: "Z", credentials_encrypted: "unused" })
    .returning("id")
    .executeTakeFirstOrThrow();
  connectionId = connection.id;
  const deps = { db: database.db, encryptionKey: key, log };
  workerPool = new pg.Pool({ connectionString: database.url });
  workerPool.on("error", () => {});
  runner = await run({
    pgPool: workerPool,
    concurrency: 4,
    noHandleSignals: true,
    pollInterval: 200,
    logger: new Logger(() => () => {}),
    taskList: { webhook_fanout: webhookFanoutTask(deps), deliver_webhooks: deliverWebhooksTask(deps) },
    preset: { worker: { completeJobBatchDelay: 0, failJobBatchDelay: 0 } },
  });
});
afterAll(async () => {
  await runner?.stop();
  await workerPool?.end();
  await database?.drop();
});

async function emit(type: "sync.succeeded" | "hire.exported", data: Record<string, unknown>, orderingKey?: string) {
  await database.db
    .transaction()
    .execute((trx) => emitEvent(trx, { organisationId, connectionId, type, data, ...(orderingKey ? { orderingKey } : {}) }));
}

it("a receiver that answers 500 then 200 gets each event exactly once, signed, and a record's events in order", async () => {
  // The first attempt of events 1, 4 and 5 fails; the retries (graphile-worker's backoff) succeed.
  // Events 2 and 3 belong to the same record as 1: they must wait for it.
  const failsFirst = new Set([1, 4, 5]);
  const receiver = await startReceiver({
    answer: ({ nth, body }) => (nth === 1 && failsFirst.has(JSON.parse(body).data.n) ? 500 : 200),
  });
  try {
    const { endpoint, secret } = await createEndpoint(
      database.db,
      key,
      { organisationId, userId: null },
      { url: receiver.url, events: ["sync.succeeded", "hire.exported"] },
    );
    // Three events of one key (one record), two of others.
    for (const n of [1, 2, 3]) await emit("hire.exported", { n }, "hire:same-candidate");
    await emit("sync.succeeded", { n: 4 });
    await emit("hire.exported", { n: 5 }, "hire:another");

    await waitFor("every event accepted", () => new Set(receiver.accepted().map((r) => r.id)).size === 5, 60_000);
    // Settled: nothing pending, and nothing more arrives.
    await waitFor("deliveries settled", async () => {
      const rows = await database.db
        .selectFrom("event_deliveries")
        .select("status")
        .where("endpoint_id", "=", endpoint.id)
        .execute();
      return rows.length === 5 && rows.every((r) => r.status === "delivered");
    });
    const accepted = receiver.accepted();
    expect(accepted.map((r) => r.id).sort()).toEqual([...new Set(accepted.map((r) => r.id))].sort());

    const verifier = new Webhook(secret);
    for (const delivery of receiver.received) {
      const payload = verifier.verify(delivery.body, {
        "webhook-id": delivery.id,
        "webhook-timestamp": delivery.timestamp,
        "webhook-signature": delivery.signature,
      }) as { id: string };
      expect(payload.id).toBe(delivery.id);
    }
    // A tampered body or another secret fails that same verification.
    const sample = receiver.received[0]!;
    const headers = { "webhook-id": sample.id, "webhook-timestamp": sample.timestamp, "webhook-signature": sample.signature };
    expect(() => verifier.verify(sample.body.replace('"n":', '"m":'), headers)).toThrow();
    expect(() => new Webhook(`whsec_${Buffer.alloc(32, 7).toString("base64")}`).verify(sample.body, headers)).toThrow();

    // The same record's events were accepted in the order they were emitted, despite the retries.
    const sameRecord = accepted.map((r) => JSON.parse(r.body)).filter((b) => b.type === "hire.exported" && b.data.n <= 3);
    expect(sameRecord.map((b) => b.data.n)).toEqual([1, 2, 3]);
    const rows = await database.db.selectFrom("event_deliveries").selectAll().where("endpoint_id", "=", endpoint.id).execute();
    const attempts = rows.map((r) => [JSON.parse(r.body).data.n, r.attempts, r.last_status_code]).sort();
    expect(attempts).toEqual([
      [1, 2, 200],
      [2, 1, 200],
      [3, 1, 200],
      [4, 2, 200],
      [5, 2, 200],
    ]);
  } finally {
    await receiver.close();
  }
});

it("Resend sends a delivered event again with the same id and body", async () => {
  const receiver = await startReceiver();
  try {
    const { endpoint } = await createEndpoint(
      database.db,
      key,
      { organisationId, userId: null },
      { url: receiver.url, events: ["sync.succeeded"] },
    );
    await emit("sync.succeeded", { n: "resend" });
    await waitFor("first delivery", () => receiver.accepted().length === 1);
    const row = await database.db
      .selectFrom("event_deliveries")
      .select("id")
      .where("endpoint_id", "=", endpoint.id)
      .executeTakeFirstOrThrow();
    await waitFor("recorded as delivered", async () => {
      const r = await database.db
        .selectFrom("event_deliveries")
        .select("status")
        .where("id", "=", row.id)
        .executeTakeFirstOrThrow();
      return r.status === "delivered";
    });
    expect(await resendDelivery(database.db, { organisationId, userId: null }, String(row.id))).toEqual({ id: String(row.id) });
    await waitFor("second delivery", () => receiver.accepted().length === 2);
    const [first, second] = receiver.accepted();
    expect(second!.id).toBe(first!.id);
    expect(second!.body).toBe(first!.body);
    // Another organisation cannot resend it.
    const other = await database.db.insertInto("organisations").values({ name: "X" }).returning("id").executeTakeFirstOrThrow();
    expect(await resendDelivery(database.db, { organisationId: other.id, userId: null }, String(row.id))).toBeNull();
  } finally {
    await receiver.close();
  }
});
