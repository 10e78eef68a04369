import type { Db } from "@roster/db";
import { SyncAlreadyRunningError, type SyncConnection } from "../../src/deps";

export type ScriptStep = "succeeded" | "failed" | "crash" | "busy";

export interface ScriptedSync {
  /** The fake engine handed to the worker in place of @roster/sync. */
  sync: SyncConnection;
  /** What the next syncs of a connection do, in order; once the script runs out, syncs succeed. */
  script(connectionId: string, ...steps: ScriptStep[]): void;
  calls: Array<{ connectionId: string; trigger: string; requestId?: string }>;
}

export const SCRIPTED_ERROR = { kind: "unreachable", message: "Zenefits did not answer within 30 s (scripted)" };

/**
 * A real SyncConnection that does what a script says instead of calling a provider: it
 * records a finished run in sync_runs the way the sync engine does, and returns its
 * outcome ("crash" throws, as an engine bug would). Policy tests drive it; the lead's
 * end-to-end tests use the real engine and the Zenefits simulator.
 */
export function scriptedSync(db: Db): ScriptedSync {
  const scripts = new Map<string, ScriptStep[]>();
  const calls: ScriptedSync["calls"] = [];
  const sync: SyncConnection = async ({ connectionId, trigger, requestId }) => {
    calls.push({ connectionId, trigger, ...(requestId ? { requestId } : {}) });
    const step = scripts.get(connectionId)?.shift() ?? "succeeded";
    // As the real engine reports a sync of the connection already holding its lock.
    if (step === "busy") throw new SyncAlreadyRunningError(`a sync of connection ${connectionId} is already running`);
    const connection = await db
      .selectFrom("connections")
      .select("organisation_id")
      .where("id", "=", connectionId)
      .executeTakeFirstOrThrow();
    const run = await db
      .insertInto("sync_runs")
      .values({
        organisation_id: connection.organisation_id,
        connection_id: connectionId,
        trigger,
        status: step === "succeeded" ? "succeeded" : "running",
        finished_at: step === "succeeded" ? new Date() : null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (step === "crash") throw new Error("scripted crash: cannot read properties of undefined");
    if (step === "succeeded") return { runId: run.id, status: "succeeded" };
    await db
      .updateTable("sync_runs")
      .set({ status: "failed", finished_at: new Date(), error_kind: SCRIPTED_ERROR.kind, error_message: SCRIPTED_ERROR.message })
      .where("id", "=", run.id)
      .execute();
    return { runId: run.id, status: "failed", errorKind: SCRIPTED_ERROR.kind, errorMessage: SCRIPTED_ERROR.message };
  };
  return {
    sync,
    script: (connectionId, ...steps) => scripts.set(connectionId, [...(scripts.get(connectionId) ?? []), ...steps]),
    calls,
  };
}
