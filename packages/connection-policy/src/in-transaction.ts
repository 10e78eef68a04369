import type { Database, Kysely, Transaction } from "@roster/db";

/**
 * Runs fn in the caller's transaction when given one (so the API can enable a connection
 * and write its audit entry atomically), else in a new transaction.
 */
export function inTransaction<T>(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<Database>) : db.transaction().execute(fn);
}
