import type http from "node:http";
import { assertProductionEnvironment, ConfigError, loadConfig, loadConnectorBaseUrls, signupPolicy } from "@roster/config";
import { credentialDefaults as defaultCredentials } from "@roster/connections";
import { assertDatabaseReachable, createDb } from "@roster/db";
import { createLogger } from "@roster/logger";
import { createMetricsRegistry, registerFleetGauges } from "@roster/metrics";
import { connectors as installedConnectors } from "@roster/registry";
import type { ApiDeps } from "./context";
import { dashboardHandler, findDashboard } from "./dashboard";
import { apiPublicUrlFromEnv } from "./lever/public-url";
import { sandboxLeverUrl } from "./lever/sandbox-lever-url";
import { pointSandboxAtLatestLever } from "./lever/sandbox-startup";
import { seedDemo } from "./seed-demo";
import { createApiServer } from "./server";
import {
  pointSandboxSimulatorsAtLatest,
  sandboxConnectHintsFromEnv,
  sandboxWebhookSimulators,
} from "./webhooks/sandbox-record-webhook";

export interface ServeApiOptions {
  /**
   * `roster serve api`: outside sandbox every production variable must be set, demo data is
   * never seeded, and the built dashboard is served on the API's origin.
   * Off: the `pnpm start` sandbox (demo data seeded, the Vite dev server serves the dashboard).
   */
  production: boolean;
  /** The built entry point's import.meta.url, from which the built dashboard is found. */
  entryUrl?: string;
}

/** The API process: listens on API_PORT until SIGTERM/SIGINT, then finishes in-flight requests and exits 0. */
export async function serveApi(options: ServeApiOptions): Promise<void> {
  const config = loadConfig();
  const log = createLogger("api", { level: config.LOG_LEVEL });
  if (options.production && !config.SANDBOX) assertProductionEnvironment();
  const baseUrls = loadConnectorBaseUrls();
  // Where providers reach this API's webhooks (the Lever webhook URL shown in Settings).
  const apiPublicUrl = apiPublicUrlFromEnv(process.env);
  if (!config.DATABASE_URL) {
    throw new ConfigError("DATABASE_URL is not set: the API needs a PostgreSQL URL (the root `pnpm start` provides one).");
  }
  await assertDatabaseReachable(config.DATABASE_URL);
  const db = createDb(config.DATABASE_URL, { applicationName: "roster-api" });

  if (config.SANDBOX && !options.production) {
    const { created } = await seedDemo(db);
    log.info({ created }, "demo organisation ready (owner@demo.roster.dev)");
  }

  // New connections reach the provider here unless the form says otherwise: in sandbox mode
  // the local simulators, else the deployment's <CONNECTOR>_BASE_URLs (unset: the real APIs).
  const credentialDefaults = defaultCredentials({ sandbox: config.SANDBOX, env: process.env, baseUrls });
  if (credentialDefaults) log.info({ credentialDefaults }, "provider base URLs for new connections");
  const leverSandboxUrl = sandboxLeverUrl(config, process.env);
  const deps: ApiDeps = {
    db,
    config,
    log,
    connections: {
      credentialDefaults,
      leverSandboxUrl,
      sandboxWebhookSimulators: sandboxWebhookSimulators(config.SANDBOX, process.env, installedConnectors),
      sandboxConnectHints: sandboxConnectHintsFromEnv(config.SANDBOX, process.env),
    },
    apiPublicUrl,
  };

  const metrics = createMetricsRegistry("api");
  registerFleetGauges(metrics, db);
  const dashboardDir = options.production ? findDashboard(config.DASHBOARD_DIR, options.entryUrl ?? import.meta.url) : null;
  if (options.production && !dashboardDir)
    log.warn("no built dashboard found (pnpm build, or DASHBOARD_DIR): serving the API only");
  const server = createApiServer(deps, { metrics, dashboard: dashboardDir ? dashboardHandler(dashboardDir) : undefined });
  await new Promise<void>((resolve) => server.listen(config.API_PORT, resolve));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : config.API_PORT;
  log.info({ port, signup: signupPolicy(config), dashboard: dashboardDir !== null }, "API listening");
  // Sandbox: the Lever simulator forgets its webhook when it restarts; point it at the saved Lever connection again.
  if (leverSandboxUrl) void pointSandboxAtLatestLever(deps, leverSandboxUrl);
  void pointSandboxSimulatorsAtLatest(deps, installedConnectors);

  let stopping = false;
  // While draining, every response still to be written closes its connection: a keep-alive
  // client then sends its next request elsewhere, not down a socket about to be closed.
  const unanswered = new Set<http.ServerResponse>();
  const closeAfterAnswer = (res: http.ServerResponse) => {
    if (!res.headersSent) res.setHeader("connection", "close");
  };
  server.prependListener("request", (_req, res) => {
    if (stopping) return closeAfterAnswer(res);
    unanswered.add(res);
    res.once("close", () => unanswered.delete(res));
  });
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, "API stopping");
    for (const res of unanswered) closeAfterAnswer(res);
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
