import type { ModelName, Models } from "@roster/core";
import type { Database } from "@roster/db";

export type ColumnType = "text" | "date" | "boolean" | "jsonb" | "timestamptz";

/** The table each unified model is stored in: the compiler checks every column name below against it. */
export interface ModelTables {
  companies: "companies";
  departments: "departments";
  locations: "locations";
  employees: "employees";
  employments: "employments";
  customFields: "custom_fields";
  customFieldValues: "custom_field_values";
  candidates: "candidates";
}

export type SyncedTable = ModelTables[ModelName];

/** A column of the given table (or of any of them, for a union), as the database schema declares it. */
export type ColumnOf<T extends SyncedTable> = { [Table in SyncedTable]: keyof Database[Table] & string }[T];

export interface ColumnSpec<R, C extends string = string> {
  column: C;
  type: ColumnType;
  /**
   * The unified field the column is written from. When a run may not write that field (the
   * token cannot read it, or the stream omits it), an update leaves the column as stored.
   */
  field?: keyof R & string;
  value: (record: R) => unknown;
}

/** A Roster id column filled after a sync from the remote id of another record. */
export interface ReferenceSpec<T extends SyncedTable = SyncedTable> {
  idColumn: ColumnOf<T>;
  remoteColumn: ColumnOf<T>;
  targetTable: SyncedTable;
}

/** How one unified model is stored: its table and columns. Identifiers here are static, never user input. */
export interface TableSpec<M extends ModelName> {
  model: M;
  table: ModelTables[M];
  columns: ColumnSpec<Models[M], ColumnOf<ModelTables[M]>>[];
  references?: ReferenceSpec<ModelTables[M]>[];
}

/** What generic steps (deletions, references) need of a table, whatever its model. */
export type TableInfo<M extends ModelName = ModelName> = Pick<TableSpec<M>, "model" | "table" | "references">;

/** Columns every synced table has, from the record fields every model shares. */
export function commonColumns<R extends { remoteId: string; remoteData: unknown; remoteUpdatedAt: string | null }>(): ColumnSpec<
  R,
  "remote_id" | "remote_data" | "remote_updated_at"
>[] {
  return [
    { column: "remote_id", type: "text", value: (r) => r.remoteId },
    { column: "remote_data", type: "jsonb", value: (r) => JSON.stringify(r.remoteData ?? null) },
    { column: "remote_updated_at", type: "timestamptz", value: (r) => r.remoteUpdatedAt },
  ];
}
