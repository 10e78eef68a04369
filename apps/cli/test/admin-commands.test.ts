import { randomUUID } from "node:crypto";
import { verifyPassword } from "@roster/accounts";
import { permissionEffects } from "@roster/connections";
import { migrationNames, migrationsAreCurrent } from "@roster/db";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { requireConnector } from "@roster/registry";
import { decryptJson, generateEncryptionKey } from "@roster/secrets";
import { type LeverSim, startLeverSim } from "@roster/sim-lever";
import { ALL_SCOPES, startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, runCli } from "./helpers/cli";
import { type SecretFolder, secretFolder } from "./helpers/secret-files";

// A self-hoster's set-up, scripted end to end with nothing but `roster` commands: migrate an empty
// database, create an organisation, connect Zenefits and Lever at simulators listening on ports of
// their own choosing (not the sandbox's), sync, see a failure recorded like the worker's, rotate.
// The steps share one database and run in order; each says what it tried and what must hold.

let testDb: TestDatabase;
let zenefits: ZenefitsSim;
let lever: LeverSim;
let secrets: SecretFolder;
let env: Record<string, string | undefined>;

/** Every secret the steps hand the CLI (in files), and every argv they ran, for the leak checks. */
const secretValues: string[] = [];
const argvs: string[][] = [];
const results: CliResult[] = [];

const OWNER_EMAIL = "owner@acme.test";
const NOTIFY_EMAIL = "hr-ops@acme.test";
const API_PUBLIC_URL = "https://roster.acme.test";

function secretFile(value: string): string {
  secretValues.push(value);
  return secrets.file(value);
}

async function roster(args: string[], input?: string): Promise<CliResult> {
  argvs.push(args);
  const result = await runCli(args, { env, input });
  results.push(result);
  return result;
}

const state: { organisationId?: string; ownerId?: string; connectionId?: string; token?: string } = {};

beforeAll(async () => {
  testDb = await createTestDatabase({ empty: true });
  zenefits = await startZenefitsSim({ people: 40, seed: 11 });
  lever = await startLeverSim({ opportunities: 12, seed: 4 });
  secrets = secretFolder();
  env = {
    DATABASE_URL: testDb.url,
    ENCRYPTION_KEY: generateEncryptionKey(),
    API_PUBLIC_URL,
    // Only the flags decide where the providers are: no deployment default may leak in.
    SANDBOX: undefined,
    ZENEFITS_BASE_URL: undefined,
    LEVER_BASE_URL: undefined,
  };
});
afterAll(async () => {
  await zenefits?.close();
  await lever?.close();
  await testDb?.drop();
  secrets?.remove();
});

