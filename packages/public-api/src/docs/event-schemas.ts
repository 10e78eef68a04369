import { type OpenAPIHono, z } from "@hono/zod-openapi";
import { type EventType, eventDescriptions, eventTypes } from "@roster/webhooks";
import type { PublicApiEnv } from "../context";
import { timestamp, uuid } from "../resources/model-shape";

const employeeData = z
  .object({
    id: uuid(),
    remote_id: z.string(),
    connection_id: uuid(),
    changed_fields: z.array(z.string()).optional().openapi({ description: "employee.updated only: the API fields that changed" }),
  })
  .openapi("EmployeeEventData");

const syncData = z
  .object({
    connection_id: uuid(),
    sync_run_id: uuid(),
    trigger: z.string().nullable(),
    started_at: timestamp().nullable(),
    finished_at: timestamp().nullable(),
    counts: z.record(z.string(), z.unknown()),
    error_kind: z.string().optional(),
    error_message: z.string().nullable().optional(),
  })
  .openapi("SyncEventData");

const connectionData = z
  .object({
    connection_id: uuid(),
    reason: z.string().optional(),
    disabled_by: z.enum(["policy", "owner"]).optional(),
    sync_run_id: uuid().optional(),
    granted: z.array(z.string()).optional(),
    missing: z.array(z.string()).optional(),
    added: z.array(z.string()).optional(),
    removed: z.array(z.string()).optional(),
  })
  .openapi("ConnectionEventData");

const connectionCreatedData = z
  .object({
    connection_id: uuid(),
    connector_id: z.string().openapi({ example: "zenefits" }),
    organisation_id: uuid(),
    organisation_external_ref: z
      .string()
      .nullable()
      .openapi({ description: "The organisation's external_ref, when a platform provisioned it" }),
    created_via: z.enum(["dashboard", "connect_link", "cli"]),
    connect_link_id: uuid()
      .nullable()
      .openapi({ description: "The connect link it came through (the id POST /connect-links returned), else null" }),
  })
  .openapi("ConnectionCreatedEventData");

const hireData = z
  .object({
    hire_transfer_id: uuid(),
    connection_id: uuid(),
    opportunity_id: z.string(),
    stage: z.enum(["hired", "offer"]).nullable(),
    attempts: z.int(),
    hris_candidate_id: z.string().nullable().optional(),
    error: z.string().optional(),
    will_retry: z.boolean().optional(),
  })
  .openapi("HireEventData");

const issueData = z
  .object({
    issue_id: uuid(),
    connection_id: uuid().nullable().openapi({ description: "Null for a webhook endpoint's issue" }),
    webhook_endpoint_id: uuid().nullable().openapi({ description: "The endpoint a webhook_failing issue is about" }),
    problem: z.enum(["token_rejected", "permission_lost", "provider_unreachable", "export_failed", "webhook_failing"]),
    title: z.string().openapi({ description: 'The problem in people\'s words, e.g. "Token rejected"' }),
    detail: z.string().nullable(),
    first_seen_at: timestamp(),
    resolved_at: timestamp().nullable(),
  })
  .openapi("IssueEventData");

const dataFor = (type: EventType) =>
  type.startsWith("issue.")
    ? issueData
    : type === "connection.created"
      ? connectionCreatedData
      : type.startsWith("employee.")
        ? employeeData
        : type.startsWith("sync.")
          ? syncData
          : type.startsWith("hire.")
            ? hireData
            : connectionData;

/**
 * Each event as an OpenAPI 3.1 webhook: the body Roster POSTs, signed with the Standard Webhooks
 * headers (webhook-id, webhook-timestamp, webhook-signature).
 */
export function registerEventSchemas(app: OpenAPIHono<PublicApiEnv>): void {
  for (const type of eventTypes) {
    const body = z
      .object({
        id: z.string().openapi({ description: "The event's id, also the webhook-id header: the same on every retry" }),
        type: z.literal(type),
        timestamp: timestamp(),
        organisation_id: uuid(),
        data: dataFor(type),
      })
      .openapi(`Event_${type.replace(".", "_")}`);
    app.openAPIRegistry.registerWebhook({
      method: "post",
      path: type,
      summary: eventDescriptions[type],
      tags: ["Events"],
      request: { body: { content: { "application/json": { schema: body } } } },
      responses: { 200: { description: "Any 2xx: delivered. Anything else, or no answer in 15 s: retried with backoff" } },
    });
  }
}
