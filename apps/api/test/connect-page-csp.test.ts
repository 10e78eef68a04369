import { mkdtemp, rm, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createApiKey } from "@roster/public-api";
import { generateEncryptionKey } from "@roster/secrets";
import { afterAll, beforeAll, expect, it } from "vitest";
import { dashboardHandler } from "../src/dashboard";
import { startTestApi, type TestApi } from "./helpers/test-api";

/**
 * The connect page as the API serves the built dashboard: its Content-Security-Policy lets only
 * the origins named when the link was made frame it, and nobody once the link cannot be used.
 */
let api: TestApi;
let dashboardDir: string;

beforeAll(async () => {
  dashboardDir = await mkdtemp(path.join(os.tmpdir(), "roster-dashboard-"));
  await writeFile(path.join(dashboardDir, "index.html"), "<!doctype html><title>Roster</title><div id=root></div>");
  api = await startTestApi(
    { ENCRYPTION_KEY: generateEncryptionKey() },
    { server: { dashboard: dashboardHandler(dashboardDir) } },
  );
});
afterAll(async () => {
  await api?.close();
  await rm(dashboardDir, { recursive: true, force: true });
});

it("sets frame-ancestors from the link's allowed origins on /connect/:token, and 'none' for unusable links", async () => {
  // Tried: a link allowing two origins, then the same page after the link expired, a made-up token,
  // and another dashboard page. Must hold: the page (index.html) is served each time; the CSP lists
  // exactly the two origins, then 'none'; other pages carry no connect-link CSP.
  const { db } = api.deps;
  const org = await db.insertInto("organisations").values({ name: "Customer" }).returning("id").executeTakeFirstOrThrow();
  const { key } = await createApiKey(
    db,
    { organisationId: org.id, userId: null },
    { name: "host", scopes: ["connections:manage"] },
  );
  const created = await fetch(`${api.url}/api/v1/connect-links`, {
    method: "POST",
    headers: { authorization: `Bearer ${key}`, "content-type": "application/json" },
    body: JSON.stringify({
      connector_id: "zenefits",
      return_url: "https://app.example.test/back",
      allowed_origins: ["https://app.example.test", "https://admin.example.test:8443"],
    }),
  });
  expect(created.status).toBe(201);
  const { id, url } = (await created.json()) as { id: string; url: string };
  const pagePath = new URL(url).pathname;

  const page = await fetch(`${api.url}${pagePath}`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain("<div id=root>");
  expect(page.headers.get("content-security-policy")).toBe(
    "frame-ancestors https://app.example.test https://admin.example.test:8443",
  );

  await db
    .updateTable("connect_links")
    .set({ expires_at: new Date(Date.now() - 1000) })
    .where("id", "=", id)
    .execute();
  expect((await fetch(`${api.url}${pagePath}`)).headers.get("content-security-policy")).toBe("frame-ancestors 'none'");
  expect((await fetch(`${api.url}/connect/${"A".repeat(43)}`)).headers.get("content-security-policy")).toBe(
    "frame-ancestors 'none'",
  );
  expect((await fetch(`${api.url}/sign-in`)).headers.get("content-security-policy")).toBeNull();
});
