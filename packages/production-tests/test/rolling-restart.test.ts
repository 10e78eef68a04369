import { sql } from "@roster/db";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { type MailCatcher, startMailCatcher } from "@roster/email";
import { createApiKey } from "@roster/public-api";
import { generateEncryptionKey } from "@roster/secrets";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BuiltProcess, startApi } from "./helpers/processes";
import { startReadLoad } from "./helpers/read-load";

const PEOPLE = 30;

let database: TestDatabase;
let catcher: MailCatcher;
const started: BuiltProcess[] = [];

beforeAll(async () => {
  database = await createTestDatabase();
  catcher = await startMailCatcher({ port: 0 });
});
afterAll(async () => {
  for (const p of started) if (p.child.exitCode === null && p.child.signalCode === null) p.child.kill("SIGKILL");
  await catcher?.stop();
  await database?.drop();
});

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const isRunning = (p: BuiltProcess) => p.child.exitCode === null && p.child.signalCode === null;

/** An organisation with a directory of PEOPLE to read, and a key of its own per use. */
async function createOrganisation(): Promise<{
  organisationId: string;
  newKey: (name: string) => Promise<{ id: string; key: string }>;
}> {
  const org = await database.db.insertInto("organisations").values({ name: "Rolling" }).returning("id").executeTakeFirstOrThrow();
  const connection = await database.db
    .insertInto("connections")
    .values({ organisation_id: org.id, connector_id: "zenefits", display_name: "Zenefits", credentials_encrypted: "unused here" })
    .returning("id")
    .executeTakeFirstOrThrow();
  await sql`
    insert into employees (organisation_id, connection_id, remote_id, remote_data, display_name, status)
    select ${org.id}, ${connection.id}, 'p-' || n, '{}', 'Person ' || n, 'active' from generate_series(1, ${PEOPLE}) n`.execute(
    database.db,
  );
  return {
    organisationId: org.id,
    newKey: async (name) => {
      const { key, apiKey } = await createApiKey(database.db, { organisationId: org.id, userId: null }, { name });
      return { id: apiKey.id, key };
    },
  };
}

const isDirectory = (body: unknown) =>
  Array.isArray((body as { data?: unknown })?.data) && (body as { data: unknown[] }).data.length === PEOPLE;

/**
 * A read held in flight on `url`: a key never used before makes the API write its last use, and
 * the test holds that key's row locked until `release()`, so the request waits inside the API.
 */
async function readHeldInFlight(url: string, key: { id: string; key: string }) {
  let release!: () => void;
  const released = new Promise<void>((r) => {
    release = r;
  });
  let locked!: () => void;
  const lockHeld = new Promise<void>((r) => {
    locked = r;
  });
  const holder = database.db.transaction().execute(async (trx) => {
    await sql`select id from api_keys where id = ${key.id} for update`.execute(trx);
    locked();
    await released;
  });
  await lockHeld;
  const response = fetch(`${url}/api/v1/employees`, { headers: { authorization: `Bearer ${key.key}` } });
  const deadline = Date.now() + 10_000;
  for (;;) {
    const { rows } = await sql<{ n: string }>`
      select count(*) as n from pg_stat_activity
      where datname = current_database() and application_name = 'roster-api' and wait_event_type = 'Lock'`.execute(database.db);
    if (Number(rows[0]?.n) > 0) break;
    if (Date.now() > deadline) throw new Error("the held read never reached the database");
    await pause(50);
  }
  return {
    response,
    release: async () => {
      release();
      await holder;
    },
  };
}

describe("a rolling restart of the built API under read load", () => {
  it("replaces both API processes one by one while reads go on: no read fails beyond the retries a client is told to make", {
    timeout: 60_000,
  }, async () => {
    // Tried: 2 `roster serve api` processes from the built bundle; 4 loops reading
    // /api/v1/employees with an API key through both; each process in turn gets SIGTERM while a
    // read is held in flight on it, exits, and a new process takes its place. Must hold: the
    // held read is answered 200 with the whole directory (and `Connection: close`) before the
    // process exits 0; no read by the load fails after the client's retries (no answer: the
    // other process; 503/429 with Retry-After: after it); the new processes serve reads.
    const { newKey } = await createOrganisation();
    const readerKey = await newKey("load");
    const env = {
      DATABASE_URL: database.url,
      ENCRYPTION_KEY: generateEncryptionKey(),
      PUBLIC_URL: "https://roster.example",
      SMTP_URL: catcher.smtpUrl,
      NODE_ENV: "production",
      LOG_LEVEL: "info",
      // The load is one key's: its per-key budget must not be what the test measures.
      API_RATE_LIMIT_PER_MINUTE: "1000000",
    };
    const slots = await Promise.all([startApi(env), startApi(env)]);
    started.push(...slots.map((s) => s.process));
    const firstUrls = slots.map((s) => s.url);

    const load = startReadLoad({
      targets: () => slots.map((s) => s.url),
      path: "/api/v1/employees",
      apiKey: readerKey.key,
      loops: 4,
      isExpected: isDirectory,
    });
    await pause(1_500);

    for (const i of [0, 1]) {
      const old = slots[i];
      if (!old) throw new Error("no slot");
      const held = await readHeldInFlight(old.url, await newKey(`held-${i}`));
      old.process.child.kill("SIGTERM");
      // Draining: it waits for the held read instead of exiting.
      await pause(300);
      expect(isRunning(old.process)).toBe(true);
      await held.release();
      const answer = await held.response;
      expect({ status: answer.status, connection: answer.headers.get("connection") }).toEqual({
        status: 200,
        connection: "close",
      });
      expect(isDirectory(await answer.json())).toBe(true);
      expect((await old.process.exited).code).toBe(0);

      const fresh = await startApi(env);
      started.push(fresh.process);
      slots[i] = fresh;
      await pause(1_500);
    }

    const report = await load.stop();
    console.log(`rolling restart: ${JSON.stringify({ ...report, readsByTarget: undefined })}`);
    expect(report.failed).toEqual([]);
    for (const url of [...firstUrls, ...slots.map((s) => s.url)]) expect(report.readsByTarget[url] ?? 0).toBeGreaterThan(0);

    const exits = await Promise.all(
      slots.map(async (s) => {
        s.process.child.kill("SIGTERM");
        return (await s.process.exited).code;
      }),
    );
    expect(exits).toEqual([0, 0]);
  });
});
