import { DEMO_PASSWORD, DEMO_USERS, seedDemo } from "@roster/api";
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { signIn, stackForFile } from "./harness/index";

/**
 * Sandbox mode: the API is given what each simulator wants pasted (`pnpm start` passes it), and
 * a connector's connect form shows its own line; a connector without one shows none.
 */
const stack = stackForFile({});
const [owner] = DEMO_USERS;
const heading = (page: Page, name: string) => page.getByRole("heading", { level: 1, name });
const hint = "Sandbox: company domain acme, API key 5a4db0c55a4db0c55a4db0c55a4db0c55a4db0c5.";

it("shows BambooHR's sandbox values on its connect form, and no sandbox line on Zenefits' without one", async () => {
  // Tried: an owner opens Settings → Integrations → BambooHR, then Zenefits, with a hint for BambooHR only.
  // Must hold: BambooHR's form shows that hint beside its credential fields; Zenefits' shows no sandbox line.
  await seedDemo(stack().db);
  stack().deps.connections = { ...stack().deps.connections, sandboxConnectHints: { bamboohr: hint } };
  const page = await stack().newPage();
  await signIn(page, owner!.email, DEMO_PASSWORD);
  await page.goto("/settings/integrations/bamboohr");
  await heading(page, "BambooHR").waitFor();
  await page.getByLabel("API key").waitFor();
  await page.getByText(hint).waitFor();
  await page.goto("/settings/integrations/zenefits");
  await heading(page, "Zenefits").waitFor();
  await page.getByLabel("Access token").waitFor();
  expect(await page.getByText(/^Sandbox:/).count()).toBe(0);
});
