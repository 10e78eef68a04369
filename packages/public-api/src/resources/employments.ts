import { z } from "@hono/zod-openapi";
import { customFieldSchema as customFieldModel, employmentSchema as employmentModel } from "@roster/core";
import { sql } from "@roster/db";
import { remoteRef, syncedHead, syncedHeadFields, syncedTail, syncedTailFields } from "./common-fields";
import { columnFields, type JsonField, snakeShape, uuid } from "./model-shape";
import type { ResourceDefinition, ShapeOptions } from "./resource";

const employmentModelFields = snakeShape(employmentModel.omit({ remoteData: true, employeeRemoteId: true }).shape);

export const employmentSchema = z
  .object({
    ...syncedHead,
    employee_id: uuid().nullable().describe("The person (GET /employees/{id}); null if the provider no longer lists them"),
    ...employmentModelFields,
    ...syncedTail,
  })
  .openapi("Employment");

const connectionFilter = {
  name: "connection_id",
  schema: uuid().optional(),
  description: "Only this connection's",
  where: (v: unknown) => sql<boolean>`r.connection_id = ${v}`,
};

export const employments: ResourceDefinition = {
  path: "employments",
  name: "Employment",
  description: "Periods of employment (a rehire has several)",
  scope: "directory:read",
  schema: employmentSchema,
  table: "employments",
  fields: (options: ShapeOptions): JsonField[] => [
    ...syncedHeadFields,
    ["employee_id", remoteRef("employees", "employee_remote_id")],
    ...columnFields(employmentModelFields),
    ...syncedTailFields(options),
  ],
  filters: [
    {
      name: "employee_id",
      schema: uuid().optional(),
      description: "Only this person's",
      where: (v) =>
        sql`(r.connection_id, r.employee_remote_id) = (select e.connection_id, e.remote_id from employees e where e.id = ${v})`,
    },
    connectionFilter,
  ],
  modifiedColumn: "updated_at",
  softDeleted: true,
  remoteData: true,
};

const customFieldModelFields = snakeShape(customFieldModel.omit({ remoteData: true }).shape);

export const customFieldSchema = z.object({ ...syncedHead, ...customFieldModelFields, ...syncedTail }).openapi("CustomField");

export const customFields: ResourceDefinition = {
  path: "custom-fields",
  name: "CustomField",
  description: "Custom field definitions (their values are on employees, for keys with sensitive:read)",
  scope: "directory:read",
  schema: customFieldSchema,
  table: "custom_fields",
  fields: (options) => [...syncedHeadFields, ...columnFields(customFieldModelFields), ...syncedTailFields(options)],
  filters: [connectionFilter],
  modifiedColumn: "updated_at",
  softDeleted: true,
  remoteData: true,
};
