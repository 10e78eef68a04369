export { type Insertable, type Kysely, type RawBuilder, type Selectable, sql, type Transaction, type Updateable } from "kysely";
export { BinaryRows, inlineParameters, selectRawFields } from "./binary-copy";
export { type CreateDbOptions, createDb, type Db } from "./client";
export { assertDatabaseReachable, DatabaseUnavailableError, redactUrl } from "./connectivity";
export type {
  ConnectionStatus,
  Database,
  EmployeeStatus,
  EventDeliveryStatus,
  IntegrationProblem,
  PermissionChange,
  Role,
  StaleField,
  StoredPermissions,
  StreamCounts,
  SyncRunMode,
  SyncRunStatus,
} from "./database";
export { withDatabase } from "./database-url";
export { type EmbeddedPostgresHandle, freePort, startEmbeddedPostgres } from "./embedded";
export { migrateDownToEmpty, migrateToLatest, migrationNames, migrationsAreCurrent } from "./migrate";
export { preparedStatement } from "./prepared-statement";
