import { z } from "@hono/zod-openapi";
import { sql } from "@roster/db";
import { column, type JsonField, timestamp, uuid } from "./model-shape";
import type { ResourceDefinition } from "./resource";

const byConnection = {
  name: "connection_id",
  schema: uuid().optional(),
  description: "Only this connection's",
  where: (v: unknown) => sql<boolean>`r.connection_id = ${v}`,
};

const fieldsOf = (names: string[]): JsonField[] => names.map((name) => [name, column(name)] as const);

export const connectionSchema = z
  .object({
    id: uuid(),
    connector_id: z.string().describe('The provider, e.g. "zenefits"'),
    display_name: z.string(),
    status: z.enum(["active", "failing", "disabled"]),
    disabled_reason: z.string().nullable(),
    consecutive_failures: z.int(),
    last_sync_at: timestamp().nullable(),
    last_success_at: timestamp().nullable(),
    next_sync_at: timestamp().nullable(),
    account: z.object({ id: z.string(), name: z.string() }).nullable().describe("The provider account the token reaches"),
    permissions: z
      .object({ granted: z.array(z.string()), missing: z.array(z.string()) })
      .nullable()
      .describe("What the provider grants the connection's token, as of its last verify"),
    created_at: timestamp(),
    modified_at: timestamp(),
  })
  .openapi("Connection");

export const connections: ResourceDefinition = {
  path: "connections",
  name: "Connection",
  description: "HRIS and ATS integrations: status, last sync and permission state (never credentials)",
  scope: "connections:read",
  schema: connectionSchema,
  table: "connections",
  fields: () => [
    ...fieldsOf([
      "id",
      "connector_id",
      "display_name",
      "status",
      "disabled_reason",
      "consecutive_failures",
      "last_sync_at",
      "last_success_at",
      "next_sync_at",
      "account",
      "permissions",
      "created_at",
    ]),
    ["modified_at", column("updated_at")],
  ],
  filters: [],
  modifiedColumn: "updated_at",
  softDeleted: false,
  remoteData: false,
};

const streamCounts = z.object({
  read: z.int(),
  created: z.int(),
  updated: z.int(),
  unchanged: z.int(),
  deleted: z.int(),
  failed: z.int(),
  done: z.boolean(),
});

export const syncRunSchema = z
  .object({
    id: uuid(),
    connection_id: uuid(),
    trigger: z
      .string()
      .describe("initial, scheduled, manual, retry, or webhook (a re-read of the records a provider webhook named)"),
    status: z.enum(["running", "succeeded", "failed", "cancelled"]),
    attempts: z.int(),
    started_at: timestamp(),
    finished_at: timestamp().nullable(),
    counts: z.record(z.string(), streamCounts).describe("Per stream (people, departments, …)"),
    error_kind: z.string().nullable(),
    error_message: z.string().nullable(),
  })
  .openapi("SyncRun");

export const syncRuns: ResourceDefinition = {
  path: "sync-runs",
  name: "SyncRun",
  description: "Syncs of the organisation's connections",
  scope: "connections:read",
  schema: syncRunSchema,
  table: "sync_runs",
  fields: () =>
    fieldsOf([
      "id",
      "connection_id",
      "trigger",
      "status",
      "attempts",
      "started_at",
      "finished_at",
      "counts",
      "error_kind",
      "error_message",
    ]),
  filters: [
    byConnection,
    {
      name: "status",
      schema: z.enum(["running", "succeeded", "failed", "cancelled"]).optional(),
      description: "Only runs with this status",
      where: (v) => sql`r.status = ${v}`,
    },
  ],
  softDeleted: false,
  remoteData: false,
};

export const hireTransferSchema = z
  .object({
    id: uuid(),
    connection_id: uuid(),
    opportunity_id: z.string().describe("The ATS candidacy (Lever opportunity id)"),
    candidate_name: z.string().nullable(),
    stage: z.enum(["hired", "offer"]).nullable(),
    trigger: z.enum(["webhook", "reconcile", "manual"]),
    status: z.enum(["pending", "succeeded", "failed"]),
    attempts: z.int(),
    error: z.string().nullable(),
    hris_candidate_id: z.string().nullable().describe("The new hire's id in the HRIS"),
    summary: z.record(z.string(), z.unknown()).nullable().describe("What was sent, without documents"),
    created_at: timestamp(),
    last_attempt_at: timestamp().nullable(),
    succeeded_at: timestamp().nullable(),
  })
  .openapi("HireTransfer");

export const hireTransfers: ResourceDefinition = {
  path: "hire-transfers",
  name: "HireTransfer",
  description: "Hires sent from the ATS to the HRIS, with each chain of attempts (sensitive:read)",
  scope: "sensitive:read",
  schema: hireTransferSchema,
  table: "hire_transfers",
  fields: () => [
    ...fieldsOf(["id", "connection_id", "opportunity_id", "candidate_name", "stage", "trigger", "status", "attempts", "error"]),
    ["hris_candidate_id", column("hris_record_id")],
    ...fieldsOf(["summary", "created_at", "last_attempt_at", "succeeded_at"]),
  ],
  filters: [
    byConnection,
    {
      name: "status",
      schema: z.enum(["pending", "succeeded", "failed"]).optional(),
      description: "Only transfers with this status",
      where: (v) => sql`r.status = ${v}`,
    },
  ],
  softDeleted: false,
  remoteData: false,
};
