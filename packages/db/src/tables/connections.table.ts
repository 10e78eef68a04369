import type { ColumnType, Generated } from "kysely";

type Json<T> = ColumnType<T, string, string>;
type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export type ConnectionStatus = "active" | "failing" | "disabled";
export type SyncRunStatus = "running" | "succeeded" | "failed" | "cancelled";

export interface StreamCounts {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  deleted: number;
  failed: number;
  done: boolean;
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
  account: Json<{ id: string; name: string } | null> | null;
  permissions: Json<{ granted: string[]; missing: string[] } | null> | null;
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
