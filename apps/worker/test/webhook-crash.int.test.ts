import { type ChildProcess, spawn } from "node:child_process";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { generateEncryptionKey } from "@roster/secrets";
import { createEndpoint, emitEvent } from "@roster/webhooks";
import { runMigrations } from "graphile-worker";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, expect, it } from "vitest";

// SIGKILL the real worker process while it delivers webhooks; a second worker must deliver
// every event (the one in flight at the kill may arrive twice: receivers dedupe on webhook-id).
const root = fileURLToPath(new URL("../../..", import.meta.url));
const tsx = fileURLToPath(new URL("../node_modules/.bin/tsx", import.meta.url));
const EVENTS = 60;
const key = generateEncryptionKey();

let testDb: TestDatabase;
const workers: ChildProcess[] = [];
let output = "";
const received: { id: string; body: string; timestamp: string; signature: string }[] = [];
let receiver: http.Server;
let receiverUrl: string;

beforeAll(async () => {
  testDb = await createTestDatabase();
  await runMigrations({ connectionString: testDb.url });
  // A slow receiver, so that the kill lands with deliveries in flight.
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c) => chunks.push(c));
    req.on("end", () =>
      setTimeout(() => {
        received.push({
          id: String(req.headers["webhook-id"]),
          timestamp: String(req.headers["webhook-timestamp"]),
          signature: String(req.headers["webhook-signature"]),
          body: Buffer.concat(chunks).toString("utf8"),
        });
        res.writeHead(204).end();
      }, 100),
    );
  });
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  receiverUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
});
afterAll(async () => {
  for (const w of workers) {
    try {
      if (w.pid) process.kill(-w.pid, "SIGKILL");
    } catch {
      // already gone
    }
  }
  receiver?.closeAllConnections();
  await new Promise((resolve) => receiver?.close(resolve));
  await testDb?.drop();
});

function startWorker(): ChildProcess {
  // Its own process group, so SIGKILL reaches tsx's node child too.
  const child = spawn(tsx, ["apps/worker/src/main.ts"], {
    cwd: root,
    detached: true,
    env: {
      ...process.env,
      DATABASE_URL: testDb.url,
      ENCRYPTION_KEY: key,
      SANDBOX: "false",
      LOG_LEVEL: "warn",
      NODE_ENV: "test",
      WORKER_HEARTBEAT_SECONDS: "0.5",
      WORKER_STALE_SECONDS: "2",
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  child.stdout?.on("data", (chunk) => (output += chunk));
  child.stderr?.on("data", (chunk) => (output += chunk));
  workers.push(child);
  return child;
}

async function waitUntil(what: string, probe: () => Promise<boolean> | boolean, timeoutMs: number) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}; worker output:\n${output}`);
}

it("a worker killed mid-delivery loses no event: the next one delivers the rest", { timeout: 180_000 }, async () => {
  const org = await testDb.db.insertInto("organisations").values({ name: "Org" }).returning("id").executeTakeFirstOrThrow();
  const { endpoint, secret } = await createEndpoint(
    testDb.db,
    key,
    { organisationId: org.id, userId: null },
    { url: receiverUrl, events: ["sync.succeeded"] },
  );
  await testDb.db.transaction().execute(async (trx) => {
    for (let n = 0; n < EVENTS; n++) {
      await emitEvent(trx, {
        organisationId: org.id,
        connectionId: null,
        type: "sync.succeeded",
        orderingKey: `k${n}`,
        data: { n },
      });
    }
  });

  const first = startWorker();
  await waitUntil("deliveries under way", () => received.length >= 5, 60_000);
  process.kill(-first.pid!, "SIGKILL");
  await new Promise((r) => first.once("exit", r));
  const atKill = received.length;
  expect(atKill).toBeLessThan(EVENTS);

  startWorker();
  await waitUntil(
    "every event delivered",
    async () => {
      const rows = await testDb.db
        .selectFrom("event_deliveries")
        .select("status")
        .where("endpoint_id", "=", endpoint.id)
        .execute();
      return rows.length === EVENTS && rows.every((r) => r.status === "delivered");
    },
    120_000,
  );
  const ids = new Set(received.map((r) => r.id));
  expect(ids.size).toBe(EVENTS);
  // Repeats are bounded by what was in flight at the kill, never a replay of everything.
  expect(received.length - EVENTS).toBeLessThanOrEqual(32);
  const verifier = new Webhook(secret);
  for (const r of received) {
    verifier.verify(r.body, { "webhook-id": r.id, "webhook-timestamp": r.timestamp, "webhook-signature": r.signature });
  }
});
