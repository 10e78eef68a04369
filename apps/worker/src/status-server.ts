import http from "node:http";
import { type Db, migrationsAreCurrent, sql } from "@roster/db";
import { type Registry, serveMetrics } from "@roster/metrics";

export interface StatusServer {
  port: number;
  close(): Promise<void>;
}

/**
 * The worker's small HTTP port, for probes and Prometheus:
 *   GET /healthz  liveness: the process answers (no database call); /livez is the same
 *   GET /readyz   the job runner is taking jobs (not stopping), the database is reachable and migrations current
 *   GET /metrics  this process's metrics and the fleet gauges
 */
export async function startStatusServer(input: {
  port: number;
  db: Db;
  metrics: Registry;
  running: () => boolean;
}): Promise<StatusServer> {
  const server = http.createServer((req, res) => {
    const pathname = new URL(req.url ?? "/", "http://localhost").pathname;
    if (pathname === "/healthz" || pathname === "/livez") return json(res, 200, { ok: true });
    if (pathname === "/readyz") {
      void readiness(input.db, input.running()).then((report) => json(res, report.ok ? 200 : 503, report));
      return;
    }
    if (pathname === "/metrics") return serveMetrics(input.metrics, res);
    json(res, 404, { error: `Nothing at ${pathname}` });
  });
  await new Promise<void>((resolve) => server.listen(input.port, resolve));
  const address = server.address();
  return {
    port: typeof address === "object" && address ? address.port : input.port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function readiness(
  db: Db,
  running: boolean,
): Promise<{ ok: boolean; runner: "running" | "stopping"; database: string; migrations: string }> {
  const runner = running ? "running" : "stopping";
  try {
    await sql`select 1`.execute(db);
  } catch {
    return { ok: false, runner, database: "unreachable", migrations: "unknown" };
  }
  const current = await migrationsAreCurrent(db).catch(() => false);
  return { ok: current && running, runner, database: "ok", migrations: current ? "current" : "pending" };
}

function json(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" });
  res.end(JSON.stringify(body));
}
