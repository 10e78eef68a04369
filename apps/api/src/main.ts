import "@roster/config/require-supported-node";
import { ConfigError, loadConfig, loadConnectorBaseUrls } from "@roster/config";
import { credentialDefaults as defaultCredentials } from "@roster/connections";
import { assertDatabaseReachable, createDb, DatabaseUnavailableError } from "@roster/db";
import { createLogger } from "@roster/logger";
import type { ApiDeps } from "./context";
import { apiPublicUrlFromEnv } from "./lever/public-url";
import { sandboxLeverUrl } from "./lever/sandbox-lever-url";
import { pointSandboxAtLatestLever } from "./lever/sandbox-startup";
import { seedDemo } from "./seed-demo";
import { createApiServer } from "./server";

// `pnpm start` in apps/api: the API on API_PORT against DATABASE_URL (migrated by whoever
// owns the database: `pnpm start` at the root, or `pnpm --filter @roster/db migrate`).
const log = createLogger("api");

async function main(): Promise<void> {
  const config = loadConfig();
  const baseUrls = loadConnectorBaseUrls();
  // Where providers reach this API's webhooks (the Lever webhook URL shown in Settings).
  const apiPublicUrl = apiPublicUrlFromEnv(process.env);
  if (!config.DATABASE_URL) {
    throw new ConfigError("DATABASE_URL is not set: the API needs a PostgreSQL URL (the root `pnpm start` provides one).");
  }
  await assertDatabaseReachable(config.DATABASE_URL);
  const db = createDb(config.DATABASE_URL, { applicationName: "roster-api" });

  if (config.SANDBOX) {
    const { created } = await seedDemo(db);
    log.info({ created }, "demo organisation ready (owner@demo.roster.dev)");
  }

  // New connections reach the provider here unless the form says otherwise: in sandbox mode
  // the local simulators, else the deployment's <CONNECTOR>_BASE_URLs (unset: the real APIs).
  const credentialDefaults = defaultCredentials({ sandbox: config.SANDBOX, env: process.env, baseUrls });
  if (credentialDefaults) log.info({ credentialDefaults }, "provider base URLs for new connections");
  const leverSandboxUrl = sandboxLeverUrl(config, process.env);
  const deps: ApiDeps = { db, config, log, connections: { credentialDefaults, leverSandboxUrl }, apiPublicUrl };
  const server = createApiServer(deps);
  await new Promise<void>((resolve) => server.listen(config.API_PORT, resolve));
  log.info({ port: config.API_PORT }, "API listening");
  // Sandbox: the Lever simulator forgets its webhook when it restarts; point it at the saved Lever connection again.
  if (leverSandboxUrl) void pointSandboxAtLatestLever(deps, leverSandboxUrl);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "API stopping");
    // Idle keep-alive sockets would hold close() open; active requests get a moment to finish.
    server.closeIdleConnections();
    const force = setTimeout(() => server.closeAllConnections(), 5_000);
    force.unref();
    server.close(() => {
      void db.destroy().finally(() => {
        log.info("API stopped");
        process.exit(0);
      });
    });
  };
  process.on("SIGTERM", () => stop("SIGTERM"));
  process.on("SIGINT", () => stop("SIGINT"));
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError || error instanceof DatabaseUnavailableError) log.fatal(error.message);
  else log.fatal({ err: error }, "API failed to start");
  process.exit(1);
});
