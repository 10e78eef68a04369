import { type Db, sql } from "@roster/db";
import { Gauge, type Registry } from "prom-client";

/**
 * Gauges of the whole deployment, read from PostgreSQL when scraped: every API and worker
 * process reports the same values, so dashboards aggregate them with max(), not sum().
 * A query that fails leaves the gauge empty for that scrape rather than failing /metrics.
 */
export function registerFleetGauges(registry: Registry, db: Db): void {
  const jobsByTask = async () => {
    const { rows } = await sql<{ task: string; ready: string; running: string; oldest_seconds: number | null }>`
      select task_identifier as task,
             count(*) filter (where locked_at is null and run_at <= now()) as ready,
             count(*) filter (where locked_at is not null) as running,
             extract(epoch from now() - min(run_at) filter (where locked_at is null and run_at <= now()))::float8 as oldest_seconds
      from graphile_worker.jobs
      where attempts < max_attempts or locked_at is not null
      group by task_identifier`.execute(db);
    return rows;
  };

  gauge(registry, {
    name: "roster_job_queue_depth",
    help: "Jobs due and waiting for a worker, by task",
    labelNames: ["task"],
    read: async () => (await jobsByTask()).map((r) => [{ task: r.task }, Number(r.ready)]),
  });
  gauge(registry, {
    name: "roster_job_queue_running",
    help: "Jobs locked by a worker right now, by task",
    labelNames: ["task"],
    read: async () => (await jobsByTask()).map((r) => [{ task: r.task }, Number(r.running)]),
  });
  gauge(registry, {
    name: "roster_job_queue_oldest_age_seconds",
    help: "How long the oldest due job has waited for a worker, by task",
    labelNames: ["task"],
    read: async () => (await jobsByTask()).map((r) => [{ task: r.task }, r.oldest_seconds ?? 0]),
  });
  gauge(registry, {
    name: "roster_email_outbox_depth",
    help: "Emails written to the outbox and not yet sent",
    labelNames: [],
    read: async () => {
      const row = await db
        .selectFrom("email_outbox")
        .select((eb) => eb.fn.countAll<string>().as("n"))
        .where("status", "=", "pending")
        .executeTakeFirstOrThrow();
      return [[{}, Number(row.n)]];
    },
  });
  gauge(registry, {
    name: "roster_connections",
    help: "Connections by state (active, failing, disabled)",
    labelNames: ["state"],
    read: async () => {
      const rows = await db
        .selectFrom("connections")
        .select(["status", (eb) => eb.fn.countAll<string>().as("n")])
        .groupBy("status")
        .execute();
      return withZeros(
        ["active", "failing", "disabled"],
        rows.map((r) => [r.status, Number(r.n)]),
        "state",
      );
    },
  });
  gauge(registry, {
    name: "roster_webhook_deliveries",
    help: "Change-webhook deliveries by outcome (pending, delivered, failed)",
    labelNames: ["outcome"],
    read: async () => {
      const rows = await db
        .selectFrom("event_deliveries")
        .select(["status", (eb) => eb.fn.countAll<string>().as("n")])
        .groupBy("status")
        .execute();
      return withZeros(
        ["pending", "delivered", "failed"],
        rows.map((r) => [r.status, Number(r.n)]),
        "outcome",
      );
    },
  });
}

type Sample = [Record<string, string>, number];

function withZeros(known: string[], found: [string, number][], label: string): Sample[] {
  const values = new Map<string, number>(known.map((k) => [k, 0]));
  for (const [key, n] of found) values.set(key, n);
  return [...values].map(([key, n]) => [{ [label]: key }, n]);
}

function gauge(
  registry: Registry,
  spec: { name: string; help: string; labelNames: string[]; read: () => Promise<Sample[]> },
): void {
  new Gauge({
    name: spec.name,
    help: spec.help,
    labelNames: spec.labelNames,
    registers: [registry],
    async collect() {
      this.reset();
      const samples = await spec.read().catch(() => [] as Sample[]);
      for (const [labels, value] of samples) this.set(labels, value);
    },
  });
}
