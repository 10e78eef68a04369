import type { AddressInfo } from "node:net";
import { Writable } from "node:stream";
import { type AppRouter, createApiServer } from "@roster/api";
import { loadConfig } from "@roster/config";
import { sql } from "@roster/db";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { createTransport, type MailCatcher, startMailCatcher } from "@roster/email";
import { handleHireWebhook } from "@roster/hire-export";
import { createLogger } from "@roster/logger";
import { encryptJson, generateEncryptionKey } from "@roster/secrets";
import { type LeverSim, startLeverSim } from "@roster/sim-lever";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { createSyncEngine, createTaskList, runnerPreset } from "@roster/worker";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { runMigrations, runOnce } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// After a full flow — sign up, connect Zenefits, sync, rotate the token, sync, a Lever hire
// exported to Zenefits, an API key used on /api/v1, a webhook endpoint receiving a sync's
// events — no plaintext secret may appear in any log line, any database table (job payloads
// and the email outbox included), any email, or any API response; the API key and the webhook
// signing secret appear in exactly one response each, the one that created them.
const key = generateEncryptionKey();
const logLines: string[] = [];
const responses: string[] = [];
let testDb: TestDatabase;
let zenefits: ZenefitsSim;
let lever: LeverSim;
let catcher: MailCatcher;
let apiUrl: string;
let closeApi: () => Promise<void>;

const capture = new Writable({
  write(chunk, _encoding, done) {
    logLines.push(String(chunk));
    done();
  },
});
const log = createLogger("secrets-flow", { destination: capture, level: "debug" });

beforeAll(async () => {
  testDb = await createTestDatabase();
  await runMigrations({ connectionString: testDb.url });
  zenefits = await startZenefitsSim({ port: 0, people: 40 });
  lever = await startLeverSim({ port: 0, opportunities: 30, rateLimit: false });
  catcher = await startMailCatcher({ port: 0 });
  const config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: testDb.url,
    ENCRYPTION_KEY: key,
    PUBLIC_URL: "http://localhost:5173",
    SIGNUP: "open",
  });
  const server = createApiServer({
    db: testDb.db,
    config,
    log,
    connections: { credentialDefaults: { zenefits: { baseUrl: zenefits.url } } },
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  closeApi = () =>
    new Promise<void>((r) => {
      server.closeAllConnections();
      server.close(() => r());
    });
});
afterAll(async () => {
  await closeApi?.();
  await catcher?.stop();
  await lever?.close();
  await zenefits?.close();
  await testDb?.drop();
});

