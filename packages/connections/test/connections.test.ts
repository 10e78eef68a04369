import { zenefits } from "@roster/connector-zenefits";
import type { Connector } from "@roster/core";
import { sql } from "@roster/db";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { decryptJson, generateEncryptionKey } from "@roster/secrets";
import { ALL_SCOPES, startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { runConnectionSync } from "@roster/sync";
import { runMigrations } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  type ConnectionDeps,
  ConnectionError,
  createConnection,
  getConnectionView,
  listConnections,
  rotateCredentials,
  syncNow,
} from "../src/index";

// The Settings → HRIS integration flows against the Zenefits simulator and a real database.
let testDb: TestDatabase;
let sim: ZenefitsSim;
let deps: ConnectionDeps;
let owner: Actor;
let stranger: Actor;

async function error(promise: Promise<unknown>): Promise<ConnectionError> {
  const e = await promise.then(
    () => undefined,
    (x) => x,
  );
  expect(e).toBeInstanceOf(ConnectionError);
  return e as ConnectionError;
}

beforeAll(async () => {
  testDb = await createTestDatabase();
  await runMigrations({ connectionString: testDb.url });
  sim = await startZenefitsSim({ port: 0, people: 20, companies: 2 });
  deps = {
    db: testDb.db,
    connectors: [zenefits as unknown as Connector],
    encryptionKey: generateEncryptionKey(),
    credentialDefaults: { zenefits: { baseUrl: sim.url } },
    verify: { retry: { maxAttempts: 1 } },
  };
  const user = await testDb.db
    .insertInto("users")
    .values({ email: "o@x.test", name: "O", password_hash: "x" })
    .returning("id")
    .executeTakeFirstOrThrow();
  const org = await testDb.db.insertInto("organisations").values({ name: "Org" }).returning("id").executeTakeFirstOrThrow();
  const other = await testDb.db.insertInto("organisations").values({ name: "Other" }).returning("id").executeTakeFirstOrThrow();
  owner = { organisationId: org.id, userId: user.id };
  stranger = { organisationId: other.id, userId: user.id };
});
afterAll(async () => {
  await sim.close();
  await testDb.drop();
});

