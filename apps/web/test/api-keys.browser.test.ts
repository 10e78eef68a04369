import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@roster/api";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiStatusFromPage, screenshot, signIn, stackForFile } from "./harness/index";

/**
 * Settings → API keys in a real browser: the owner creates a key (shown once, with Copy), uses
 * it against the real public API, sees its prefix, scopes and last use, revokes it, and the API
 * refuses it at once. A member sees no such page and cannot call its procedures.
 */
const stack = stackForFile();
const [owner, , member] = DEMO_USERS;
const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name });

const callApi = async (key: string) =>
  (await fetch(`${stack().apiUrl}/api/v1/departments`, { headers: { authorization: `Bearer ${key}` } })).status;

describe("API keys in a real browser", () => {
  let page: Page;
  let key: string;

  it("the owner creates a key: it is shown once, works against /api/v1, and the list shows only its prefix", async () => {
    await seedDemo(stack().db);
    page = await stack().newPage();
    await signIn(page, owner!.email, DEMO_PASSWORD);
    await page.getByTestId("nav-settings").getByRole("link", { name: "API keys" }).click();
    await heading(page, "API keys").waitFor();
    await page.getByText("No API keys yet").waitFor();

    // Nothing named, nothing checked: the form says what is missing and creates nothing.
    await page.getByRole("checkbox", { name: /Directory/ }).uncheck();
    await page.getByRole("button", { name: "Create key" }).click();
    await page.getByText("Give the key a name").waitFor();
    await page.getByText("Choose at least one scope").waitFor();

    await page.getByLabel("Name").fill("Payroll sync");
    await page.getByRole("checkbox", { name: /Directory/ }).check();
    await page.getByRole("checkbox", { name: /Connections/ }).check();
    await page.getByRole("button", { name: "Create key" }).click();
    const secret = page.getByTestId("secret-value");
    await secret.waitFor();
    key = await secret.inputValue();
    expect(key).toMatch(/^rst_live_/);
    await page.getByText("cannot show it again").waitFor();
    const table = page.getByRole("table", { name: "API keys" });
    await table.getByRole("row").filter({ hasText: "Payroll sync" }).waitFor();
    await screenshot(page, "api-keys-created");

    expect(await callApi(key)).toBe(200);
    await page.getByRole("button", { name: "Done" }).click();
    await expect(page.getByTestId("secret-once").count()).resolves.toBe(0);
    await page.reload();
    const row = page.getByRole("table", { name: "API keys" }).getByRole("row").filter({ hasText: "Payroll sync" });
    await row.waitFor();
    const text = await row.textContent();
    expect(text).toContain(key.slice(0, 15));
    expect(text).toContain("connections:read, directory:read");
    expect(text).not.toContain("never");
    expect(await page.content()).not.toContain(key);
  });

  it("revoking asks first, then the API refuses the key at once", async () => {
    const row = page.getByRole("table", { name: "API keys" }).getByRole("row").filter({ hasText: "Payroll sync" });
    await row.getByRole("button", { name: "Revoke Payroll sync" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
    await row.getByText("Revoked").waitFor();
    await screenshot(page, "api-keys-revoked");
    expect(await callApi(key)).toBe(401);
  });

  it("a member has no API keys page and is refused by its procedures", async () => {
    const memberPage = await stack().newPage();
    await signIn(memberPage, member!.email, DEMO_PASSWORD);
    await expect(memberPage.getByRole("link", { name: "API keys" }).count()).resolves.toBe(0);
    await memberPage.goto("/settings/developers/api-keys");
    await memberPage.getByText("You don't have access", { exact: false }).waitFor();
    expect(await apiStatusFromPage(memberPage, "apiKeys.list")).toBe(403);
  });
});
