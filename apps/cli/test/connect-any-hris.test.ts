import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { decryptJson, generateEncryptionKey } from "@roster/secrets";
import { type BambooHrSim, startBambooHrSim } from "@roster/sim-bamboohr";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type CliResult, runCli } from "./helpers/cli";
import { type SecretFolder, secretFolder } from "./helpers/secret-files";

// `roster connect <connector>`, the command every HRIS without one of its own gets from its
// credential fields, with BambooHR against its simulator on a port of its own choosing; then
// `roster sync` of the connection it made, with nothing but the command.
let testDb: TestDatabase;
let sim: BambooHrSim;
let secrets: SecretFolder;
let env: Record<string, string | undefined>;
let organisationId: string;
const secretValues: string[] = [];
const results: CliResult[] = [];
const NOTIFY_EMAIL = "people-ops@acme.test";
const API_PUBLIC_URL = "https://roster.acme.test";

function secretFile(value: string): string {
  secretValues.push(value);
  return secrets.file(value);
}

async function roster(args: string[]): Promise<CliResult> {
  const result = await runCli(args, { env });
  results.push(result);
  return result;
}

const connectArgs = (apiKey: string, extra: string[] = []) => [
  "connect",
  "bamboohr",
  "--org",
  organisationId,
  "--field",
  `companyDomain=${sim.companyDomain}`,
  "--token-file",
  secretFile(apiKey),
  "--notify",
  NOTIFY_EMAIL,
  "--base-url",
  sim.url,
  ...extra,
];

beforeAll(async () => {
  testDb = await createTestDatabase();
  sim = await startBambooHrSim({ employees: 30, seed: 3 });
  secrets = secretFolder();
  env = {
    DATABASE_URL: testDb.url,
    ENCRYPTION_KEY: generateEncryptionKey(),
    API_PUBLIC_URL,
    SANDBOX: undefined,
    BAMBOOHR_BASE_URL: undefined,
  };
  organisationId = (
    await testDb.db.insertInto("organisations").values({ name: "Acme Robotics" }).returning("id").executeTakeFirstOrThrow()
  ).id;
});
afterAll(async () => {
  await sim?.close();
  await testDb?.drop();
  secrets?.remove();
});

const bambooConnections = () => testDb.db.selectFrom("connections").selectAll().where("connector_id", "=", "bamboohr").execute();

describe("roster connect bamboohr (any HRIS, from its credential fields)", () => {
  it("refuses a key BambooHR rejects (exit 1, the provider's reason) and stores nothing", async () => {
    // Tried: a key the simulator never issued. Must hold: exit 1, a message saying verification
    // failed, and no connection row.
    const result = await roster(connectArgs("0123456789abcdef0123456789abcdef01234567"));
    expect(result.code, result.all).toBe(1);
    expect(await bambooConnections()).toEqual([]);
  });

  it("connects: id, checklist and webhook URL printed; key and webhook key stored only encrypted", async () => {
    // Tried: the full-access key and a webhook private key, at the simulator's port. Must hold:
    // exit 0; every permission granted; the webhook URL for this connection under API_PUBLIC_URL;
    // the row decrypts to exactly the values given; neither secret in the row's ciphertext.
    const webhookKey = sim.createWebhook({ url: `${API_PUBLIC_URL}/webhooks/bamboohr/pending` }).privateKey;
    const result = await roster(connectArgs(sim.apiKey, ["--secret-file", `webhookPrivateKey=${secretFile(webhookKey)}`]));
    expect(result.code, result.all).toBe(0);
    const [row] = await bambooConnections();
    if (!row) throw new Error("no connection stored");
    expect(result.stdout).toContain(`Connected BambooHR for Acme Robotics: ${row.id}`);
    expect(result.stdout).toContain("7 of 7 granted");
    expect(result.stdout).toContain(`${API_PUBLIC_URL}/webhooks/bamboohr/${row.id}`);
    expect(row).toMatchObject({ organisation_id: organisationId, notification_email: NOTIFY_EMAIL });
    expect(row.credentials_encrypted).not.toContain(sim.apiKey);
    expect(decryptJson(row.credentials_encrypted, env.ENCRYPTION_KEY!, row.id)).toEqual({
      companyDomain: sim.companyDomain,
      apiKey: sim.apiKey,
      webhookPrivateKey: webhookKey,
      baseUrl: sim.url,
    });
  });

  it("syncs the connection it made: every employee of the simulator, terminated ones included", async () => {
    // Tried: `sync <id> --json`. Must hold: exit 0, a succeeded run; the stored employees are the
    // simulator's, by remote id.
    const [row] = await bambooConnections();
    const result = await roster(["sync", row!.id, "--json"]);
    expect(result.code, result.all).toBe(0);
    const stored = await testDb.db
      .selectFrom("employees")
      .select("remote_id")
      .where("connection_id", "=", row!.id)
      .where("remote_deleted_at", "is", null)
      .execute();
    expect(stored.map((r) => r.remote_id).sort()).toEqual(
      sim
        .truth()
        .employees.map((e) => e.id)
        .sort(),
    );
  });

  it("refuses a second BambooHR connection (exit 1) naming the one there is and how to rotate its key", async () => {
    // Tried: connect again for the same organisation. Must hold: exit 1; the message names the
    // existing connection and `roster rotate`; still one connection.
    const [row] = await bambooConnections();
    const result = await roster(connectArgs(sim.apiKey));
    expect(result.code, result.all).toBe(1);
    expect(result.all).toContain(row!.id);
    expect(result.all).toContain(`roster rotate ${row!.id} --token-file`);
    expect(await bambooConnections()).toHaveLength(1);
  });

  it("refuses a secret given on the command line, and an ATS (exit 2), storing nothing", async () => {
    // Tried: the API key as --field (argv is visible to ps and shell history), and \`roster connect
    // hris lever\`. Must hold: exit 2 for both, the first naming the flag to use instead; still one
    // BambooHR connection and no Lever one.
    const key = "0123456789abcdef0123456789abcdef01234567";
    secretValues.push(key);
    const onArgv = await roster([...connectArgs(sim.apiKey), "--field", `apiKey=${key}`]);
    expect(onArgv.code, onArgv.all).toBe(2);
    expect(onArgv.all).toContain("--token-file");
    const ats = await roster(["connect", "hris", "lever", "--org", organisationId, "--notify", NOTIFY_EMAIL]);
    expect(ats.code, ats.all).toBe(2);
    expect(ats.all).toContain("not an HRIS");
    expect(await bambooConnections()).toHaveLength(1);
    expect(await testDb.db.selectFrom("connections").select("id").where("connector_id", "=", "lever").execute()).toEqual([]);
  });

  it("never shows a secret in any output", () => {
    // Tried: every output of the steps above. Must hold: no API key or webhook key in any of them.
    expect(results.length).toBeGreaterThan(0);
    for (const result of results) for (const value of secretValues) expect(result.all).not.toContain(value);
  });
});
