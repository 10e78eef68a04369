import { z } from "@hono/zod-openapi";
import { departmentSchema as departmentModel, locationSchema as locationModel } from "@roster/core";
import { sql } from "@roster/db";
import { remoteRef, syncedHead, syncedHeadFields, syncedTail, syncedTailFields } from "./common-fields";
import { columnFields, type JsonField, snakeShape, uuid } from "./model-shape";
import type { ResourceDefinition } from "./resource";

const departmentModelFields = snakeShape(departmentModel.omit({ remoteData: true, parentRemoteId: true }).shape);

export const departmentSchema = z
  .object({
    ...syncedHead,
    ...departmentModelFields,
    parent_id: uuid().nullable().describe("The department above this one"),
    ...syncedTail,
  })
  .openapi("Department");

export const departmentFields = (options: Parameters<ResourceDefinition["fields"]>[0]): JsonField[] => [
  ...syncedHeadFields,
  ...columnFields(departmentModelFields),
  ["parent_id", remoteRef("departments", "parent_remote_id")],
  ...syncedTailFields(options),
];

export const departments: ResourceDefinition = {
  path: "departments",
  name: "Department",
  description: "Departments (groups) of the organisation's HRIS",
  scope: "directory:read",
  schema: departmentSchema,
  table: "departments",
  fields: departmentFields,
  filters: [
    {
      name: "connection_id",
      schema: uuid().optional(),
      description: "Only this connection's",
      where: (v) => sql`r.connection_id = ${v}`,
    },
  ],
  modifiedColumn: "updated_at",
  softDeleted: true,
  remoteData: true,
};

const locationModelFields = snakeShape(locationModel.omit({ remoteData: true }).shape);

export const locationSchema = z.object({ ...syncedHead, ...locationModelFields, ...syncedTail }).openapi("Location");

export const locationFields = (options: Parameters<ResourceDefinition["fields"]>[0]): JsonField[] => [
  ...syncedHeadFields,
  ...columnFields(locationModelFields),
  ...syncedTailFields(options),
];

export const locations: ResourceDefinition = {
  ...departments,
  path: "locations",
  name: "Location",
  description: "Work locations",
  schema: locationSchema,
  table: "locations",
  fields: locationFields,
};
