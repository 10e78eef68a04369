import type { ColumnType, Generated } from "kysely";

type Json<T> = ColumnType<T, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type ConnectionStatus = "active" | "failing" | "disabled";
export type SyncRunStatus = "running" | "succeeded" | "failed" | "cancelled";
/** How a run read: everything, only what changed since `changes_since`, or the `records` a webhook named. */
export type SyncRunMode = "full" | "changes" | "records";

export interface StreamCounts {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  failed: number;
  done: boolean;
}

/**
 * What the last verify of a connection's credentials said. With `unknownSince` the lists are
 * only the last known: Roster could not verify the token since (rejected, unreachable), so the
 * dashboard shows every permission as unknown until a verify succeeds again.
 */
export interface StoredPermissions {
  granted: string[];
  missing: string[];
  checkedAt?: string;
  unknownSince?: string;
  unknownReason?: string;
}

/** One field (or a whole collection: field "*") a connection does not keep current. */
export interface StaleField {
  stream: string;
  model: string;
  field: string;
  /** The field (or collection) in people's words, e.g. "Manager", "Custom field values". */
  label: string;
  permission: string;
  /** The permission in the provider's words, e.g. "Manager" (Zenefits' checkbox). */
  permissionLabel: string;
  since: string;
  /** Kept current before (a permission the token lost), rather than never granted. */
  lost: boolean;
}

/** What a run found changed in what the token may read, against the run before. */
export interface PermissionChange {
  lost: StaleField[];
  restored: StaleField[];
}

export interface ConnectionsTable {
  id: Generated<string>;
  organisation_id: string;
  connector_id: string;
  display_name: string;
  credentials_encrypted: string;
  credentials_hint: string | null;
  notification_email: string | null;
  status: Generated<ConnectionStatus>;
  consecutive_failures: Generated<number>;
  failure_notified: Generated<boolean>;
  disabled_reason: string | null;
  sync_interval_hours: number | null;
  next_sync_at: Date | null;
  last_sync_at: Date | null;
  last_success_at: Date | null;
  /** The start of the last run that read every stream in full (changes reads measure from it). */
  last_full_sync_at: Date | null;
  account: Json<{ id: string; name: string } | null> | null;
  permissions: Json<StoredPermissions | null> | null;
  settings: ColumnType<Record<string, unknown>, string | undefined, string>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SyncRunsTable {
  id: Generated<string>;
  organisation_id: string;
  connection_id: string;
  trigger: string;
  status: Generated<SyncRunStatus>;
  attempts: Generated<number>;
  started_at: Timestamp;
  finished_at: Date | null;
  heartbeat_at: Date | null;
  counts: ColumnType<Record<string, StreamCounts>, string | undefined, string>;
  error_kind: string | null;
  error_message: string | null;
  stale: Json<StaleField[] | null> | null;
  permission_change: Json<PermissionChange | null> | null;
  mode: Generated<SyncRunMode>;
  changes_since: Date | null;
  records: Json<{ stream: string; remoteIds: string[] } | null> | null;
  /** The API request that asked for this run (X-Request-Id), when one did. */
  /** When the worker applied the run's outcome (policy, emails, events); null until then. */
  outcome_applied_at: Date | null;
  request_id: string | null;
}

export interface PendingRecordSyncsTable {
  connection_id: string;
  stream: string;
  remote_id: string;
  queued_at: Timestamp;
}

export interface ConnectionStaleFieldsTable {
  connection_id: string;
  stream: string;
  model: string;
  field: string;
  permission: string;
  since: Timestamp;
  since_run_id: string | null;
  lost: boolean;
}

export interface SyncErrorsTable {
  id: Generated<string>;
  run_id: string;
  stream: string | null;
  remote_id: string | null;
  kind: string;
  message: string;
  hint: string | null;
  created_at: Timestamp;
}

export interface StreamCheckpointsTable {
  connection_id: string;
  stream: string;
  run_id: string;
  cursor: string | null;
  done: Generated<boolean>;
  updated_at: Timestamp;
}

export interface SyncSeenTable {
  run_id: string;
  stream: string;
  remote_id: string;
}

export interface ChangeLogTable {
  id: Generated<string>;
  connection_id: string;
  run_id: string | null;
  entity: string;
  remote_id: string;
  change: "created" | "updated" | "deleted" | "restored";
  fields: ColumnType<string[] | null, string | null | undefined, string | null>;
  created_at: Timestamp;
  /** The writing transaction's id (xid8, as a decimal string): the webhook fan-out reads in its order. */
  xid: Generated<string>;
}

/** A problem a connection has, opened and resolved from sync and export outcomes. */
export type IntegrationProblem =
  | "token_rejected"
  | "permission_lost"
  | "provider_unreachable"
  | "export_failed"
  | "webhook_failing";

export interface IntegrationIssuesTable {
  id: Generated<string>;
  organisation_id: string;
  /** The connection it is about; null for a webhook endpoint's issue. */
  connection_id: string | null;
  /** The organisation's webhook endpoint it is about ("webhook_failing" only). */
  webhook_endpoint_id: string | null;
  problem: IntegrationProblem;
  /** The latest error message or what was lost, for the remedy's context. */
  detail: string | null;
  occurrences: Generated<number>;
  first_seen_at: Timestamp;
  last_seen_at: Timestamp;
  last_run_id: string | null;
  resolved_at: Date | null;
  /** An owner asked not to be reminded before this; the issue stays open. */
  snoozed_until: Date | null;
  snoozed_by: string | null;
}
