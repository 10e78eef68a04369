import { loadConfig } from "@roster/config";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { createApiKey, sendConnectLink } from "@roster/public-api";
import { connectors } from "@roster/registry";
import { generateEncryptionKey } from "@roster/secrets";
import { type LeverSim, startLeverSim } from "@roster/sim-lever";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { createEndpoint } from "@roster/webhooks";
import { runMigrations } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AccessLevel, accessAllowed, type MembershipAccess, type ProcedurePath, permissions } from "../src/auth/permissions";
import { newToken } from "../src/auth/tokens";
import { type ApiDeps, appRouter, createCallerFactory, createContext, SESSION_COOKIE } from "../src/index";
import { orgProcedure, requireRole, requireSensitive, router } from "../src/trpc";
import { insertConnection, insertEmployee, insertFailedRun } from "./helpers/connections";
import { trpcErrorOf } from "./helpers/expect-error";
import { createOrgFixture, FIXTURE_PASSWORD, insertSession, insertUser, type OrgFixture } from "./helpers/fixtures";
import { insertCandidate, insertLeverConnection, insertTransfer } from "./helpers/lever";

/**
 * Every procedure of the router × every kind of caller, checked against the
 * permissions table. The procedure list comes from the router itself, so a new
 * procedure without a row in permissions.ts (or without an input below) fails here.
 */
const actors = ["owner", "admin", "member", "sensitiveMember", "signedOut", "otherOrgOwner"] as const;
type Actor = (typeof actors)[number];

/** The caller's membership in organisation A, the organisation every session below points at. */
const membershipOf: Record<Actor, MembershipAccess | null> = {
  owner: { role: "owner", sensitive: false },
  admin: { role: "admin", sensitive: false },
  member: { role: "member", sensitive: false },
  sensitiveMember: { role: "member", sensitive: true },
  signedOut: null,
  // Signed in, but A is not theirs: a tampered or stale session pointing at someone else's organisation.
  otherOrgOwner: null,
};

function expectedAllowed(level: AccessLevel, actor: Actor): boolean {
  return accessAllowed(level, { signedIn: actor !== "signedOut", membership: membershipOf[actor] });
}

let database: TestDatabase;
let deps: ApiDeps;
// Allowed callers of the connection procedures reach real providers: the Zenefits and Lever simulators.
let sim: ZenefitsSim;
let lever: LeverSim;
const encryptionKey = generateEncryptionKey();
beforeAll(async () => {
  [database, sim, lever] = await Promise.all([
    createTestDatabase(),
    startZenefitsSim({ port: 0, people: 10 }),
    startLeverSim({ opportunities: 10, rateLimit: false }),
  ]);
  // The job queue exists, so "Send to Zenefits" and "Retry" really queue their export (no worker runs it here).
  await runMigrations({ connectionString: database.url });
  // Sign-up open: the matrix checks roles and organisations; the SIGNUP policy has its own test.
  const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: database.url, ENCRYPTION_KEY: encryptionKey, SIGNUP: "open" });
  deps = {
    db: database.db,
    config,
    log: createLogger("matrix", { level: "silent" }),
    connections: {
      credentialDefaults: {
        zenefits: { baseUrl: sim.url },
        lever: { baseUrl: `${lever.url}/v1`, zenefitsBaseUrl: sim.url },
      },
      verify: { retry: { maxAttempts: 1 } },
    },
  };
});
afterAll(async () => {
  await sim?.close();
  await lever?.close();
  await database?.drop();
});

/** The credentials both simulators accept, as the Lever setup form sends them. */
const leverFormCredentials = () => ({
  apiKey: lever.apiKey,
  webhookSigningToken: lever.webhookSignatureToken,
  zenefitsCompanyId: sim.companyId,
  zenefitsClientSecret: sim.clientSecret(),
});

/** Organisation A's Lever connection (Zenefits offers mode) with one Offer candidate. */
async function leverWorld(fx: OrgFixture) {
  const connectionId = await insertLeverConnection(deps.db, fx.organisationId, {
    encryptionKey,
    credentials: {
      ...leverFormCredentials(),
      baseUrl: `${lever.url}/v1`,
      zenefitsBaseUrl: sim.url,
    },
  });
  const candidate = await insertCandidate(deps.db, fx.organisationId, connectionId, { name: "Olga Offer", status: "offer" });
  return { connectionId, candidate };
}

