import type { z } from "@hono/zod-openapi";
import type { RawBuilder } from "@roster/db";
import type { ApiScope } from "../auth/scopes";
import type { JsonField } from "./model-shape";

/** What a list or get may add to the plain record, from the query and the key's scopes. */
export interface ShapeOptions {
  /** The key holds sensitive:read. */
  sensitive: boolean;
  includeRemoteData: boolean;
  expand: ReadonlySet<string>;
}

/** A filter of a list: its query parameter, and the condition it adds on the row `r`. */
export interface ListFilter {
  name: string;
  schema: z.ZodType;
  description: string;
  where(value: unknown): RawBuilder<boolean>;
}

/**
 * One resource of the API: its schema (the OpenAPI component), the table it reads (as `r`),
 * the JSON each row becomes, and its filters. Every resource has list and get by id.
 */
export interface ResourceDefinition {
  /** URL segment: /api/v1/<path>. */
  path: string;
  /** OpenAPI component name and tag. */
  name: string;
  description: string;
  scope: ApiScope;
  schema: z.ZodObject;
  table: string;
  fields(options: ShapeOptions): JsonField[];
  filters: ListFilter[];
  /** Column behind modified_after (absent: the list has no such filter). */
  modifiedColumn?: string;
  /** The resource has remote_deleted_at: lists leave deleted records out unless include_deleted. */
  softDeleted: boolean;
  /** Relations `expand=` accepts. */
  expandable?: readonly string[];
  /** The resource has remote_data that include_remote_data adds. */
  remoteData: boolean;
}
