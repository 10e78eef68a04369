import type { AddressInfo } from "node:net";
import { loadConfig } from "@roster/config";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { createTRPCClient, httpBatchLink, type TRPCClient } from "@trpc/client";
import { type ApiDeps, type AppRouter, createApiServer } from "../../src/index";
import type { ApiServerOptions } from "../../src/server";
import { type CookieJarFetch, cookieJarFetch } from "./cookie-jar-fetch";

export interface TestApi {
  url: string;
  deps: ApiDeps;
  database: TestDatabase;
  /** A tRPC client with its own cookie jar: one per simulated browser. */
  client(): { trpc: TRPCClient<AppRouter>; jar: CookieJarFetch };
  /** Every response body the API sent to any client, in order (to search for leaked secrets). */
  responses: string[];
  close(): Promise<void>;
}

/** A real API over real HTTP on a fresh test database (one per test file). */
export async function startTestApi(
  env: Record<string, string> = {},
  options: Pick<ApiDeps, "connections"> & { server?: ApiServerOptions } = {},
): Promise<TestApi> {
  const database = await createTestDatabase();
  const config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: database.url,
    PUBLIC_URL: "http://localhost:5173",
    SIGNUP: "open",
    ...env,
  });
  const { server: serverOptions, ...depOptions } = options;
  const deps: ApiDeps = { db: database.db, config, log: createLogger("api-test", { level: "silent" }), ...depOptions };
  const responses: string[] = [];
  const server = createApiServer(deps, serverOptions);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    deps,
    database,
    responses,
    client() {
      const jar = cookieJarFetch();
      const recordingFetch: typeof fetch = async (input, init) => {
        const response = await jar.fetch(input, init);
        responses.push(await response.clone().text());
        return response;
      };
      const trpc = createTRPCClient<AppRouter>({ links: [httpBatchLink({ url: `${url}/trpc`, fetch: recordingFetch })] });
      return { trpc, jar };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.drop();
    },
  };
}
