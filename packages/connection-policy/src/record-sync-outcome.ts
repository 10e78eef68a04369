import type { Database, Kysely } from "@roster/db";
import { applySyncOutcome, type PolicyDecision } from "./apply-sync-outcome";
import type { PolicyConfig, SyncOutcome } from "./deps";
import { recordCrashedRun } from "./record-crashed-run";

/** A sync that threw instead of recording its end (a bug, a lost database connection). */
export interface CrashedSync {
  status: "crashed";
  trigger: string;
  errorMessage: string;
}

/**
 * Applies the policy to one sync's outcome, in one transaction with the connection row
 * locked: whoever ran the sync (the worker's job, `roster sync`) the connection's counter,
 * schedule and emails follow the same rules. Null when the connection is gone.
 */
export async function recordSyncOutcome(
  db: Kysely<Database>,
  connectionId: string,
  result: SyncOutcome | CrashedSync,
  config: PolicyConfig,
  now: () => Date = () => new Date(),
): Promise<PolicyDecision | null> {
  return db.transaction().execute(async (trx) => {
    const connection = await trx
      .selectFrom("connections")
      .selectAll()
      .where("id", "=", connectionId)
      .forUpdate()
      .executeTakeFirst();
    if (!connection) return null;
    const at = now();
    const outcome: SyncOutcome =
      result.status === "crashed"
        ? {
            runId: await recordCrashedRun(trx, connection, result.trigger, result.errorMessage, at),
            status: "failed",
            errorKind: "crash",
            errorMessage: result.errorMessage,
          }
        : result;
    return applySyncOutcome(trx, connection, outcome, at, config);
  });
}
