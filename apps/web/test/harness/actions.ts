import { mkdir } from "node:fs/promises";
import path from "node:path";
import type { Page } from "playwright-core";
import { artifactsDir } from "./paths";

/** Signs in through the form with the mouse-free path a keyboard user takes: type, Tab, type, Enter. */
export async function signIn(page: Page, email: string, password: string): Promise<void> {
  await page.goto("/sign-in");
  await page.getByLabel("Email").waitFor();
  await page.getByLabel("Email").focus();
  await page.keyboard.type(email);
  await page.keyboard.press("Tab");
  await page.keyboard.type(password);
  await page.keyboard.press("Enter");
  await page.waitForURL((url) => url.pathname !== "/sign-in");
}

/** Creates an account (and its organisation) through the sign-up form. */
export async function signUp(
  page: Page,
  person: { name: string; email: string; password: string; organisationName: string },
): Promise<void> {
  await page.goto("/sign-up");
  await page.getByLabel("Your name").fill(person.name);
  await page.getByLabel("Work email").fill(person.email);
  await page.getByLabel("Password").fill(person.password);
  await page.getByLabel("Organisation name").fill(person.organisationName);
  await page.getByRole("button", { name: "Create account" }).click();
  await page.waitForURL((url) => url.pathname === "/");
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Sign out" }).click();
  await page.waitForURL((url) => url.pathname === "/sign-in");
}

/** Saves a full-page PNG under test-artifacts/ at the repository root. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(artifactsDir, { recursive: true });
  const file = path.join(artifactsDir, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** What the page's own origin gets from a tRPC query, with the page's cookies (checks the API, not the UI). */
export async function apiStatusFromPage(page: Page, procedure: string): Promise<number> {
  return page.evaluate(async (p) => (await fetch(`/trpc/${p}`)).status, procedure);
}
