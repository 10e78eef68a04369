export type { Registry } from "prom-client";
export { registerFleetGauges } from "./fleet-gauges";
export { createHttpMetrics, type HttpMetrics, type HttpObservation } from "./http-metrics";
export { serveMetrics } from "./metrics-endpoint";
export { createMetricsRegistry } from "./registry";
export { createSyncMetrics, type SyncMetrics, type SyncObservation } from "./sync-metrics";
