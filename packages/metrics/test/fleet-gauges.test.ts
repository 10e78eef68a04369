import { sql } from "@roster/db";
import { createTestDatabase, type TestDatabase } from "@roster/db/testing";
import { enqueueEmail } from "@roster/email";
import { runMigrations } from "graphile-worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createMetricsRegistry, createSyncMetrics, type Registry, registerFleetGauges } from "../src/index";

let database: TestDatabase;
let registry: Registry;
beforeAll(async () => {
  database = await createTestDatabase();
  await runMigrations({ connectionString: database.url });
  registry = createMetricsRegistry("worker");
  registerFleetGauges(registry, database.db);
});
afterAll(() => database?.drop());

async function value(name: string, labels: Record<string, string> = {}): Promise<number | undefined> {
  const metric = await registry.getSingleMetric(name)?.get();
  const found = metric?.values.find((v) => Object.entries(labels).every(([k, want]) => String(v.labels[k]) === want));
  return found?.value;
}

// Two emails are written to the outbox (each queues a send_email job) with no worker running:
// the outbox depth and the send_email queue depth must read 2, and the oldest job's age must be
// measured; once the rows are sent and the jobs gone, both drop back.
describe("fleet gauges read from PostgreSQL", () => {
  it("report the job queue by task and the email outbox, and follow the database", async () => {
    expect(await value("roster_email_outbox_depth")).toBe(0);
    expect(await value("roster_job_queue_depth", { task: "send_email" })).toBeUndefined();

    for (const to of ["a@example.test", "b@example.test"]) {
      await enqueueEmail(database.db, {
        organisationId: null,
        kind: "invite",
        to: [to],
        subject: "Hi",
        text: "Hi",
        html: "<p>Hi</p>",
      });
    }
    expect(await value("roster_email_outbox_depth")).toBe(2);
    expect(await value("roster_job_queue_depth", { task: "send_email" })).toBe(2);
    expect(await value("roster_job_queue_running", { task: "send_email" })).toBe(0);
    expect(await value("roster_job_queue_oldest_age_seconds", { task: "send_email" })).toBeGreaterThanOrEqual(0);

    await database.db.updateTable("email_outbox").set({ status: "sent", sent_at: new Date() }).execute();
    // What a worker does when the jobs complete.
    await sql`delete from graphile_worker._private_jobs`.execute(database.db);
    expect(await value("roster_email_outbox_depth")).toBe(0);
    expect(await value("roster_job_queue_depth", { task: "send_email" })).toBeUndefined();
  });

  it("lists every connection state and delivery outcome, zero when none", async () => {
    expect(await value("roster_connections", { state: "disabled" })).toBe(0);
    expect(await value("roster_webhook_deliveries", { outcome: "failed" })).toBe(0);
  });
});

// A sync observed once: each of its series exists and moved by what was observed.
describe("sync metrics", () => {
  it("count syncs by connector and outcome, records written and duration", async () => {
    const own = createMetricsRegistry("worker");
    const syncs = createSyncMetrics(own);
    syncs.observe({ connector: "zenefits", outcome: "succeeded", seconds: 2.5, recordsWritten: 40 });
    syncs.observe({ connector: "zenefits", outcome: "failed", seconds: 0.5, recordsWritten: 0 });
    const text = await own.metrics();
    expect(text).toContain('roster_syncs_total{connector="zenefits",outcome="succeeded",service="worker"} 1');
    expect(text).toContain('roster_syncs_total{connector="zenefits",outcome="failed",service="worker"} 1');
    expect(text).toContain('roster_sync_records_written_total{connector="zenefits",service="worker"} 40');
    expect(text).toContain('roster_sync_duration_seconds_sum{service="worker",connector="zenefits",outcome="succeeded"} 2.5');
  });
});
