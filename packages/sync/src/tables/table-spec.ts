import type { ModelName, Models } from "@roster/core";

export type ColumnType = "text" | "date" | "boolean" | "jsonb" | "timestamptz";

export interface ColumnSpec<T> {
  column: string;
  type: ColumnType;
  /**
   * The unified field the column is written from. When a run may not write that field (the
   * token cannot read it, or the stream omits it), an update leaves the column as stored.
   */
  field?: keyof T & string;
  value: (record: T) => unknown;
}

/** A Roster id column filled after a sync from the remote id of another record. */
export interface ReferenceSpec {
  idColumn: string;
  remoteColumn: string;
  targetTable: string;
}

/** What generic steps (deletions, references) need of a table, whatever its model. */
export interface TableInfo {
  model: string;
  table: string;
  references?: ReferenceSpec[];
}

/** How one unified model is stored: its table and columns. Identifiers here are static, never user input. */
export interface TableSpec<M extends ModelName> {
  model: M;
  table: string;
  columns: ColumnSpec<Models[M]>[];
  references?: ReferenceSpec[];
}

/** Columns every synced table has, from the record fields every model shares. */
export function commonColumns<
  T extends { remoteId: string; remoteData: unknown; remoteUpdatedAt: string | null },
>(): ColumnSpec<T>[] {
  return [
    { column: "remote_id", type: "text", value: (r) => r.remoteId },
    { column: "remote_data", type: "jsonb", value: (r) => JSON.stringify(r.remoteData ?? null) },
    { column: "remote_updated_at", type: "timestamptz", value: (r) => r.remoteUpdatedAt },
  ];
}
