import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@roster/api";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, signIn, stackForFile } from "./harness/index";

/**
 * The run page for every run: a first sync (counts per collection, duration, nobody "changed"),
 * a sync after changes in Zenefits (the people it changed, their fields in people's words), and
 * a failed sync (errors grouped by kind, what to do, a link to the form that fixes it).
 */
const stack = stackForFile({ zenefits: { people: 20, seed: 5 }, worker: true });
const sim = () => stack().zenefits!;
const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name });
const owner = DEMO_USERS.find((u) => u.role === "owner")!;

async function waitForRuns(status: "succeeded" | "failed", count: number) {
  await expect
    .poll(async () => (await stack().db.selectFrom("sync_runs").select("id").where("status", "=", status).execute()).length, {
      timeout: 30_000,
      interval: 250,
    })
    .toBe(count);
}

async function newestRun() {
  return stack()
    .db.selectFrom("sync_runs")
    .select(["id", "connection_id", "status"])
    .orderBy("started_at", "desc")
    .executeTakeFirstOrThrow();
}

describe("run detail in a real browser", () => {
  let page: Page;
  let token: string;

  it("a first sync's page: people created, the duration, and nobody listed as changed", async () => {
    // Tried: connect, let the first sync finish, open its "Details" from the history. Holds: the
    // People row says as many created as the database holds, the duration is shown, no errors.
    await seedDemo(stack().db);
    page = await stack().newPage();
    await signIn(page, owner.email, DEMO_PASSWORD);
    await page.goto("/settings/integrations/zenefits");
    token = sim().createToken();
    await page.getByLabel("Access token").fill(token);
    await page.getByRole("button", { name: "Save" }).click();
    await waitForRuns("succeeded", 1);
    const run = await newestRun();
    const people = await stack().db.selectFrom("employees").select("id").where("connection_id", "=", run.connection_id).execute();

    await page.goto(`/connections/${run.connection_id}`);
    await page.getByRole("table", { name: "Sync history" }).getByRole("link", { name: "Details" }).click();
    await heading(page, "Sync run").waitFor();
    expect(new URL(page.url()).pathname).toBe(`/connections/${run.connection_id}/runs/${run.id}`);
    const peopleRow = page.getByRole("table", { name: "Collections" }).getByRole("row", { name: /^People/ });
    const cells = await peopleRow.getByRole("cell").allTextContents();
    // Read, created, updated, deleted, skipped.
    expect(cells.map((c) => Number(c.replace(/,/g, "")))).toEqual([people.length, people.length, 0, 0, 0]);
    expect(await page.getByTestId("run-duration").textContent()).toMatch(/^took \d/);
    await page.getByText("Nobody changed in this run").waitFor();
    await page.getByText("No errors in this run").waitFor();
    await screenshot(page, "run-detail-first-sync");
  });

  it("a later sync lists the people it changed, with their fields in people's words", async () => {
    // Tried: change, add and delete people in Zenefits, then Sync now. Holds: one entry per
    // change_log row of the run, the changed fields named as people say them (never column names).
    const mutation = sim().mutate({ change: 4, add: 1, delete: 1 });
    await page.goto("/settings/integrations/zenefits");
    await page.getByRole("button", { name: "Sync now" }).click();
    await waitForRuns("succeeded", 2);
    const run = await newestRun();
    const logged = await stack()
      .db.selectFrom("change_log")
      .select(["change", "fields"])
      .where("run_id", "=", run.id)
      .where("entity", "=", "employees")
      .execute();
    expect(logged.filter((l) => l.change === "created").length).toBe(mutation.added.length);
    expect(logged.filter((l) => l.change === "deleted").length).toBe(mutation.deleted.length);

    await page.goto(`/connections/${run.connection_id}/runs/${run.id}`);
    const list = page.getByRole("list", { name: "People changed" });
    await list.waitFor();
    const entries = await list.getByRole("listitem").allTextContents();
    expect(entries.length).toBe(logged.length);
    expect(entries.filter((e) => e.startsWith("Added")).length).toBe(mutation.added.length);
    expect(entries.filter((e) => e.startsWith("Removed")).length).toBe(mutation.deleted.length);
    const changed = entries.filter((e) => e.startsWith("Changed"));
    expect(changed.length).toBeGreaterThan(0);
    for (const entry of changed) expect(entry).toMatch(/ — (Job title|Work email|Department|Manager|[A-Z][a-z]+)/);
    // No column names reach the page.
    expect(entries.join(" ")).not.toMatch(/[a-z]+_[a-z]+/);
    await screenshot(page, "run-detail-people-changed");
  });

  it("a failed sync groups its errors by kind, says what to do and links to the form that fixes it", async () => {
    // Tried: revoke the token, Sync now, open the failed run. Holds: one group "Token rejected"
    // with its count, the hint, an example, and a link to Zenefits' settings.
    sim().revokeToken(token);
    await page.goto("/settings/integrations/zenefits");
    await page.getByRole("button", { name: "Sync now" }).click();
    await waitForRuns("failed", 1);
    const run = await newestRun();
    const errors = await stack().db.selectFrom("sync_errors").select("kind").where("run_id", "=", run.id).execute();
    await page.goto(`/connections/${run.connection_id}/runs/${run.id}`);
    const groups = page.getByRole("list", { name: "Errors" }).locator(":scope > li");
    await groups.first().waitFor();
    expect(await groups.count()).toBe(new Set(errors.map((e) => e.kind)).size);
    const text = await groups.first().textContent();
    expect(text).toMatch(/Token rejected/);
    expect(text).toMatch(new RegExp(`${errors.length} in this run`));
    expect(text).toMatch(/What to do: Create a new token in Zenefits/);
    await screenshot(page, "run-detail-failed");
    await groups.first().getByRole("link", { name: "Open the settings that fix it" }).click();
    await heading(page, "Zenefits").waitFor();
    expect(new URL(page.url()).pathname).toBe("/settings/integrations/zenefits");
  });
});
