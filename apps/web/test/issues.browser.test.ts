import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@roster/api";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiStatusFromPage, screenshot, signIn, stackForFile } from "./harness/index";

/**
 * Settings → Integrations → Issues: a revoked token opens a "Token rejected" issue (by the
 * worker's sync outcome), the remedy links to the rotate form, owners snooze it, and a rotation
 * followed by a successful sync resolves it.
 */
const stack = stackForFile({ zenefits: { people: 15, seed: 3 }, worker: true });
const sim = () => stack().zenefits!;
const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name });
const owner = DEMO_USERS.find((u) => u.role === "owner")!;
const admin = DEMO_USERS.find((u) => u.role === "admin")!;
const member = DEMO_USERS.find((u) => u.role === "member")!;

const issueRows = () => stack().db.selectFrom("integration_issues").select(["problem", "resolved_at", "snoozed_until"]).execute();

describe("integration issues in a real browser", () => {
  let page: Page;

  it("a revoked token opens one issue with the remedy and a link to the rotate form", async () => {
    // Tried: connect, first sync, revoke the token, Sync now. Holds: the list shows one open
    // "Token rejected" with what to do; its link lands on the rotate form, ready to paste into.
    await seedDemo(stack().db);
    page = await stack().newPage();
    await signIn(page, owner.email, DEMO_PASSWORD);
    await page.goto("/settings/issues");
    await page.getByText("No issues").waitFor();

    const token = sim().createToken();
    await page.goto("/settings/integrations/zenefits");
    await page.getByLabel("Access token").fill(token);
    await page.getByRole("button", { name: "Save" }).click();
    await page.getByTestId("sync-times").filter({ hasText: "Last synced" }).waitFor({ timeout: 30_000 });
    sim().revokeToken(token);
    await page.getByRole("button", { name: "Sync now" }).click();
    await page.getByText("Retrying — attempt 2 of 3").waitFor({ timeout: 30_000 });
    // The failure notice's "What to do" links to the form that fixes it, not only to the errors.
    await page.getByRole("link", { name: "Replace the token" }).first().click();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("name") ?? document.activeElement?.id))
      .toMatch(/accessToken/);

    await page.getByTestId("nav-settings").getByRole("link", { name: "Issues" }).click();
    await heading(page, "Integration issues").waitFor();
    const issues = page.getByTestId("issue");
    await issues.first().waitFor();
    expect(await issues.count()).toBe(1);
    const text = await issues.first().textContent();
    expect(text).toMatch(/Token rejected/);
    expect(text).toMatch(/Open/);
    expect(text).toMatch(/What to do: Zenefits no longer accepts the stored token/);
    expect(await issueRows()).toEqual([{ problem: "token_rejected", resolved_at: null, snoozed_until: null }]);
    await screenshot(page, "issues-open");

    await issues.first().getByRole("link", { name: "Open the rotate form" }).click();
    await page.getByLabel("New access token").waitFor();
    expect(new URL(page.url()).hash).toBe("#rotate");
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute("name") ?? document.activeElement?.id))
      .toMatch(/accessToken/);
  });

  it("admins read the list without a snooze button; members are refused by the server", async () => {
    // Tried: the list as an admin and the procedure as a member. Holds: no Snooze for admins, 403 for members.
    const adminPage = await stack().newPage();
    await signIn(adminPage, admin.email, DEMO_PASSWORD);
    await adminPage.goto("/settings/issues");
    await adminPage.getByTestId("issue").first().waitFor();
    expect(await adminPage.getByRole("button", { name: "Snooze for a day" }).count()).toBe(0);
    const memberPage = await stack().newPage();
    await signIn(memberPage, member.email, DEMO_PASSWORD);
    expect(await apiStatusFromPage(memberPage, "connections.issues")).toBe(403);
  });

  it("an owner snoozes it; a rotation and a successful sync resolve it", async () => {
    // Tried: Snooze, then replace the token and Sync now. Holds: "Snoozed" (still open in the
    // database), then "Resolved" with nothing open.
    await page.goto("/settings/issues");
    await page.getByRole("button", { name: "Snooze for a day" }).click();
    await page.getByTestId("issue").getByText("Snoozed", { exact: true }).waitFor();
    const [snoozed] = await issueRows();
    expect(snoozed!.resolved_at).toBeNull();
    expect(snoozed!.snoozed_until).not.toBeNull();

    await page.goto("/settings/integrations/zenefits#rotate");
    await page.getByLabel("New access token").fill(sim().createToken());
    await page.getByRole("button", { name: "Replace credentials" }).click();
    await page.getByText("Credentials replaced.", { exact: false }).waitFor();
    await page.getByRole("button", { name: "Sync now" }).click();
    await expect.poll(async () => (await issueRows())[0]?.resolved_at ?? null, { timeout: 30_000 }).not.toBeNull();

    await page.goto("/settings/issues");
    await page.getByTestId("issue").getByText("Resolved", { exact: true }).waitFor();
    expect(await page.getByRole("link", { name: "Open the rotate form" }).count()).toBe(0);
    await screenshot(page, "issues-resolved");
  });
});