describe("connecting Zenefits", () => {
  it("refuses a revoked token and stores nothing", async () => {
    const token = sim.createToken();
    sim.revokeToken(token);
    const e = await error(
      createConnection(deps, owner, {
        connectorId: "zenefits",
        credentials: { accessToken: token },
        notificationEmail: "hr@x.test",
      }),
    );
    expect(e.code).toBe("verify_failed");
    expect(e.details.kind).toBe("invalid_credentials");
    expect(e.details.hint).toMatch(/token/i);
    expect(await listConnections(deps, owner.organisationId)).toEqual([]);
  });

  it("names a malformed field before calling the provider", async () => {
    const e = await error(
      createConnection(deps, owner, { connectorId: "zenefits", credentials: { accessToken: "short" }, notificationEmail: null }),
    );
    expect(e.code).toBe("invalid");
    expect(Object.keys(e.details.fields ?? {})).toEqual(["accessToken"]);
  });

  it("verifies, stores the token encrypted, shows the permissions checklist and queues the first sync", async () => {
    const token = sim.createToken({
      scopes: ["companies", "people", "departments", "locations", "people.status", "employments"],
    });
    const { connectionId, verify } = await createConnection(deps, owner, {
      connectorId: "zenefits",
      credentials: { accessToken: token },
      notificationEmail: "hr@x.test",
    });
    expect(verify.account.name).toBeTruthy();
    const row = await testDb.db.selectFrom("connections").selectAll().where("id", "=", connectionId).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(token);
    expect(decryptJson(row.credentials_encrypted, deps.encryptionKey, connectionId)).toEqual({
      accessToken: token,
      baseUrl: sim.url,
    });
    const view = await getConnectionView(deps, owner.organisationId, connectionId);
    expect(JSON.stringify(view)).not.toContain(token);
    expect(view.credentialsHint).toBe(`••••${token.slice(-4)}`);
    expect(view.permissions).toHaveLength(12);
    expect(view.permissions.filter((p) => p.state === "missing").map((p) => p.label)).toEqual(
      expect.arrayContaining(["Manager", "Work email", "Custom field values"]),
    );
    // Each permission says what it feeds, in people's words, for the checklist and the rotate warning.
    expect(view.permissions.find((p) => p.id === "people.manager")?.feeds).toEqual(["Manager"]);
    expect(view.permissions.find((p) => p.id === "custom_field_values")?.feeds).toEqual(["Custom field values"]);
    const { rows } = await sql<{
      key: string;
    }>`select key from graphile_worker.jobs where task_identifier = 'sync_connection'`.execute(testDb.db);
    expect(rows.map((r) => r.key)).toEqual([`sync:${connectionId}`]);
    const audit = await testDb.db.selectFrom("audit_log").selectAll().where("target_id", "=", connectionId).execute();
    expect(audit.map((a) => a.action)).toEqual(["connection.created"]);
    expect(JSON.stringify(audit)).not.toContain(token);
    expect(
      (
        await error(
          createConnection(deps, owner, {
            connectorId: "zenefits",
            credentials: { accessToken: token },
            notificationEmail: null,
          }),
        )
      ).code,
    ).toBe("conflict");
  });

  it("rotates a token in place, refuses a bad one without touching the old, and refuses another company's", async () => {
    const [connection] = await listConnections(deps, owner.organisationId);
    const before = await testDb.db
      .selectFrom("connections")
      .select("credentials_encrypted")
      .where("id", "=", connection!.id)
      .executeTakeFirstOrThrow();
    const revoked = sim.createToken();
    sim.revokeToken(revoked);
    expect((await error(rotateCredentials(deps, owner, connection!.id, { accessToken: revoked }))).code).toBe("verify_failed");
    const unchanged = await testDb.db
      .selectFrom("connections")
      .select("credentials_encrypted")
      .where("id", "=", connection!.id)
      .executeTakeFirstOrThrow();
    expect(unchanged).toEqual(before);
    const otherCompany = sim.createToken({ companyId: sim.companyIds[1] });
    expect((await error(rotateCredentials(deps, owner, connection!.id, { accessToken: otherCompany }))).code).toBe("conflict");

    const fresh = sim.createToken();
    await rotateCredentials(deps, owner, connection!.id, { accessToken: fresh });
    const view = await getConnectionView(deps, owner.organisationId, connection!.id);
    expect(view.id).toBe(connection!.id);
    expect(view.credentialsHint).toBe(`••••${fresh.slice(-4)}`);
    expect(view.permissions.every((p) => p.state === "granted")).toBe(true);
    // The sync the new token gets is labelled as such, not as a click on "Sync now".
    const { rows: jobs } = await sql<{
      payload: { trigger: string };
    }>`select j.payload from graphile_worker._private_jobs j join graphile_worker._private_tasks t on t.id = j.task_id
       where t.identifier = 'sync_connection'`.execute(testDb.db);
    expect(jobs.map((j) => j.payload.trigger)).toEqual(["rotation"]);
  });

  it("asks before rotating to a token with fewer permissions, naming what would stop updating", async () => {
    // Tried: the connection's current token grants everything (previous test); the new one
    // lacks Manager and Custom field values. Must hold: refused until confirmed, naming both
    // permissions and what they feed; the stored token unchanged; confirmed, it is accepted.
    const [connection] = await listConnections(deps, owner.organisationId);
    const before = await testDb.db
      .selectFrom("connections")
      .select("credentials_encrypted")
      .where("id", "=", connection!.id)
      .executeTakeFirstOrThrow();
    const fewer = sim.createToken({
      scopes: ALL_SCOPES.filter((s) => s !== "people.manager" && s !== "custom_field_values"),
    });
    const refused = await error(rotateCredentials(deps, owner, connection!.id, { accessToken: fewer }));
    expect(refused.code).toBe("confirm_required");
    expect(refused.message).toContain('"Manager"');
    expect(refused.message).toContain("Custom field values");
    expect(refused.details.lost?.map((l) => [l.id, l.feeds])).toEqual([
      ["people.manager", ["Manager"]],
      ["custom_field_values", ["Custom field values"]],
    ]);
    expect(
      await testDb.db
        .selectFrom("connections")
        .select("credentials_encrypted")
        .where("id", "=", connection!.id)
        .executeTakeFirstOrThrow(),
    ).toEqual(before);

    await rotateCredentials(deps, owner, connection!.id, { accessToken: fewer }, { confirmFewerPermissions: true });
    const view = await getConnectionView(deps, owner.organisationId, connection!.id);
    expect(view.permissions.filter((p) => p.state === "missing").map((p) => p.id)).toEqual([
      "people.manager",
      "custom_field_values",
    ]);
    const audit = await testDb.db
      .selectFrom("audit_log")
      .select("details")
      .where("target_id", "=", connection!.id)
      .where("action", "=", "connection.credentials_rotated")
      .execute();
    expect(audit.map((a) => a.details)).toContainEqual({ permissionsLost: ["people.manager", "custom_field_values"] });
  });

  it("shows every permission as unknown once the token could not be verified, until a verify succeeds", async () => {
    // Tried: a sync whose token Zenefits rejects (revoked). Must hold: the checklist shows no
    // tick (state unknown) and says since when and why; a fresh token makes it known again.
    const [connection] = await listConnections(deps, owner.organisationId);
    const revoked = sim.createToken();
    await rotateCredentials(deps, owner, connection!.id, { accessToken: revoked }, { confirmFewerPermissions: true });
    sim.revokeToken(revoked);
    const outcome = await runConnectionSync({
      db: testDb.db,
      connectionId: connection!.id,
      trigger: "manual",
      connectors: deps.connectors,
      encryptionKey: deps.encryptionKey,
      retry: { maxAttempts: 1 },
      log: createLogger("test", { level: "silent" }),
    });
    expect(outcome).toMatchObject({ status: "failed", errorKind: "invalid_credentials" });
    const unknown = await getConnectionView(deps, owner.organisationId, connection!.id);
    expect(unknown.permissions.every((p) => p.state === "unknown")).toBe(true);
    expect(unknown.permissionsUnknownSince).toBeTruthy();
    expect(unknown.permissionsUnknownReason).toMatch(/rejected/);

    await rotateCredentials(deps, owner, connection!.id, { accessToken: sim.createToken() });
    const known = await getConnectionView(deps, owner.organisationId, connection!.id);
    expect(known.permissions.every((p) => p.state === "granted")).toBe(true);
    expect(known.permissionsUnknownSince).toBeNull();
  });

  it("keeps every connection inside its organisation", async () => {
    const [connection] = await listConnections(deps, owner.organisationId);
    expect((await error(getConnectionView(deps, stranger.organisationId, connection!.id))).code).toBe("not_found");
    expect((await error(syncNow(deps, stranger, connection!.id))).code).toBe("not_found");
    expect((await error(rotateCredentials(deps, stranger, connection!.id, { accessToken: sim.createToken() }))).code).toBe(
      "not_found",
    );
  });
});