/** A connection of organisation A, so that allowed callers act on something real. */
const connectionOf = (fx: OrgFixture) =>
  insertConnection(deps.db, fx.organisationId, { encryptionKey, accessToken: sim.defaultToken, baseUrl: sim.url });
const connectionInput = async (fx: OrgFixture) => ({ connectionId: await connectionOf(fx) });

/** A webhook endpoint of organisation A, with one delivery in its log. */
async function endpointOf(fx: OrgFixture) {
  const { endpoint } = await createEndpoint(
    deps.db,
    encryptionKey,
    { organisationId: fx.organisationId, userId: fx.users.owner.id },
    { url: "https://hooks.example.test/roster", events: ["sync.succeeded"] },
  );
  const delivery = await deps.db
    .insertInto("event_deliveries")
    .values({
      endpoint_id: endpoint.id,
      organisation_id: fx.organisationId,
      event_id: `evt_test_${endpoint.id}`,
      event_type: "sync.succeeded",
      ordering_key: "test",
      body: "{}",
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { endpointId: endpoint.id, deliveryId: String(delivery.id) };
}

/** A connect link an owner of organisation A sent from the dashboard. */
const sentLinkOf = async (fx: OrgFixture) =>
  (
    await sendConnectLink(deps.db, connectors, {
      organisationId: fx.organisationId,
      connectorId: "zenefits",
      to: newEmail(),
      note: null,
      userId: fx.users.owner.id,
      publicUrl: deps.config.PUBLIC_URL,
    })
  ).id;

async function inviteFor(fx: OrgFixture, email: string): Promise<{ id: string; token: string }> {
  const { token, hash } = newToken();
  const row = await deps.db
    .insertInto("invites")
    .values({
      organisation_id: fx.organisationId,
      email,
      role: "member",
      token_hash: hash,
      invited_by: fx.users.owner.id,
      expires_at: new Date(Date.now() + 86_400_000),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return { id: row.id, token };
}

const actorEmail = (fx: OrgFixture, actor: Actor) =>
  actor === "signedOut" ? "signed-out@example.test" : fx.users[actor === "otherOrgOwner" ? "otherOwner" : actor].email;

let emailCounter = 0;
const newEmail = () => `new-${emailCounter++}-${Date.now().toString(36)}@example.test`;

/** A valid input for each procedure, so that an allowed caller gets past the access check. */
const inputs: Record<ProcedurePath, (fx: OrgFixture, actor: Actor) => Promise<unknown> | unknown> = {
  "auth.signupPolicy": () => undefined,
  "auth.signUp": async () => ({
    name: "New Person",
    email: newEmail(),
    password: "a-long-password",
    organisationName: "Newco",
  }),
  "auth.signIn": (fx) => ({ email: fx.users.outsider.email, password: FIXTURE_PASSWORD }),
  "auth.signOut": () => undefined,
  "auth.me": () => undefined,
  "organisations.switch": (fx, actor) => ({
    organisationId: actor === "otherOrgOwner" ? fx.otherOrganisationId : fx.organisationId,
  }),
  "organisations.rename": () => ({ name: "Renamed Ltd" }),
  "members.list": () => undefined,
  "members.changeRole": (fx) => ({ userId: fx.users.member.id, role: "admin" }),
  "members.setSensitive": (fx) => ({ userId: fx.users.member.id, sensitive: true }),
  "members.remove": (fx) => ({ userId: fx.users.member.id }),
  "invites.preview": async (fx) => ({ token: (await inviteFor(fx, newEmail())).token }),
  "invites.acceptWithSignUp": async (fx) => ({
    token: (await inviteFor(fx, newEmail())).token,
    name: "Invited Person",
    password: "a-long-password",
  }),
  "invites.accept": async (fx, actor) => ({ token: (await inviteFor(fx, actorEmail(fx, actor))).token }),
  "invites.list": () => undefined,
  "invites.create": async () => ({ email: newEmail(), role: "member" }),
  "invites.revoke": async (fx) => ({ inviteId: (await inviteFor(fx, newEmail())).id }),
  "audit.list": () => ({ limit: 10 }),
  "connections.list": () => undefined,
  "connections.get": connectionInput,
  "connections.overview": () => undefined,
  "connections.issues": () => undefined,
  "connections.snoozeIssue": async (fx) => {
    const connectionId = await connectionOf(fx);
    await deps.db
      .insertInto("integration_issues")
      .values({
        organisation_id: fx.organisationId,
        connection_id: connectionId,
        problem: "provider_unreachable",
        detail: null,
        first_seen_at: new Date(),
        last_seen_at: new Date(),
        last_run_id: null,
        resolved_at: null,
        snoozed_until: null,
        snoozed_by: null,
      })
      .onConflict((oc) => oc.columns(["connection_id", "problem"]).where("resolved_at", "is", null).doNothing())
      .execute();
    const open = await deps.db
      .selectFrom("integration_issues")
      .select("id")
      .where("connection_id", "=", connectionId)
      .where("resolved_at", "is", null)
      .executeTakeFirstOrThrow();
    return { issueId: open.id, hours: 24 };
  },
  "connectors.list": () => undefined,
  "connections.verify": () => ({ connectorId: "zenefits", credentials: { accessToken: sim.defaultToken } }),
  "connections.connect": () => ({
    connectorId: "zenefits",
    credentials: { accessToken: sim.defaultToken },
    notificationEmail: "hr@example.test",
  }),
  "connections.rotate": async (fx) => ({ ...(await connectionInput(fx)), credentials: { accessToken: sim.createToken() } }),
  "connections.setNotificationEmail": async (fx) => ({ ...(await connectionInput(fx)), notificationEmail: "ops@example.test" }),
  "connections.disable": connectionInput,
  "connections.enable": connectionInput,
  "connections.delete": connectionInput,
  "connections.syncNow": connectionInput,
  "connections.runs": connectionInput,
  "connections.run": async (fx) => {
    const connectionId = await connectionOf(fx);
    return { connectionId, runId: await insertFailedRun(deps.db, fx.organisationId, connectionId) };
  },
  "connections.emails": connectionInput,
  "connectLinks.list": () => ({ connectorId: "zenefits" }),
  "connectLinks.send": () => ({ connectorId: "zenefits", email: newEmail(), note: "Could you connect this?" }),
  "connectLinks.revoke": async (fx) => ({ linkId: await sentLinkOf(fx) }),
  "lever.get": async (fx) => {
    await leverWorld(fx);
    return undefined;
  },
  "lever.save": (fx) => ({
    enabled: true,
    credentials: leverFormCredentials(),
    contactUserId: fx.users.member.id,
    offersMode: "zenefits",
  }),
  "lever.verify": () => ({ credentials: leverFormCredentials() }),
  "lever.candidates": async (fx) => {
    const { connectionId, candidate } = await leverWorld(fx);
    await insertTransfer(deps.db, fx.organisationId, connectionId, candidate.remoteId);
    return { status: "all" };
  },
  "lever.sendToZenefits": async (fx) => ({ candidateId: (await leverWorld(fx)).candidate.id }),
  "lever.transfers": async (fx) => {
    const { connectionId, candidate } = await leverWorld(fx);
    await insertTransfer(deps.db, fx.organisationId, connectionId, candidate.remoteId);
    return { candidateId: candidate.id };
  },
  "lever.retryTransfer": async (fx) => {
    const { connectionId, candidate } = await leverWorld(fx);
    return { transferId: await insertTransfer(deps.db, fx.organisationId, connectionId, candidate.remoteId) };
  },
  "directory.people": () => ({ search: "a", limit: 10 }),
  "directory.person": async (fx) => ({
    id: await insertEmployee(deps.db, fx.organisationId, await connectionOf(fx), "Ada Lovelace"),
  }),
  "directory.departments": () => undefined,
  "directory.locations": () => undefined,
  "charts.headCount": async (fx) => ({ timeZone: "Europe/Paris", connectionId: await connectionOf(fx) }),
  "charts.syncs": async (fx) => ({ timeZone: "UTC", connectionId: await connectionOf(fx) }),
  "apiKeys.list": () => undefined,
  "apiKeys.create": () => ({ name: "HR sync", scopes: ["directory:read"] }),
  "apiKeys.revoke": async (fx) => ({
    keyId: (await createApiKey(deps.db, { organisationId: fx.organisationId, userId: null }, { name: "old" })).apiKey.id,
  }),
  "webhooks.endpoints": () => undefined,
  "webhooks.createEndpoint": () => ({ url: "https://hooks.example.test/new", events: ["employee.updated"] }),
  "webhooks.updateEndpoint": async (fx) => ({ endpointId: (await endpointOf(fx)).endpointId, enabled: false }),
  "webhooks.deleteEndpoint": async (fx) => ({ endpointId: (await endpointOf(fx)).endpointId }),
  "webhooks.deliveries": async (fx) => ({ endpointId: (await endpointOf(fx)).endpointId }),
  "webhooks.resend": async (fx) => ({ deliveryId: (await endpointOf(fx)).deliveryId }),
};

async function sessionTokenFor(fx: OrgFixture, actor: Actor): Promise<string | undefined> {
  if (actor === "signedOut") return undefined;
  const user = fx.users[actor === "otherOrgOwner" ? "otherOwner" : actor];
  return insertSession(deps.db, user.id, fx.organisationId);
}

async function callAs(actor: Actor, call: (caller: any, fx: OrgFixture) => Promise<unknown>, routerToCall = appRouter) {
  const fx = await createOrgFixture(deps.db);
  const token = await sessionTokenFor(fx, actor);
  const ctx = await createContext(deps, { cookieHeader: token ? `${SESSION_COOKIE}=${token}` : undefined });
  const caller = createCallerFactory(routerToCall)(ctx);
  return call(caller, fx).then(
    () => ({ code: "OK" }),
    (e: unknown) => trpcErrorOf(Promise.reject(e)),
  );
}

function expectOutcome(outcome: { code: string; message?: string }, allowed: boolean, actor: Actor) {
  const denied = outcome.code === "UNAUTHORIZED" || outcome.code === "FORBIDDEN";
  if (allowed) {
    expect(denied, `expected access, got ${outcome.code}: ${outcome.message}`).toBe(false);
  } else {
    expect(outcome.code, `expected a refusal, got ${outcome.code}`).toBe(actor === "signedOut" ? "UNAUTHORIZED" : "FORBIDDEN");
  }
}

const routerPaths = Object.keys(appRouter._def.procedures).sort();

describe("permissions table", () => {
  it("has a row for every procedure of the router", () => {
    const missing = routerPaths.filter((path) => !(path in permissions));
    expect(missing, "add these procedures to src/auth/permissions.ts").toEqual([]);
  });

  it("has no row for a procedure that no longer exists", () => {
    expect(Object.keys(permissions).filter((path) => !routerPaths.includes(path))).toEqual([]);
  });
});

describe.each(routerPaths)("%s", (path) => {
  it.each(actors)("as %s", async (actor) => {
    const level = (permissions as Record<string, AccessLevel>)[path];
    expect(level, `${path} has no row in src/auth/permissions.ts`).toBeDefined();
    const makeInput = (inputs as Record<string, (typeof inputs)[ProcedurePath]>)[path];
    expect(makeInput, `add a valid input for ${path} to the matrix's inputs`).toBeDefined();

    const outcome = await callAs(actor, async (caller, fx) => {
      const fn = path.split(".").reduce((node, key) => node[key], caller);
      return fn(await makeInput!(fx, actor));
    });
    expectOutcome(outcome, expectedAllowed(level!, actor), actor);
  });
});

describe("each access level's guard, on a router of one procedure per level", () => {
  const guards = router({
    member: orgProcedure.query(() => "ok"),
    sensitive: requireSensitive.query(() => "ok"),
    admin: requireRole("owner", "admin").query(() => "ok"),
    owner: requireRole("owner").query(() => "ok"),
  });
  const levels = ["member", "sensitive", "admin", "owner"] as const;
  const cells = levels.flatMap((level) => actors.map((actor) => [level, actor] as const));

  it.each(cells)("%s as %s", async (level, actor) => {
    const outcome = await callAs(actor, (caller) => caller[level](), guards as any);
    expectOutcome(outcome, expectedAllowed(level, actor), actor);
  });
});

describe("sessions without an organisation", () => {
  it("are refused by organisation procedures with a clear message", async () => {
    const user = await insertUser(deps.db, "lonely");
    const token = await insertSession(deps.db, user.id, null);
    const ctx = await createContext(deps, { cookieHeader: `${SESSION_COOKIE}=${token}` });
    const outcome = await trpcErrorOf(createCallerFactory(appRouter)(ctx).members.list());
    expect(outcome).toMatchObject({ code: "FORBIDDEN", message: expect.stringMatching(/not in one/) });
  });
});
