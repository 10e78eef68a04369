import http from "node:http";
import type { AddressInfo } from "node:net";
import { zenefits } from "@roster/connector-zenefits";
import type { Db } from "@roster/db";
import { createSyncConnection, createTestDatabase, type SyncConnectionFixture, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { generateEncryptionKey } from "@roster/secrets";
import { startZenefitsSim, type ZenefitsSim } from "@roster/sim-zenefits";
import { runSync } from "@roster/sync";
import { type ApiScope, createApiKey, type PublicApiDeps, publicApiListener } from "../../src/index";

export const silent = createLogger("public-api-test", { level: "silent" });

export interface ApiServer {
  url: string;
  close(): Promise<void>;
}

/** The public API over real HTTP, as apps/api mounts it. */
export async function startApiServer(deps: PublicApiDeps): Promise<ApiServer> {
  const server = http.createServer(publicApiListener(deps));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** Runs a real sync of the connection against the Zenefits simulator. */
export async function syncFrom(db: Db, sim: ZenefitsSim, connection: SyncConnectionFixture) {
  const outcome = await runSync({
    db,
    connector: zenefits,
    credentials: { accessToken: sim.defaultToken, baseUrl: sim.url },
    connection,
    trigger: "manual",
    log: silent,
  });
  if (outcome.status !== "succeeded") throw new Error(`sync failed: ${outcome.errorMessage}`);
  return outcome;
}

export interface World {
  database: TestDatabase;
  sim: ZenefitsSim;
  /** Organisation A and B each synced the same simulated company: the same remote ids in both. */
  a: SyncConnectionFixture;
  b: SyncConnectionFixture;
  encryptionKey: string;
  api: ApiServer;
  deps: PublicApiDeps;
  keyFor(organisationId: string, scopes: ApiScope[]): Promise<string>;
  close(): Promise<void>;
}

/** Two organisations with a directory synced for real, and the API serving them. */
export async function startWorld(options: { people?: number; rateLimitPerMinute?: number } = {}): Promise<World> {
  const database = await createTestDatabase();
  const sim = await startZenefitsSim({ port: 0, people: options.people ?? 60, seed: 17 });
  const a = await createSyncConnection(database.db, { connectorId: "zenefits", displayName: "Zenefits A", organisation: "A" });
  const b = await createSyncConnection(database.db, { connectorId: "zenefits", displayName: "Zenefits B", organisation: "B" });
  await syncFrom(database.db, sim, a);
  await syncFrom(database.db, sim, b);
  const encryptionKey = generateEncryptionKey();
  const deps: PublicApiDeps = {
    db: database.db,
    log: silent,
    encryptionKey,
    rateLimitPerMinute: options.rateLimitPerMinute ?? 100_000,
  };
  const api = await startApiServer(deps);
  return {
    database,
    sim,
    a,
    b,
    encryptionKey,
    api,
    deps,
    async keyFor(organisationId, scopes) {
      return (await createApiKey(database.db, { organisationId, userId: null }, { name: `test ${scopes.join(" ")}`, scopes }))
        .key;
    },
    async close() {
      await api.close();
      await sim.close();
      await database.drop();
    },
  };
}

/** GET with a key; the parsed body (JSON or problem) and the response. */
export async function get(world: { api: ApiServer }, key: string | null, path: string) {
  const response = await fetch(`${world.api.url}${path}`, { headers: key ? { authorization: `Bearer ${key}` } : {} });
  const text = await response.text();
  return { response, status: response.status, body: text ? JSON.parse(text) : null };
}
