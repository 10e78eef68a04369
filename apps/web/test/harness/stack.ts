import type { AddressInfo } from "node:net";
import { type ApiDeps, createApiServer } from "@roster/api";
import { loadConfig } from "@roster/config";
import type { Db } from "@roster/db";
import { createTestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "./chromium";
import { waitForWebBuild } from "./web-build-markers";
import { startWebServer } from "./web-server";

export interface Stack {
  /** The dashboard's origin; also the API's PUBLIC_URL, so invite links point here. */
  webUrl: string;
  apiUrl: string;
  db: Db;
  deps: ApiDeps;
  browser: Browser;
  /** A fresh browser profile (its own cookies) with one page: one per simulated person. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Everything a browser test needs, private to its test file: a cloned test database,
 * the real API on a free port, the built dashboard served with /trpc proxied, and Chromium.
 */
export async function startStack(options: { env?: Record<string, string> } = {}): Promise<Stack> {
  const [database, distDir] = await Promise.all([createTestDatabase(), waitForWebBuild()]);
  const web = await startWebServer(distDir);
  const config = loadConfig({ NODE_ENV: "test", DATABASE_URL: database.url, PUBLIC_URL: web.url, ...options.env });
  const deps: ApiDeps = { db: database.db, config, log: createLogger("api", { level: "silent" }) };
  const api = createApiServer(deps);
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  web.setApiUrl(apiUrl);

  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await Promise.all([web.close(), new Promise((r) => api.close(r))]);
    await database.drop();
    throw error;
  }

  const contexts: BrowserContext[] = [];
  return {
    webUrl: web.url,
    apiUrl,
    db: database.db,
    deps,
    browser,
    async newPage() {
      const context = await browser.newContext({ baseURL: web.url, viewport: { width: 1280, height: 800 } });
      context.setDefaultTimeout(10_000);
      contexts.push(context);
      return context.newPage();
    },
    async close() {
      await Promise.all(contexts.map((c) => c.close().catch(() => {})));
      await browser.close();
      await web.close();
      api.closeAllConnections();
      await new Promise((resolve) => api.close(resolve));
      await database.drop();
    },
  };
}
