import { Counter, Histogram, type Registry } from "prom-client";

export interface SyncObservation {
  connector: string;
  /** succeeded, failed, or crashed (the engine threw). */
  outcome: string;
  seconds: number;
  /** Records created, updated or deleted in the mirror. */
  recordsWritten: number;
}

export interface SyncMetrics {
  observe(observation: SyncObservation): void;
}

/** Syncs reach hours on large directories: buckets up to two hours. */
const DURATION_BUCKETS = [1, 5, 15, 30, 60, 120, 300, 600, 1800, 3600, 7200];

/** Syncs this process ran, by connector and outcome; records they wrote; how long they took. */
export function createSyncMetrics(registry: Registry): SyncMetrics {
  const syncs = new Counter({
    name: "roster_syncs_total",
    help: "Connection syncs finished by this process, by connector and outcome",
    labelNames: ["connector", "outcome"] as const,
    registers: [registry],
  });
  const records = new Counter({
    name: "roster_sync_records_written_total",
    help: "Records created, updated or deleted by syncs in this process, by connector",
    labelNames: ["connector"] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: "roster_sync_duration_seconds",
    help: "Duration of connection syncs, by connector and outcome",
    labelNames: ["connector", "outcome"] as const,
    buckets: DURATION_BUCKETS,
    registers: [registry],
  });
  return {
    observe({ connector, outcome, seconds, recordsWritten }) {
      syncs.inc({ connector, outcome });
      records.inc({ connector }, recordsWritten);
      duration.observe({ connector, outcome }, seconds);
    },
  };
}
