import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { decryptJson, decryptSecret, encryptJson, generateEncryptionKey } from "@roster/secrets";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { createEndpoint } from "@roster/webhooks";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startBuilt } from "./helpers/processes";

let database: TestDatabase;
let sim: ZenefitsSim;
let folder: string;
const oldKey = generateEncryptionKey();
const newKey = generateEncryptionKey();

beforeAll(async () => {
  database = await createTestDatabase();
  sim = await startZenefitsSim({ port: 0, people: 15, seed: 5 });
  folder = mkdtempSync(path.join(os.tmpdir(), "roster-rotate-"));
});
afterAll(async () => {
  rmSync(folder, { recursive: true, force: true });
  await sim?.close();
  await database?.drop();
});

async function roster(args: string[], key: string) {
  const p = startBuilt(args, { DATABASE_URL: database.url, ENCRYPTION_KEY: key, NO_COLOR: "1" });
  const { code } = await p.exited;
  return { code, output: p.output() };
}

/** The --json answer: the one JSON document the command prints. */
const jsonOf = (output: string) => JSON.parse(output.slice(output.indexOf("{"), output.lastIndexOf("}") + 1));

describe("roster rotate-encryption-key (built)", () => {
  it("re-encrypts every stored credential: all open with the new key, none with the old", async () => {
    // Tried: two connections and a webhook endpoint stored under the old key; the built command
    // run with the old key as ENCRYPTION_KEY and the new one in a file; then a sync with the new
    // key, and the command run again. Must hold: every value decrypts with the new key to what
    // was stored, none with the old; a sync works with the new key; a second run changes nothing.
    const org = await database.db
      .insertInto("organisations")
      .values({ name: "Rotating" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const credentials = [
      { accessToken: sim.createToken(), baseUrl: sim.url },
      { accessToken: sim.createToken(), baseUrl: sim.url },
    ];
    const connectionIds: string[] = [];
    for (const [i, value] of credentials.entries()) {
      const row = await database.db
        .insertInto("connections")
        .values({ organisation_id: org.id, connector_id: "zenefits", display_name: `Z${i}`, credentials_encrypted: "pending" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await database.db
        .updateTable("connections")
        .set({ credentials_encrypted: encryptJson(value, oldKey, row.id) })
        .where("id", "=", row.id)
        .execute();
      connectionIds.push(row.id);
    }
    const { endpoint, secret } = await createEndpoint(
      database.db,
      oldKey,
      { organisationId: org.id, userId: null },
      { url: "https://hooks.example/roster", events: ["employee.created"] },
    );

    const keyFile = path.join(folder, "new.key");
    writeFileSync(keyFile, `${newKey}\n`, { mode: 0o600 });
    const rotated = await roster(["rotate-encryption-key", "--new-key-file", keyFile, "--json"], oldKey);
    expect(rotated.code).toBe(0);
    expect(jsonOf(rotated.output)).toMatchObject({
      ok: true,
      reencrypted: { connections: 2, webhook_endpoints: 1 },
    });
    expect(rotated.output).not.toContain(newKey);
    expect(rotated.output).not.toContain(oldKey);

    const stored = await database.db
      .selectFrom("connections")
      .select(["id", "credentials_encrypted"])
      .where("organisation_id", "=", org.id)
      .execute();
    for (const [i, id] of connectionIds.entries()) {
      const envelope = stored.find((r) => r.id === id)?.credentials_encrypted ?? "";
      expect(decryptJson(envelope, newKey, id)).toEqual(credentials[i]);
      expect(() => decryptJson(envelope, oldKey, id)).toThrow(/cannot be decrypted/);
    }
    const endpointRow = await database.db
      .selectFrom("webhook_endpoints")
      .select("secret_encrypted")
      .where("id", "=", endpoint.id)
      .executeTakeFirstOrThrow();
    expect(decryptSecret(endpointRow.secret_encrypted, newKey, `webhook_endpoint:${endpoint.id}`)).toBe(secret);
    expect(() => decryptSecret(endpointRow.secret_encrypted, oldKey, `webhook_endpoint:${endpoint.id}`)).toThrow();

    // The product reads the credentials with the new key: a sync succeeds.
    const sync = await roster(["sync", connectionIds[0] ?? "", "--json"], newKey);
    expect(sync.code).toBe(0);
    const people = await database.db
      .selectFrom("employees")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("connection_id", "=", connectionIds[0] ?? "")
      .executeTakeFirstOrThrow();
    expect(Number(people.n)).toBe(sim.counts().people);

    // Run again (an operator retrying): everything is already under the new key; nothing changes.
    const again = await roster(["rotate-encryption-key", "--new-key-file", keyFile, "--json"], oldKey);
    expect(again.code).toBe(0);
    expect(jsonOf(again.output)).toMatchObject({
      reencrypted: { connections: 0, webhook_endpoints: 0 },
      alreadyRotated: { connections: 2, webhook_endpoints: 1 },
    });
    const after = await database.db
      .selectFrom("connections")
      .select(["id", "credentials_encrypted"])
      .where("organisation_id", "=", org.id)
      .execute();
    expect(after.map((r) => r.credentials_encrypted).sort()).toEqual(stored.map((r) => r.credentials_encrypted).sort());
  });

  it("changes nothing when a stored value opens with neither key", async () => {
    // Tried: a connection encrypted under a third key beside one under the old key. Must hold:
    // exit 1 naming the row, and the old-key row still opens with the old key (one transaction).
    await database.db.deleteFrom("webhook_endpoints").execute();
    await database.db.deleteFrom("connections").execute();
    const org = await database.db
      .insertInto("organisations")
      .values({ name: "Broken" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const ids: string[] = [];
    for (const key of [oldKey, generateEncryptionKey()]) {
      const row = await database.db
        .insertInto("connections")
        .values({ organisation_id: org.id, connector_id: "zenefits", display_name: "Z", credentials_encrypted: "pending" })
        .returning("id")
        .executeTakeFirstOrThrow();
      await database.db
        .updateTable("connections")
        .set({ credentials_encrypted: encryptJson({ accessToken: "t" }, key, row.id) })
        .where("id", "=", row.id)
        .execute();
      ids.push(row.id);
    }
    const otherNewKey = generateEncryptionKey();
    const keyFile = path.join(folder, "other.key");
    writeFileSync(keyFile, otherNewKey, { mode: 0o600 });
    const result = await roster(["rotate-encryption-key", "--new-key-file", keyFile], oldKey);
    expect(result.code).toBe(1);
    expect(result.output).toContain(ids[1]);
    const kept = await database.db
      .selectFrom("connections")
      .select("credentials_encrypted")
      .where("id", "=", ids[0] ?? "")
      .executeTakeFirstOrThrow();
    expect(decryptJson(kept.credentials_encrypted, oldKey, ids[0])).toEqual({ accessToken: "t" });
  });
});
