import { type PolicyConfig, recordSyncOutcome } from "@roster/connection-policy";
import { zenefits } from "@roster/connector-zenefits";
import type { Connector } from "@roster/core";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { generateEncryptionKey } from "@roster/secrets";
import { ALL_SCOPES, startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { runConnectionSync } from "@roster/sync";
import { runMigrations } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type Actor,
  type ConnectionDeps,
  ConnectionError,
  createConnection,
  listIssues,
  rotateCredentials,
  snoozeIssue,
} from "../src/index";

// Integration issues opened and resolved by real sync outcomes against the Zenefits simulator,
// recorded through the same policy the worker and the CLI use.
let testDb: TestDatabase;
let sim: ZenefitsSim;
let deps: ConnectionDeps;
let owner: Actor;
let stranger: Actor;
let connectionId: string;
const policy: PolicyConfig = {
  PUBLIC_URL: "http://localhost:5173",
  SYNC_INTERVAL_HOURS: 24,
  RETRY_INTERVAL_MINUTES: 60,
  MAX_CONSECUTIVE_FAILURES: 3,
};

/** One sync, its outcome recorded by the connection policy, as the worker does it. */
async function syncAndRecord() {
  const outcome = await runConnectionSync({
    db: testDb.db,
    connectionId,
    trigger: "manual",
    connectors: deps.connectors,
    encryptionKey: deps.encryptionKey,
    retry: { maxAttempts: 1 },
    log: createLogger("test", { level: "silent" }),
  });
  await recordSyncOutcome(testDb.db, connectionId, outcome, policy);
  return outcome;
}

const openIssues = async (organisationId = owner.organisationId) =>
  (await listIssues(deps, organisationId)).filter((i) => i.state !== "resolved");

beforeAll(async () => {
  testDb = await createTestDatabase();
  await runMigrations({ connectionString: testDb.url });
  sim = await startZenefitsSim({ port: 0, people: 15 });
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
  await testDb.db.insertInto("memberships").values({ user_id: user.id, organisation_id: org.id, role: "owner" }).execute();
  owner = { organisationId: org.id, userId: user.id };
  stranger = { organisationId: other.id, userId: user.id };
});
afterAll(async () => {
  await sim.close();
  await testDb.drop();
});

describe("integration issues from sync outcomes", () => {
  let token: string;

  it("a healthy first sync opens nothing", async () => {
    // Tried: connect with a full token and sync. Holds: no issue at all.
    token = sim.createToken();
    ({ connectionId } = await createConnection(deps, owner, {
      connectorId: "zenefits",
      credentials: { accessToken: token },
      notificationEmail: "hr@x.test",
    }));
    expect((await syncAndRecord()).status).toBe("succeeded");
    expect(await listIssues(deps, owner.organisationId)).toEqual([]);
  });

  it("a revoked token opens one 'token rejected' issue; a second failure counts on it, not beside it", async () => {
    // Tried: revoke the token, sync twice. Holds: one open issue, seen twice, first seen at the
    // first failure, with the remedy in words pointing at the rotate form.
    sim.revokeToken(token);
    const first = await syncAndRecord();
    expect(first).toMatchObject({ status: "failed", errorKind: "invalid_credentials" });
    const [opened] = await openIssues();
    expect(opened).toMatchObject({ problem: "token_rejected", state: "open", occurrences: 1, fix: "rotate" });
    expect(opened!.remedy).toMatch(/Create a new token in Zenefits and paste it in the rotate form/);
    expect(opened!.lastRunId).toBe(first.runId);

    const second = await syncAndRecord();
    const issues = await openIssues();
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ id: opened!.id, occurrences: 2, lastRunId: second.runId });
    expect(new Date(issues[0]!.firstSeenAt).getTime()).toBe(new Date(opened!.firstSeenAt).getTime());
    expect(new Date(issues[0]!.lastSeenAt).getTime()).toBeGreaterThanOrEqual(new Date(opened!.lastSeenAt).getTime());
  });

  it("owners snooze an open issue of their organisation only; it stays open", async () => {
    // Tried: snooze for 24 hours as the owner, then as someone of another organisation.
    // Holds: snoozed (not resolved) with the time; the stranger is refused; an audit row exists.
    const [issue] = await openIssues();
    const { snoozedUntil } = await snoozeIssue(deps, owner, { issueId: issue!.id, hours: 24 });
    const [snoozed] = await openIssues();
    expect(snoozed).toMatchObject({ id: issue!.id, state: "snoozed" });
    expect(new Date(snoozed!.snoozedUntil!).getTime()).toBe(snoozedUntil.getTime());
    const refused = await snoozeIssue(deps, stranger, { issueId: issue!.id, hours: 1 }).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ConnectionError);
    expect((refused as ConnectionError).code).toBe("not_found");
    expect(await openIssues(stranger.organisationId)).toEqual([]);
    const audit = await testDb.db
      .selectFrom("audit_log")
      .select("details")
      .where("action", "=", "connection.issue_snoozed")
      .execute();
    expect(audit).toHaveLength(1);
  });

  it("a rotation to a working token and a successful sync resolve it", async () => {
    // Tried: rotate to a fresh token, sync. Holds: nothing open; the issue is listed as resolved.
    await rotateCredentials(deps, owner, connectionId, { accessToken: sim.createToken() });
    expect((await syncAndRecord()).status).toBe("succeeded");
    expect(await openIssues()).toEqual([]);
    const [resolved] = await listIssues(deps, owner.organisationId);
    expect(resolved).toMatchObject({ problem: "token_rejected", state: "resolved" });
    expect(resolved!.resolvedAt).not.toBeNull();
  });

  it("a token that loses a permission opens 'permission lost' until the permission is back", async () => {
    // Tried: untick the manager scope on the working token, sync; tick it again, sync.
    // Holds: one open "permission lost" issue after the first; none open after the second.
    const scoped = sim.createToken();
    await rotateCredentials(deps, owner, connectionId, { accessToken: scoped });
    sim.setTokenScopes(
      scoped,
      ALL_SCOPES.filter((s) => s !== "people.manager"),
    );
    expect((await syncAndRecord()).status).toBe("succeeded");
    expect((await openIssues()).map((i) => i.problem)).toEqual(["permission_lost"]);
    sim.setTokenScopes(scoped, [...ALL_SCOPES]);
    expect((await syncAndRecord()).status).toBe("succeeded");
    expect(await openIssues()).toEqual([]);
  });
});
