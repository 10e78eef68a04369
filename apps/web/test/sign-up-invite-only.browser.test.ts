import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { stackForFile } from "./harness/index";

/** One private stack (test database, API, built dashboard, Chromium) for this file. */
const stack = stackForFile();
const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name });

it("shows no sign-up form on an invite-only server, says how to get an invite, and shows the form once sign-up is open", async () => {
  // Tried: /sign-up opened with the API's SIGNUP set to invite-only, then to open. Must hold:
  // invite-only shows a page about invitations with a way to sign in and no form field or
  // "Create account" button; open shows the form.
  stack().deps.config = { ...stack().deps.config, SIGNUP: "invite-only" };
  const page = await stack().newPage();
  await page.goto("/sign-up");
  await heading(page, "Sign-up is by invitation").waitFor();
  await page.getByText(/Ask an owner or admin of your organisation to invite you/).waitFor();
  expect(await page.getByRole("link", { name: "Sign in" }).isVisible()).toBe(true);
  expect(await page.getByLabel("Work email").count()).toBe(0);
  expect(await page.getByRole("button", { name: "Create account" }).count()).toBe(0);

  stack().deps.config = { ...stack().deps.config, SIGNUP: "open" };
  const next = await stack().newPage();
  await next.goto("/sign-up");
  await heading(next, "Create your account").waitFor();
  await next.getByLabel("Work email").waitFor();
  expect(await next.getByRole("button", { name: "Create account" }).isVisible()).toBe(true);
});
