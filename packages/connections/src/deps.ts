import type { Connector, RetryPolicy } from "@roster/core";
import type { Db } from "@roster/db";
import type { Logger } from "@roster/logger";
import type { PermissionEffect } from "./permission-effects";

/** What the connection service needs; the API builds it once. */
export interface ConnectionDeps {
  db: Db;
  connectors: readonly Connector[];
  encryptionKey: string;
  log?: Logger;
  /** Credential values filled in when the form leaves them out (sandbox: the simulators' URLs). */
  credentialDefaults?: Record<string, Record<string, unknown>>;
  verify?: { retry?: Partial<RetryPolicy>; timeoutMs?: number };
}

/**
 * Who acts, as the audit log records it: a signed-in user, or the `roster` command (no user,
 * `via: "cli"` in the audit row's details; the operator of the deployment ran it), or whoever
 * held a connect link (`via: "connect_link"`, and which link).
 */
export type Actor = (
  | { organisationId: string; userId: string }
  | { organisationId: string; userId: null; via: "cli" }
  | { organisationId: string; userId: null; via: "connect_link"; connectLinkId: string }
) & {
  /** The API request acting (X-Request-Id): a sync it queues carries it into the job, the logs and the run. */
  requestId?: string;
};

/** A refusal the API turns into a clear error for the form; never a stack trace. */
export class ConnectionError extends Error {
  override name = "ConnectionError";
  constructor(
    readonly code: "not_found" | "conflict" | "invalid" | "verify_failed" | "confirm_required",
    message: string,
    readonly details: {
      kind?: string;
      hint?: string;
      fields?: Record<string, string>;
      /** confirm_required: the permissions the new credentials lack, and what would stop updating. */
      lost?: PermissionEffect[];
    } = {},
  ) {
    super(message);
  }
}
