import { collectDefaultMetrics, Registry } from "prom-client";

/**
 * One registry per process, labelled with the service it is (api or worker), with Node's own
 * process metrics (memory, event-loop lag, GC) beside Roster's.
 */
export function createMetricsRegistry(service: "api" | "worker"): Registry {
  const registry = new Registry();
  registry.setDefaultLabels({ service });
  collectDefaultMetrics({ register: registry });
  return registry;
}
