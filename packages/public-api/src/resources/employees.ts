import { z } from "@hono/zod-openapi";
import { customFieldValueSchema as customFieldValueModel, employeeSchema as employeeModel, normalizeEmail } from "@roster/core";
import { sql } from "@roster/db";
import { syncedHead, syncedHeadFields, syncedTail, syncedTailFields } from "./common-fields";
import { column, columnFields, type JsonField, nestedObject, snakeShape, uuid } from "./model-shape";
import { departmentFields, departmentSchema, locationFields, locationSchema } from "./organisation-resources";
import type { ResourceDefinition, ShapeOptions } from "./resource";

/** Readable only with sensitive:read. */
const sensitiveModelFields = snakeShape(employeeModel.pick({ personalEmail: true, personalPhone: true }).shape);
/** Links are published as Roster ids (manager_id, …), not the provider's. */
const employeeModelFields = snakeShape(
  employeeModel.omit({
    remoteData: true,
    personalEmail: true,
    personalPhone: true,
    managerRemoteId: true,
    departmentRemoteId: true,
    locationRemoteId: true,
  }).shape,
);

export const employeeRefSchema = z
  .object({
    id: uuid(),
    display_name: employeeModel.shape.displayName,
    work_email: employeeModel.shape.workEmail,
    job_title: employeeModel.shape.jobTitle,
  })
  .openapi("EmployeeRef");

export const customFieldValueSchema = z
  .object({
    custom_field_id: uuid()
      .nullable()
      .describe("The definition (GET /custom-fields/{id}); null if the provider no longer lists it"),
    custom_field_remote_id: customFieldValueModel.shape.customFieldRemoteId,
    name: z.string().nullable(),
    value: customFieldValueModel.shape.value,
  })
  .openapi("CustomFieldValue");

const sensitiveNote = " (only for keys with sensitive:read)";

export const employeeSchema = z
  .object({
    ...syncedHead,
    ...employeeModelFields,
    personal_email: sensitiveModelFields.personal_email.optional().describe(`Personal email${sensitiveNote}`),
    personal_phone: sensitiveModelFields.personal_phone.optional().describe(`Personal phone${sensitiveNote}`),
    manager_id: uuid().nullable(),
    department_id: uuid().nullable(),
    location_id: uuid().nullable(),
    ...syncedTail,
    custom_fields: z.array(customFieldValueSchema).optional().describe(`Custom field values${sensitiveNote}`),
    manager: employeeRefSchema.nullable().optional().describe("With expand=manager"),
    department: departmentSchema.nullable().optional().describe("With expand=department"),
    location: locationSchema.nullable().optional().describe("With expand=location"),
  })
  .openapi("Employee");

const ref = (row: string, name: string) => sql.ref(`${row}.${name}`);

/** Custom field values with their definitions' names, in a stable order. */
const customFields = (row: string) =>
  sql`coalesce((select json_agg(json_build_object('custom_field_id', f.id, 'custom_field_remote_id', v.custom_field_remote_id,
      'name', f.name, 'value', v.value) order by v.custom_field_remote_id)
    from custom_field_values v
    left join custom_fields f on f.connection_id = v.connection_id and f.remote_id = v.custom_field_remote_id
    where v.connection_id = ${ref(row, "connection_id")} and v.employee_remote_id = ${ref(row, "remote_id")}
      and v.remote_deleted_at is null), '[]'::json)`;

const manager = (row: string) =>
  sql`(select json_build_object('id', m.id, 'display_name', m.display_name, 'work_email', m.work_email, 'job_title', m.job_title)
    from employees m where m.id = ${ref(row, "manager_id")})`;

/** The related row, as the same object its own resource returns (GET /departments/{id}). */
const expandTo = (table: string, idColumn: string, fields: JsonField[]) => (row: string) =>
  sql`(select ${nestedObject(fields, "x_expand")} from ${sql.table(table)} x_expand where x_expand.id = ${ref(row, idColumn)})`;

function employeeFields(options: ShapeOptions): JsonField[] {
  const plain: ShapeOptions = { sensitive: false, includeRemoteData: false, expand: new Set() };
  return [
    ...syncedHeadFields,
    ...columnFields(employeeModelFields),
    ...(options.sensitive ? columnFields(sensitiveModelFields) : []),
    ["manager_id", column("manager_id")],
    ["department_id", column("department_id")],
    ["location_id", column("location_id")],
    ...syncedTailFields(options),
    ...(options.sensitive ? ([["custom_fields", customFields]] as JsonField[]) : []),
    ...(options.expand.has("manager") ? ([["manager", manager]] as JsonField[]) : []),
    ...(options.expand.has("department")
      ? ([["department", expandTo("departments", "department_id", departmentFields(plain))]] as JsonField[])
      : []),
    ...(options.expand.has("location")
      ? ([["location", expandTo("locations", "location_id", locationFields(plain))]] as JsonField[])
      : []),
  ];
}

export const employees: ResourceDefinition = {
  path: "employees",
  name: "Employee",
  description: "People in the organisation's HRIS",
  scope: "directory:read",
  schema: employeeSchema,
  table: "employees",
  fields: employeeFields,
  filters: [
    {
      name: "status",
      schema: employeeModel.shape.status.unwrap().optional(),
      description: "Only people with this status",
      where: (v) => sql`r.status = ${v}`,
    },
    {
      name: "department_id",
      schema: uuid().optional(),
      description: "Only this department's",
      where: (v) => sql`r.department_id = ${v}`,
    },
    {
      name: "location_id",
      schema: uuid().optional(),
      description: "Only this location's",
      where: (v) => sql`r.location_id = ${v}`,
    },
    {
      name: "manager_id",
      schema: uuid().optional(),
      description: "Only this person's direct reports",
      where: (v) => sql`r.manager_id = ${v}`,
    },
    {
      name: "work_email",
      schema: z.string().min(3).max(320).optional(),
      description: "The person with this work email (case does not matter)",
      where: (v) => sql`r.work_email_normalized = ${normalizeEmail(String(v))}`,
    },
    {
      name: "connection_id",
      schema: uuid().optional(),
      description: "Only this connection's",
      where: (v) => sql`r.connection_id = ${v}`,
    },
  ],
  modifiedColumn: "updated_at",
  softDeleted: true,
  expandable: ["manager", "department", "location"],
  remoteData: true,
};
