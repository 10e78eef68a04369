import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { sql } from "@roster/db";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { encryptJson, generateEncryptionKey } from "@roster/secrets";
import { type LeverSim, startLeverSim } from "@roster/sim-lever";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { Logger as GraphileLogger, makeWorkerUtils, runMigrations, runOnce, type TaskList } from "graphile-worker";
import pg from "pg";
import {
  exportHireTask,
  type HireExportDeps,
  type HireExportSettings,
  type HireWebhookResult,
  handleHireWebhook,
  reconcileHiresTask,
} from "../../src/index";

const silentGraphile = new GraphileLogger(() => () => {});

export interface WorldOptions {
  opportunities?: number;
  seed?: number;
  settings?: Partial<HireExportSettings>;
}

/**
 * One test file's world: its own PostgreSQL database (graphile-worker migrated into it), both
 * simulators over HTTP, an organisation with an owner and a contact, a Lever connection with
 * encrypted credentials, a tiny webhook receiver calling handleHireWebhook, and the real
 * graphile-worker runner with this package's two tasks.
 */
export async function startWorld(options: WorldOptions = {}) {
  const testDb: TestDatabase = await createTestDatabase();
  // One pool for graphile-worker, ended before the database is dropped (and with an error
  // listener, so the drop's "terminating connection" never surfaces as an uncaught error).
  const pgPool = new pg.Pool({ connectionString: testDb.url, max: 4 });
  pgPool.on("error", () => {});
  pgPool.on("connect", (client) => client.on("error", () => {}));
  await runMigrations({ pgPool, logger: silentGraphile });
  // Lever's rate limit is the connector's concern (its own tests); here it would only slow things.
  const lever: LeverSim = await startLeverSim({
    opportunities: options.opportunities ?? 40,
    seed: options.seed ?? 7,
    rateLimit: false,
    webhookRetryDelaysMs: [],
  });
  const zenefits: ZenefitsSim = await startZenefitsSim({ people: 20, seed: 3 });
  const db = testDb.db;
  const encryptionKey = generateEncryptionKey();
  const log = createLogger("hire-export-test", { level: process.env.TEST_LOG_LEVEL ?? "silent" });

  const org = await db.insertInto("organisations").values({ name: "Acme" }).returning("id").executeTakeFirstOrThrow();
  const addUser = async (email: string, role: "owner" | "admin" | "member") => {
    const user = await db
      .insertInto("users")
      .values({ email, name: email.split("@")[0]!, password_hash: "x" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await db.insertInto("memberships").values({ organisation_id: org.id, user_id: user.id, role }).execute();
    return { id: user.id, email };
  };
  await addUser("owner@acme.test", "owner");
  const contact = await addUser("recruiting-ops@acme.test", "member");

  // The Lever key and, entered with it on the Lever settings page, the Zenefits import channel.
  const credentials = {
    apiKey: lever.apiKey,
    webhookSigningToken: lever.webhookSignatureToken,
    baseUrl: `${lever.url}/v1`,
    zenefitsCompanyId: zenefits.companyId,
    zenefitsClientSecret: zenefits.clientSecret(),
    zenefitsBaseUrl: zenefits.url,
  };
  const settings: HireExportSettings = {
    enabled: true,
    contactUserId: contact.id,
    offersMode: "lever",
    exportTo: null,
    ...options.settings,
  };
  const connection = await db
    .insertInto("connections")
    .values({
      organisation_id: org.id,
      connector_id: "lever",
      display_name: "Lever",
      credentials_encrypted: "pending",
      settings: JSON.stringify(settings),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  await db
    .updateTable("connections")
    .set({ credentials_encrypted: encryptJson(credentials, encryptionKey, connection.id) })
    .where("id", "=", connection.id)
    .execute();

  const deps: HireExportDeps = {
    db,
    encryptionKey,
    publicUrl: "https://roster.test",
    log,
    // Fast retries: the tests check that failures are retried and recorded, not how long they wait.
    http: { retry: { maxAttempts: 3, baseDelayMs: 5, maxDelayMs: 20 }, timeoutMs: 10_000 },
  };
  const taskList: TaskList = { export_hire: exportHireTask(deps), reconcile_hires: reconcileHiresTask(deps) };

  // The receiver: what the API's POST /webhooks/lever/:connectionId route does, in a few lines.
  const webhookResults: HireWebhookResult[] = [];
  let webhookNow: () => Date = () => new Date();
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const connectionId = /^\/webhooks\/lever\/([^/]+)$/.exec(req.url ?? "")?.[1] ?? "";
      const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v.join(",") : v]));
      const body = Buffer.concat(chunks).toString("utf8");
      handleHireWebhook({ db, encryptionKey, connectionId, body, headers, now: webhookNow() }).then(
        (result) => {
          webhookResults.push(result);
          res.writeHead(result.status, { "content-type": "application/json" }).end(JSON.stringify(result));
        },
        (error: unknown) => {
          res.writeHead(500).end(String(error));
        },
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const webhookUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/webhooks/lever/${connection.id}`;
  lever.setWebhook({ url: webhookUrl });

  const world = {
    testDb,
    db,
    lever,
    zenefits,
    deps,
    encryptionKey,
    credentials,
    connectionId: connection.id,
    organisationId: org.id,
    contact,
    webhookUrl,
    webhookResults,
    setWebhookClock(clock: () => Date) {
      webhookNow = clock;
    },
    /**
     * The real graphile-worker runner: runs every job due now, then returns. graphile releases a
     * finished job (complete/fail) without awaiting it, so runOnce can return while the last
     * job is still locked; wait for that, and run again while jobs are due (a job queued by a
     * job, or one re-queued behind a busy candidate).
     */
    async runJobs() {
      for (let round = 0; round < 10; round++) {
        await runOnce({ pgPool, taskList, logger: silentGraphile, noHandleSignals: true });
        await world.settled();
        const { rows } = await sql<{ due: number }>`
          select count(*)::int as due from graphile_worker.jobs
          where task_identifier in ('export_hire', 'reconcile_hires') and run_at <= now() and attempts < max_attempts`.execute(
          db,
        );
        if ((rows[0]?.due ?? 0) === 0) return;
      }
      throw new Error("jobs kept becoming due: a task is re-queuing itself");
    },
    /** Waits until no job of this package is locked (its completion or failure has been written). */
    async settled() {
      for (let i = 0; i < 500; i++) {
        if ((await world.jobs()).every((j) => j.locked_at === null)) return;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error("a job stayed locked");
    },
    /** Makes every waiting job (including ones backing off after a failure) due now, then runs them. */
    async runRetriesNow() {
      await world.settled();
      const ids = (await world.jobs()).filter((j) => j.attempts < j.max_attempts).map((j) => j.id);
      const utils = await makeWorkerUtils({ pgPool, logger: silentGraphile });
      try {
        await utils.rescheduleJobs(ids, { runAt: new Date() });
      } finally {
        await utils.release();
      }
      await world.runJobs();
    },
    async jobs() {
      const { rows } = await sql<{
        id: string;
        task_identifier: string;
        key: string | null;
        attempts: number;
        max_attempts: number;
        last_error: string | null;
        locked_at: Date | null;
      }>`select id::text, task_identifier, key, attempts, max_attempts, last_error, locked_at from graphile_worker.jobs
         where task_identifier in ('export_hire', 'reconcile_hires') order by id`.execute(db);
      return rows;
    },
    transfers: (opportunityId?: string) => {
      let query = db.selectFrom("hire_transfers").selectAll().where("connection_id", "=", connection.id);
      if (opportunityId) query = query.where("opportunity_id", "=", opportunityId);
      return query.orderBy("created_at").execute();
    },
    exportEmails: () =>
      db.selectFrom("email_outbox").selectAll().where("kind", "=", "export_failed").orderBy("created_at").execute(),
    deliveries: () => db.selectFrom("webhook_deliveries").selectAll().where("connection_id", "=", connection.id).execute(),
    imported: (opportunityId: string) => zenefits.atsCandidates().filter((c) => c.external_id === opportunityId),
    /** What Zenefits holds for the candidate, read back over HTTP from its import list (the channel's GET). */
    async importedOverHttp(opportunityId: string) {
      const res = await fetch(`${zenefits.url}/ats/v1/companies/${zenefits.companyId}/candidates?limit=200`, {
        headers: { authorization: `Bearer ${zenefits.clientSecret()}` },
      });
      if (!res.ok) throw new Error(`the Zenefits import list answered ${res.status}`);
      const list = (await res.json()) as { data: Record<string, unknown>[]; total: number };
      if (list.total > list.data.length) throw new Error("the import list outgrew one page: page through it");
      return list.data.filter((c) => c.external_id === opportunityId);
    },
    async close() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await lever.close();
      await zenefits.close();
      await pgPool.end();
      await testDb.drop();
    },
  };
  return world;
}

export type World = Awaited<ReturnType<typeof startWorld>>;
