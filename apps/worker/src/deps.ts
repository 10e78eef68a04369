import type { Config } from "@roster/config";
import type { PolicyConfig, SyncOutcome } from "@roster/connection-policy";
import type { Db } from "@roster/db";
import type { Mailer } from "@roster/email";
import type { Logger } from "@roster/logger";

export type { PolicyConfig, SyncOutcome, SyncTrigger } from "@roster/connection-policy";

/**
 * The sync engine as the worker sees it (the lead wires `@roster/sync`'s runConnectionSync
 * to this in main.ts). It records the run in `sync_runs` and resolves with its outcome;
 * a rejection counts as a failure of kind "crash".
 */
export type SyncConnection = (args: {
  connectionId: string;
  trigger: string;
  /** The API request that asked for the sync; stored on the run. */
  requestId?: string;
  /** Aborted when the worker shuts down: stop at the next checkpoint. */
  signal: AbortSignal;
  log: Logger;
  /** Re-read only these records of one stream (a webhook named them) instead of the whole connection. */
  records?: { stream: string; remoteIds: string[] };
}) => Promise<SyncOutcome>;

/**
 * Thrown by a SyncConnection that could not even start for reasons that are not the
 * connection's fault (e.g. the engine is not installed): the job fails and graphile
 * retries it later, and the connection's failure counter is left alone.
 */
export class SyncUnavailableError extends Error {
  override name = "SyncUnavailableError";
}

/** A sync of this connection is running already (another job, the CLI): this request waits for it. */
export class SyncAlreadyRunningError extends SyncUnavailableError {
  override name = "SyncAlreadyRunningError";
}

/** LEVER_REQUESTS_PER_SECOND unset (tests): the Lever manifest's own budget. */
export type WorkerConfig = PolicyConfig & Pick<Config, "EMAIL_FROM"> & Partial<Pick<Config, "LEVER_REQUESTS_PER_SECOND">>;

/** Everything the tasks need, built once in main.ts (or by a test). */
export interface WorkerDeps {
  db: Db;
  config: WorkerConfig;
  log: Logger;
  syncConnection: SyncConnection;
  /** null when no SMTP server is configured: emails then stay pending in the outbox. */
  mailer: Mailer | null;
  /** The policy's notion of "now"; tests may pass a fixed clock. */
  clock: () => Date;
  /**
   * Decrypts connection credentials for the Lever → Zenefits export tasks; without it those
   * tasks are not registered (policy-only tests).
   */
  encryptionKey?: string;
}
