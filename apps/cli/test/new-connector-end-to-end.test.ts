import { randomBytes } from "node:crypto";
import { mkdirSync, rmSync } from "node:fs";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { createApiServer } from "@roster/api";
import { loadConfig } from "@roster/config";
import type { Connector } from "@roster/core";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { connectors } from "@roster/registry";
import { generateEncryptionKey } from "@roster/secrets";
import { runConnectionSync } from "@roster/sync";
import { connectorBoundaryViolations } from "@roster/testkit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot, runCli } from "./helpers/cli";
import { linkWorkspaceDependencies } from "./helpers/link-workspace";

// A connector fresh from `roster new-connector`, plus what its registry line does (the installed
// list with it appended) and nothing else: the dashboard's API lists it, connects it to its own
// simulator over HTTP, and the sync engine syncs it. Generated under apps/cli (see
// new-connector.test.ts for why not connectors/).
const parent = path.join(repoRoot, "apps/cli", `.scaffold-e2e-${randomBytes(4).toString("hex")}`);
const id = "acme3";
const dir = path.join(parent, id);
const encryptionKey = generateEncryptionKey();

interface GeneratedSimulator {
  url: string;
  people: { id: string }[];
  createToken(scopes?: readonly string[]): string;
  close(): Promise<void>;
}

let database: TestDatabase;
let server: ReturnType<typeof createApiServer>;
let apiUrl: string;
let sim: GeneratedSimulator;
let installed: readonly Connector[];

beforeAll(async () => {
  mkdirSync(parent, { recursive: true });
  const scaffold = await runCli(["new-connector", id, "--dir", parent]);
  if (scaffold.code !== 0) throw new Error(scaffold.all);
  linkWorkspaceDependencies(repoRoot, dir);
  const generated = (await import(pathToFileURL(path.join(dir, "src/index.ts")).href)) as Record<string, Connector>;
  const simulator = (await import(pathToFileURL(path.join(dir, "test/simulator.ts")).href)) as {
    startSimulator(options: { people: number }): Promise<GeneratedSimulator>;
  };
  // The registry line: `export const connectors = [..., acme3]`.
  installed = [...connectors, generated[id] as Connector];
  sim = await simulator.startSimulator({ people: 45 });

  database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: database.url,
    PUBLIC_URL: "http://localhost:5173",
    ENCRYPTION_KEY: encryptionKey,
    // The test signs its owner up; the sign-up policy has its own test.
    SIGNUP: "open",
  });
  server = createApiServer({
    db: database.db,
    config,
    log: createLogger("api-test", { level: "silent" }),
    connections: { connectors: installed, verify: { retry: { maxAttempts: 1 } } },
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  apiUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await sim?.close();
  await database?.drop();
  rmSync(parent, { recursive: true, force: true });
});

/** One tRPC call as the dashboard makes it (no batching, no transformer), with the session cookie. */
async function trpc(procedure: string, kind: "query" | "mutation", input: unknown, cookie = "") {
  const url = `${apiUrl}/trpc/${procedure}`;
  const response =
    kind === "query"
      ? await fetch(`${url}?input=${encodeURIComponent(JSON.stringify(input ?? null))}`, { headers: { cookie } })
      : await fetch(url, {
          method: "POST",
          headers: { "content-type": "application/json", cookie },
          body: JSON.stringify(input),
        });
  const body = (await response.json()) as { result?: { data: unknown }; error?: unknown };
  if (!response.ok) throw new Error(`${procedure}: ${response.status} ${JSON.stringify(body.error)}`);
  return { data: body.result?.data, setCookie: response.headers.getSetCookie() };
}

describe("a scaffolded connector, registered", () => {
  it("keeps to its folder, shows in connectors.list, connects to its simulator and syncs", async () => {
    // Tried: the generated folder's imports; then an owner signs up, lists the connectors,
    // connects the new one with a token from its simulator, and the connection is synced.
    // Must hold: no import leaves the folder; the list describes it from its manifest; the
    // connection is stored; the sync succeeds and stores exactly the simulator's people.
    expect(connectorBoundaryViolations(dir)).toEqual([]);

    const signUp = await trpc("auth.signUp", "mutation", {
      name: "Olive Owner",
      email: `owner-${randomBytes(3).toString("hex")}@example.test`,
      password: "a long enough passphrase",
      organisationName: "Scaffold Co",
    });
    const cookie = signUp.setCookie.map((c) => c.split(";")[0]).join("; ");
    expect(cookie).not.toBe("");

    const list = (await trpc("connectors.list", "query", undefined, cookie)).data as { id: string; kind: string }[];
    expect(list.map((c) => c.id)).toEqual([...connectors.map((c) => c.manifest.id), id]);
    expect(list.find((c) => c.id === id)).toMatchObject({ kind: "hris" });

    const connected = await trpc(
      "connections.connect",
      "mutation",
      { connectorId: id, credentials: { token: sim.createToken(), baseUrl: sim.url }, notificationEmail: "hr@example.test" },
      cookie,
    );
    const connectionId = (connected.data as { id: string }).id;
    const row = await database.db
      .selectFrom("connections")
      .select("connector_id")
      .where("id", "=", connectionId)
      .executeTakeFirst();
    expect(row?.connector_id).toBe(id);

    const outcome = await runConnectionSync({
      db: database.db,
      connectionId,
      trigger: "manual",
      connectors: installed,
      encryptionKey,
      retry: { maxAttempts: 1 },
      log: createLogger("sync", { level: "silent" }),
    });
    expect(outcome.status, outcome.errorMessage).toBe("succeeded");
    const stored = await database.db
      .selectFrom("employees")
      .select("remote_id")
      .where("connection_id", "=", connectionId)
      .where("remote_deleted_at", "is", null)
      .execute();
    expect(stored.map((r) => r.remote_id).sort()).toEqual(sim.people.map((p) => p.id).sort());
  });
});
