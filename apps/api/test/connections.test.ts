import { Writable } from "node:stream";
import { sql } from "@roster/db";
import { createLogger } from "@roster/logger";
import { connectors } from "@roster/registry";
import { decryptJson, generateEncryptionKey } from "@roster/secrets";
import { ALL_SCOPES, startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { runConnectionSync } from "@roster/sync";
import { createTRPCClient, httpBatchLink } from "@trpc/client";
import { runMigrations } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AppRouter, SESSION_COOKIE } from "../src/index";
import { expectTrpcError } from "./helpers/expect-error";
import { createOrgFixture, insertSession, type OrgFixture } from "./helpers/fixtures";
import { startTestApi, type TestApi } from "./helpers/test-api";

// The connections router over real HTTP, against the Zenefits simulator and a real database.
let api: TestApi;
let sim: ZenefitsSim;
let fx: OrgFixture;
const encryptionKey = generateEncryptionKey();
const logLines: string[] = [];
/** Every token handed to the API: none may come back in a response or a log line. */
const tokens: string[] = [];

type Client = ReturnType<TestApi["client"]>["trpc"];
let owner: Client;
let admin: Client;
let otherOwner: Client;

async function clientFor(user: keyof OrgFixture["users"], organisationId: string): Promise<Client> {
  const { trpc, jar } = api.client();
  jar.cookies.set(SESSION_COOKIE, await insertSession(api.deps.db, fx.users[user].id, organisationId));
  return trpc;
}

function token(options?: Parameters<ZenefitsSim["createToken"]>[0]): string {
  const value = sim.createToken(options);
  tokens.push(value);
  return value;
}

beforeAll(async () => {
  sim = await startZenefitsSim({ port: 0, people: 30, companies: 2, seed: 7 });
  api = await startTestApi(
    { ENCRYPTION_KEY: encryptionKey },
    { connections: { credentialDefaults: { zenefits: { baseUrl: sim.url } }, verify: { retry: { maxAttempts: 1 } } } },
  );
  const sink = new Writable({
    write(chunk, _encoding, done) {
      logLines.push(String(chunk));
      done();
    },
  });
  api.deps.log = createLogger("api", { level: "trace", destination: sink });
  fx = await createOrgFixture(api.deps.db);
  owner = await clientFor("owner", fx.organisationId);
  admin = await clientFor("admin", fx.organisationId);
  otherOwner = await clientFor("otherOwner", fx.otherOrganisationId);
});
afterAll(async () => {
  await api?.close();
  await sim?.close();
});

const auditActions = async () =>
  (
    await api.deps.db
      .selectFrom("audit_log")
      .select("action")
      .where("organisation_id", "=", fx.organisationId)
      .where("target_type", "=", "connection")
      .orderBy("id")
      .execute()
  ).map((row) => row.action);

const sync = (connectionId: string) =>
  runConnectionSync({
    db: api.deps.db,
    connectionId,
    trigger: "manual",
    connectors,
    encryptionKey,
    retry: { maxAttempts: 1 },
    log: createLogger("sync", { level: "silent" }),
  });

let connectionId: string;

