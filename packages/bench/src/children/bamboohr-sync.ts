/**
 * Child process: one BambooHR sync through the real engine (runSync) and the real connector
 * over HTTP. The engine plans it as the worker would: full on a connection that never synced,
 * a changes read (employees/changed and the changed tables) once it has.
 */
import { bamboohr } from "@roster/connector-bamboohr";
import { createDb } from "@roster/db";
import { type RunCounts, runSync } from "@roster/sync";
import { childMain } from "../harness/child-main";
import { type GcPauses, observeGcPauses } from "../harness/gc-pauses";
import { type MemoryPeaks, sampleMemoryPeaks } from "../harness/memory-peaks";

export interface BambooHrSyncChildInput {
  databaseUrl: string;
  simUrl: string;
  companyDomain: string;
  apiKey: string;
  organisationId: string;
  connectionId: string;
  providerRateLimit: boolean;
  /** Unset: the engine's own batch bounds (packages/sync's sync-stream.ts). */
  batchSize?: number;
}

export interface BambooHrSyncChildResult {
  wallMs: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  memory: MemoryPeaks;
  gc: GcPauses;
  status: string;
  errorMessage?: string;
  counts: RunCounts;
  /** How the engine read: "full" or "changes" (since the last sync). */
  mode: string;
}

childMain<BambooHrSyncChildInput, BambooHrSyncChildResult>(async (input) => {
  const db = createDb(input.databaseUrl, { applicationName: "roster-bench-bamboohr-sync" });
  const connection = await db
    .selectFrom("connections")
    .select(["last_success_at", "last_full_sync_at"])
    .where("id", "=", input.connectionId)
    .executeTakeFirstOrThrow();
  const memory = sampleMemoryPeaks();
  const gc = observeGcPauses();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const outcome = await runSync({
    db,
    connector: bamboohr,
    credentials: { companyDomain: input.companyDomain, apiKey: input.apiKey, baseUrl: input.simUrl },
    connection: {
      id: input.connectionId,
      organisationId: input.organisationId,
      lastSuccessAt: connection.last_success_at,
      lastFullSyncAt: connection.last_full_sync_at,
    },
    trigger: "manual",
    batchSize: input.batchSize,
    // The connector's politeness cap is a fixed wait no implementation avoids (see sync.ts).
    rateLimit: input.providerRateLimit ? undefined : null,
  });
  const wallMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  const peaks = memory.stop();
  const gcPauses = gc.stop();
  await db.destroy();
  return {
    wallMs,
    cpuUserMs: used.user / 1000,
    cpuSystemMs: used.system / 1000,
    memory: peaks,
    gc: gcPauses,
    status: outcome.status,
    errorMessage: outcome.errorMessage,
    counts: outcome.counts,
    mode: outcome.mode,
  };
});
