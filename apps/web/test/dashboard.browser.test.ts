import { sql } from "@roster/db";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { apiStatusFromPage, screenshot, signIn, signOut, signUp, stackForFile } from "./harness/index";

/** One private stack (test database, API, built dashboard, Chromium) for this file. */
const stack = stackForFile();

const owner = { name: "Olivia Owner", email: "olivia@acme.test", password: "owner-password", organisationName: "Acme" };
const member = { name: "Milo Member", email: "milo@acme.test", password: "member-password" };

const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name });
const settingsNav = (page: Page) => page.getByTestId("nav-settings");

describe("dashboard in a real browser", () => {
  let ownerPage: Page;

  it("validates the sign-up form beside each field, then lands on the dashboard", async () => {
    ownerPage = await stack().newPage();
    await ownerPage.goto("/sign-up");
    await ownerPage.getByLabel("Work email").fill("not-an-email");
    await ownerPage.getByLabel("Password").fill("short");
    await ownerPage.getByRole("button", { name: "Create account" }).click();
    await expect.poll(() => ownerPage.locator("#sign-up-name-error").textContent()).toBe("Enter your name");
    expect(await ownerPage.locator("#sign-up-email-error").textContent()).toMatch(/valid email/);
    expect(await ownerPage.locator("#sign-up-password-error").textContent()).toBe("Use at least 8 characters");
    // The first invalid field has focus, so a keyboard user can fix it straight away.
    expect(await ownerPage.evaluate(() => document.activeElement?.id)).toBe("sign-up-name");
    await screenshot(ownerPage, "sign-up-errors");

    await signUp(ownerPage, owner);
    await heading(ownerPage, "Dashboard").waitFor();
    await ownerPage.getByText("No integrations yet — connect your HR system in Settings").waitFor();
    expect(await settingsNav(ownerPage).getByRole("link", { name: "Zenefits" }).isVisible()).toBe(true);
    await screenshot(ownerPage, "dashboard-owner");
    // The first Tab lands on "Skip to content", which moves focus past the navigation to the page.
    await ownerPage.reload();
    await heading(ownerPage, "Dashboard").waitFor();
    await ownerPage.keyboard.press("Tab");
    expect(await ownerPage.evaluate(() => document.activeElement?.textContent)).toBe("Skip to content");
    await ownerPage.keyboard.press("Enter");
    await expect.poll(() => ownerPage.evaluate(() => document.activeElement?.id)).toBe("content");
  });

  it("lets the owner invite a member, who accepts, signs in, and never sees Settings", async () => {
    await ownerPage.getByRole("link", { name: "Members" }).click();
    await heading(ownerPage, "Members").waitFor();
    await ownerPage.getByLabel("Email").fill(member.email);
    await ownerPage.getByRole("button", { name: "Send invitation" }).click();
    const linkInput = ownerPage.getByLabel("Invite link");
    await linkInput.waitFor();
    const link = await linkInput.inputValue();
    expect(link.startsWith(`${stack().webUrl}/invite/`)).toBe(true);
    await ownerPage.getByRole("button", { name: `Revoke the invitation for ${member.email}` }).waitFor();
    await screenshot(ownerPage, "members-invite-sent");
    const queued = await stack()
      .db.selectFrom("email_outbox")
      .select(["kind", "text_body"])
      .where(sql<boolean>`${member.email} = any("to")`)
      .execute();
    expect(queued).toEqual([{ kind: "invite", text_body: expect.stringContaining(link) }]);

    const memberPage = await stack().newPage();
    await memberPage.goto(link);
    await memberPage.getByText("You're invited to join").waitFor();
    await screenshot(memberPage, "accept-invite");
    await memberPage.getByLabel("Your name").fill(member.name);
    await memberPage.getByLabel("Password").fill(member.password);
    await memberPage.getByRole("button", { name: "Create account and join" }).click();
    await heading(memberPage, "Dashboard").waitFor();
    expect(
      await memberPage.getByText("Your organisation's owners manage its HR integration.", { exact: false }).isVisible(),
    ).toBe(true);

    // Signed out and back in: still a member, still no Settings.
    await signOut(memberPage);
    await signIn(memberPage, member.email, member.password);
    await heading(memberPage, "Dashboard").waitFor();
    expect(await settingsNav(memberPage).count()).toBe(0);
    expect(await memberPage.getByRole("link", { name: "Audit log" }).count()).toBe(0);
    await screenshot(memberPage, "dashboard-member");

    await memberPage.goto("/settings/hris/zenefits");
    await memberPage.getByText("You don't have access").waitFor();
    await screenshot(memberPage, "zenefits-no-access-member");
    // The API refuses on its own, whatever the page shows.
    expect(await apiStatusFromPage(memberPage, "invites.list")).toBe(403);
    expect(await apiStatusFromPage(memberPage, "members.list")).toBe(200);

    // The owner sees the new member and can grant sensitive access; the audit log records it.
    await ownerPage.reload();
    const toggle = ownerPage.getByLabel(`Sensitive data access for ${member.name}`);
    await toggle.focus();
    await ownerPage.keyboard.press("Space");
    await expect.poll(() => toggle.isChecked()).toBe(true);
    await ownerPage.getByRole("link", { name: "Audit log" }).click();
    await ownerPage.getByText(`gave ${member.email} access to sensitive data`).waitFor();
    await ownerPage.getByText("accepted the invitation and joined as member").waitFor();
    await screenshot(ownerPage, "audit-log");
  });

  it("signs in with the keyboard alone, shows a wrong password, and returns to the page asked for", async () => {
    const page = await stack().newPage();
    await page.goto("/members");
    await page.waitForURL((url) => url.pathname === "/sign-in" && url.searchParams.get("next") === "/members");

    // The email field has focus on arrival; Tab moves to the password; Enter submits.
    await page.getByLabel("Email").waitFor();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("sign-in-email");
    await page.keyboard.type(owner.email);
    await page.keyboard.press("Tab");
    await page.keyboard.type("not-the-password");
    await page.keyboard.press("Enter");
    await page.getByRole("alert").filter({ hasText: "Email or password is incorrect." }).waitFor();
    await screenshot(page, "sign-in-wrong-password");

    await page.getByLabel("Password").fill("");
    await page.getByLabel("Password").focus();
    await page.keyboard.type(owner.password);
    await page.keyboard.press("Enter");
    await heading(page, "Members").waitFor();
    expect(new URL(page.url()).pathname).toBe("/members");
  });
});