function client() {
  let cookie = "";
  const jarFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers);
    if (cookie) headers.set("cookie", cookie);
    const response = await fetch(input, { ...init, headers });
    const set = response.headers.getSetCookie();
    if (set.length > 0) cookie = set.map((c) => c.split(";")[0]).join("; ");
    responses.push(await response.clone().text());
    return response;
  };
  return createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${apiUrl}/trpc`, fetch: jarFetch })] });
}

async function runJobs() {
  const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: testDb.url, ENCRYPTION_KEY: key });
  const taskList = createTaskList({
    db: testDb.db,
    config,
    log,
    syncConnection: createSyncEngine(testDb.db, key),
    mailer: createTransport(catcher.smtpUrl),
    clock: () => new Date(),
    encryptionKey: key,
  });
  for (let i = 0; i < 3; i++)
    await runOnce({ connectionString: testDb.url, taskList, noHandleSignals: true, preset: runnerPreset });
}

async function everyTableAsText(): Promise<string> {
  const { rows: tables } = await sql<{ schema: string; name: string }>`
    select table_schema as schema, table_name as name from information_schema.tables
    where table_schema in ('public', 'graphile_worker', 'graphile_worker_private') and table_type = 'BASE TABLE'`.execute(
    testDb.db,
  );
  expect(tables.length).toBeGreaterThan(20);
  const parts: string[] = [];
  for (const t of tables) {
    const { rows } = await sql<{
      row: string;
    }>`select row_to_json(x)::text as row from ${sql.table(`${t.schema}.${t.name}`)} x`.execute(testDb.db);
    parts.push(...rows.map((r) => r.row));
  }
  return parts.join("\n");
}

describe("secrets after a full flow", () => {
  it("appear in no log line, table, job payload, email or API response", async () => {
    const password = "correct horse battery staple 42";
    const owner = client();
    await owner.auth.signUp.mutate({ name: "Olive Owner", email: "olive@acme.test", password, organisationName: "Acme" });
    const firstToken = zenefits.createToken();
    await owner.connections.connect.mutate({
      connectorId: "zenefits",
      credentials: { accessToken: firstToken },
      notificationEmail: "hr@acme.test",
    });
    await runJobs();
    const [connection] = await owner.connections.list.query();
    const secondToken = zenefits.createToken();
    await owner.connections.rotate.mutate({ connectionId: connection!.id, credentials: { accessToken: secondToken } });
    zenefits.revokeToken(firstToken);
    await runJobs();
    await owner.connections.get.query({ connectionId: connection!.id });
    await owner.connections.runs.query({ connectionId: connection!.id });
    const people = await owner.directory.people.query({});
    expect(people.total).toBe(zenefits.truth().people.length);

    // Lever → Zenefits: a Lever connection with its secrets, a signed hire webhook, the export.
    const signingToken = lever.webhookSignatureToken;
    const { id: organisationId } = await testDb.db.selectFrom("organisations").select("id").executeTakeFirstOrThrow();
    const leverCredentials = {
      apiKey: lever.apiKey,
      webhookSigningToken: signingToken,
      baseUrl: `${lever.url}/v1`,
      zenefitsCompanyId: zenefits.companyId,
      zenefitsClientSecret: zenefits.clientSecret(),
      zenefitsBaseUrl: zenefits.url,
    };
    const leverId = crypto.randomUUID();
    await testDb.db
      .insertInto("connections")
      .values({
        id: leverId,
        organisation_id: organisationId,
        connector_id: "lever",
        display_name: "Lever",
        credentials_encrypted: encryptJson(leverCredentials, key, leverId),
        settings: JSON.stringify({ enabled: true, contactUserId: null, offersMode: "zenefits" }),
      })
      .execute();
    const deliveries: Promise<unknown>[] = [];
    const receiver = (await import("node:http")).createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        const handled = handleHireWebhook({
          db: testDb.db,
          encryptionKey: key,
          connectionId: leverId,
          body,
          headers: req.headers as Record<string, string>,
        }).then((r) => {
          res.writeHead(r.status).end(JSON.stringify({ message: r.message }));
        });
        deliveries.push(handled);
      });
    });
    await new Promise<void>((r) => receiver.listen(0, "127.0.0.1", r));
    lever.setWebhook({ url: `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/`, signatureToken: signingToken });
    const inOffer = new Set(lever.opportunityIdsInStage(lever.ids.offerStageId));
    const [hired] = lever.truth().opportunities.filter((o) => inOffer.has(o.id) && (o.emails ?? []).length > 0);
    await lever.hire(hired!.id);
    await Promise.all(deliveries);
    await runJobs();
    await new Promise<void>((r) => receiver.close(() => r()));
    expect(zenefits.atsCandidates().length).toBeGreaterThan(0);

    // The public API: a key made in Settings, used (and misused) on /api/v1.
    const { key: apiKey } = await owner.apiKeys.create.mutate({ name: "exporter", scopes: ["directory:read", "sensitive:read"] });
    for (const path of [
      "/api/v1/employees?page_size=5&include_remote_data=true",
      "/api/v1/employees?page_size=0",
      "/api/v1/sync-runs",
    ]) {
      const response = await fetch(`${apiUrl}${path}`, { headers: { authorization: `Bearer ${apiKey}` } });
      responses.push(await response.text());
    }
    // Change webhooks: an endpoint, then a sync whose events are signed with its secret.
    const hooks: string[] = [];
    const hookReceiver = (await import("node:http")).createServer((req, res) => {
      let body = "";
      req.on("data", (c) => (body += c));
      req.on("end", () => {
        hooks.push(`${JSON.stringify(req.headers)}\n${body}`);
        res.writeHead(200).end();
      });
    });
    await new Promise<void>((r) => hookReceiver.listen(0, "127.0.0.1", r));
    const { secret: webhookSecret } = await owner.webhooks.createEndpoint.mutate({
      url: `http://127.0.0.1:${(hookReceiver.address() as AddressInfo).port}/hooks`,
      events: ["sync.succeeded", "employee.updated"],
    });
    await owner.webhooks.endpoints.query();
    await owner.connections.syncNow.mutate({ connectionId: connection!.id });
    // The fan-out waits out any older open write transaction of the server (other test files'),
    // then runs again a second later: keep running jobs until the events arrive.
    for (let i = 0; i < 40 && hooks.length === 0; i++) {
      await runJobs();
      if (hooks.length === 0) await new Promise((r) => setTimeout(r, 500));
    }
    await new Promise<void>((r) => hookReceiver.close(() => r()));
    expect(hooks.length, "the sync's events were delivered").toBeGreaterThan(0);
    expect(hooks.join("\n")).toContain("webhook-signature");
    const endpoint = (await owner.webhooks.endpoints.query()).endpoints[0]!;
    await owner.webhooks.deliveries.query({ endpointId: endpoint.id });

    const secrets = {
      password,
      firstToken,
      secondToken,
      leverApiKey: lever.apiKey,
      signingToken,
      zenefitsClientSecret: zenefits.clientSecret(),
      encryptionKey: key,
      apiKey,
      webhookSecret,
    };
    const shownOnceAtCreation = new Set(["apiKey", "webhookSecret"]);
    const tables = await everyTableAsText();
    const emails = catcher
      .messages()
      .map((m) => `${m.subject}\n${m.text}\n${m.html}`)
      .join("\n");
    expect(logLines.length, "the flow logged").toBeGreaterThan(5);
    expect(responses.length, "the API answered").toBeGreaterThan(5);
    for (const [name, value] of Object.entries(secrets)) {
      expect(
        logLines.find((l) => l.includes(value)),
        `${name} in a log line`,
      ).toBeUndefined();
      expect(tables.includes(value), `${name} in a database table`).toBe(false);
      expect(emails.includes(value), `${name} in an email`).toBe(false);
      expect(responses.filter((r) => r.includes(value)).length, `${name} in an API response`).toBe(
        shownOnceAtCreation.has(name) ? 1 : 0,
      );
    }
  });
});
