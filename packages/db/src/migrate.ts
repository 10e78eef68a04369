import { type Kysely, sql } from "kysely";
import { type MigrationResultSet, Migrator, NO_MIGRATIONS } from "kysely/migration";
import { migrations } from "../migrations/index";

function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: { getMigrations: async () => migrations } });
}

function unwrap(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === "Error")?.migrationName ?? "unknown";
    throw new Error(`Migration ${failed} failed: ${(result.error as Error).message}`, { cause: result.error });
  }
  return (result.results ?? []).map((r) => r.migrationName);
}

/** Applies every pending migration; returns the names applied. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return unwrap(await migrator(db).migrateToLatest());
}

/** Reverts every migration, newest first; returns the names reverted. */
export async function migrateDownToEmpty(db: Kysely<any>): Promise<string[]> {
  return unwrap(await migrator(db).migrateTo(NO_MIGRATIONS));
}

export const migrationNames = Object.keys(migrations);

/**
 * True when every known migration has been applied (readiness checks read this). Reads
 * kysely's own record of them directly: its Migrator first introspects every table of every
 * schema, which fails when another process changes a schema at that moment (a worker
 * installing graphile-worker's, say) and costs more than a probe should.
 */
export async function migrationsAreCurrent(db: Kysely<any>): Promise<boolean> {
  const { rows: found } = await sql<{ name: string | null }>`select to_regclass('kysely_migration')::text as name`.execute(db);
  if (!found[0]?.name) return false;
  const { rows } = await sql<{ name: string }>`select name from kysely_migration`.execute(db);
  const applied = new Set(rows.map((row) => row.name));
  return migrationNames.every((name) => applied.has(name));
}