describe("connecting Zenefits", () => {
  it("refuses a revoked token with the reason (kind and hint) and stores nothing", async () => {
    const revoked = token();
    sim.revokeToken(revoked);
    const error = await expectTrpcError(
      owner.connections.connect.mutate({
        connectorId: "zenefits",
        credentials: { accessToken: revoked },
        notificationEmail: "hr@acme.test",
      }),
      "BAD_REQUEST",
    );
    expect(error.data).toMatchObject({ kind: "invalid_credentials", hint: expect.stringMatching(/new token in Zenefits/) });
    expect(error.message).toBeTruthy();
    expect(await owner.connections.list.query()).toEqual([]);
    expect(await api.deps.db.selectFrom("connections").select("id").execute()).toEqual([]);
  });

  it("describes each installed connector from its manifest: credential fields, permissions and what they feed", async () => {
    const connectors = await admin.connectors.list.query();
    const zenefits = connectors.find((c) => c.id === "zenefits")!;
    expect(zenefits).toMatchObject({ name: "Zenefits", kind: "hris", webhooks: false, hireSource: false });
    expect(zenefits.connectHelp).toMatch(/Custom Integrations/);
    expect(zenefits.credentialFields).toEqual([
      expect.objectContaining({ name: "accessToken", label: "Access token", secret: true, optional: false, advanced: false }),
      expect.objectContaining({ name: "baseUrl", secret: false, optional: true, advanced: true, kind: "url" }),
    ]);
    expect(zenefits.permissions.find((p) => p.id === "people.manager")).toEqual({
      id: "people.manager",
      label: "Manager",
      feeds: ["Manager"],
    });
    expect(connectors.find((c) => c.id === "lever")).toMatchObject({ kind: "ats", webhooks: true });
  });

  it("verifies credentials without storing them: the account and each permission granted or missing", async () => {
    const preview = await owner.connections.verify.mutate({
      connectorId: "zenefits",
      credentials: { accessToken: token({ scopes: ["people", "companies", "people.status"] }) },
    });
    expect(preview.account.name).toBeTruthy();
    expect(preview.permissions.filter((p) => p.state === "granted").map((p) => p.id)).toEqual(["people", "people.status"]);
    expect(preview.permissions.find((p) => p.id === "people.manager")).toMatchObject({ state: "missing", feeds: ["Manager"] });
    expect(await api.deps.db.selectFrom("connections").select("id").execute()).toEqual([]);
    await expectTrpcError(
      admin.connections.verify.mutate({ connectorId: "zenefits", credentials: { accessToken: token() } }),
      "FORBIDDEN",
    );
  });

  it("names a malformed field beside it, before calling Zenefits", async () => {
    sim.clearRequestLog();
    const error = await expectTrpcError(
      owner.connections.connect.mutate({
        connectorId: "zenefits",
        credentials: { accessToken: "short" },
        notificationEmail: "not-an-email",
      }),
      "BAD_REQUEST",
    );
    // The input's own fields first; the credentials are checked by the connector's schema next.
    expect(Object.keys(error.data.fieldErrors)).toEqual(["notificationEmail"]);
    const token = await expectTrpcError(
      owner.connections.connect.mutate({
        connectorId: "zenefits",
        credentials: { accessToken: "short" },
        notificationEmail: "hr@acme.test",
      }),
      "BAD_REQUEST",
    );
    expect(Object.keys(token.data.fieldErrors)).toEqual(["accessToken"]);
    expect(sim.requestLog().total).toBe(0);
  });

  it("verifies a good token and returns the view: company, the twelve-permission checklist, first sync queued", async () => {
    const good = token({ scopes: ["companies", "people", "departments", "locations", "people.status", "employments"] });
    const view = await owner.connections.connect.mutate({
      connectorId: "zenefits",
      credentials: { accessToken: good },
      notificationEmail: "HR@Acme.test",
    });
    connectionId = view.id;
    expect(view.account?.name).toBe(sim.truth().companies[0]?.name);
    expect(view).toMatchObject({
      connectorId: "zenefits",
      status: "active",
      notificationEmail: "hr@acme.test",
      credentialsHint: `••••${good.slice(-4)}`,
      currentRun: null,
      lastRun: null,
      maxConsecutiveFailures: 3,
    });
    expect(view.permissions).toHaveLength(12);
    expect(view.permissions.filter((p) => p.state === "granted").map((p) => p.label)).toEqual([
      "Company locations",
      "Company departments",
      "People",
      "Status",
    ]);
    expect(view.streams).toContain("people");
    expect(view.nextSyncAt).not.toBeNull();
    expect(await auditActions()).toEqual(["connection.created"]);

    const again = await expectTrpcError(
      owner.connections.connect.mutate({
        connectorId: "zenefits",
        credentials: { accessToken: good },
        notificationEmail: "hr@acme.test",
      }),
      "CONFLICT",
    );
    expect(again.message).toMatch(/rotate/);
  });

  it("lets owners and admins read it: list, get, runs with counts, the failed run's errors, emails", async () => {
    expect((await sync(connectionId)).status).toBe("succeeded");
    const [summary] = await admin.connections.list.query();
    expect(summary).toMatchObject({ id: connectionId, status: "active", lastSuccessAt: expect.any(String) });
    const view = await admin.connections.get.query({ connectionId });
    expect(view.lastRun).toMatchObject({ status: "succeeded" });
    // The token's last characters and the alert address are for owners only.
    expect(view).toMatchObject({ credentialsHint: null, notificationEmail: null });
    const ownerView = await owner.connections.get.query({ connectionId });
    expect(ownerView.credentialsHint).toMatch(/^••••.{4}$/);
    expect(view.lastRun?.counts.people?.created).toBe(30);

    const [run] = await admin.connections.runs.query({ connectionId });
    expect(run).toMatchObject({ trigger: "manual", status: "succeeded", totals: expect.objectContaining({ failed: 0 }) });
    // The token lacks Manager, Custom fields…: those streams are skipped, and the run says what to grant.
    const detail = await admin.connections.run.query({ connectionId, runId: run!.id });
    expect(detail.errors.filter((e) => e.kind === "skipped").map((e) => e.stream)).toContain("customFields");
    expect(await admin.connections.emails.query({ connectionId })).toEqual([]);
  });

  it("rotates a token in place: a bad one leaves the old, another company's is refused, a fresh one replaces it", async () => {
    const revoked = token();
    sim.revokeToken(revoked);
    const bad = await expectTrpcError(
      owner.connections.rotate.mutate({ connectionId, credentials: { accessToken: revoked } }),
      "BAD_REQUEST",
    );
    expect(bad.data.kind).toBe("invalid_credentials");

    const elsewhere = await expectTrpcError(
      owner.connections.rotate.mutate({
        connectionId,
        credentials: { accessToken: token({ companyId: sim.companyIds[1] }) },
      }),
      "CONFLICT",
    );
    expect(elsewhere.data.hint).toMatch(/same company/);

    const fresh = token();
    const view = await owner.connections.rotate.mutate({ connectionId, credentials: { accessToken: fresh } });
    expect(view.id).toBe(connectionId);
    expect(view.credentialsHint).toBe(`••••${fresh.slice(-4)}`);
    expect(view.permissions.every((p) => p.state === "granted")).toBe(true);
    // Same connection, history kept.
    expect(await owner.connections.runs.query({ connectionId })).toHaveLength(1);
    expect(await auditActions()).toEqual(["connection.created", "connection.credentials_rotated"]);
  });

  it("records a failed sync with its error and hint once the token is revoked at Zenefits", async () => {
    sim.revokeToken(tokens.at(-1)!);
    const outcome = await sync(connectionId);
    expect(outcome).toMatchObject({ status: "failed", errorKind: "invalid_credentials" });
    const view = await owner.connections.get.query({ connectionId });
    expect(view.lastRun).toMatchObject({ id: outcome.runId, status: "failed", errorKind: "invalid_credentials" });
    const run = await owner.connections.run.query({ connectionId, runId: outcome.runId });
    expect(run.errors).toEqual([
      expect.objectContaining({
        kind: "invalid_credentials",
        stream: null,
        hint: expect.stringMatching(/new token in Zenefits/),
      }),
    ]);
  });

  it("asks before a token with fewer permissions replaces the current one, naming what would stop updating", async () => {
    // Tried: the current token grants everything (the last one verified); the new one lacks Manager.
    // Must hold: PRECONDITION_FAILED naming the permission and what it feeds, the old token kept;
    // with the confirmation, the new token replaces it and the checklist shows Manager missing.
    const fewer = token({ scopes: ALL_SCOPES.filter((s) => s !== "people.manager") });
    const refused = await expectTrpcError(
      owner.connections.rotate.mutate({ connectionId, credentials: { accessToken: fewer } }),
      "PRECONDITION_FAILED",
    );
    expect(refused.message).toMatch(/stop updating: Manager/);
    expect(refused.data.lost).toEqual([{ id: "people.manager", label: "Manager", feeds: ["Manager"] }]);
    expect((await owner.connections.get.query({ connectionId })).credentialsHint).not.toBe(`••••${fewer.slice(-4)}`);
    const view = await owner.connections.rotate.mutate({
      connectionId,
      credentials: { accessToken: fewer },
      confirmFewerPermissions: true,
    });
    expect(view.credentialsHint).toBe(`••••${fewer.slice(-4)}`);
    expect(view.permissions.find((p) => p.id === "people.manager")?.state).toBe("missing");
  });

  it("takes the provider's base URL from the Advanced section, and refuses one that is not http(s)", async () => {
    // Tried: a second Zenefits (same company, another address), then an ftp:// URL.
    // Must hold: the token is verified against the given URL and stored with it; ftp is refused by field.
    const regional = await startZenefitsSim({ port: 0, people: 30, companies: 2, seed: 7 });
    try {
      const fresh = regional.createToken();
      tokens.push(fresh);
      await owner.connections.rotate.mutate({ connectionId, credentials: { accessToken: fresh, baseUrl: regional.url } });
      const row = await api.deps.db
        .selectFrom("connections")
        .select("credentials_encrypted")
        .where("id", "=", connectionId)
        .executeTakeFirstOrThrow();
      expect(decryptJson(row.credentials_encrypted, encryptionKey, connectionId)).toEqual({
        accessToken: fresh,
        baseUrl: regional.url,
      });
      const bad = await expectTrpcError(
        owner.connections.rotate.mutate({
          connectionId,
          credentials: { accessToken: token(), baseUrl: "ftp://zenefits.example" },
        }),
        "BAD_REQUEST",
      );
      expect(bad.data.fieldErrors?.baseUrl?.[0]).toMatch(/http/);
      // Back to the default simulator for the tests below.
      await owner.connections.rotate.mutate({ connectionId, credentials: { accessToken: token(), baseUrl: sim.url } });
    } finally {
      await regional.close();
    }
  });

  it("changes the notification email, disables (Sync now refused), and re-enables", async () => {
    expect(
      (await owner.connections.setNotificationEmail.mutate({ connectionId, notificationEmail: "ops@acme.test" }))
        .notificationEmail,
    ).toBe("ops@acme.test");
    const disabled = await owner.connections.disable.mutate({ connectionId });
    expect(disabled).toMatchObject({ status: "disabled", disabledReason: "Disabled by an owner", nextSyncAt: null });
    await expectTrpcError(owner.connections.syncNow.mutate({ connectionId }), "CONFLICT", /re-enable/);
    const enabled = await owner.connections.enable.mutate({ connectionId });
    expect(enabled).toMatchObject({ status: "active", consecutiveFailures: 0, disabledReason: null });
    expect(await owner.connections.syncNow.mutate({ connectionId })).toEqual({ connectionId, result: "queued" });
  });

  it("a sync the API queues carries the asking request's id (X-Request-Id) into its job: enable and rotate alike", async () => {
    // Tried: re-enabling, then rotating, through a client that names its requests. Must hold:
    // the queued sync job's payload carries each request's id, so the worker's logs and the run do.
    // The worker installs its queue; until then syncs are only scheduled (next_sync_at).
    await runMigrations({ connectionString: api.database.url });
    const { jar } = api.client();
    jar.cookies.set(SESSION_COOKIE, await insertSession(api.deps.db, fx.users.owner.id, fx.organisationId));
    const named = (requestId: string) =>
      createTRPCClient<AppRouter>({
        links: [httpBatchLink({ url: `${api.url}/trpc`, fetch: jar.fetch, headers: { "x-request-id": requestId } })],
      });
    const queuedPayload = async () =>
      (
        await sql<{ payload: Record<string, unknown> }>`select p.payload from graphile_worker.jobs j
          join graphile_worker._private_jobs p on p.id = j.id where j.key = ${`sync:${connectionId}`}`.execute(api.deps.db)
      ).rows[0]?.payload;
    await owner.connections.disable.mutate({ connectionId });
    await named("req-enable-42").connections.enable.mutate({ connectionId });
    expect(await queuedPayload()).toMatchObject({ connectionId, trigger: "manual", requestId: "req-enable-42" });
    await named("req-rotate-43").connections.rotate.mutate({
      connectionId,
      credentials: { accessToken: token() },
      confirmFewerPermissions: true,
    });
    expect(await queuedPayload()).toMatchObject({ connectionId, requestId: "req-rotate-43" });
  });

  it("answers NOT_FOUND for another organisation's connection and run, whatever the procedure", async () => {
    const [run] = await owner.connections.runs.query({ connectionId });
    const calls = [
      () => otherOwner.connections.get.query({ connectionId }),
      () => otherOwner.connections.rotate.mutate({ connectionId, credentials: { accessToken: token() } }),
      () => otherOwner.connections.setNotificationEmail.mutate({ connectionId, notificationEmail: "x@other.test" }),
      () => otherOwner.connections.disable.mutate({ connectionId }),
      () => otherOwner.connections.enable.mutate({ connectionId }),
      () => otherOwner.connections.syncNow.mutate({ connectionId }),
      () => otherOwner.connections.delete.mutate({ connectionId }),
      () => otherOwner.connections.runs.query({ connectionId }),
      () => otherOwner.connections.run.query({ connectionId, runId: run!.id }),
      () => otherOwner.connections.emails.query({ connectionId }),
    ];
    for (const call of calls) await expectTrpcError(call(), "NOT_FOUND");
    // A run of this organisation under a connection id it does not belong to is not found either.
    await expectTrpcError(owner.connections.run.query({ connectionId: fx.organisationId, runId: run!.id }), "NOT_FOUND");
    expect((await owner.connections.get.query({ connectionId })).status).toBe("active");
  });

  it("never sends or logs a token: only its last four characters", async () => {
    expect(api.responses.length).toBeGreaterThan(20);
    const sent = api.responses.join("\n");
    const logged = logLines.join("");
    expect(logged.length).toBeGreaterThan(0);
    for (const value of tokens) {
      expect(sent).not.toContain(value);
      expect(logged).not.toContain(value);
    }
  });

  it("deletes the integration and its directory; the audit trail stays", async () => {
    expect(await owner.connections.delete.mutate({ connectionId })).toEqual({ connectionId, deleted: true });
    expect(await owner.connections.list.query()).toEqual([]);
    expect(await api.deps.db.selectFrom("employees").select("id").execute()).toEqual([]);
    expect((await auditActions()).at(-1)).toBe("connection.deleted");
  });
});
