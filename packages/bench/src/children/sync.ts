/**
 * Child process: one Zenefits sync through the real engine (runSync) and the real
 * connector over HTTP, timed from the first request to the finished run. Its peak RSS is
 * the sync's own (the simulator and the bench live in other processes).
 */
import { zenefits } from "@roster/connector-zenefits";
import type { Connector } from "@roster/core";
import { createDb } from "@roster/db";
import { type RunCounts, runSync } from "@roster/sync";
import { childMain } from "../harness/child-main";
import { type GcPauses, observeGcPauses } from "../harness/gc-pauses";
import { type MemoryPeaks, sampleMemoryPeaks } from "../harness/memory-peaks";

export interface SyncChildInput {
  databaseUrl: string;
  simUrl: string;
  token: string;
  organisationId: string;
  connectionId: string;
  providerRateLimit: boolean;
  /** Unset: the engine's own batch bounds (packages/sync's sync-stream.ts). */
  batchSize?: number;
  /** Streams read at once; unset, the engine chooses (packages/sync's stream-concurrency.ts). */
  streamConcurrency?: number;
}

export interface SyncChildResult {
  wallMs: number;
  cpuUserMs: number;
  cpuSystemMs: number;
  memory: MemoryPeaks;
  gc: GcPauses;
  status: string;
  errorMessage?: string;
  counts: RunCounts;
  /** When each stream finished, in ms from the start. */
  streamDoneMs: Record<string, number>;
  /** Streams the run read at once. */
  streamConcurrency: number;
  /** Whether each chain asked for its next page while working on the current one. */
  readAhead: boolean;
}

/**
 * The connector paces itself at 10 requests/s for the real Zenefits. That is politeness
 * towards a provider, a fixed wait no implementation avoids, and it would bury everything
 * Roster does under ~370 s of sleeping at 100k people; the bench measures without it
 * unless --provider-rate-limit is given.
 */
function connectorFor(providerRateLimit: boolean): Connector {
  const connector = zenefits as unknown as Connector;
  if (providerRateLimit) return connector;
  return { ...connector, manifest: { ...connector.manifest, rateLimit: undefined } };
}

childMain<SyncChildInput, SyncChildResult>(async (input) => {
  const db = createDb(input.databaseUrl, { applicationName: "roster-bench-sync" });
  const connection = await db
    .selectFrom("connections")
    .select("last_success_at")
    .where("id", "=", input.connectionId)
    .executeTakeFirstOrThrow();
  const memory = sampleMemoryPeaks();
  const gc = observeGcPauses();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const streamDoneMs: Record<string, number> = {};
  const outcome = await runSync({
    db,
    connector: connectorFor(input.providerRateLimit),
    credentials: { accessToken: input.token, baseUrl: input.simUrl },
    connection: { id: input.connectionId, organisationId: input.organisationId, lastSuccessAt: connection.last_success_at },
    trigger: "manual",
    batchSize: input.batchSize,
    streamConcurrency: input.streamConcurrency,
    onProgress: (counts) => {
      for (const [stream, c] of Object.entries(counts)) {
        if (c.done && streamDoneMs[stream] === undefined) streamDoneMs[stream] = Math.round(performance.now() - started);
      }
    },
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
    streamDoneMs,
    streamConcurrency: outcome.streamConcurrency,
    readAhead: outcome.readAhead,
  };
});
