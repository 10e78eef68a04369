import type { AddressInfo } from "node:net";
import { type ApiDeps, createApiServer } from "@roster/api";
import { loadConfig } from "@roster/config";
import type { Db } from "@roster/db";
import { createTestDatabase } from "@roster/db/testing";
import { createLogger } from "@roster/logger";
import { generateEncryptionKey } from "@roster/secrets";
import { type BambooHrSim, type BambooHrSimOptions, startBambooHrSim } from "@roster/sim-bamboohr";
import { type LeverSim, type LeverSimOptions, startLeverSim } from "@roster/sim-lever";
import { startZenefitsSim, type ZenefitsSim, type ZenefitsSimOptions } from "@roster/sim-zenefits";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { launchChromium } from "./chromium";
import { waitForWebBuild } from "./web-build-markers";
import { startWebServer } from "./web-server";
import { startTestWorker, type TestWorker } from "./worker";

export interface Stack {
  /** The dashboard's origin; also the API's PUBLIC_URL, so invite links point here. */
  webUrl: string;
  apiUrl: string;
  db: Db;
  deps: ApiDeps;
  browser: Browser;
  /** The Zenefits simulator the API's connections talk to (with the `zenefits` option). */
  zenefits: ZenefitsSim | null;
  /** The Lever simulator the Lever connection talks to (with the `lever` option). */
  lever: LeverSim | null;
  /** The BambooHR simulator BambooHR connections talk to (with the `bamboohr` option). */
  bamboohr: BambooHrSim | null;
  /** The real job runner, syncing and emailing (with the `worker` option). */
  worker: TestWorker | null;
  /** A fresh browser profile (its own cookies) with one page: one per simulated person. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Everything a browser test needs, private to its test file: a cloned test database,
 * the real API on a free port, the built dashboard served with /trpc proxied, and Chromium.
 */
export interface StackOptions {
  env?: Record<string, string>;
  /** Starts the Zenefits simulator; tokens pasted into the settings are verified and synced against it. */
  zenefits?: ZenefitsSimOptions;
  /**
   * Starts the Lever simulator: the Lever setup's credentials reach it (and the Zenefits simulator's ATS
   * channel), as in sandbox mode; its webhooks can be pointed at `apiUrl`, the API's public URL here.
   */
  lever?: LeverSimOptions;
  /** Starts the BambooHR simulator; BambooHR credentials are verified and synced against it. */
  bamboohr?: BambooHrSimOptions;
  /** Runs the real worker in-process (graphile-worker, sync engine, SMTP to a mail catcher). */
  worker?: boolean;
}

export async function startStack(options: StackOptions = {}): Promise<Stack> {
  const [database, distDir, zenefits, lever, bamboohr] = await Promise.all([
    createTestDatabase(),
    waitForWebBuild(),
    options.zenefits ? startZenefitsSim({ port: 0, ...options.zenefits }) : null,
    options.lever ? startLeverSim({ port: 0, ...options.lever }) : null,
    options.bamboohr ? startBambooHrSim({ port: 0, ...options.bamboohr }) : null,
  ]);
  const web = await startWebServer(distDir);
  const config = loadConfig({
    NODE_ENV: "test",
    DATABASE_URL: database.url,
    PUBLIC_URL: web.url,
    ENCRYPTION_KEY: generateEncryptionKey(),
    // The browser tests start by signing up, as a person trying Roster does.
    SIGNUP: "open",
    ...options.env,
  });
  const deps: ApiDeps = {
    db: database.db,
    config,
    log: createLogger("api", { level: "silent" }),
    // As in sandbox mode: connections reach the simulators instead of the real providers.
    connections: {
      credentialDefaults: {
        ...(zenefits ? { zenefits: { baseUrl: zenefits.url } } : {}),
        ...(bamboohr ? { bamboohr: { baseUrl: bamboohr.url } } : {}),
        ...(lever || zenefits
          ? {
              lever: {
                ...(lever ? { baseUrl: `${lever.url}/v1` } : {}),
                ...(zenefits ? { zenefitsBaseUrl: zenefits.url } : {}),
              },
            }
          : {}),
      },
    },
  };
  // Before the API serves: graphile-worker's schema must exist when the first sync is queued.
  const worker = options.worker ? await startTestWorker({ db: database.db, databaseUrl: database.url, config }) : null;
  const api = createApiServer(deps);
  await new Promise<void>((resolve) => api.listen(0, "127.0.0.1", resolve));
  const apiUrl = `http://127.0.0.1:${(api.address() as AddressInfo).port}`;
  // Providers' webhooks (Lever's) reach the API here; the dashboard shows this base in the webhook URL.
  deps.apiPublicUrl = apiUrl;
  web.setApiUrl(apiUrl);

  let browser: Browser;
  try {
    browser = await launchChromium();
  } catch (error) {
    await Promise.all([
      web.close(),
      new Promise((r) => api.close(r)),
      worker?.stop(),
      zenefits?.close(),
      lever?.close(),
      bamboohr?.close(),
    ]);
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
    zenefits,
    lever,
    bamboohr,
    worker,
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
      await worker?.stop();
      await zenefits?.close();
      await lever?.close();
      await bamboohr?.close();
      await database.drop();
    },
  };
}
