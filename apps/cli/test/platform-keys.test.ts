import { createHash } from "node:crypto";
import { afterAll, beforeAll, expect, it } from "vitest";
import { runCli } from "./helpers/cli";
import { createSyncFixture, type SyncFixture } from "./helpers/database";

let fx: SyncFixture;
beforeAll(async () => {
  fx = await createSyncFixture();
});
afterAll(async () => fx?.testDb.drop());

it("platform-key create prints the key once with its own prefix, stores only its hash; list hides it; revoke revokes", {
  timeout: 120_000,
}, async () => {
  // Tried: create without --scopes, --json list, revoke, revoke of an unknown id. Must hold: the key is
  // rst_platform_…, printed once; the table holds its SHA-256 only and every scope; list never prints
  // the key; revoke marks it revoked; an unknown id exits 3.
  const created = await runCli(["platform-key", "create", "--name", "feedback platform"], { env: fx.env });
  expect(created.code, created.all).toBe(0);
  const key = created.stdout.trim();
  expect(key).toMatch(/^rst_platform_[A-Za-z0-9_-]{43}$/);
  expect(created.stderr).toMatch(/only time the key is shown/);
  const row = await fx.testDb.db.selectFrom("platform_api_keys").selectAll().executeTakeFirstOrThrow();
  expect(row.key_hash).toBe(createHash("sha256").update(key).digest("hex"));
  expect(JSON.stringify(row)).not.toContain(key);
  expect(row.scopes).toEqual(["connections:manage", "connections:read", "directory:read", "sensitive:read", "webhooks:manage"]);

  const listed = await runCli(["platform-key", "list", "--json"], { env: fx.env });
  expect(listed.code, listed.all).toBe(0);
  expect(listed.all).not.toContain(key);
  const { platformKeys } = JSON.parse(listed.stdout) as { platformKeys: { id: string; prefix: string }[] };
  expect(platformKeys).toHaveLength(1);
  expect(key.startsWith(platformKeys[0]!.prefix.replace("…", ""))).toBe(true);

  const revoked = await runCli(["platform-key", "revoke", platformKeys[0]!.id], { env: fx.env });
  expect(revoked.code, revoked.all).toBe(0);
  const after = await fx.testDb.db.selectFrom("platform_api_keys").select("revoked_at").executeTakeFirstOrThrow();
  expect(after.revoked_at).not.toBeNull();

  const unknown = await runCli(["platform-key", "revoke", "00000000-0000-4000-8000-000000000000"], { env: fx.env });
  expect(unknown.code).toBe(3);
});
