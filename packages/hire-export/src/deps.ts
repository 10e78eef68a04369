import type { RateLimit, RetryPolicy } from "@roster/core";
import type { Db } from "@roster/db";
import type { Logger } from "@roster/logger";

/** HTTP behaviour towards both providers; tests shorten the retries. */
export interface HttpOptions {
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  /** A provider key's budget by connector id (the deployment's configured limits); default the manifest's. */
  rateLimits?: Readonly<Record<string, RateLimit>>;
}

/** What the export tasks need, built once by the worker (or a test). */
export interface HireExportDeps {
  db: Db;
  /** config.ENCRYPTION_KEY: decrypts connection credentials. */
  encryptionKey: string;
  /** config.PUBLIC_URL: links in failure emails. */
  publicUrl: string;
  log: Logger;
  http?: HttpOptions;
  /** "Now" for reconciliation windows; tests may pin it. */
  clock?: () => Date;
}
