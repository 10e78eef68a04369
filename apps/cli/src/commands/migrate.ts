import { migrateToLatest, migrationNames } from "@roster/db";
import { openDatabase } from "../database";
import { CliError, ExitCode, type ExitCodeValue } from "../exit-codes";
import type { Output } from "../output/output";

/**
 * `roster migrate`: applies every pending migration to the database (DATABASE_URL, or the
 * running sandbox's). Safe to run again and from several hosts at once: kysely's migrator
 * takes a lock, and a database that is up to date says there is nothing to do.
 */
export async function migrateCommand(out: Output): Promise<ExitCodeValue> {
  const db = await openDatabase();
  let applied: string[];
  try {
    applied = await migrateToLatest(db);
  } catch (error) {
    throw new CliError(ExitCode.failed, (error as Error).message, {
      kind: "migration_failed",
      hint: "Nothing was applied: the pending migrations run in one transaction. Fix the cause and run `roster migrate` again.",
    });
  } finally {
    await db.destroy();
  }
  out.data({ ok: true, applied, migrations: migrationNames.length });
  if (applied.length === 0) {
    out.line(`Nothing to do: all ${migrationNames.length} migrations are applied.`);
    return ExitCode.ok;
  }
  out.line(`${out.c.green("✓")} Applied ${applied.length} migration${applied.length === 1 ? "" : "s"}:`);
  for (const name of applied) out.line(`  ${name}`);
  return ExitCode.ok;
}
