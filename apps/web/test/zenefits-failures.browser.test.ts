import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@roster/api";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { screenshot, signIn, stackForFile } from "./harness/index";

/**
 * When Zenefits says no: a revoked token at Save (nothing stored), and a connection whose
 * sync fails after its token is revoked: the failure on the settings page, the dashboard and
 * the connection page, and "View errors" with what to do.
 */
const stack = stackForFile({ zenefits: { people: 30, seed: 8 }, worker: true });
const sim = () => stack().zenefits!;
const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name });

async function saveToken(page: Page, token: string) {
  await page.getByLabel("Access token").fill(token);
  await page.getByRole("button", { name: "Save" }).click();
}

describe("Zenefits failures in a real browser", () => {
  let page: Page;
  let token: string;

  it("shows why a revoked token was refused, with what to do, and stores nothing", async () => {
    await seedDemo(stack().db);
    page = await stack().newPage();
    await signIn(page, DEMO_USERS[0]!.email, DEMO_PASSWORD);
    await page.goto("/settings/hris/zenefits");
    await heading(page, "Zenefits").waitFor();

    // The connector's own schema speaks first: too short a token never reaches Zenefits.
    sim().clearRequestLog();
    await saveToken(page, "short");
    await page.locator("#connect-zenefits-accessToken-error").waitFor();
    expect(await page.locator("#connect-zenefits-accessToken-error").textContent()).toMatch(/too short/);
    expect(sim().requestLog().total).toBe(0);

    const revoked = sim().createToken();
    sim().revokeToken(revoked);
    await saveToken(page, revoked);
    const failure = page.getByTestId("connect-failure");
    await failure.getByText("Zenefits rejected these credentials").waitFor();
    expect(await failure.textContent()).toMatch(/revoked/);
    expect(await failure.textContent()).toMatch(/What to do:.*new token in Zenefits/);
    await screenshot(page, "zenefits-connect-failure");
    expect(await stack().db.selectFrom("connections").select("id").execute()).toEqual([]);

    await page.getByRole("button", { name: "Try again" }).click();
    expect(await page.getByLabel("Access token").inputValue()).toBe("");
  });

  it("after a good token's first sync, a revoked token fails the next sync: the reason, the retry count, View errors", async () => {
    token = sim().createToken();
    await saveToken(page, token);
    await page.getByTestId("connect-success").waitFor();
    await page.getByTestId("sync-times").filter({ hasText: "Last synced" }).waitFor({ timeout: 30_000 });

    sim().revokeToken(token);
    await page.getByRole("button", { name: "Sync now" }).click();
    const notice = page.getByText("Retrying — attempt 2 of 3");
    await notice.waitFor({ timeout: 30_000 });
    await page.getByText("What to do:", { exact: false }).first().waitFor();
    await screenshot(page, "zenefits-sync-failing");

    await page.getByRole("link", { name: "View errors" }).click();
    await heading(page, "Sync run").waitFor();
    const errors = page.getByRole("list", { name: "Errors" }).locator(":scope > li");
    expect(await errors.count()).toBe(1);
    const text = await errors.first().textContent();
    expect(text).toMatch(/Token rejected/);
    expect(text).toMatch(/Whole sync/);
    expect(text).toMatch(/What to do: Create a new token in Zenefits/);
    const [run] = await stack()
      .db.selectFrom("sync_runs")
      .select(["id", "connection_id"])
      .where("status", "=", "failed")
      .execute();
    // The URL the failure email links to.
    expect(new URL(page.url()).pathname).toBe(`/connections/${run!.connection_id}/runs/${run!.id}`);
    await screenshot(page, "view-errors");
  });

  it("shows the connection page: failing status, history of both runs, the failure email sent", async () => {
    await page.getByRole("link", { name: "Back to the connection" }).click();
    await page.getByText("Retrying — attempt 2 of 3").waitFor();
    const history = page.getByRole("table", { name: "Sync history" });
    await history.getByRole("row").nth(2).waitFor();
    expect(await history.getByRole("row").count()).toBe(3); // header + failed + succeeded
    expect(await history.getByRole("row").nth(1).textContent()).toMatch(/Sync now.*Failed/);
    expect(await history.getByRole("row").nth(2).textContent()).toMatch(/First sync.*Succeeded/);
    await stack().worker!.mail.waitFor((m) => /fail/i.test(m.subject));
    await page.reload();
    await page.getByRole("table", { name: "Emails sent" }).getByText("Sent").waitFor();
    await screenshot(page, "connection-page-failing");

    await page.getByRole("link", { name: "Dashboard" }).click();
    const summary = page.getByTestId("connection-summary");
    await summary.getByRole("link", { name: "View errors" }).waitFor();
    await screenshot(page, "dashboard-connection-failing");
  });

  it("disables the connection, then deletes it behind a dialog that asks for the company's name", async () => {
    await page.getByTestId("nav-settings").getByRole("link", { name: "Zenefits" }).click();
    await page.getByRole("button", { name: "Disable" }).click();
    await page.getByText("Disabled: Disabled by an owner").waitFor();
    await page.getByRole("button", { name: "Re-enable" }).waitFor();
    expect(await page.getByRole("button", { name: "Sync now" }).isDisabled()).toBe(true);

    const company = sim().truth().companies[0]!.name;
    await page.getByRole("button", { name: "Delete integration" }).click();
    const dialog = page.getByRole("dialog", { name: "Delete the Zenefits integration?" });
    const confirm = dialog.getByRole("button", { name: "Delete integration" });
    // Focus starts in the dialog, on the confirmation field.
    await page.keyboard.type("Wrong Company");
    expect(await confirm.isDisabled()).toBe(true);
    await dialog.getByRole("textbox").fill(company);
    await screenshot(page, "zenefits-delete-dialog");
    await confirm.click();
    await page.getByText("The Zenefits integration and its synced directory were deleted.").waitFor();
    await page.getByLabel("Access token").waitFor();
    expect(await stack().db.selectFrom("connections").select("id").execute()).toEqual([]);
    expect(await stack().db.selectFrom("employees").select("id").execute()).toEqual([]);
  });
});
