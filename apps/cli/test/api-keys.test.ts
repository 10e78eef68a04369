import { createHash } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli } from "./helpers/cli";
import { createSyncFixture, type SyncFixture } from "./helpers/database";

let fx: SyncFixture;
beforeAll(async () => {
  fx = await createSyncFixture();
});
afterAll(async () => fx?.testDb.drop());

it("api-key create prints the key once, stores only its hash; list shows the prefix; revoke revokes", {
  timeout: 120_000,
}, async () => {
  // Tried: create with two scopes, then --json list, then revoke. Must hold: exit 0 each time; the
  // key is on stdout once, recognisable by its prefix; the database holds its SHA-256, not the key;
  // list never prints it; revoke marks it revoked.
  const created = await runCli(
    ["api-key", "create", "--org", fx.organisationId, "--name", "payroll sync", "--scopes", "directory:read,sensitive:read"],
    {
      env: fx.env,
    },
  );
  expect(created.code, created.all).toBe(0);
  const key = created.stdout.trim();
  expect(key).toMatch(/^rst_live_[A-Za-z0-9_-]{43}$/);
  expect(created.stderr).toMatch(/only time the key is shown/);
  const row = await fx.testDb.db.selectFrom("api_keys").selectAll().executeTakeFirstOrThrow();
  expect(row.key_hash).toBe(createHash("sha256").update(key).digest("hex"));
  expect(JSON.stringify(row)).not.toContain(key);
  expect(row.scopes).toEqual(["directory:read", "sensitive:read"]);

  const listed = await runCli(["api-key", "list", "--org", fx.organisationId, "--json"], { env: fx.env });
  expect(listed.code, listed.all).toBe(0);
  expect(listed.all).not.toContain(key);
  const { apiKeys } = JSON.parse(listed.stdout) as { apiKeys: { id: string; prefix: string; revokedAt: string | null }[] };
  expect(apiKeys).toHaveLength(1);
  expect(key.startsWith(apiKeys[0]!.prefix.replace("…", ""))).toBe(true);

  const revoked = await runCli(["api-key", "revoke", apiKeys[0]!.id, "--org", fx.organisationId], { env: fx.env });
  expect(revoked.code, revoked.all).toBe(0);
  const after = await fx.testDb.db.selectFrom("api_keys").select("revoked_at").executeTakeFirstOrThrow();
  expect(after.revoked_at).not.toBeNull();
  const audit = await fx.testDb.db.selectFrom("audit_log").select("action").orderBy("id").execute();
  expect(audit.map((a) => a.action)).toEqual(["api_key.created", "api_key.revoked"]);
});

it("refuses bad input with exit 2 and an unknown organisation or key with exit 3, creating nothing", {
  timeout: 120_000,
}, async () => {
  const badScope = await runCli(["api-key", "create", "--org", fx.organisationId, "--name", "x", "--scopes", "everything"], {
    env: fx.env,
  });
  expect(badScope.code).toBe(2);
  expect(badScope.stderr).toMatch(/--scopes/);
  const badOrg = await runCli(["api-key", "create", "--org", "not-an-id", "--name", "x"], { env: fx.env });
  expect(badOrg.code).toBe(2);
  const noOrg = await runCli(["api-key", "create", "--org", "00000000-0000-4000-8000-000000000000", "--name", "x"], {
    env: fx.env,
  });
  expect(noOrg.code).toBe(3);
  const noKey = await runCli(["api-key", "revoke", "00000000-0000-4000-8000-000000000000", "--org", fx.organisationId], {
    env: fx.env,
  });
  expect(noKey.code).toBe(3);
  const count = await fx.testDb.db
    .selectFrom("api_keys")
    .select((eb) => eb.fn.countAll<number>().as("n"))
    .executeTakeFirstOrThrow();
  expect(Number(count.n)).toBe(1);
});
