import { randomUUID } from "node:crypto";
import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@roster/api";
import { encryptJson } from "@roster/secrets";
import type { Locator, Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { screenshot, signIn, stackForFile } from "./harness/index";

/**
 * The head-count and syncs-per-day charts on the dashboard and a connection's page, drawn by
 * Recharts from series the server computes in SQL. The history is arranged in the database
 * (people, change log, runs on earlier days); each chart's points are then read back from the
 * rendered SVG and its tooltips.
 */
const stack = stackForFile();
const owner = DEMO_USERS.find((u) => u.role === "owner")!;
const member = DEMO_USERS.find((u) => u.role === "member")!;
const DAY = 86_400_000;
const daysAgo = (n: number, hours = 0) => new Date(Date.now() - n * DAY - hours * 3_600_000);

let zenefitsId: string;

async function insertConnection(organisationId: string, connectorId: string, name: string): Promise<string> {
  const id = randomUUID();
  await stack()
    .db.insertInto("connections")
    .values({
      id,
      organisation_id: organisationId,
      connector_id: connectorId,
      display_name: name,
      credentials_encrypted: encryptJson({ accessToken: "unused" }, stack().deps.config.ENCRYPTION_KEY!, id),
      credentials_hint: "••••used",
      notification_email: null,
      status: "active",
      last_sync_at: new Date(),
      last_success_at: new Date(),
      account: JSON.stringify({ id: "1", name }),
      created_at: daysAgo(12),
    })
    .execute();
  return id;
}

/**
 * Twelve people loaded 10 days ago (the first load, not logged person by person), three
 * created 5 days ago, two of the first removed 3 days ago: 12 → 15 → 13.
 */
async function arrangePeople(organisationId: string, connectionId: string) {
  const person = (n: number, createdAt: Date, deletedAt: Date | null = null) => ({
    organisation_id: organisationId,
    connection_id: connectionId,
    remote_id: `p${n}`,
    remote_data: "{}",
    display_name: `Person ${n}`,
    status: "active" as const,
    created_at: createdAt,
    remote_deleted_at: deletedAt,
  });
  const firstLoad = Array.from({ length: 12 }, (_, i) => person(i, daysAgo(10), i < 2 ? daysAgo(3) : null));
  const hired = [12, 13, 14].map((n) => person(n, daysAgo(5)));
  await stack()
    .db.insertInto("employees")
    .values([...firstLoad, ...hired])
    .execute();
  const log = (remoteId: string, change: "created" | "deleted", at: Date) => ({
    connection_id: connectionId,
    entity: "employees",
    remote_id: remoteId,
    change,
    created_at: at,
  });
  await stack()
    .db.insertInto("change_log")
    .values([
      ...hired.map((p) => log(p.remote_id, "created", daysAgo(5))),
      log("p0", "deleted", daysAgo(3)),
      log("p1", "deleted", daysAgo(3)),
      // A changed person does not change the count.
      { ...log("p5", "created", daysAgo(2)), change: "updated" as const, fields: JSON.stringify(["jobTitle"]) },
    ])
    .execute();
}

/** Today: two syncs that succeeded (30 s and 90 s) and one that failed (60 s); two days ago, one failure. */
async function arrangeRuns(organisationId: string, connectionId: string) {
  const run = (status: "succeeded" | "failed", startedAt: Date, seconds: number) => ({
    organisation_id: organisationId,
    connection_id: connectionId,
    trigger: "schedule",
    status,
    started_at: startedAt,
    finished_at: new Date(startedAt.getTime() + seconds * 1000),
  });
  // A few minutes back, but today even just after midnight (the machine's time zone, the
  // browser's too), so today's three runs and Lever's fall on the same day.
  const midnight = new Date();
  midnight.setHours(0, 0, 0, 0);
  const now = new Date(Math.max(Date.now() - 5 * 60_000, midnight.getTime() + 3 * 60_000));
  await stack()
    .db.insertInto("sync_runs")
    .values([
      run("succeeded", now, 30),
      run("succeeded", new Date(now.getTime() - 60_000), 90),
      run("failed", new Date(now.getTime() - 120_000), 60),
      run("failed", daysAgo(2), 20),
    ])
    .execute();
}

/** The tooltip a chart shows while the pointer rests on one of its marks. */
async function tooltipAt(page: Page, chart: Locator, mark: Locator): Promise<string> {
  await mark.hover({ force: true });
  const tooltip = chart.locator(".recharts-tooltip-wrapper");
  await expect.poll(async () => (await tooltip.textContent()) ?? "").not.toBe("");
  const text = (await tooltip.textContent()) ?? "";
  await page.mouse.move(0, 0);
  return text;
}

/** Bars of one series actually drawn (a day with none draws no rectangle). */
const barsOf = (chart: Locator, series: string) => chart.locator(`.${series} path.recharts-rectangle`);

beforeAll(async () => {
  await seedDemo(stack().db);
  const org = await stack().db.selectFrom("organisations").select("id").executeTakeFirstOrThrow();
  zenefitsId = await insertConnection(org.id, "zenefits", "Zenefits — Demo Co");
  const leverId = await insertConnection(org.id, "lever", "Lever — Demo Co");
  await arrangePeople(org.id, zenefitsId);
  await arrangeRuns(org.id, zenefitsId);
  // Lever's syncs count on the dashboard, not on Zenefits' page.
  await stack()
    .db.insertInto("sync_runs")
    .values({
      organisation_id: org.id,
      connection_id: leverId,
      trigger: "schedule",
      status: "succeeded",
      finished_at: new Date(),
    })
    .execute();
});

describe("charts in a real browser", () => {
  it("the dashboard's head count steps 0 → 12 → 15 → 13 as people were loaded, hired and removed", async () => {
    // Tried: an owner opens the dashboard. Holds: one dot a day for 30 days; the tooltip on
    // each day reads the people held at its end, walked back from today's count.
    const page = await stack().newPage();
    await signIn(page, owner.email, DEMO_PASSWORD);
    const chart = page.getByTestId("head-count-chart");
    const dots = chart.locator(".recharts-line-dot");
    await expect.poll(() => dots.count(), { timeout: 15_000 }).toBe(30);
    expect(await chart.locator("figcaption").textContent()).toBe("13 people in the directory today; up 13 over 30 days.");
    const valueOnDay = async (ago: number) => (await tooltipAt(page, chart, dots.nth(29 - ago))).match(/People\s*:\s*(\d+)/)?.[1];
    expect(await valueOnDay(20)).toBe("0");
    expect(await valueOnDay(7)).toBe("12");
    expect(await valueOnDay(4)).toBe("15");
    expect(await valueOnDay(0)).toBe("13");
    // The line climbs: a later day with more people is drawn higher (smaller y).
    const y = async (ago: number) => Number(await dots.nth(29 - ago).getAttribute("cy"));
    expect(await y(4)).toBeLessThan(await y(7));
    expect(await y(7)).toBeLessThan(await y(20));
    await screenshot(page, "charts-dashboard");
  });

  it("the dashboard's syncs per day stack outcomes, every connection's, with the mean duration", async () => {
    // Tried: the same owner reads the syncs chart. Holds: today's bars say 3 succeeded (Zenefits'
    // two and Lever's one) and 1 failed, two days ago 1 failed; the caption counts 5 syncs.
    const page = await stack().newPage();
    await signIn(page, owner.email, DEMO_PASSWORD);
    const chart = page.getByTestId("sync-activity-chart");
    await expect.poll(() => barsOf(chart, "syncs-failed").count(), { timeout: 15_000 }).toBe(2);
    expect(await barsOf(chart, "syncs-succeeded").count()).toBe(1);
    expect(await barsOf(chart, "syncs-other").count()).toBe(0);
    expect(await chart.locator("figcaption").textContent()).toBe("5 syncs in 30 days, 2 failed.");
    const today = await tooltipAt(page, chart, barsOf(chart, "syncs-succeeded").last());
    expect(today).toMatch(/Succeeded\s*:\s*3/);
    expect(today).toMatch(/Failed\s*:\s*1/);
  });

  it("a connection's page charts only that connection, and a member sees the head count but no syncs", async () => {
    // Tried: open Zenefits' connection page, then the dashboard as a member. Holds: the page's syncs
    // are Zenefits' own (2 succeeded today, mean 1 min); the member's dashboard has no syncs chart.
    const page = await stack().newPage();
    await signIn(page, owner.email, DEMO_PASSWORD);
    await page.goto(`/connections/${zenefitsId}`);
    const chart = page.getByTestId("sync-activity-chart");
    await expect.poll(() => barsOf(chart, "syncs-failed").count(), { timeout: 15_000 }).toBe(2);
    const today = await tooltipAt(page, chart, barsOf(chart, "syncs-succeeded").last());
    expect(today).toMatch(/Succeeded\s*:\s*2/);
    expect(today).toMatch(/Failed\s*:\s*1/);
    expect(today).toMatch(/Mean duration\s*:\s*1 min/);
    expect(await chart.locator("figcaption").textContent()).toBe("4 syncs in 30 days, 2 failed.");
    await page.getByTestId("head-count-chart").locator(".recharts-line-dot").first().waitFor();
    await screenshot(page, "charts-connection-page");

    const memberPage = await stack().newPage();
    await signIn(memberPage, member.email, DEMO_PASSWORD);
    const memberChart = memberPage.getByTestId("head-count-chart");
    await expect.poll(() => memberChart.locator(".recharts-line-dot").count(), { timeout: 15_000 }).toBe(30);
    expect(await memberPage.getByTestId("sync-activity-chart").count()).toBe(0);
  });
});
