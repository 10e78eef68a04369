import { createMetricsRegistry, registerFleetGauges } from "@roster/metrics";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { routeLabel } from "../src/metrics/route-label";
import { startTestApi, type TestApi } from "./helpers/test-api";

let api: TestApi;
beforeAll(async () => {
  const metrics = createMetricsRegistry("api");
  api = await startTestApi({}, { server: { metrics } });
  registerFleetGauges(metrics, api.deps.db);
});
afterAll(() => api?.close());

async function scrape(): Promise<string> {
  const res = await fetch(`${api.url}/metrics`);
  expect(res.status).toBe(200);
  expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
  return res.text();
}

/** The value of one series in Prometheus text format, or undefined when absent. */
function sample(text: string, name: string, labels: Record<string, string>): number | undefined {
  for (const line of text.split("\n")) {
    if (!line.startsWith(`${name}{`)) continue;
    const inside = line.slice(name.length + 1, line.lastIndexOf("}"));
    if (Object.entries(labels).every(([k, v]) => inside.includes(`${k}="${v}"`)))
      return Number(line.slice(line.lastIndexOf(" ") + 1));
  }
  return undefined;
}

// Requests of several kinds were made; /metrics must count each under its route pattern and status.
describe("GET /metrics on the API", () => {
  it("counts requests by route pattern and status, with a latency histogram", async () => {
    const before = await scrape();
    const readyBefore = sample(before, "roster_http_requests_total", { route: "/readyz", status: "200" }) ?? 0;
    await (await fetch(`${api.url}/readyz`)).arrayBuffer();
    await (await fetch(`${api.url}/readyz`)).arrayBuffer();
    await (await fetch(`${api.url}/trpc/auth.me`)).arrayBuffer();
    await (await fetch(`${api.url}/trpc/no.such.procedure`)).arrayBuffer();
    await (await fetch(`${api.url}/api/v1/employees/00000000-0000-0000-0000-000000000000`)).arrayBuffer();

    const text = await scrape();
    expect(sample(text, "roster_http_requests_total", { route: "/readyz", status: "200" })).toBe(readyBefore + 2);
    expect(sample(text, "roster_http_requests_total", { route: "/trpc/auth.me", status: "401" })).toBe(1);
    expect(sample(text, "roster_http_requests_total", { route: "/trpc/(unknown)", status: "404" })).toBe(1);
    expect(sample(text, "roster_http_requests_total", { route: "/api/v1/employees/:id", status: "401" })).toBe(1);
    expect(sample(text, "roster_http_request_duration_seconds_count", { route: "/readyz", status: "200" })).toBe(readyBefore + 2);
    // No raw path (an id) ever becomes a label.
    expect(text).not.toContain("00000000-0000-0000-0000-000000000000");
  });

  it("reports connections by state from the database, moving when a connection changes state", async () => {
    const failingBefore = sample(await scrape(), "roster_connections", { state: "failing" });
    expect(failingBefore).toBe(0);
    const org = await api.deps.db
      .insertInto("organisations")
      .values({ name: "Gauge Org" })
      .returning("id")
      .executeTakeFirstOrThrow();
    await api.deps.db
      .insertInto("connections")
      .values({
        organisation_id: org.id,
        connector_id: "zenefits",
        display_name: "Z",
        credentials_encrypted: "x",
        status: "failing",
      })
      .execute();
    const text = await scrape();
    expect(sample(text, "roster_connections", { state: "failing" })).toBe(1);
    expect(sample(text, "roster_email_outbox_depth", {})).toBeGreaterThanOrEqual(0);
    expect(sample(text, "roster_webhook_deliveries", { outcome: "pending" })).toBe(0);
  });
});

// /readyz answers for this process: database reachable and every migration applied.
describe("GET /readyz and /livez", () => {
  it("is ready on a migrated database; /livez answers without the database", async () => {
    const ready = await fetch(`${api.url}/readyz`);
    expect({ status: ready.status, body: await ready.json() }).toEqual({
      status: 200,
      body: { ok: true, database: "ok", migrations: "current" },
    });
    const live = await fetch(`${api.url}/livez`);
    expect(live.status).toBe(200);
  });
});

// Route labels are bounded: only names Roster knows become labels.
describe("routeLabel", () => {
  it("maps paths to patterns and unknown names to fixed buckets", () => {
    expect(routeLabel("/trpc/connections.list")).toBe("/trpc/connections.list");
    expect(routeLabel("/trpc/auth.me,connections.list")).toBe("/trpc/(batch)");
    expect(routeLabel("/trpc/evil-name-123")).toBe("/trpc/(unknown)");
    expect(routeLabel("/api/v1/employees")).toBe("/api/v1/employees");
    expect(routeLabel("/api/v1/made-up/1")).toBe("/api/(other)");
    expect(routeLabel("/webhooks/lever/abc")).toBe("/webhooks/lever");
    // Every installed connector with webhooks is a label of its own, not only Lever.
    expect(routeLabel("/webhooks/bamboohr/abc")).toBe("/webhooks/bamboohr");
    expect(routeLabel("/webhooks/nobody/abc")).toBe("/webhooks/(unknown)");
    expect(routeLabel("/settings/integrations")).toBe("(dashboard)");
  });
});
