import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@roster/api";
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { type A11yViolation, seriousA11yViolations, signIn, stackForFile } from "./harness/index";

/**
 * axe-core on every page of the dashboard, with real content: a Zenefits connection synced by
 * the worker (people, departments, a run, charts with data). No page may have a serious or
 * critical violation of the WCAG 2.1 A/AA rules or axe's best practices.
 */
const stack = stackForFile({ zenefits: { people: 15, seed: 3 }, worker: true });
const owner = DEMO_USERS.find((u) => u.role === "owner")!;
const member = DEMO_USERS.find((u) => u.role === "member")!;

let connectionId: string;
let runId: string;
let personId: string;

/** The page's violations as one readable line each, so a failure names the rule and the element. */
async function check(page: Page, path: string, ready: (page: Page) => Promise<unknown>): Promise<string[]> {
  await page.goto(path);
  await ready(page);
  // Loading states settle before the check: a spinner is not what people read.
  await page.locator(".state-loading").first().waitFor({ state: "detached", timeout: 15_000 });
  const found: A11yViolation[] = await seriousA11yViolations(page);
  return found.map((v) => `${path}: ${v.id} (${v.impact}) ${v.help} — ${v.targets.slice(0, 3).join(", ")}`);
}

const heading = (name: string | RegExp) => (page: Page) => page.getByRole("heading", { level: 1, name }).waitFor();

beforeAll(async () => {
  await seedDemo(stack().db);
  const page = await stack().newPage();
  await signIn(page, owner.email, DEMO_PASSWORD);
  await page.goto("/settings/integrations/zenefits");
  await page.getByLabel("Access token").fill(stack().zenefits!.createToken());
  await page.getByRole("button", { name: "Save" }).click();
  await page.getByTestId("sync-times").filter({ hasText: "Last synced" }).waitFor({ timeout: 30_000 });
  const run = await stack().db.selectFrom("sync_runs").select(["id", "connection_id"]).executeTakeFirstOrThrow();
  connectionId = run.connection_id;
  runId = run.id;
  personId = (await stack().db.selectFrom("employees").select("id").executeTakeFirstOrThrow()).id;
  await page.context().close();
});

describe("accessibility (axe-core) in a real browser", () => {
  it("the check reports a violation when a page has one", async () => {
    // Tried: add a button without a name and an image without alt text to the sign-in page.
    // Holds: axe reports both, so an empty list below means the pages passed, not that axe did not run.
    const page = await stack().newPage();
    await page.goto("/sign-in");
    await heading("Sign in")(page);
    await page.evaluate(() => {
      const main = document.querySelector("main") ?? document.body;
      main.insertAdjacentHTML("beforeend", '<button type="button"></button><img src="/favicon.ico">');
    });
    const ids = (await seriousA11yViolations(page)).map((v) => v.id);
    expect(ids).toEqual(expect.arrayContaining(["button-name", "image-alt"]));
  });

  it("the sign-in and sign-up pages have no serious violations", async () => {
    // Tried: axe on each page a signed-out visitor reaches. Holds: no serious or critical violation.
    const page = await stack().newPage();
    const problems = [
      ...(await check(page, "/sign-in", heading("Sign in"))),
      ...(await check(page, "/sign-up", (p) => p.getByLabel("Organisation name").waitFor())),
    ];
    expect(problems).toEqual([]);
  });

  it("every page an owner opens has no serious violations", async () => {
    // Tried: axe on every signed-in page, each with its content loaded. Holds: no serious or critical violation.
    const page = await stack().newPage();
    await signIn(page, owner.email, DEMO_PASSWORD);
    const pages: [string, (page: Page) => Promise<unknown>][] = [
      ["/", (p) => p.getByTestId("sync-activity-chart").locator(".recharts-bar").first().waitFor()],
      ["/directory", (p) => p.getByRole("table", { name: "People" }).waitFor()],
      ["/directory/departments", heading("Directory")],
      ["/directory/locations", heading("Directory")],
      [`/directory/people/${personId}`, (p) => p.getByRole("heading", { level: 1 }).waitFor()],
      [`/connections/${connectionId}`, (p) => p.getByRole("table", { name: "Sync history" }).waitFor()],
      [`/connections/${connectionId}/runs/${runId}`, heading("Sync run")],
      ["/candidates", heading("Candidates")],
      ["/members", heading("Members")],
      ["/audit", heading("Audit log")],
      ["/settings/integrations", heading("Integrations")],
      ["/settings/issues", heading("Issues")],
      ["/settings/integrations/zenefits", heading("Zenefits")],
      ["/settings/integrations/lever", heading("Lever")],
      ["/settings/integrations/bamboohr", heading("BambooHR")],
      ["/settings/developers/api-keys", heading("API keys")],
      ["/settings/developers/webhooks", heading("Webhooks")],
      ["/no-such-page", heading("Page not found")],
    ];
    const problems: string[] = [];
    for (const [path, ready] of pages) problems.push(...(await check(page, path, ready)));
    expect(problems).toEqual([]);
  });

  it("a member's dashboard and directory have no serious violations", async () => {
    // Tried: axe on what a member sees (fewer cards, no settings). Holds: no serious or critical violation.
    const page = await stack().newPage();
    await signIn(page, member.email, DEMO_PASSWORD);
    const problems = [
      ...(await check(page, "/", (p) => p.getByTestId("head-count-chart").locator(".recharts-line").first().waitFor())),
      ...(await check(page, "/directory", (p) => p.getByRole("table", { name: "People" }).waitFor())),
    ];
    expect(problems).toEqual([]);
  });
});