describe("a deployment set up and synced through the roster command alone", () => {
  it("migrates an empty database, and a second run has nothing to do", async () => {
    // Tried: `migrate` on a database with no tables, then again. Must hold: the first applies every
    // migration by name and exits 0; the second exits 0 saying there is nothing to do; the schema is current.
    const first = await roster(["migrate"]);
    expect(first.code, first.all).toBe(0);
    expect(first.stdout).toContain(`Applied ${migrationNames.length} migrations`);
    for (const name of migrationNames) expect(first.stdout).toContain(name);

    const second = await roster(["migrate", "--json"]);
    expect(second.code, second.all).toBe(0);
    expect(JSON.parse(second.stdout)).toEqual({ ok: true, applied: [], migrations: migrationNames.length });
    const again = await roster(["migrate"]);
    expect(again.stdout).toContain("Nothing to do");
    expect(await migrationsAreCurrent(testDb.db)).toBe(true);
  });

  it("creates an organisation whose owner signs in with the password from the file", async () => {
    // Tried: `org create` with the owner's password in a file. Must hold: exit 0 and the id printed; the
    // owner is the organisation's only member, role owner, and the stored hash matches that password;
    // the audit row has no actor user and says it came from the command line.
    const password = "a long owner password";
    const result = await roster([
      "org",
      "create",
      "Acme Robotics",
      "--owner-email",
      OWNER_EMAIL,
      "--owner-password-file",
      secretFile(password),
      "--json",
    ]);
    expect(result.code, result.all).toBe(0);
    const created = JSON.parse(result.stdout) as { organisationId: string; owner: { userId: string; created: boolean } };
    expect(created).toMatchObject({ ok: true, name: "Acme Robotics", owner: { email: OWNER_EMAIL, created: true } });
    state.organisationId = created.organisationId;
    state.ownerId = created.owner.userId;

    const members = await testDb.db
      .selectFrom("memberships")
      .innerJoin("users", "users.id", "memberships.user_id")
      .select(["users.email", "users.password_hash", "memberships.role"])
      .where("memberships.organisation_id", "=", created.organisationId)
      .execute();
    expect(members.map((m) => [m.email, m.role])).toEqual([[OWNER_EMAIL, "owner"]]);
    expect(await verifyPassword(password, members[0]!.password_hash)).toBe(true);
    const audit = await testDb.db
      .selectFrom("audit_log")
      .select(["actor_user_id", "action", "details"])
      .where("organisation_id", "=", created.organisationId)
      .execute();
    expect(audit).toEqual([
      { actor_user_id: null, action: "organisation.created", details: { name: "Acme Robotics", owner: OWNER_EMAIL, via: "cli" } },
    ]);

    // The same owner for a second organisation: their account is reused, and its password kept.
    const second = await roster([
      "org",
      "create",
      "Acme Labs",
      "--owner-email",
      OWNER_EMAIL,
      "--owner-password-file",
      secretFile("another password entirely"),
    ]);
    expect(second.code, second.all).toBe(0);
    expect(second.stdout).toMatch(/^✓ Created organisation "Acme Labs": [0-9a-f-]{36}$/m);
    expect(second.stdout).toContain("an existing account, now an owner of this organisation too; its password is unchanged");
    const owner = await testDb.db.selectFrom("users").select("password_hash").where("email", "=", OWNER_EMAIL).execute();
    expect(owner).toHaveLength(1);
    expect(await verifyPassword(password, owner[0]!.password_hash)).toBe(true);
  });

  it("connects Zenefits at the simulator's port: the id and the checklist printed, the token stored encrypted", async () => {
    // Tried: `connect zenefits --base-url <simulator on a free port>`. Must hold: exit 0; the id and all
    // twelve permissions granted; the row stores the simulator's URL and the token only encrypted; the
    // notification email is kept; the audit row says via cli.
    state.token = zenefits.createToken();
    const result = await roster([
      "connect",
      "zenefits",
      "--org",
      state.organisationId!,
      "--token-file",
      secretFile(state.token),
      "--notify",
      NOTIFY_EMAIL,
      "--base-url",
      zenefits.url,
    ]);
    expect(result.code, result.all).toBe(0);
    const row = await testDb.db
      .selectFrom("connections")
      .selectAll()
      .where("organisation_id", "=", state.organisationId!)
      .executeTakeFirstOrThrow();
    state.connectionId = row.id;
    expect(result.stdout).toContain(`Connected Zenefits for Acme Robotics: ${row.id}`);
    expect(result.stdout).toContain("12 of 12 granted");
    expect(result.stdout.match(/^ {2}✓ /gm)).toHaveLength(12);
    expect(row).toMatchObject({ connector_id: "zenefits", status: "active", notification_email: NOTIFY_EMAIL });
    expect(row.credentials_encrypted).not.toContain(state.token);
    expect(decryptJson(row.credentials_encrypted, env.ENCRYPTION_KEY!, row.id)).toEqual({
      accessToken: state.token,
      baseUrl: zenefits.url,
    });
    const audit = await testDb.db
      .selectFrom("audit_log")
      .select(["actor_user_id", "details"])
      .where("action", "=", "connection.created")
      .where("target_id", "=", row.id)
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({ actor_user_id: null, details: { connector: "zenefits", via: "cli" } });
  });

  it("syncs it: every person of the simulator stored, the connection active", async () => {
    // Tried: `sync <id> --json`. Must hold: exit 0; the people stream read and created exactly the
    // simulator's people; the policy recorded the success (active, no failures, a next sync set).
    const result = await roster(["sync", state.connectionId!, "--json"]);
    expect(result.code, result.all).toBe(0);
    const outcome = JSON.parse(result.stdout) as {
      counts: Record<string, { read: number; created: number }>;
      connection: { status: string; consecutiveFailures: number; nextSyncAt: string | null };
    };
    const people = zenefits.counts().people;
    expect(outcome.counts.people).toMatchObject({ read: people, created: people });
    expect(outcome.connection).toMatchObject({ status: "active", consecutiveFailures: 0 });
    expect(outcome.connection.nextSyncAt).not.toBeNull();
    const stored = await testDb.db
      .selectFrom("employees")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("connection_id", "=", state.connectionId!)
      .executeTakeFirstOrThrow();
    expect(Number(stored.n)).toBe(people);
  });

  it("records a failed CLI sync on the connection like the worker's: failing, one failure, an email queued", async () => {
    // Tried: the token revoked at the simulator, then `sync <id>`. Must hold: exit 1 naming
    // invalid_credentials; the connection is failing with consecutive_failures 1 and a retry time; one
    // sync_failed email is queued in email_outbox for the notification address and the owner.
    zenefits.revokeToken(state.token!);
    const result = await roster(["sync", state.connectionId!]);
    expect(result.code, result.all).toBe(1);
    expect(result.stdout).toMatch(/✗ Sync failed after .*: invalid_credentials/);
    expect(result.stdout).toContain("Connection failing: 1 failure in a row (disabled after 3)");

    const row = await testDb.db
      .selectFrom("connections")
      .select(["status", "consecutive_failures", "next_sync_at"])
      .where("id", "=", state.connectionId!)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "failing", consecutive_failures: 1 });
    expect(row.next_sync_at).not.toBeNull();
    const emails = await testDb.db
      .selectFrom("email_outbox")
      .select(["kind", "to"])
      .where("connection_id", "=", state.connectionId!)
      .execute();
    expect(emails).toHaveLength(1);
    expect(emails[0]?.kind).toBe("sync_failed");
    expect([...(emails[0]?.to ?? [])].sort()).toEqual([NOTIFY_EMAIL, OWNER_EMAIL].sort());
  });

  it("refuses to rotate to a token with fewer permissions without --yes, naming what would stop updating; --yes rotates", async () => {
    // Tried: `rotate` with a token lacking the manager permission, without a terminal (exit 2 expected),
    // once as text and once --json; then with --yes. Must hold: the refusals name the permission and what
    // it feeds, as the dashboard does, and change nothing; --yes exits 0, stores the new token, reports
    // what is no longer kept current, re-enables the connection and audits it via cli.
    const zenefitsConnector = requireConnector("zenefits");
    const [manager] = permissionEffects(zenefitsConnector, ["people.manager"]);
    const fewer = zenefits.createToken({ scopes: ALL_SCOPES.filter((scope) => scope !== "people.manager") });
    const fewerFile = secretFile(fewer);

    const refused = await roster(["rotate", state.connectionId!, "--token-file", fewerFile]);
    expect(refused.code, refused.all).toBe(2);
    expect(refused.stderr).toContain(`This token lacks "${manager!.label}", which the current one grants.`);
    expect(refused.stderr).toContain(`stop updating: ${manager!.feeds.join(", ")}`);
    expect(refused.stderr).toContain("--yes");
    const refusedJson = await roster(["rotate", state.connectionId!, "--token-file", fewerFile, "--json"]);
    expect(refusedJson.code).toBe(2);
    expect(JSON.parse(refusedJson.stdout)).toMatchObject({
      ok: false,
      exitCode: 2,
      error: { kind: "confirm_required" },
      lost: [{ id: "people.manager", label: manager!.label, feeds: manager!.feeds }],
    });
    const unchanged = await testDb.db
      .selectFrom("connections")
      .select(["credentials_encrypted", "status"])
      .where("id", "=", state.connectionId!)
      .executeTakeFirstOrThrow();
    expect(
      decryptJson<{ accessToken: string }>(unchanged.credentials_encrypted, env.ENCRYPTION_KEY!, state.connectionId!),
    ).toMatchObject({ accessToken: state.token });

    const confirmed = await roster(["rotate", state.connectionId!, "--token-file", fewerFile, "--yes", "--json"]);
    expect(confirmed.code, confirmed.all).toBe(0);
    const rotated = JSON.parse(confirmed.stdout) as {
      permissions: { id: string; state: string }[];
      permissionsLost: { id: string; feeds: string[] }[];
    };
    expect(rotated.permissionsLost).toEqual([{ id: "people.manager", label: manager!.label, feeds: manager!.feeds }]);
    expect(rotated.permissions.find((p) => p.id === "people.manager")?.state).toBe("missing");
    const row = await testDb.db
      .selectFrom("connections")
      .select(["credentials_encrypted", "status", "consecutive_failures"])
      .where("id", "=", state.connectionId!)
      .executeTakeFirstOrThrow();
    expect(decryptJson(row.credentials_encrypted, env.ENCRYPTION_KEY!, state.connectionId!)).toEqual({
      accessToken: fewer,
      baseUrl: zenefits.url,
    });
    expect(row).toMatchObject({ status: "active", consecutive_failures: 0 });
    const audit = await testDb.db
      .selectFrom("audit_log")
      .select(["actor_user_id", "details"])
      .where("action", "=", "connection.credentials_rotated")
      .where("target_id", "=", state.connectionId!)
      .execute();
    expect(audit).toEqual([{ actor_user_id: null, details: { permissionsLost: ["people.manager"], via: "cli" } }]);
  });

  it("connects Lever against both simulators and prints the connection id and its webhook URL", async () => {
    // Tried: `connect lever` with the Lever simulator's key and signing token, the Zenefits simulator's
    // company and client secret, the owner as contact, Zenefits offers. Must hold: exit 0; the id and
    // <API_PUBLIC_URL>/webhooks/lever/<id> printed; the row holds the settings and both sides' URLs.
    const result = await roster([
      "connect",
      "lever",
      "--org",
      state.organisationId!,
      "--api-key-file",
      secretFile(lever.apiKey),
      "--signing-token-file",
      secretFile(lever.webhookSignatureToken),
      "--zenefits-company-id",
      zenefits.companyId,
      "--zenefits-secret-file",
      secretFile(zenefits.clientSecret()),
      "--contact",
      OWNER_EMAIL,
      "--offers",
      "zenefits",
      "--lever-base-url",
      `${lever.url}/v1`,
      "--zenefits-base-url",
      zenefits.url,
    ]);
    expect(result.code, result.all).toBe(0);
    const row = await testDb.db
      .selectFrom("connections")
      .selectAll()
      .where("organisation_id", "=", state.organisationId!)
      .where("connector_id", "=", "lever")
      .executeTakeFirstOrThrow();
    expect(result.stdout).toContain(`Connected Lever for Acme Robotics: ${row.id}`);
    expect(result.stdout).toContain(`webhook   ${API_PUBLIC_URL}/webhooks/lever/${row.id}`);
    expect(result.stdout).toMatch(/Lever {5}✓ verified/);
    expect(result.stdout).toMatch(/Zenefits {2}✓ verified/);
    expect(row.settings).toEqual({ enabled: true, contactUserId: state.ownerId, offersMode: "zenefits", exportTo: null });
    expect(decryptJson(row.credentials_encrypted, env.ENCRYPTION_KEY!, row.id)).toMatchObject({
      apiKey: lever.apiKey,
      webhookSigningToken: lever.webhookSignatureToken,
      baseUrl: `${lever.url}/v1`,
      zenefitsCompanyId: zenefits.companyId,
      zenefitsBaseUrl: zenefits.url,
    });
  });

  it("refuses what it cannot do with the documented codes, saying why, and changes nothing", async () => {
    // Tried: `connect zenefits` for an organisation id that does not exist (3); `org create` and `rotate`
    // with a password or token file path that does not exist (2); `rotate` of an unknown connection (3);
    // a second Zenefits connection for the organisation (1); `connect lever` with a wrong Zenefits client
    // secret (1). Must hold: those codes; the messages name the organisation, the flag and path, the
    // existing connection with the rotate command, the side that failed; no organisation, connection
    // or credential changed.
    const tokenFile = secretFile(zenefits.createToken());
    const unknownOrg = randomUUID();
    const organisationsBefore = await testDb.db.selectFrom("organisations").select("id").execute();
    const leverBefore = await testDb.db
      .selectFrom("connections")
      .select(["id", "credentials_encrypted", "updated_at"])
      .where("connector_id", "=", "lever")
      .executeTakeFirstOrThrow();
    const [noOrg, noPasswordFile, noTokenFile, noConnection, twice, badSecret] = await Promise.all([
      roster(["connect", "zenefits", "--org", unknownOrg, "--token-file", tokenFile, "--notify", NOTIFY_EMAIL]),
      roster(["org", "create", "Other", "--owner-email", "x@acme.test", "--owner-password-file", "/nonexistent/roster/password"]),
      roster(["rotate", state.connectionId ?? randomUUID(), "--token-file", "/nonexistent/roster/token"]),
      roster(["rotate", randomUUID(), "--token-file", tokenFile]),
      roster(["connect", "zenefits", "--org", state.organisationId!, "--token-file", tokenFile, "--notify", NOTIFY_EMAIL]),
      roster([
        "connect",
        "lever",
        "--org",
        state.organisationId!,
        "--api-key-file",
        secretFile(lever.apiKey),
        "--signing-token-file",
        secretFile(lever.webhookSignatureToken),
        "--zenefits-company-id",
        zenefits.companyId,
        "--zenefits-secret-file",
        secretFile("not-the-client-secret"),
        "--contact",
        OWNER_EMAIL,
        "--lever-base-url",
        `${lever.url}/v1`,
        "--zenefits-base-url",
        zenefits.url,
      ]),
    ]);
    expect([noOrg, noPasswordFile, noTokenFile, noConnection, twice, badSecret].map((r) => r.code)).toEqual([3, 2, 2, 3, 1, 1]);
    expect(noOrg.stderr).toContain(`No organisation ${unknownOrg}`);
    expect(noPasswordFile.stderr).toContain("--owner-password-file: /nonexistent/roster/password does not exist.");
    expect(noTokenFile.stderr).toContain("--token-file: /nonexistent/roster/token does not exist.");
    expect(noConnection.stderr).toContain("No connection");
    expect(twice.stderr).toContain(`Acme Robotics already has a Zenefits connection (${state.connectionId}).`);
    expect(twice.stderr).toContain(`roster rotate ${state.connectionId} --token-file <file>`);
    expect(badSecret.stderr).toContain("Verification failed, nothing was saved.");
    expect(badSecret.stderr).toMatch(/^ {2}Zenefits: /m);
    expect(badSecret.stderr).not.toMatch(/^ {2}Lever: /m);

    expect(await testDb.db.selectFrom("organisations").select("id").execute()).toEqual(organisationsBefore);
    const zenefitsConnections = await testDb.db
      .selectFrom("connections")
      .select("id")
      .where("connector_id", "=", "zenefits")
      .execute();
    expect(zenefitsConnections).toEqual([{ id: state.connectionId }]);
    const leverAfter = await testDb.db
      .selectFrom("connections")
      .select(["id", "credentials_encrypted", "updated_at"])
      .where("connector_id", "=", "lever")
      .executeTakeFirstOrThrow();
    expect(leverAfter).toEqual(leverBefore);
  });

  it("never shows a secret: not in any output, not in any command line the steps ran", () => {
    // Tried: every output and argv of the steps above. Must hold: no token, key, signing token, client
    // secret or password in either (they only ever travelled in files).
    expect(results.length).toBeGreaterThan(10);
    for (const value of secretValues) {
      for (const args of argvs) expect(args.join(" ")).not.toContain(value);
      for (const result of results) expect(result.all).not.toContain(value);
    }
  });
});
