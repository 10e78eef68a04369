import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@roster/api";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiStatusFromPage, screenshot, signIn, signUp, stackForFile } from "./harness/index";

/**
 * Settings → Integrations and the dashboard's first card: every installed connector with its
 * state, sync times, the records held by type and the action the state needs, read from the
 * server for the caller's organisation only.
 */
const stack = stackForFile({ zenefits: { people: 25, seed: 11 }, worker: true });
const sim = () => stack().zenefits!;
const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name });
const owner = DEMO_USERS.find((u) => u.role === "owner")!;
const admin = DEMO_USERS.find((u) => u.role === "admin")!;
const member = DEMO_USERS.find((u) => u.role === "member")!;

describe("integrations overview in a real browser", () => {
  let page: Page;
  let token: string;

  it("lists every installed connector as not connected, each with the link that connects it", async () => {
    // Tried: a fresh organisation opens Settings → Integrations. Holds: one row per installed
    // connector, "Not connected", and a "Connect …" link to that connector's form.
    await seedDemo(stack().db);
    page = await stack().newPage();
    await signIn(page, owner.email, DEMO_PASSWORD);
    await page.goto("/settings/integrations");
    await heading(page, "Integrations").waitFor();
    const zenefits = page.getByTestId("integration-zenefits");
    await zenefits.getByText("Not connected").waitFor();
    await page.getByTestId("integration-lever").getByText("Not connected").waitFor();
    await zenefits.getByRole("link", { name: "Connect Zenefits" }).click();
    await heading(page, "Zenefits").waitFor();
    expect(new URL(page.url()).pathname).toBe("/settings/integrations/zenefits");
  });

  it("after the first sync: healthy, last and next sync, the people held, one click to the connection", async () => {
    // Tried: connect Zenefits and let the worker sync. Holds: the overview says Healthy, the
    // people count equals the live rows in the database, and the name opens the connection page.
    token = sim().createToken();
    await page.getByLabel("Access token").fill(token);
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("sync-times").filter({ hasText: "Last synced" }).waitFor({ timeout: 30_000 });
    const [{ n }] = await stack()
      .db.selectFrom("employees")
      .select((eb) => eb.fn.countAll<string>().as("n"))
      .where("remote_deleted_at", "is", null)
      .execute()
      .then((rows) => rows as [{ n: string }]);
    expect(Number(n)).toBeGreaterThan(0);
    // The success screen says how many people the first sync brought in, and links to its run.
    const result = page.getByTestId("first-sync-result");
    await result.waitFor();
    expect(await result.textContent()).toContain(`First sync finished: ${Number(n)} people synced.`);

    await page.goto("/settings/integrations");
    const zenefits = page.getByTestId("integration-zenefits");
    await zenefits.getByText("Healthy").waitFor();
    const held = zenefits.getByRole("list", { name: /Records held from/ });
    await held.getByText(`${Number(n)} people`).waitFor();
    expect(await zenefits.getByTestId("integration-sync-times").textContent()).toMatch(/Last synced .* · next sync \S/);
    await screenshot(page, "integrations-overview-healthy");

    await page.goto("/");
    const card = page.getByRole("region", { name: "Integrations" }).or(page.locator(".card").first());
    await card.getByTestId("integration-zenefits").getByText("Healthy").waitFor();
    await screenshot(page, "dashboard-integrations-card");
    const [connection] = await stack().db.selectFrom("connections").select("id").execute();
    await card
      .getByTestId("integration-zenefits")
      .getByRole("link", { name: /Zenefits|Company/ })
      .first()
      .click();
    await page.waitForURL((url) => url.pathname === `/connections/${connection!.id}`);
  });

  it("a revoked token turns it to Retrying, with a link to what failed", async () => {
    // Tried: revoke the token, then Sync now. Holds: the overview says Retrying, the next retry
    // time, and "See what failed" opens the failed run.
    sim().revokeToken(token);
    await page.goto("/settings/integrations/zenefits");
    await page.getByRole("button", { name: "Sync now" }).click();
    await page.getByText("Retrying — attempt 2 of 3").waitFor({ timeout: 30_000 });
    await page.goto("/settings/integrations");
    const zenefits = page.getByTestId("integration-zenefits");
    await zenefits.getByText("Retrying").waitFor();
    expect(await zenefits.getByTestId("integration-sync-times").textContent()).toMatch(/next retry/);
    await screenshot(page, "integrations-overview-retrying");
    await zenefits.getByRole("link", { name: "See what failed" }).click();
    const [failed] = await stack()
      .db.selectFrom("sync_runs")
      .select(["id", "connection_id"])
      .where("status", "=", "failed")
      .execute();
    await page.waitForURL((url) => url.pathname === `/connections/${failed!.connection_id}/runs/${failed!.id}`);
  });

  it("admins read it, members are refused by the server, and another organisation sees only its own", async () => {
    // Tried: the same procedure as admin, member and another organisation's owner. Holds: 200,
    // 403, and the other organisation's Zenefits is "Not connected".
    const adminPage = await stack().newPage();
    await signIn(adminPage, admin.email, DEMO_PASSWORD);
    expect(await apiStatusFromPage(adminPage, "connections.overview")).toBe(200);
    // Lever is not connected: only owners, who can save its setup, are offered "Set up Lever".
    await adminPage.goto("/candidates");
    await adminPage.getByText("An owner of your organisation can connect it.").waitFor();
    expect(await adminPage.getByRole("link", { name: "Set up Lever" }).count()).toBe(0);
    await page.goto("/candidates");
    await page.getByRole("link", { name: "Set up Lever" }).click();
    await page.waitForURL((url) => url.pathname === "/settings/integrations/lever");
    const memberPage = await stack().newPage();
    await signIn(memberPage, member.email, DEMO_PASSWORD);
    expect(await apiStatusFromPage(memberPage, "connections.overview")).toBe(403);

    const otherPage = await stack().newPage();
    await signUp(otherPage, {
      name: "Oscar Other",
      email: "oscar@other.test",
      password: "other-password",
      organisationName: "Other",
    });
    await otherPage.goto("/settings/integrations");
    await otherPage.getByTestId("integration-zenefits").getByText("Not connected").waitFor();
    expect(await otherPage.getByText("Retrying").count()).toBe(0);
  });
});
