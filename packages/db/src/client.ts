import { Kysely, PostgresDialect } from "kysely";
import pg from "pg";
import { CopyCapableClient } from "./copy-client";
import type { Database } from "./database";

// Dates stay ISO strings (YYYY-MM-DD): a JS Date would shift them by the local time zone.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// int8 (count(*), bigserial) as numbers: Roster's counts stay far below 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type Db = Kysely<Database>;

export interface CreateDbOptions {
  /** Pool size; the API and worker each hold their own pool. */
  max?: number;
  applicationName?: string;
  /** Called after every query with its SQL and duration: slow-query logs and profiling. */
  onQuery?: (sql: string, durationMs: number) => void;
}

/** A typed kysely instance over a pg pool for the given URL. */
export function createDb(url: string, options: CreateDbOptions = {}): Db {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 10_000,
    application_name: options.applicationName ?? "roster",
    // Lets the sync engine stage batches with COPY inside its kysely transactions.
    Client: CopyCapableClient,
  });
  // An idle client losing its server must not crash the process; the pool replaces it.
  pool.on("error", () => {});
  const onQuery = options.onQuery;
  return new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log: onQuery ? (event) => onQuery(event.query.sql, event.queryDurationMillis) : undefined,
  });
}
